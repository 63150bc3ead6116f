"""The visible text of WordprocessingML paragraphs and tables, walked in document order.

Text inside content controls (``w:sdt``), hyperlinks, smart tags, simple fields and tracked
insertions is read; deleted text, field instructions and drawings (text boxes) are not. Line
breaks inside a paragraph are kept as separate lines, each with its own bold flag.
"""

from __future__ import annotations

from collections.abc import Iterator

from docx.oxml.ns import qn

from extractor.readers.assemble import TextLine, join_cell_parts
from extractor.readers.docx.styles import Element, StyleBook, attr, child, flag, leading_child
from extractor.readers.lines import normalise_spaces

W_P = qn("w:p")
W_TBL = qn("w:tbl")
W_TR = qn("w:tr")
W_TC = qn("w:tc")
_W_R = qn("w:r")
_W_T = qn("w:t")
_TABS = frozenset({qn("w:tab"), qn("w:ptab")})
_W_NO_BREAK_HYPHEN = qn("w:noBreakHyphen")
_W_RPR = qn("w:rPr")
_W_B = qn("w:b")
_W_RSTYLE = qn("w:rStyle")
_W_TC_PR = qn("w:tcPr")
_W_VMERGE = qn("w:vMerge")
_ROWS = frozenset({W_TR})
_CELLS = frozenset({W_TC})
_CONTAINERS = frozenset(
    qn(f"w:{name}") for name in ("sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo")
)
_INLINE_CONTAINERS = _CONTAINERS | {qn("w:hyperlink"), qn("w:fldSimple"), qn("w:dir"), qn("w:bdo")}
_BREAKS = frozenset({qn("w:br"), qn("w:cr")})


def iter_blocks(
    parent: Element, kinds: frozenset[str] = frozenset({W_P, W_TBL})
) -> Iterator[Element]:
    """Yield children of ``parent`` whose tag is in ``kinds``, through content controls."""
    for item in parent.iterchildren():
        if item.tag in kinds:
            yield item
        elif item.tag in _CONTAINERS:
            yield from iter_blocks(item, kinds)


def paragraph_lines(paragraph: Element, styles: StyleBook, style_id: str | None) -> list[TextLine]:
    """Split a paragraph into lines; a line is bold when all its non-blank runs are."""
    style_bold = bool(styles.bold(style_id))
    lines: list[TextLine] = []
    pieces: list[str] = []
    inked = False  # the line so far has non-blank text
    all_bold = True
    for run in _iter_runs(paragraph):
        bold: bool | None = None  # read only once the run shows text
        for item in run.iterchildren():
            tag = item.tag
            if tag == _W_T:
                text = item.text or ""
            elif tag in _BREAKS:
                lines.append(TextLine("".join(pieces), inked and all_bold))
                pieces, inked, all_bold = [], False, True
                continue
            elif tag in _TABS:
                text = "\t"
            elif tag == _W_NO_BREAK_HYPHEN:
                text = "-"
            else:
                continue
            pieces.append(text)
            if text.strip():
                if bold is None:
                    bold = _run_bold(run, styles, style_bold)
                inked = True
                all_bold = all_bold and bold
    lines.append(TextLine("".join(pieces), inked and all_bold))
    return lines


def paragraph_text(paragraph: Element, styles: StyleBook) -> str:
    """Return all of a paragraph's lines joined with single spaces."""
    lines = paragraph_lines(paragraph, styles, None)
    return " ".join(text for line in lines if (text := normalise_spaces(line.text)))


def table_rows(table: Element, styles: StyleBook) -> Iterator[list[str]]:
    """Yield each row's cell texts; vertically merged continuation cells are empty."""
    for row in iter_blocks(table, _ROWS):
        cells: list[str] = []
        for cell in iter_blocks(row, _CELLS):
            tc_pr = leading_child(cell, _W_TC_PR)
            merge = child(tc_pr, _W_VMERGE) if tc_pr is not None else None
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
    return join_cell_parts(parts)


def _iter_runs(parent: Element) -> Iterator[Element]:
    """Yield a paragraph's ``w:r`` elements in reading order, through inline containers."""
    for item in parent.iterchildren():
        tag = item.tag
        if tag == _W_R:
            yield item
        elif tag in _INLINE_CONTAINERS:
            yield from _iter_runs(item)


def _run_bold(run: Element, styles: StyleBook, style_bold: bool) -> bool:
    """Decide bold from the run's own properties, else its character style, else paragraph's."""
    rpr = leading_child(run, _W_RPR)
    if rpr is not None:
        own = flag(child(rpr, _W_B))
        if own is not None:
            return own
        character = styles.bold(attr(child(rpr, _W_RSTYLE)))
        if character is not None:
            return character
    return style_bold
