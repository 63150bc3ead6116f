"""Page geometry to reading order: characters into lines, lines into rows, rows into columns.

PDFium reports each character with its box, font size and weight, and marks where its own
text analysis breaks lines. A *fragment* is a run of characters PDFium puts on one line,
split again at a wide horizontal gap (a table cell, a right-aligned action name). Fragments
whose vertical extents overlap form one *row* (a superscript joins its line; cells of a table
row join in left-to-right order). When the page has a gutter that no fragment crosses, with
enough text on both sides, the rows between full-width rows are read column by column.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

CELL_GAP = 2.0
"""A horizontal gap wider than this many font sizes splits a PDFium line into fragments."""
COLUMN_MIN_ROWS = 4
"""Each column of a two-column stretch holds at least this many fragments."""
COLUMN_MIN_WIDTH = 0.1
"""The fragments of each column are, on average, at least this share of the page width."""


@dataclass(slots=True)
class Char:
    """One character as PDFium gives it: its text, box (PDF points, y up), size and weight."""

    text: str
    left: float
    right: float
    bottom: float
    top: float
    size: float
    bold: bool


@dataclass(slots=True)
class Fragment:
    """Characters on one line with no wide gap between them."""

    chars: list[Char] = field(default_factory=list)

    @property
    def left(self) -> float:
        """The left edge of the first visible character."""
        return min(c.left for c in self.chars if not c.text.isspace())

    @property
    def right(self) -> float:
        """The right edge of the last visible character."""
        return max(c.right for c in self.chars if not c.text.isspace())

    @property
    def bottom(self) -> float:
        """The lowest visible character bottom."""
        return min(c.bottom for c in self.chars if not c.text.isspace())

    @property
    def top(self) -> float:
        """The highest visible character top."""
        return max(c.top for c in self.chars if not c.text.isspace())

    @property
    def text(self) -> str:
        """The characters' text, ends trimmed."""
        return "".join(c.text for c in self.chars).strip()


@dataclass(slots=True)
class Row:
    """Fragments side by side on one visual line, left to right."""

    fragments: list[Fragment]
    left: float
    right: float
    bottom: float
    top: float
    size: float
    """The median font size of the row's visible characters."""
    bold: bool
    """Every visible letter or digit of the row is bold."""
    text: str


def fragments(chars: list[Char], breaks: set[int]) -> list[Fragment]:
    """Group characters into fragments; ``breaks`` are the indices PDFium ends lines after."""
    found: list[Fragment] = []
    current = Fragment()
    last: Char | None = None
    for index, char in enumerate(chars):
        if char.text in "\r\n":
            if index in breaks or char.text == "\n":
                _keep(found, current)
                current, last = Fragment(), None
            continue
        if char.text.isspace() or char.right <= char.left:
            if current.chars:
                current.chars.append(char)
            continue
        if last is not None and (
            char.left - last.right > CELL_GAP * max(char.size, last.size, 1.0)
            or char.right < last.left - 1
        ):
            _keep(found, current)
            current = Fragment()
        current.chars.append(char)
        last = char
    _keep(found, current)
    return found


def _keep(found: list[Fragment], fragment: Fragment) -> None:
    """Append ``fragment`` when it holds a visible character."""
    if any(not c.text.isspace() for c in fragment.chars):
        found.append(fragment)


def reading_order(parts: list[Fragment], page_width: float) -> tuple[list[Row], float | None]:
    """Return the page's rows in reading order (columns one after the other) and the gutter.

    Rows with a fragment across the gutter split the page into bands; a band with two columns
    of text (see :func:`_two_columns`) is read left column first, any other band row by row.
    """
    if not parts:
        return [], None
    rows = _rows(parts)
    gutter = _gutter(rows, page_width)
    if gutter is None:
        return rows, None
    ordered: list[Row] = []
    for band, crossing in _bands(rows, gutter):
        left, right = _sides(band, gutter)
        if _two_columns(left, right, page_width):
            ordered += _rows(left) + _rows(right)
        else:
            ordered += band
        if crossing is not None:
            ordered.append(crossing)
    return ordered, gutter


