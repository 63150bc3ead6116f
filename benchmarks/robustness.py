"""Time and peak memory of each hostile input in ``../shared/robustness/`` beside a normal one.

    .venv/bin/python benchmarks/robustness.py [--model blank|auto] [--timeout S] [--only TEXT]
                                              [--limit NAME=N ...]

Each input is converted by ``extractor convert FILE -o TMP --force`` in its own subprocess
(interpreter start and model load included), so its peak resident memory is its own; a run
still going after ``--timeout`` seconds is killed (its memory is then not known). Beside
it runs a normal document of the same size and format: the bundled sample of that format
repeated until it is as large (for .docx, the sample's body repeated until its main part
inflates to as many bytes). The outcome column says whether the input converted or which
budget refused it. A row whose time is far above its normal twin's names a step that is not
linear.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ROBUSTNESS = (REPO / ".." / "shared" / "robustness").resolve()
SAMPLES = REPO / "samples"
FORMATS = (".txt", ".md", ".docx")
_BUDGET = re.compile(r"over the (\w+) budget")


@dataclass(frozen=True, slots=True)
class Run:
    """One conversion: how it ended, how long it took, its peak resident memory."""

    outcome: str
    seconds: float
    peak_mb: float


_MEASURED = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:]).returncode
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"peak-kb {peak}", file=sys.stderr)
sys.exit(code)
"""
"""Runs the command and reports its peak RSS. A child forked from this (large) process would
report this process's memory as its own, so the conversion is forked from a small one."""


def convert(path: Path, *, model: str, timeout: float, limits: list[str]) -> Run:
    """Convert ``path`` in a subprocess; its outcome, wall time and peak RSS."""
    flags = [arg for limit in limits for arg in ("--limit", limit)]
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-c", _MEASURED, sys.executable, "-m", "extractor"]
        command += ["convert", str(path), "-o", out, "--force", "--quiet", "--model", model]
        start = time.perf_counter()
        process = subprocess.Popen(
            [*command, *flags],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,  # a kill on timeout reaches the conversion too
        )
        try:
            _, errors = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            return Run(f"killed after {timeout:.0f} s", time.perf_counter() - start, float("nan"))
        seconds = time.perf_counter() - start
    stderr = errors.decode("utf-8", "replace")
    peak = re.search(r"^peak-kb (\d+)$", stderr, re.MULTILINE)
    return Run(
        _outcome(process.returncode, stderr), seconds, int(peak.group(1)) / 1024 if peak else 0.0
    )


def _outcome(code: int, stderr: str) -> str:
    """``converted``, ``refused (budget NAME)`` or the first error line, shortened."""
    if code == 0:
        return "converted"
    budget = _BUDGET.search(stderr)
    if budget:
        return f"refused ({budget.group(1)})"
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    first = errors[0] if errors else f"exit {code}"
    return first.split(": ", 2)[-1][:60]


def normal_twin(path: Path, folder: Path) -> Path:
    """A normal document of ``path``'s format and about its size, built from a sample."""
    suffix = path.suffix.lower()
    size = path.stat().st_size
    sample = next(p for p in sorted(SAMPLES.iterdir()) if p.suffix.lower() == suffix)
    twin = folder / f"normal-{path.stem}{suffix}"
    if suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            size = archive.getinfo("word/document.xml").file_size
        twin.write_bytes(_grown_docx(sample, size))
        return twin
    text = sample.read_bytes()
    twin.write_bytes((text * (size // len(text) + 1))[:size])
    return twin


def _grown_docx(sample: Path, size: int) -> bytes:
    """``sample`` with its body's content repeated until ``word/document.xml`` has ``size`` bytes.

    Repeated content compresses far better than real text, so the twin of a .docx matches
    its inflated main part, not its file size.
    """
    with zipfile.ZipFile(sample) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    xml = members["word/document.xml"].decode("utf-8")
    open_end = xml.index(">", xml.index("<w:body")) + 1
    close = xml.rfind("<w:sectPr")
    close = close if close > open_end else xml.index("</w:body>")
    head, content, tail = xml[:open_end], xml[open_end:close], xml[close:]

    copies = max(1, (size - len(head) - len(tail)) // max(1, len(content)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            if name == "word/document.xml":
                data = (head + content * copies + tail).encode("utf-8")
            archive.writestr(name, data)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="blank", help="spaCy model (default: blank)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds before a kill")
    parser.add_argument("--only", default="", help="only files whose name contains this")
    parser.add_argument("--limit", action="append", default=[], help="passed to convert")
    args = parser.parse_args()
    if not ROBUSTNESS.is_dir():
        sys.exit(f"{ROBUSTNESS} is not present")
    files = [
        p
        for p in sorted(ROBUSTNESS.iterdir())
        if p.suffix.lower() in FORMATS and p.name != "README.md" and args.only in p.name
    ]
    print(f"model {args.model}; each run includes start-up and model load")
    print("| file | bytes | outcome | s | peak MB | normal: outcome | s | peak MB |")
    print("|---|---:|---|---:|---:|---|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for path in files:
            hostile = convert(path, model=args.model, timeout=args.timeout, limits=args.limit)
            twin = normal_twin(path, Path(folder))
            normal = convert(twin, model=args.model, timeout=args.timeout, limits=args.limit)
            print(
                f"| {path.name} | {path.stat().st_size:,} | {hostile.outcome} | "
                f"{hostile.seconds:.1f} | {hostile.peak_mb:.0f} | {normal.outcome} | "
                f"{normal.seconds:.1f} | {normal.peak_mb:.0f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
