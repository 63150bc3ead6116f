r"""Recognise a list marker typed at the start of a line: bullets, numbers, letters, numerals.

The forms accepted are the ones found in real minutes, including those that lost their list
formatting on the way to text: Word's Symbol-font bullets, ``o`` sub-bullets, ``4.1`` clause
numbers, Markdown-escaped ``1\\.`` and the ``2:`` style some writers type by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.readers.lines import TAB_WIDTH, indent_width

BULLET_GLYPHS = "·•●▪◦‣⁃■□○◆◇►▶➢➤✓✔❖∙\uf0b7\uf0a7\uf0d8\uf076\uf0fc"
"""Glyphs that only ever open a bullet, so no space is needed after them."""

DASH_BULLETS = "-*+–—"
"""Characters that open a bullet only when whitespace follows them."""

_ROMAN = r"(?:(?=[ivxlcdm]{2})m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))"
_ROMAN_UPPER = _ROMAN.upper()
_LABEL = rf"(?:{_ROMAN}|{_ROMAN_UPPER}|[A-Za-z])"

_GLYPH = re.compile(rf"([{re.escape(BULLET_GLYPHS)}])[ \t\u00a0]*")
_DASH = re.compile(rf"([{re.escape(DASH_BULLETS)}])(?:[ \t\u00a0]+|$)")
_SMALL_O = re.compile(r"(o)(?:\t[ \t]*|  +|(?P<single> ))(?=\S)")
_ESCAPED_NUMBER = re.compile(r"(\d{1,3})\\([.)])[ \t\u00a0]*")
_CLAUSE_NUMBER = re.compile(r"(\d{1,3}(?:\.\d{1,3})+\.?)[ \t\u00a0]+(?=[^\s\da-z])")
_NUMBER = re.compile(r"(\d{1,3}[.)]|\(\d{1,3}\))(?:[ \t\u00a0]+|$|(?=[A-Z]))")
_COLON_NUMBER = re.compile(r"(\d{1,2}:)[ \t\u00a0]+(?=[^\s\da-z])")
_LETTER = re.compile(rf"(\({_LABEL}\)|{_LABEL}[.)])(?:[ \t\u00a0]+|$)")
_OPENERS = BULLET_GLYPHS + DASH_BULLETS + "("
"""Characters besides letters and digits that can start a marker."""
_LETTER_OPENERS = "oivxlcdmIVXLCDM"
"""Letters that can start a marker not followed at once by ``.`` or ``)``."""


@dataclass(frozen=True, slots=True)
class ListMarker:
    """A marker found at the start of a line and what follows it.

    ``indent`` is the marker's column and ``text_column`` the column where the item text
    starts (tabs counted as 4-column stops), used for nesting and hanging-indent wraps.
    """

    marker: str
    numbered: bool
    text: str
    indent: int
    text_column: int


def parse_marker(line: str) -> ListMarker | None:
    """Return the list marker opening ``line`` (indentation allowed), or None for plain text."""
    rest = line.lstrip()
    first = rest[:1]
    if not first or not (first in _OPENERS or first.isalnum()):
        return None
    if first.isalpha() and first not in _LETTER_OPENERS and rest[1:2] not in (".", ")"):
        return None
    indent = indent_width(line)
    lead = line[: len(line) - len(rest)]
    found = _match(rest, indented=indent > 0)
    if found is None:
        return None
    marker, numbered, consumed = found
    text = rest[consumed:].strip()
    text_column = len((lead + rest[:consumed]).expandtabs(TAB_WIDTH))
    return ListMarker(marker, numbered, text, indent, text_column)


def _match(rest: str, *, indented: bool) -> tuple[str, bool, int] | None:
    """Return (marker as written, numbered, characters consumed) for the start of ``rest``.

    The patterns are tried in a fixed order; those that cannot start with ``rest``'s first
    character are skipped.
    """
    first = rest[:1]
    if first in BULLET_GLYPHS and (match := _GLYPH.match(rest)):
        return match.group(1), False, match.end()
    if first in DASH_BULLETS and (match := _DASH.match(rest)):
        return match.group(1), False, match.end()
    if (
        first == "o"
        and (match := _SMALL_O.match(rest))
        and (indented or match.group("single") is None)
    ):
        return "o", False, match.end()
    if first.isdigit():
        if match := _ESCAPED_NUMBER.match(rest):
            return match.group(1) + match.group(2), True, match.end()
        patterns: tuple[re.Pattern[str], ...] = (_CLAUSE_NUMBER, _NUMBER, _COLON_NUMBER)
    elif first == "(":
        patterns = (_NUMBER, _LETTER)
    elif first.isascii() and first.isalpha():
        patterns = (_LETTER,)
    else:
        return None
    for pattern in patterns:
        if match := pattern.match(rest):
            return match.group(1), True, match.end()
    return None
