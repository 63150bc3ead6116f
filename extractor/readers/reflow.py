"""Rejoin laid-out lines into paragraphs and list items: what a PDF (or text taken from one) needs.

Both the PDF reader and the reader of text extracted from PDFs describe each physical line as a
:class:`FlowLine` (its text, where it starts, whether it reaches the right margin, its size and
weight, whether space or a page break comes before it), with page furniture already removed
(:func:`drop_furniture`). :func:`reflow` then builds blocks:

- a line noticeably larger than the body text is a ``heading`` (consecutive heading lines of
  one size join); a line whose letters are all bold keeps that as the block's ``bold`` hint;
- a typed list marker (``readers/markers.py``) opens a list item, nested by indentation; a
  marker alone on its line (an agenda number set apart from its title: ``1.`` / ``Adoption of
  Minutes``) takes the next line as its text, unless it ends a sentence the line above left
  open (``… for February`` / ``24.``);
- any other line continues the open block when nothing separates them (no extra space, same
  weight and size, no colon ending the block) and it reads as a wrap: the line before it
  reached the right margin, or it continues a sentence left open (lower-case start, no
  terminal punctuation), or the line before stopped on a comma;
- a word hyphenated across lines is rejoined (``meet-`` + ``ing`` → ``meeting``); the hyphen
  stays when the next part starts with a capital or a digit, or when the document writes the
  hyphenated form elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from extractor.core import Block, Origin
from extractor.readers.lines import collapse_spaces, ends_sentence, is_link_only
from extractor.readers.markers import parse_marker

HEADING_RATIO = 1.18
"""A line at least this much larger than the body text is a heading."""
TOP_HEADING_RATIO = 1.5
"""A heading at least this much larger than the body text is a level-1 heading."""
MAX_HEADING_CHARS = 160
"""A longer line is never a heading, whatever its size."""
REPEATS = 0.3
"""A top or bottom line (digits aside) on at least this share of pages is a running header."""
MAX_LEVEL = 8
WORD_SLACK = 1.3
"""Words vary in width: the next word "would have fitted" only with this much room to spare."""

_PAGE_NUMBER = re.compile(
    r"^[-–—(\[]?\s*(?:page|p\.|pg\.?)?\s*\d{1,4}\s*(?:(?:of|/)\s*\d{1,4})?\s*[-–—)\]]?$",
    re.IGNORECASE,
)
_ROMAN_PAGE = re.compile(r"^[-–—]?\s*[ivxlc]{1,6}\s*[-–—]?$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_HYPHENATED = re.compile(r"\b[A-Za-z]+-[a-z]+\b")
_SOFT_HYPHEN = "\u00ad"
_PDFIUM_HYPHEN = "\x02"
"""What PDFium puts for a hyphen that ends a line."""
_OPEN_END = re.compile(r"[,;]$")


@dataclass(frozen=True, slots=True)
class FlowLine:
    """One physical line, described in the units of its source (points for PDF, columns for text).

    ``indent`` is where the text starts and ``tolerance`` how far two starts may differ and
    still count as aligned; ``room`` is the space left between the line's end and the right
    margin and ``char_width`` the line's average character width: when the next line's first
    word would have fitted in that room, the line was not broken by the margin.
    ``page_start`` marks the first line of a page after the first page.
    """

    text: str
    origin: Origin
    indent: float
    room: float
    char_width: float
    tolerance: float
    size: float = 0.0
    bold: bool = False
    gap_before: bool = False
    page_start: bool = False
    edge: bool = False
    """The line sits at the top or bottom of its page, where headers and footers go."""
    end: int | None = None
    """For text sources: the offset just past the line's last character."""


@dataclass(slots=True)
class _Open:
    """The block being built."""

    kind: str
    first: FlowLine
    last: FlowLine
    parts: list[str]
    text_indent: float
    marker: str | None = None
    numbered: bool = False
    level: int = 0
    bold: bool = False
    gap: bool = False


