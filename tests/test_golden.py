"""Golden-file tests: each sample converts to exactly its committed ``<stem>.expected.json``.

Regenerate on purpose after an intended change with
``EXTRACTOR_REGENERATE=1 .venv/bin/python -m pytest tests/test_golden.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import REPO, sample_files

REGENERATE = os.environ.get("EXTRACTOR_REGENERATE", "") not in ("", "0")


def _expected_path(sample: Path) -> Path:
    return sample.with_name(f"{sample.stem}.expected.json")


def test_regeneration_is_off_in_ci() -> None:
    assert not (REGENERATE and os.environ.get("CI")), "EXTRACTOR_REGENERATE must not be set in CI"


def test_every_sample_has_an_expected_file() -> None:
    missing = [s.name for s in sample_files() if not _expected_path(s).is_file()]
    assert sample_files() and not missing, f"no expected output for {missing}"


@pytest.mark.model
@pytest.mark.parametrize("sample", sample_files(), ids=lambda p: p.name)
def test_sample_matches_its_expected_output(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from extractor.emit import render
    from extractor.pipeline import convert

    monkeypatch.chdir(REPO)
    produced = render(convert(sample.relative_to(REPO)))
    expected_path = _expected_path(sample)
    if REGENERATE:
        expected_path.write_text(produced, encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert json.loads(produced) == expected
