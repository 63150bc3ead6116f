"""Shared fixtures: where the repository, the samples and the read-only shared corpus live."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SHARED = (REPO / ".." / "shared").resolve()
SAMPLE_EXTENSIONS = (".txt", ".md", ".docx")


def sample_files() -> list[Path]:
    """Every bundled sample input, in a stable order."""
    return sorted(p for p in SAMPLES.iterdir() if p.suffix in SAMPLE_EXTENSIONS)


@pytest.fixture
def shared() -> Path:
    """The read-only shared folder (corpus and scorer); tests using it skip where it is absent."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not present")
    return SHARED
