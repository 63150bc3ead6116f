"""Physical lines and their whitespace, shared by the plain-text and Markdown readers.

Lines keep their character offsets into the decoded text, so every block can say where it came
from even after CRLF or lone-CR line endings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TAB_WIDTH = 4

_LINE_END = re.compile(r"\r\n|\r|\n")
_SPACE_LIKE = re.compile(r"[\t\u00a0\u2007\u202f\u2000-\u200a\u3000\f\v]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_RULE = re.compile(r"^\s*([-=_*~#.+])(?:\s*\1){2,}\s*$")
_RULE_CHARS = "-=_*~#.+"
_TERMINAL = (".", "!", "?", ":")
_LINK_ONLY = re.compile(
    r"^[*_\s]*(?:!?\[[^\[\]]*\]\((?:[^()\s]|\([^()]*\))+(?:\s+\"[^\"]*\")?\)"
    r"|<(?:https?|ftp)://[^<>\s]+>|(?:https?|ftp)://\S+|www\.[^\s.]+\.\S+)[*_\s]*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Line:
    """One physical line: its 1-based number, its text without the line ending, and offsets."""

    number: int
    text: str
    start: int

    @property
    def end(self) -> int:
        """Return the offset just past the line's last character (line ending excluded)."""
        return self.start + len(self.text)

    @property
    def indent(self) -> int:
        """Return the width of the leading whitespace, tabs to :data:`TAB_WIDTH` stops."""
        return indent_width(self.text)

    @property
    def content_start(self) -> int:
        """Return the offset of the first non-blank character (the end if blank)."""
        stripped = self.text.lstrip()
        return self.start + len(self.text) - len(stripped)

    @property
    def content_end(self) -> int:
        """Return the offset just past the last non-blank character."""
        return self.start + len(self.text.rstrip())

    def is_blank(self) -> bool:
        """Tell whether the line holds only whitespace (no-break spaces included)."""
        return not self.text.strip()


def split_lines(text: str) -> list[Line]:
    """Split decoded text at CRLF, LF or lone CR, keeping each line's start offset."""
    lines: list[Line] = []
    start = 0
    number = 1
    if "\r" not in text:
        pieces = text.split("\n")
        for number, piece in enumerate(pieces[:-1], start=1):
            lines.append(Line(number, piece, start))
            start += len(piece) + 1
        if pieces[-1]:
            lines.append(Line(len(pieces), pieces[-1], start))
        return lines
    for match in _LINE_END.finditer(text):
        lines.append(Line(number, text[start : match.start()], start))
        start = match.end()
        number += 1
    if start < len(text):
        lines.append(Line(number, text[start:], start))
    return lines


def indent_width(text: str) -> int:
    """Return the column of the first non-blank character of ``text`` (tabs to 4 stops)."""
    column = 0
    for char in text:
        if char == "\t":
            column += TAB_WIDTH - column % TAB_WIDTH
        elif char in " \u00a0\u3000" or char.isspace():
            column += 1
        else:
            break
    return column


def normalise_spaces(text: str) -> str:
    """Turn tabs and no-break spaces into plain spaces, drop invisible characters, trim ends."""
    if not text.isascii():
        text = _INVISIBLE.sub("", text)
    elif "\t" not in text and "\f" not in text and "\v" not in text:
        return text.strip()
    return _SPACE_LIKE.sub(" ", text).strip()


def collapse_spaces(text: str) -> str:
    """Like :func:`normalise_spaces`, and also squeeze runs of spaces to one."""
    if not text.isascii():
        text = _INVISIBLE.sub("", text)
    return " ".join(text.split())  # split() knows every space-like char


def is_rule_line(text: str) -> bool:
    """Tell whether a line is drawn with one repeated punctuation character (``-----``)."""
    first = text.lstrip()[:1]
    return bool(first) and first in _RULE_CHARS and bool(_RULE.match(text))


def ends_sentence(text: str) -> bool:
    """Tell whether ``text`` ends in terminal punctuation (closing quotes/brackets ignored)."""
    stripped = text.rstrip().rstrip("\"'”’)]»")
    return stripped.endswith(_TERMINAL)


def is_link_only(raw: str) -> bool:
    """Tell whether raw text is one link and nothing else (Markdown link, autolink, bare URL)."""
    return ("](" in raw or "://" in raw or "www." in raw.lower()) and bool(_LINK_ONLY.match(raw))
