"""Fuzz the readers, segmenter and pipeline with a large budget of generated inputs.

    .venv/bin/python benchmarks/fuzz.py [--inputs 20000] [--jobs 2] [--seed 0] [--keep DIR]

Uses the generators and the check of ``tests/test_fuzz.py`` (arbitrary text, arbitrary bytes
as .txt, minutes-like text in three encodings, mutated .docx files) driven by seeded
``random.Random`` instead of Hypothesis, so that every input runs and every uncaught exception
is counted rather than the first one shrunk. Prints how many inputs ran, how many converted or
were refused with an ExtractorError, and each distinct uncaught exception with its count;
``--keep`` saves one input per distinct exception. Exit status 1 if anything was uncaught.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.test_fuzz import MUTATIONS, check, minutes_like, mutated_docx  # noqa: E402

KINDS = ("text", "bytes", "minutes-like", "docx")


def _text(rnd: random.Random) -> str:
    size = rnd.choice((0, 1, 5, 40, 300, 2000))
    top = rnd.choice((0x80, 0x800, 0x10FFFF))
    chars = (chr(rnd.randrange(top)) for _ in range(rnd.randint(0, size)))
    return "".join(c for c in chars if not 0xD800 <= ord(c) <= 0xDFFF)


def generate(kind: str, rnd: random.Random) -> tuple[bytes, str]:
    """One input of ``kind`` and the suffix it is saved with."""
    if kind == "text":
        return _text(rnd).encode("utf-8"), rnd.choice((".txt", ".md"))
    if kind == "bytes":
        return rnd.randbytes(rnd.choice((0, 1, 8, 100, 1000))), ".txt"
    if kind == "minutes-like":
        encoding = rnd.choice(("utf-8", "utf-16", "cp1252"))
        data = minutes_like(rnd).encode(encoding, errors="replace")
        return data, rnd.choice((".txt", ".md"))
    names = [rnd.choice(sorted(MUTATIONS)) for _ in range(rnd.randint(1, 3))]
    return mutated_docx(rnd, names), ".docx"


def _where(error: BaseException) -> str:
    frame = traceback.extract_tb(error.__traceback__)[-1]
    cause = error.__cause__
    inner = f" <- {type(cause).__name__}: {cause}" if cause else ""
    return f"{type(error).__name__}: {error}{inner} @ {frame.filename}:{frame.lineno}"[:400]


def run_chunk(seeds: range, keep: str | None) -> tuple[Counter[str], Counter[str]]:
    """Run the inputs of ``seeds``; return outcome counts and uncaught exception counts."""
    outcomes: Counter[str] = Counter()
    uncaught: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as folder:
        for seed in seeds:
            rnd = random.Random(seed)
            kind = KINDS[seed % len(KINDS)]
            data, suffix = generate(kind, rnd)
            try:
                outcomes[f"{kind} {check(data, suffix=suffix, folder=Path(folder))}"] += 1
            except Exception as error:
                key = _where(error)
                if keep and key not in uncaught:
                    Path(keep).mkdir(parents=True, exist_ok=True)
                    (Path(keep) / f"seed{seed}{suffix}").write_bytes(data)
                uncaught[key] += 1
                outcomes[f"{kind} uncaught"] += 1
    return outcomes, uncaught


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=20_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", help="folder for one input per distinct uncaught exception")
    args = parser.parse_args()
    started = time.perf_counter()
    step = max(1, args.inputs // (args.jobs * 8))
    chunks = [
        range(start, min(start + step, args.seed + args.inputs))
        for start in range(args.seed, args.seed + args.inputs, step)
    ]
    outcomes: Counter[str] = Counter()
    uncaught: Counter[str] = Counter()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for done, errors in pool.map(run_chunk, chunks, [args.keep] * len(chunks)):
            outcomes.update(done)
            uncaught.update(errors)
    ran = sum(outcomes.values())
    print(f"{ran} inputs ran in {time.perf_counter() - started:.0f} s")
    for key, count in sorted(outcomes.items()):
        print(f"  {key:28} {count}")
    print(f"{sum(uncaught.values())} uncaught exceptions ({len(uncaught)} distinct)")
    for key, count in uncaught.most_common():
        print(f"  {count:6}  {key}")
    return 1 if uncaught else 0


if __name__ == "__main__":
    sys.exit(main())
