import pytest

from extractor.readers.lines import (
    collapse_spaces,
    ends_sentence,
    indent_width,
    is_link_only,
    is_rule_line,
    normalise_spaces,
    split_lines,
)


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_split_lines_keeps_offsets_for_every_line_ending(ending: str) -> None:
    text = ending.join(["first", "", "third"]) + ending
    lines = split_lines(text)
    assert [line.text for line in lines] == ["first", "", "third"]
    assert [line.number for line in lines] == [1, 2, 3]
    third = lines[2]
    assert text[third.start : third.end] == "third"


def test_split_lines_mixed_endings_and_no_final_newline() -> None:
    lines = split_lines("a\r\nb\rc\nd")
    assert [(line.number, line.text) for line in lines] == [(1, "a"), (2, "b"), (3, "c"), (4, "d")]


def test_content_offsets_skip_indentation_and_trailing_space() -> None:
    (line,) = split_lines("   text  ")
    assert (line.content_start, line.content_end) == (3, 7)


@pytest.mark.parametrize(
    ("text", "width"), [("x", 0), ("  x", 2), ("\tx", 4), (" \tx", 4), ("\t\tx", 8)]
)
def test_indent_width_counts_tabs_as_four(text: str, width: int) -> None:
    assert indent_width(text) == width


@pytest.mark.parametrize(
    ("text", "rule"),
    [("-----", True), ("* * *", True), ("=====", True), ("--", False), ("- item", False)],
)
def test_is_rule_line(text: str, rule: bool) -> None:
    assert is_rule_line(text) is rule


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("done.", True),
        ("why?", True),
        ("list:", True),
        ("in 10 years’ ", False),
        ("(see it.)", True),
        ("and", False),
    ],
)
def test_ends_sentence(text: str, ends: bool) -> None:
    assert ends_sentence(text) is ends


def test_space_normalisation() -> None:
    assert normalise_spaces("\u00a0a\tb\u200bc  d ") == "a bc  d"
    assert collapse_spaces("a \u00a0  b") == "a b"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  plain ascii  ", "plain ascii"),
        ("a\tb\fc\vd", "a b c d"),
        ("\u00a0a\u2009b\u200bc\ufeff", "a bc"),
        ("caf\u00e9\u00adla", "caf\u00e9la"),
    ],
)
def test_normalise_spaces_ascii_and_unicode(text: str, expected: str) -> None:
    assert normalise_spaces(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a \t b\n", "a b"), ("x\u200b y\u00a0 z", "x y z"), ("", "")],
)
def test_collapse_spaces(text: str, expected: str) -> None:
    assert collapse_spaces(text) == expected


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("[Original file](https://example.org/files/01%20Minutes%20-%2012th%20Oct.pdf)", True),
        ("**[Agenda pack](http://example.org/agenda.pdf)**", True),
        ('[Report](https://example.org/r "the report")', True),
        ("<https://example.org/minutes>", True),
        ("https://example.org/minutes?id=4", True),
        ("www.example.org/minutes", True),
        ("[Staff reports](#staff-reports)", True),
        ("See [the report](https://example.org/r) for details", False),
        ("[Agenda](a.pdf) and [Minutes](b.pdf)", False),
        ("https://example.org was discussed", False),
        ("Minutes of the meeting", False),
        ("[Draft]", False),
    ],
)
def test_is_link_only(text: str, link: bool) -> None:
    assert is_link_only(text) is link
