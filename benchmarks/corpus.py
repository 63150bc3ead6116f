"""Benchmark corpus: many distinct minutes of mixed formats and sizes, built in a temp folder.

Sources are ``samples/*`` of this repository and, when present, ``../shared/corpus/real/*``.
Each copy gets a unique reference line at its end so that no two files share a hash (the
manifest would otherwise have nothing to tell apart). Sources above :data:`BIG_BYTES` are
rare in real batches, so they join only every :data:`BIG_EVERY`-th round; the first round
always holds every source, so any prefix of 100 documents has the full size range.

Nothing is written inside the repository: copies of the real minutes stay in the temp folder.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from pathlib import Path

from docx import Document

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
REAL = REPO / "../shared/corpus/real"
SUFFIXES = (".txt", ".md", ".docx")
BIG_BYTES = 100_000
BIG_EVERY = 5


@dataclass(frozen=True, slots=True)
class Source:
    """One original document the corpus copies from."""

    path: Path
    data: bytes

    @property
    def big(self) -> bool:
        """True for sources large enough to be rare in a realistic batch."""
        return len(self.data) > BIG_BYTES


def sources(*, real: bool = True) -> list[Source]:
    """The original documents: the samples, plus the shared real minutes when present."""
    folders = [SAMPLES, REAL] if real and REAL.is_dir() else [SAMPLES]
    found = [
        p for folder in folders for p in sorted(folder.iterdir()) if p.suffix.lower() in SUFFIXES
    ]
    return [Source(p, p.read_bytes()) for p in found]


def _vary_text(data: bytes, tag: str) -> bytes:
    """Text or Markdown with one closing reference line added."""
    return data.rstrip(b"\r\n") + f"\n\nReference: {tag}\n".encode()


def _vary_docx(data: bytes, tag: str) -> bytes:
    """A Word document with one closing reference paragraph added."""
    document = Document(io.BytesIO(data))
    document.add_paragraph(f"Reference: {tag}")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def variant(source: Source, tag: str) -> bytes:
    """The bytes of ``source`` with a small change that makes its hash unique."""
    if source.path.suffix.lower() == ".docx":
        return _vary_docx(source.data, tag)
    return _vary_text(source.data, tag)


def _order(pool: list[Source], count: int, seed: int) -> list[Source]:
    """``count`` sources in rounds: each round every ordinary source once, big ones sometimes."""
    rng = random.Random(seed)
    picked: list[Source] = []
    round_no = 0
    while len(picked) < count:
        members = [s for s in pool if not s.big or round_no % BIG_EVERY == 0]
        rng.shuffle(members)
        picked.extend(members)
        round_no += 1
    return picked[:count]


def build_corpus(dest: Path, *, count: int, real: bool = True, seed: int = 7) -> list[Path]:
    """Write ``count`` distinct documents into ``dest`` and return their paths in order.

    ``real`` False uses the repository's samples only (small documents, for quick runs).
    """
    pool = sources(real=real)
    dest.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for index, source in enumerate(_order(pool, count, seed)):
        target = dest / f"{index:05d}-{source.path.stem}{source.path.suffix.lower()}"
        target.write_bytes(variant(source, f"BENCH-{seed}-{index:05d}"))
        paths.append(target)
    return paths


def scaled(source: Path, dest: Path, factor: int) -> Path:
    """``source`` (Markdown or text) with its body after the first section repeated ``factor``×.

    The header (everything before the second-level heading or the first numbered heading)
    appears once; the body is repeated, so the document grows linearly with ``factor``.
    """
    lines = source.read_text(encoding="utf-8").splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("## ")), len(lines) // 3)
    header, body = lines[:start], lines[start:]
    target = dest / f"{source.stem}-x{factor}{source.suffix}"
    target.write_text("\n".join(header + body * factor) + "\n", encoding="utf-8")
    return target
