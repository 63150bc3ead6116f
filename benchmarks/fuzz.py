"""Fuzz the readers, segmenter, pipeline, batch and read-back with a large budget of inputs.

    .venv/bin/python benchmarks/fuzz.py [--inputs 20000] [--jobs 2] [--seed 0] [--keep DIR]
                                        [--kinds text,docx,...] [--slowest 10]

Uses the generators and checks of ``tests/test_fuzz.py`` (``GENERATORS``: arbitrary text and
bytes, minutes-like text, mutated and hostile .docx files, huge lines, long runs of one
character, many lines, deeply nested JSON; plus batches whose writes start failing) driven by
seeded ``random.Random`` instead of Hypothesis, so that every input runs and every uncaught
exception is counted rather than the first one shrunk. Input ``n`` is made from seed ``n``
alone, so any input can be made again from the figures.

Prints how many inputs ran and at what rate; per class, how many converted (every converted
output is checked against the schema, so converted means valid) or were refused with an
ExtractorError; how many inputs each refusal message stopped (numbers written N, so one
budget is one line); the slowest inputs per byte; and each distinct uncaught exception with
its count. ``--keep`` saves one input per distinct exception and share of the run. Exit status
1 if anything was uncaught.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.test_fuzz import GENERATORS, check_batch_faults, check_input  # noqa: E402

BATCH = "batch-faults"
WEIGHTS = {
    "text": 14,
    "bytes": 14,
    "minutes-like": 14,
    "docx": 14,
    "hostile-zip": 8,
    "nested-json": 8,
    "pathological-run": 6,
    "huge-line": 5,
    "many-lines": 3,
    BATCH: 4,
}
"""How often each class is drawn; a class of ``GENERATORS`` not listed here gets weight 8."""
MIN_SIZE = 1000
"""Inputs smaller than this are left out of the per-byte ranking (start-up cost dominates)."""


@dataclass
class Tally:
    """What a share of the run found; tallies from workers are added together."""

    outcomes: Counter[str] = field(default_factory=Counter)
    refusals: Counter[str] = field(default_factory=Counter)
    uncaught: Counter[str] = field(default_factory=Counter)
    slowest: list[tuple[float, float, int, str, int]] = field(default_factory=list)
    """(seconds per KB, seconds, seed, kind, bytes) of the slowest inputs per byte (1 KB up)."""
    longest: list[tuple[float, int, str, int]] = field(default_factory=list)
    """(seconds, seed, kind, bytes) of the inputs that took longest."""
    seconds: Counter[str] = field(default_factory=Counter)
    """Time spent on each class."""

    def add(self, other: Tally, *, keep: int) -> None:
        """Fold ``other`` into this tally, keeping the ``keep`` slowest inputs."""
        self.outcomes.update(other.outcomes)
        self.refusals.update(other.refusals)
        self.uncaught.update(other.uncaught)
        self.slowest = sorted(self.slowest + other.slowest, reverse=True)[:keep]
        self.longest = sorted(self.longest + other.longest, reverse=True)[:keep]
        self.seconds.update(other.seconds)


def kind_of(seed: int, kinds: list[str]) -> str:
    """The class of input ``seed`` makes (drawn by weight, from the seed alone)."""
    weights = [WEIGHTS.get(kind, 8) for kind in kinds]
    return random.Random(f"kind-{seed}").choices(kinds, weights)[0]


def _where(error: BaseException) -> str:
    frame = traceback.extract_tb(error.__traceback__)[-1]
    cause = error.__cause__
    inner = f" <- {type(cause).__name__}: {cause}" if cause else ""
    return f"{type(error).__name__}: {error}{inner} @ {frame.filename}:{frame.lineno}"[:400]


def _message_key(message: str) -> str:
    """A refusal message with its numbers as N, so every input one limit stopped counts once."""
    return re.sub(r"\d[\d,._]*", "N", message)[:120]


def run_chunk(seeds: range, kinds: list[str], keep: str | None, slowest: int) -> Tally:
    """Run the inputs of ``seeds``; return what they did."""
    tally = Tally()
    for seed in seeds:
        rnd = random.Random(seed)
        kind = kind_of(seed, kinds)
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            size, data, suffix = 0, b"", ""
            try:
                if kind == BATCH:
                    outcome, message = check_batch_faults(rnd, Path(folder)), ""
                else:
                    data, suffix = GENERATORS[kind](rnd)
                    size = len(data)
                    outcome, message = check_input(data, suffix=suffix, folder=Path(folder))
                tally.outcomes[f"{kind} {outcome}"] += 1
                if message:
                    tally.refusals[_message_key(message)] += 1
            except Exception as error:
                key = f"{kind}: {_where(error)}"
                if keep and key not in tally.uncaught and data:
                    Path(keep).mkdir(parents=True, exist_ok=True)
                    (Path(keep) / f"seed{seed}-{kind}{suffix}").write_bytes(data)
                tally.uncaught[key] += 1
                tally.outcomes[f"{kind} uncaught"] += 1
            seconds = time.perf_counter() - started
        tally.seconds[kind] += seconds
        if size >= MIN_SIZE:
            entry = (seconds / size * 1000, seconds, seed, kind, size)
            tally.slowest = sorted([*tally.slowest, entry], reverse=True)[:slowest]
        tally.longest = sorted([*tally.longest, (seconds, seed, kind, size)], reverse=True)[
            :slowest
        ]
    return tally


def main() -> int:
    """Run the fuzz budget and print its figures."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=20_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", help="folder for one input per distinct uncaught exception")
    parser.add_argument("--kinds", help="comma-separated classes (default: all)")
    parser.add_argument("--slowest", type=int, default=10, help="slowest inputs to list")
    args = parser.parse_args()
    kinds = args.kinds.split(",") if args.kinds else [*GENERATORS, BATCH]
    unknown = set(kinds) - {*GENERATORS, BATCH}
    if unknown:
        parser.error(f"unknown classes: {', '.join(sorted(unknown))}")
    started = time.perf_counter()
    step = max(1, min(200, args.inputs // (args.jobs * 8)))
    chunks = [
        range(start, min(start + step, args.seed + args.inputs))
        for start in range(args.seed, args.seed + args.inputs, step)
    ]
    total = Tally()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        parts = pool.map(
            run_chunk,
            chunks,
            [kinds] * len(chunks),
            [args.keep] * len(chunks),
            [args.slowest] * len(chunks),
        )
        for part in parts:
            total.add(part, keep=args.slowest)
    wall = time.perf_counter() - started
    ran = sum(total.outcomes.values())
    converted = sum(n for key, n in total.outcomes.items() if key.endswith(" converted"))
    print(f"{ran} inputs ran in {wall:.0f} s ({ran / wall:.1f} inputs/s, {args.jobs} jobs)")
    for key, count in sorted(total.outcomes.items()):
        print(f"  {key:32} {count}")
    print("seconds per class (summed over jobs):")
    for kind, seconds in total.seconds.most_common():
        print(f"  {kind:32} {seconds:8.0f}")
    print(f"{converted} converted, every one valid against the schema ({converted / ran:.1%})")
    print(f"refusals by message ({sum(total.refusals.values())} inputs):")
    for key, count in total.refusals.most_common():
        print(f"  {count:6}  {key}")
    print(f"slowest inputs per byte, {MIN_SIZE} bytes and up (seed N remakes input N):")
    for per_kb, seconds, seed, kind, size in total.slowest:
        print(f"  {per_kb:8.3f} s/KB  {seconds:6.2f} s  {size:9} bytes  seed {seed}  {kind}")
    print("longest inputs:")
    for seconds, seed, kind, size in total.longest:
        print(f"  {seconds:6.2f} s  {size:9} bytes  seed {seed}  {kind}")
    print(f"{sum(total.uncaught.values())} uncaught exceptions ({len(total.uncaught)} distinct)")
    for key, count in total.uncaught.most_common():
        print(f"  {count:6}  {key}")
    return 1 if total.uncaught else 0


if __name__ == "__main__":
    sys.exit(main())