@dataclass(slots=True)
class _Builder:
    """Collects lines into blocks; see the module docstring."""

    body_size: float
    hyphenated: frozenset[str]
    blocks: list[Block] = field(default_factory=list)
    open: _Open | None = None
    gap: bool = False
    indents: list[float] = field(default_factory=list)

    def feed(self, line: FlowLine) -> None:
        """Route one line: heading, list item, continuation or new paragraph."""
        text = line.text.strip()
        if not text:
            self.close()
            self.gap = bool(self.blocks)
            return
        gap = self.gap or line.gap_before
        if self._is_heading(line, text):
            current = self.open
            if (
                current is not None
                and current.kind == "heading"
                and not line.gap_before
                and abs(current.last.size - line.size) < 0.5
                and not current.parts[-1].endswith(":")
            ):
                self._extend(current, line, text)
                return
            self.close()
            self.indents.clear()
            self.open = _Open("heading", line, line, [text], line.indent, bold=line.bold, gap=gap)
            return
        marker = parse_marker(text)
        current = self.open
        if (
            marker is not None
            and not marker.text
            and current is not None
            and current.parts
            and not gap
            and not ends_sentence(current.parts[-1])
            and self._continues(current, line, text)
        ):
            self._extend(current, line, text)
            return
        if marker is not None:
            self.close()
            while self.indents and self.indents[-1] > line.indent + line.tolerance:
                self.indents.pop()
            if not self.indents or abs(self.indents[-1] - line.indent) > line.tolerance:
                self.indents.append(line.indent)
            offset = len(text) - len(marker.text)
            self.open = _Open(
                "list_item",
                line,
                line,
                [marker.text] if marker.text else [],
                line.indent + _text_offset(line, offset, len(text)),
                marker=marker.marker,
                numbered=marker.numbered,
                level=min(len(self.indents) - 1, MAX_LEVEL),
                bold=line.bold,
                gap=gap,
            )
            return
        current = self.open
        if current is not None and not current.parts:
            current.parts.append(text)
            current.last = line
            return
        if current is not None and not gap and self._continues(current, line, text):
            self._extend(current, line, text)
            return
        self.close()
        while self.indents and self.indents[-1] >= line.indent + line.tolerance:
            self.indents.pop()
        self.open = _Open("paragraph", line, line, [text], line.indent, bold=line.bold, gap=gap)

    def _is_heading(self, line: FlowLine, text: str) -> bool:
        """Tell whether ``line`` is set noticeably larger than the body text."""
        return (
            self.body_size > 0
            and line.size >= HEADING_RATIO * self.body_size
            and len(text) <= MAX_HEADING_CHARS
            and any(c.isalpha() for c in text)
        )

    def _continues(self, block: _Open, line: FlowLine, text: str) -> bool:
        """Tell whether ``line`` wraps ``block`` rather than starting a new paragraph."""
        previous = block.last
        before = block.parts[-1].rstrip()
        if block.kind == "heading" or line.bold != block.bold or before.endswith(":"):
            return False
        if line.size and previous.size and abs(line.size - previous.size) > 0.6:
            return False
        tolerance = line.tolerance
        if block.kind == "list_item":
            aligned = line.indent >= block.text_indent - tolerance or (
                line.indent > block.first.indent + tolerance
            )
        else:
            aligned = abs(line.indent - previous.indent) <= tolerance or (
                block.last is block.first and line.indent < previous.indent
            )
        if not aligned:
            return False
        if not line.size and _caps_run(before) and _caps_run(text) and not ends_sentence(before):
            return True
        open_sentence = text[:1].islower() and not ends_sentence(before)
        word = text.split(None, 1)[0]
        wrapped = previous.room < (len(word) + 1) * previous.char_width * WORD_SLACK
        if line.page_start:
            return open_sentence or (
                wrapped and not ends_sentence(before) and not _caps_run(text.split(None, 1)[0])
            )
        return wrapped or open_sentence or bool(_OPEN_END.search(before))

    def _extend(self, block: _Open, line: FlowLine, text: str) -> None:
        """Append a wrapped line, rejoining a word hyphenated across the break."""
        before = block.parts[-1]
        if before.endswith(_PDFIUM_HYPHEN):
            before = before[:-1] + "-"
        if before.endswith(_SOFT_HYPHEN):
            block.parts[-1] = before[:-1] + text
        elif (
            len(before) > 1 and before.endswith("-") and before[-2].isalpha() and text[:1].isalpha()
        ):
            head = before.rsplit(None, 1)[-1]
            tail = text.split(None, 1)[0]
            whole = f"{head}{tail}".rstrip(".,;:)")
            keep = text[:1].isupper() or whole.lower() in self.hyphenated
            block.parts[-1] = (before if keep else before[:-1]) + text
        else:
            block.parts.append(text)
        block.last = line

    def close(self) -> None:
        """Finish the open block."""
        block, self.open = self.open, None
        if block is None:
            return
        parts = block.parts or [block.marker or ""]
        text = collapse_spaces(" ".join(parts).replace(_PDFIUM_HYPHEN, "-"))
        if not text:
            return
        first = block.first.origin
        origin = first
        if first.start is not None:
            end = block.last.end
            origin = Origin(line=first.line, start=first.start, end=end)
        kind = "heading" if block.kind == "heading" else block.kind
        level = 1 if kind == "heading" else block.level
        if kind == "heading" and block.first.size < TOP_HEADING_RATIO * self.body_size:
            level = 2
        self.blocks.append(
            Block(
                text=text,
                kind=kind,  # type: ignore[arg-type]
                origin=origin,
                level=level,
                marker=block.marker,
                numbered=block.numbered,
                bold=block.bold,
                gap_before=block.gap and bool(self.blocks),
                link=kind == "paragraph" and is_link_only(text),
            )
        )
        self.gap = False


