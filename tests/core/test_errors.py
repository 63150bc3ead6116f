from __future__ import annotations

from pathlib import Path

import pytest

from extractor.core import ExtractorError, InputError, InternalError, internal_error


@pytest.mark.parametrize(
    ("before", "given", "after"),
    [(None, Path("in/a.txt"), "in/a.txt"), ("known.md", "other.md", "known.md")],
    ids=["filled-in", "kept"],
)
def test_with_path_fills_in_only_a_missing_path(
    before: str | None, given: str | Path, after: str
) -> None:
    error = InputError("is empty", path=before)
    assert error.with_path(given) is error
    assert error.path == after
    assert error.one_line() == f"{after}: is empty"


@pytest.mark.parametrize("path", [None, "m.docx", Path("m.txt")])
def test_internal_error_names_the_bug_and_keeps_its_cause(path: str | Path | None) -> None:
    cause = KeyError("oops")
    wrapped = internal_error(cause, path=path)
    assert isinstance(wrapped, InternalError) and isinstance(wrapped, ExtractorError)
    assert wrapped.message == ("internal error (KeyError: 'oops'); please report it with this file")
    assert wrapped.__cause__ is cause
    assert wrapped.path == (None if path is None else str(path))
