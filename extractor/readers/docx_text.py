"""The visible text of WordprocessingML paragraphs and tables, walked in document order.

Text inside content controls (``w:sdt``), hyperlinks, smart tags, simple fields and tracked
insertions is read; deleted text, field instructions and drawings (text boxes) are not. Line
breaks inside a paragraph are kept as separate lines, each with its own bold flag.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from docx.oxml.ns import qn

from extractor.readers.docx_styles import Element, StyleBook, attr, flag
from extractor.readers.lines import normalise_spaces

W_P = qn("w:p")
W_TBL = qn("w:tbl")
W_TR = qn("w:tr")
W_TC = qn("w:tc")
_CONTAINERS = frozenset(
    qn(f"w:{name}") for name in ("sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo")
)
_INLINE_CONTAINERS = _CONTAINERS | {qn("w:hyperlink"), qn("w:fldSimple"), qn("w:dir"), qn("w:bdo")}
_BREAKS = frozenset({qn("w:br"), qn("w:cr")})


@dataclass(frozen=True, slots=True)
class TextLine:
    """One line of a paragraph (paragraphs split at manual line breaks)."""

    text: str
    bold: bool


def iter_blocks(
    parent: Element, kinds: frozenset[str] = frozenset({W_P, W_TBL})
) -> Iterator[Element]:
    """Yield children of ``parent`` whose tag is in ``kinds``, through content controls."""
    for child in parent.iterchildren():
        if child.tag in kinds:
            yield child
        elif child.tag in _CONTAINERS:
            yield from iter_blocks(child, kinds)


def paragraph_lines(paragraph: Element, styles: StyleBook, style_id: str | None) -> list[TextLine]:
    """Split a paragraph into lines; a line is bold when all its non-blank runs are."""
    style_bold = bool(styles.bold(style_id))
    lines: list[TextLine] = []
    pieces: list[str] = []
    bolds: list[bool] = []

    def end_line() -> None:
        text = "".join(pieces)
        lines.append(TextLine(text, bool(bolds) and all(bolds)))
        pieces.clear()
        bolds.clear()

    for run in _iter_runs(paragraph):
        bold = _run_bold(run, styles, style_bold)
        for child in run.iterchildren():
            if child.tag in _BREAKS:
                end_line()
                continue
            text = _run_text(child)
            pieces.append(text)
            if text.strip():
                bolds.append(bold)
    end_line()
    return lines


def paragraph_text(paragraph: Element, styles: StyleBook) -> str:
    """Return all of a paragraph's lines joined with single spaces."""
    lines = paragraph_lines(paragraph, styles, None)
    return " ".join(text for line in lines if (text := normalise_spaces(line.text)))


def table_rows(table: Element, styles: StyleBook) -> Iterator[list[str]]:
    """Yield each row's cell texts; vertically merged continuation cells are empty."""
    for row in iter_blocks(table, frozenset({W_TR})):
        cells: list[str] = []
        for cell in iter_blocks(row, frozenset({W_TC})):
            tc_pr = cell.find(qn("w:tcPr"))
            merge = tc_pr.find(qn("w:vMerge")) if tc_pr is not None else None
            continued = merge is not None and attr(merge) != "restart"
            cells.append("" if continued else cell_text(cell, styles))
        yield cells


def cell_text(cell: Element, styles: StyleBook) -> str:
    """Join a cell's paragraphs (and nested tables) into one line."""
    parts: list[str] = []
    for block in iter_blocks(cell):
        if block.tag == W_P:
            text = paragraph_text(block, styles)
        else:
            text = " / ".join(" | ".join(c for c in row if c) for row in table_rows(block, styles))
        if text:
            parts.append(text)
    joined = ""
    for part in parts:
        if joined:
            joined += " " if joined.endswith((".", "!", "?", ":", ";", ",")) else " / "
        joined += part
    return joined


def _iter_runs(parent: Element) -> Iterator[Element]:
    """Yield a paragraph's ``w:r`` elements in reading order, through inline containers."""
    for child in parent.iterchildren():
        if child.tag == qn("w:r"):
            yield child
        elif child.tag in _INLINE_CONTAINERS:
            yield from _iter_runs(child)


def _run_text(child: Element) -> str:
    """Return the text one run child contributes (tabs and special hyphens included)."""
    tag = child.tag
    if tag == qn("w:t"):
        return str(child.text or "")
    if tag in (qn("w:tab"), qn("w:ptab")):
        return "\t"
    if tag == qn("w:noBreakHyphen"):
        return "-"
    return ""


def _run_bold(run: Element, styles: StyleBook, style_bold: bool) -> bool:
    """Decide bold from the run's own properties, else its character style, else paragraph's."""
    rpr = run.find(qn("w:rPr"))
    if rpr is not None:
        own = flag(rpr.find(qn("w:b")))
        if own is not None:
            return own
        character = styles.bold(attr(rpr.find(qn("w:rStyle"))))
        if character is not None:
            return character
    return style_bold
