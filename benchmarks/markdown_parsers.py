"""Markdown reader against library parsers: is markdown-it-py (or PyYAML) worth adopting?

    .venv/bin/python benchmarks/markdown_parsers.py [--shared ../shared] [--rounds 7]

Times, over every Markdown file of ``samples/`` and the shared ``corpus/{real,pool,dev}``,
the whole Markdown reader (decoding, front matter, blocks, inline markup: ``read_data``)
against markdown-it-py's token parse alone (CommonMark plus tables, no text extraction yet),
and PyYAML's ``safe_load`` (and its C loader) on the YAML front matter alone. A library whose
bare parse is already slower than the whole reader cannot make the reader faster. Each
figure is the fastest of ``--rounds`` runs.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import yaml  # noqa: E402
from markdown_it import MarkdownIt  # noqa: E402

from extractor.core import ExtractorError  # noqa: E402
from extractor.readers import read_data  # noqa: E402

CORPORA = ("real", "pool", "dev")


def markdown_files(shared: Path) -> list[Path]:
    """The Markdown files of the samples and of whichever shared corpora are present."""
    folders = [REPO / "samples", *(shared / "corpus" / name for name in CORPORA)]
    return sorted(
        path
        for folder in folders
        if folder.is_dir()
        for path in folder.rglob("*")
        if path.suffix in (".md", ".markdown")
    )


def yaml_front_matter(text: str) -> str | None:
    """The text between an opening ``---`` line and the next ``---``/``...`` line, if any."""
    lines = text.lstrip().splitlines()
    if not lines or lines[0].strip() != "---":
        return None
    for end, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return "\n".join(lines[1:end])
    return None


def fastest(run: Callable[[], object], rounds: int) -> float:
    """The shortest of ``rounds`` timings of ``run()``, in milliseconds."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO / ".." / "shared")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    files = markdown_files(args.shared.resolve())
    data = [(path.name, path.read_bytes()) for path in files]
    texts = [raw.decode("utf-8", errors="replace") for _, raw in data]
    front = [block for text in texts if (block := yaml_front_matter(text)) is not None]
    markdown_it = MarkdownIt("commonmark").enable(["table", "strikethrough"])

    def reader() -> None:
        for name, raw in data:
            with contextlib.suppress(ExtractorError):  # a rejected file still took its time
                read_data(raw, name=name)

    rows = [
        ("extractor Markdown reader (whole read)", fastest(reader, args.rounds)),
        (
            "markdown-it-py parse (tokens only)",
            fastest(lambda: [markdown_it.parse(t) for t in texts], args.rounds),
        ),
        (
            f"PyYAML safe_load ({len(front)} front matters)",
            fastest(lambda: [yaml.safe_load(b) for b in front], args.rounds),
        ),
        (
            "PyYAML CSafeLoader",
            fastest(lambda: [yaml.load(b, Loader=yaml.CSafeLoader) for b in front], args.rounds),
        ),
    ]
    print(f"{len(files)} Markdown files, {sum(map(len, texts)):,} characters")
    for label, ms in rows:
        print(f"{label:<45} {ms:8.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
