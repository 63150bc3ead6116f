"""Rules-only golden files: each sample converted with ``--model blank`` matches, byte for byte.

These run in the default, model-free test run, so every change to a whole output is seen
without the statistical model. The files live in ``tests/golden/blank/<stem>.json``, out of
``samples/`` so that commands and benchmarks reading that folder see only inputs and golds.

Regenerate on purpose after an intended change with
``EXTRACTOR_REGENERATE=1 .venv/bin/python -m pytest tests/test_golden_blank.py``.
"""

from __future__ import annotations

import difflib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO, sample_files

REGENERATE = os.environ.get("EXTRACTOR_REGENERATE", "") not in ("", "0")
GOLDEN = REPO / "tests" / "golden" / "blank"


def _golden_path(folder: Path, sample: Path) -> Path:
    return folder / f"{sample.stem}.json"


def _produce() -> dict[str, str]:
    """Every sample's rules-only JSON text, by sample name, paths relative to the repository."""
    from extractor.core import Options
    from extractor.pipeline import convert_many

    here = Path.cwd()
    os.chdir(REPO)
    try:
        results = list(
            convert_many([s.relative_to(REPO) for s in sample_files()], options=Options("blank"))
        )
    finally:
        os.chdir(here)
    failed = [(r.path.name, r.error) for r in results if r.text is None]
    assert not failed, f"samples failed to convert: {failed}"
    return {r.path.name: str(r.text) for r in results}


def _mismatch(sample: Path, produced: str, folder: Path) -> str | None:
    """A unified diff when ``produced`` differs from the golden file in ``folder``, else None."""
    expected = _golden_path(folder, sample).read_bytes().decode("utf-8")
    if produced == expected:
        return None
    diff = difflib.unified_diff(
        expected.splitlines(keepends=True),
        produced.splitlines(keepends=True),
        fromfile=f"golden/{sample.stem}.json",
        tofile="produced",
        n=2,
    )
    return "".join(list(diff)[:60])


@pytest.fixture(scope="module")
def produced() -> dict[str, str]:
    texts = _produce()
    if REGENERATE:
        if os.environ.get("CI"):
            pytest.fail("EXTRACTOR_REGENERATE must not be set in CI")
        GOLDEN.mkdir(parents=True, exist_ok=True)
        for sample in sample_files():
            _golden_path(GOLDEN, sample).write_bytes(texts[sample.name].encode("utf-8"))
    return texts


def test_regeneration_is_off_in_ci() -> None:
    assert not (REGENERATE and os.environ.get("CI")), "EXTRACTOR_REGENERATE must not be set in CI"


def test_golden_files_are_exactly_one_per_sample(produced: dict[str, str]) -> None:
    expected = sorted(f"{s.stem}.json" for s in sample_files())
    assert expected and sorted(p.name for p in GOLDEN.iterdir()) == expected


@pytest.mark.parametrize("sample", sample_files(), ids=lambda p: p.name)
def test_sample_matches_its_rules_only_golden_file(sample: Path, produced: dict[str, str]) -> None:
    difference = _mismatch(sample, produced[sample.name], GOLDEN)
    assert difference is None, difference


@pytest.mark.parametrize(
    "edit",
    [
        lambda text: text.replace('"line": ', '"line": 1', 1),
        lambda text: text.replace("  ", "   ", 1),
        lambda text: text.rstrip("\n"),
        lambda text: text + "\n",
    ],
    ids=["value", "indent", "no-final-newline", "extra-newline"],
)
def test_a_changed_output_is_caught(
    edit: Callable[[str], str], produced: dict[str, str], tmp_path: Path
) -> None:
    sample = sample_files()[0]
    copy = tmp_path / "golden"
    shutil.copytree(GOLDEN, copy)
    assert _mismatch(sample, produced[sample.name], copy) is None
    golden = _golden_path(copy, sample)
    golden.write_bytes(edit(golden.read_bytes().decode("utf-8")).encode("utf-8"))
    assert _mismatch(sample, produced[sample.name], copy) is not None
