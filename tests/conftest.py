"""Shared fixtures: where the repository, the samples and the read-only shared corpus live."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SHARED = (REPO / ".." / "shared").resolve()
SAMPLE_EXTENSIONS = (".txt", ".md", ".docx")

MINUTES = """Riverside Residents Forum
Tuesday 5 March 2024, 7-9pm at the Community Hall

Councillor Jane Doe, Riverside Borough Council
· The new play area opens in April.
· Street lighting on Mill Lane will be repaired.

The next meeting takes place on Tuesday 7 May 2024.
"""
"""Small, clean plain-text minutes: a title, a dated header, one speaker section, a next meeting."""


def write_text(path: Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path``, creating its folder; return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def sample_files() -> list[Path]:
    """Every bundled sample input, in a stable order."""
    return sorted(p for p in SAMPLES.iterdir() if p.suffix in SAMPLE_EXTENSIONS)


@pytest.fixture
def shared() -> Path:
    """The read-only shared folder (corpus and scorer); tests using it skip where it is absent."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not present")
    return SHARED