def _caps_run(text: str) -> bool:
    """Tell whether ``text`` is written in capitals (a title set one word or phrase a line)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _text_offset(line: FlowLine, chars: int, total: int) -> float:
    """Estimate how far right of the line's start the item text begins (after the marker)."""
    if line.size:
        return chars * line.size * 0.5
    return float(chars) if total else 0.0


def reflow(lines: Sequence[FlowLine]) -> list[Block]:
    """Build blocks from laid-out lines (furniture already dropped); see the module docstring."""
    builder = _Builder(body_size=_body_size(lines), hyphenated=_hyphenated(lines))
    for line in lines:
        builder.feed(line)
    builder.close()
    return builder.blocks


def _body_size(lines: Iterable[FlowLine]) -> float:
    """The font size most of the text is set in (0 when sizes are unknown)."""
    weights: Counter[float] = Counter()
    for line in lines:
        if line.size:
            weights[round(line.size * 2) / 2] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def _hyphenated(lines: Iterable[FlowLine]) -> frozenset[str]:
    """Hyphenated words written inside lines, lower-cased (kept whole when split at a wrap)."""
    return frozenset(m.group().lower() for line in lines for m in _HYPHENATED.finditer(line.text))


def mark_page_starts(pages: Sequence[Sequence[FlowLine]]) -> list[FlowLine]:
    """Flatten pages into one line list, marking the first line of every page but the first.

    A page's first line gets no ``gap_before`` from a dropped header above it: whether it
    continues the previous page is decided by the wrap rules alone.
    """
    lines: list[FlowLine] = []
    for page in pages:
        for index, line in enumerate(page):
            first = index == 0 and bool(lines)
            lines.append(replace(line, page_start=True, gap_before=False) if first else line)
    return lines


def is_page_number(text: str) -> bool:
    """Tell whether a line holds only a page number (``7``, ``Page 7 of 9``, ``- 7 -``, ``vii``)."""
    stripped = text.strip()
    return bool(stripped) and bool(_PAGE_NUMBER.match(stripped) or _ROMAN_PAGE.match(stripped))


def drop_furniture(pages: Sequence[Sequence[FlowLine]]) -> list[list[FlowLine]]:
    """Remove page numbers and running headers/footers from each page's lines.

    Only lines marked ``edge`` (top or bottom of their page) are candidates. A candidate is
    dropped when it is a page number, or when its text with digits blanked out is a candidate
    on at least :data:`REPEATS` of the pages (and on two pages or more): a running header or
    footer such as ``Minutes 5 March 2024 – page 3``. Nothing else is removed.
    """
    seen: Counter[str] = Counter()
    for page in pages:
        for key in {_furniture_key(line.text) for line in page if line.edge}:
            seen[key] += 1
    needed = max(2, int(REPEATS * len(pages) + 0.999))
    return [
        [
            line
            for line in page
            if not line.edge
            or not (
                is_page_number(line.text)
                or (len(pages) > 1 and seen[_furniture_key(line.text)] >= needed)
            )
        ]
        for page in pages
    ]


def _furniture_key(text: str) -> str:
    """A line's text with digit runs blanked and spaces squeezed, for spotting repeats."""
    return _DIGITS.sub("#", " ".join(text.lower().split()))
