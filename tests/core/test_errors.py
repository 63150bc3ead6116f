from __future__ import annotations

from pathlib import Path

import pytest

from extractor.core import ExtractorError, InputError, InternalError, internal_error, printable


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


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("a\nb.txt", "a\\nb.txt"),
        ("\x1b[31mred\x1b[0m.txt", "\\x1b[31mred\\x1b[0m.txt"),
        ("evil\u202etxt.exe", "evil\\u202etxt.exe"),
        ("bell\x07\x9b.md", "bell\\x07\\x9b.md"),
        ("café – ok.txt", "café – ok.txt"),
    ],
)
def test_one_line_escapes_control_characters_in_the_path(path: str, shown: str) -> None:
    line = InputError("is \x1b[2J broken", path=path).one_line()
    assert line == f"{shown}: is \\x1b[2J broken"
    assert line.isprintable()


def test_printable_is_idempotent() -> None:
    once = printable("a\nb\x1bc\u2066d")
    assert printable(once) == once == "a\\nb\\x1bc\\u2066d"
