import re

import pytest

from extractor.readers import markers
from extractor.readers.markers import parse_marker


@pytest.mark.parametrize(
    ("line", "marker", "numbered", "text"),
    [
        ("· Crime levels", "·", False, "Crime levels"),
        ("·Crime levels", "·", False, "Crime levels"),
        ("•\tA new vision", "•", False, "A new vision"),
        ("● dot", "●", False, "dot"),
        ("▪ square", "▪", False, "square"),
        ("◦ hollow", "◦", False, "hollow"),
        ("‣ triangle", "‣", False, "triangle"),
        ("⁃ hyphen bullet", "⁃", False, "hyphen bullet"),
        ("\uf0b7 word symbol", "\uf0b7", False, "word symbol"),
        ("- dash", "-", False, "dash"),
        ("* star", "*", False, "star"),
        ("+ plus", "+", False, "plus"),
        ("– en dash", "–", False, "en dash"),
        ("— em dash", "—", False, "em dash"),
        ("o\tsub point", "o", False, "sub point"),
        ("    o sub point", "o", False, "sub point"),
        ("1. Tackling crime", "1.", True, "Tackling crime"),
        ("1) Tackling crime", "1)", True, "Tackling crime"),
        ("(1) Tackling crime", "(1)", True, "Tackling crime"),
        ("10. Unfinished business", "10.", True, "Unfinished business"),
        ("1.The quirk", "1.", True, "The quirk"),
        ("a) lettered", "a)", True, "lettered"),
        ("a. lettered", "a.", True, "lettered"),
        ("(a) lettered", "(a)", True, "lettered"),
        ("A. Chairman [Brett]", "A.", True, "Chairman [Brett]"),
        ("(i) roman", "(i)", True, "roman"),
        ("i. roman", "i.", True, "roman"),
        ("iv) roman", "iv)", True, "roman"),
        ("XII. Roman", "XII.", True, "Roman"),
        ("4.1 Playing Field Report", "4.1", True, "Playing Field Report"),
        ("9.2.1 Highways", "9.2.1", True, "Highways"),
        ("4.1. Dotted clause", "4.1.", True, "Dotted clause"),
        ("1\\. Apologies", "1.", True, "Apologies"),
        ("2:\u00a0\u00a0\u00a0 Discuss viability", "2:", True, "Discuss viability"),
    ],
)
def test_marker_forms(line: str, marker: str, numbered: bool, text: str) -> None:
    found = parse_marker(line)
    assert found is not None
    assert (found.marker, found.numbered, found.text) == (marker, numbered, text)


@pytest.mark.parametrize(
    "line",
    [
        "Plain sentence.",
        "-5 degrees overnight",
        "*Extracted from the agenda",
        "**Bold heading**",
        "1.5 million visitors",
        "2023. The year",
        "7:00pm start",
        "e.g. the council",
        "Mr. Smith said",
        "o the humanity",
        "Émile said",
        "(note) aside",
        "--- not a bullet",
    ],
)
def test_not_markers(line: str) -> None:
    assert parse_marker(line) is None


@pytest.mark.parametrize(
    ("line", "indent", "text_column"),
    [("· x", 0, 2), ("    - x", 4, 6), ("\t1. x", 4, 7), (" 1. Call to order", 1, 4)],
)
def test_marker_columns(line: str, indent: int, text_column: int) -> None:
    found = parse_marker(line)
    assert found is not None
    assert (found.indent, found.text_column) == (indent, text_column)


def test_marker_alone_has_empty_text() -> None:
    found = parse_marker("1.")
    assert found is not None
    assert found.text == ""


def _every_pattern(rest: str, indented: bool) -> tuple[str, bool, int] | None:
    """The marker found by trying every pattern in order, whatever the first character."""
    if match := markers._GLYPH.match(rest):
        return match.group(1), False, match.end()
    if match := markers._DASH.match(rest):
        return match.group(1), False, match.end()
    if (match := markers._SMALL_O.match(rest)) and (indented or match.group("single") is None):
        return "o", False, match.end()
    if match := markers._ESCAPED_NUMBER.match(rest):
        return match.group(1) + match.group(2), True, match.end()
    patterns: tuple[re.Pattern[str], ...] = (
        markers._CLAUSE_NUMBER,
        markers._NUMBER,
        markers._COLON_NUMBER,
        markers._LETTER,
    )
    for pattern in patterns:
        if match := pattern.match(rest):
            return match.group(1), True, match.end()
    return None


@pytest.mark.parametrize(
    "rest",
    [
        "\u0663. Arabic-Indic digit",
        "(\u0663) bracketed digit",
        "\u00b2 superscript",
        "(iv) roman",
        "(b) letter",
        "o  sub point",
        "o single",
        "\u2022bullet",
        "\u2013 dash",
        "3\\) escaped",
        "12: colon",
        "4.1.2 clause",
        "\u00c9. accented capital",
        "Minutes of the meeting",
        "",
    ],
)
@pytest.mark.parametrize("indented", [True, False])
def test_first_character_skips_only_patterns_that_cannot_match(rest: str, indented: bool) -> None:
    assert markers._match(rest, indented=indented) == _every_pattern(rest, indented)
