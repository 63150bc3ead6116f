"""The hostile inputs in ``../shared/robustness``: each converts, or is refused in one line.

Every file there once broke a promise (a traceback, hours of work, gigabytes of memory). Read
through the library with the rule layer only, each must now give a valid document or an
:class:`ExtractorError` whose one-line message names the problem; the files that exceed a work
budget must be refused by that budget. Time is left to ``benchmarks/robustness.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.core import BudgetError, ExtractorError, Options, schema_errors
from extractor.pipeline import convert_many
from tests.conftest import SHARED

ROBUSTNESS = SHARED / "robustness"
INPUTS = (
    sorted(p for p in ROBUSTNESS.glob("*") if p.name != "README.md") if ROBUSTNESS.is_dir() else []
)

REFUSED = {
    "nearcap_180MB_xml.docx": "xml_bytes budget",
    "t00032_huge_line.md": "line_chars budget",
    "t00128_huge_line.txt": "line_chars budget",
    "d01053_rels_weird.docx": "is not a valid .docx",
    "deep_nested.json": "cannot read",
}
"""Inputs that must be refused, and words their message must hold; the rest must convert."""


@pytest.fixture(scope="module")
def outcomes() -> dict[str, tuple[str | None, ExtractorError | None]]:
    """Each input's JSON text or error, from one pass over all of them."""
    if not INPUTS:
        pytest.skip("../shared/robustness is not present")
    results = convert_many(INPUTS, options=Options(model="blank"))
    return {r.path.name: (r.text, r.error) for r in results}


@pytest.mark.slow
@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_a_hostile_input_converts_or_is_refused_in_one_line(
    path: Path, outcomes: dict[str, tuple[str | None, ExtractorError | None]]
) -> None:
    text, error = outcomes[path.name]
    if path.name in REFUSED:
        assert error is not None, "converted, but must be refused"
        line = error.one_line()
        assert "\n" not in line and REFUSED[path.name] in line
        if "budget" in REFUSED[path.name]:
            assert isinstance(error, BudgetError)
    else:
        assert error is None, error.one_line()
        assert text is not None and schema_errors(json.loads(text)) == []


def test_every_refused_input_is_one_of_the_shared_files() -> None:
    if not INPUTS:
        pytest.skip("../shared/robustness is not present")
    assert set(REFUSED) <= {p.name for p in INPUTS}