def _bands(rows: list[Row], gutter: float) -> list[tuple[list[Row], Row | None]]:
    """Split rows at those with a fragment across ``gutter``: (band, the crossing row after it)."""
    bands: list[tuple[list[Row], Row | None]] = []
    band: list[Row] = []
    for row in rows:
        if any(f.left < gutter < f.right for f in row.fragments):
            bands.append((band, row))
            band = []
        else:
            band.append(row)
    bands.append((band, None))
    return bands


def _sides(band: list[Row], gutter: float) -> tuple[list[Fragment], list[Fragment]]:
    """The band's fragments left of the gutter and right of it."""
    left = [f for row in band for f in row.fragments if f.right <= gutter]
    right = [f for row in band for f in row.fragments if f.right > gutter]
    return left, right


def _two_columns(left: list[Fragment], right: list[Fragment], page_width: float) -> bool:
    """Tell whether two sides of a band are columns of text set side by side."""
    return (
        len(left) >= COLUMN_MIN_ROWS
        and len(right) >= COLUMN_MIN_ROWS
        and _wide(left, page_width)
        and _wide(right, page_width)
        and _side_by_side(left, right)
    )


def _gutter(rows: list[Row], page_width: float) -> float | None:
    """An x between 30 % and 70 % of the page width where some band splits into two columns."""
    best: tuple[int, float] | None = None
    step = max(page_width / 100, 1.0)
    x = page_width * 0.3
    while x <= page_width * 0.7:
        score = 0
        for band, _ in _bands(rows, x):
            left, right = _sides(band, x)
            if _two_columns(left, right, page_width):
                score += min(len(left), len(right))
        if score and (best is None or score > best[0]):
            best = (score, x)
        x += step
    return best[1] if best else None


def _wide(parts: list[Fragment], page_width: float) -> bool:
    """Tell whether the fragments are long enough on average to be a column of text."""
    return statistics.fmean(f.right - f.left for f in parts) >= COLUMN_MIN_WIDTH * page_width


def _side_by_side(left: list[Fragment], right: list[Fragment]) -> bool:
    """Tell whether the two sides overlap vertically for most of the shorter one."""
    low = max(min(f.bottom for f in left), min(f.bottom for f in right))
    high = min(max(f.top for f in left), max(f.top for f in right))
    if high <= low:
        return False
    shorter = min(
        max(f.top for f in left) - min(f.bottom for f in left),
        max(f.top for f in right) - min(f.bottom for f in right),
    )
    return (high - low) >= 0.5 * shorter


def _rows(parts: list[Fragment]) -> list[Row]:
    """Group fragments whose vertical extents overlap into rows, top to bottom."""
    rows: list[list[Fragment]] = []
    spans: list[tuple[float, float]] = []
    for part in sorted(parts, key=lambda f: (-f.top, f.left)):
        bottom, top = part.bottom, part.top
        if rows:
            low, high = spans[-1]
            overlap = min(high, top) - max(low, bottom)
            if overlap >= 0.5 * min(high - low, top - bottom):
                rows[-1].append(part)
                spans[-1] = (min(low, bottom), max(high, top))
                continue
        rows.append([part])
        spans.append((bottom, top))
    return [_row(sorted(group, key=lambda f: f.left)) for group in rows]


def _row(group: list[Fragment]) -> Row:
    """Build a row from its fragments, left to right, joined by one space where apart."""
    pieces: list[str] = []
    previous: Fragment | None = None
    for part in group:
        text = part.text
        if previous is not None:
            touching = part.left - previous.right < 0.15 * _size(part)
            pieces.append(text if touching else " " + text)
        else:
            pieces.append(text)
        previous = part
    visible = [c for part in group for c in part.chars if not c.text.isspace()]
    letters = [c for c in visible if c.text.isalnum()] or visible
    return Row(
        fragments=group,
        left=min(f.left for f in group),
        right=max(f.right for f in group),
        bottom=min(f.bottom for f in group),
        top=max(f.top for f in group),
        size=statistics.median(c.size for c in visible),
        bold=all(c.bold for c in letters),
        text="".join(pieces),
    )


def _size(part: Fragment) -> float:
    """The largest font size in a fragment (at least 1 point)."""
    return max(max(c.size for c in part.chars), 1.0)
