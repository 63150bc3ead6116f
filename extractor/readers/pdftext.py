"""Text that was extracted from a PDF: found from the text itself, then read like the PDF.

A ``.txt`` or ``.md`` file counts as PDF text when it carries page breaks: a form feed
(``pdftotext`` puts one between pages), at least two rule lines (``---``) next to a page-number
line, or at least three ``Page N`` lines numbered in order. The file name plays no part. Such
text is split into pages, page numbers and the lines repeated at the top or bottom of pages
(running headers and footers) are dropped, and :func:`extractor.readers.reflow.reflow` rejoins
the hard-wrapped lines and hyphenated words, as for a PDF. When nearly every line is followed by
one blank line (a double-spaced extraction), a single blank line is a line break and only two or
more mark a new paragraph. Origins are the usual 1-based lines and character offsets.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise

from extractor.core import Block, Origin
from extractor.readers.lines import Line, is_rule_line
from extractor.readers.reflow import FlowLine, drop_furniture, is_page_number, mark_page_starts
from extractor.readers.reflow import reflow as reflow_lines

__all__ = ["pdf_text_blocks", "pdf_text_pages"]

Cleaner = Callable[[str], tuple[str, bool]]

EDGE_LINES = 2
"""The first and last non-blank lines of a page may be running headers or footers."""
DOUBLE_SPACED = 0.7
"""Share of line pairs with exactly one blank line between them that makes text double-spaced."""
WRAP_SHARE = 0.88
"""Text set in a proportional font wraps short of the widest lines: count room from here."""
MIN_RULE_BREAKS = 2
MIN_PAGE_LINES = 3

_PAGE_LINE = re.compile(r"^\s*page\s+(\d{1,4})(?:\s+of\s+\d{1,4})?\s*$", re.IGNORECASE)


def pdf_text_pages(lines: list[Line]) -> list[list[Line]] | None:
    """Split ``lines`` into pages when the text came from a PDF (see the module docstring).

    Returns None for any other text. Page-break lines (a rule next to a page number) are left
    out; form feeds are removed from the line that holds them.
    """
    starts: set[int] = set()
    skipped: set[int] = set()
    feeds = [i for i, line in enumerate(lines) if "\f" in line.text]
    rules = [
        i for i, line in enumerate(lines) if is_rule_line(line.text) and _next_to_number(lines, i)
    ]
    numbered = [i for i, line in enumerate(lines) if _PAGE_LINE.match(line.text)]
    if feeds:
        starts.update(feeds)
    elif len(rules) >= MIN_RULE_BREAKS:
        starts.update(i + 1 for i in rules)
        skipped.update(rules)
    elif len(numbered) >= MIN_PAGE_LINES and _in_order(lines, numbered):
        starts.update(i + 1 for i in numbered)
    else:
        return None
    pages: list[list[Line]] = [[]]
    for index, line in enumerate(lines):
        if index in starts and pages[-1]:
            pages.append([])
        if index in skipped:
            continue
        pages[-1].append(_without_feeds(line) if "\f" in line.text else line)
    return pages


def pdf_text_blocks(pages: list[list[Line]], *, clean: Cleaner | None = None) -> list[Block]:
    """Blocks of PDF text split into pages: furniture dropped, wrapped lines rejoined.

    ``clean`` turns a block's joined text into clean text and a bold flag (Markdown inline
    markup); plain text needs none.
    """
    every = [line for page in pages for line in page]
    widths = sorted(_width(line) for line in every if not line.is_blank())
    if not widths:
        return []
    wrap = widths[int(0.9 * (len(widths) - 1))]
    double = _double_spaced(every)
    flow: list[list[FlowLine]] = []
    for page in pages:
        flow.append(_flow_page(page, wrap=wrap, double=double))
    blocks = reflow_lines(mark_page_starts(drop_furniture(flow)))
    if clean is None:
        return blocks
    cleaned: list[Block] = []
    for block in blocks:
        text, bold = clean(block.text)
        if text:
            cleaned.append(replace(block, text=text, bold=bold or block.bold))
    return cleaned


def _flow_page(page: list[Line], *, wrap: int, double: bool) -> list[FlowLine]:
    """The page's non-blank lines as flow lines; blank lines become ``gap_before``."""
    content = [i for i, line in enumerate(page) if not line.is_blank()]
    edges = set(content[:EDGE_LINES]) | set(content[-EDGE_LINES:])
    flow: list[FlowLine] = []
    blanks = 0
    for index, line in enumerate(page):
        if line.is_blank() or is_rule_line(line.text):
            blanks += 2 if is_rule_line(line.text) else 1
            continue
        flow.append(
            FlowLine(
                text=line.text.strip(),
                origin=Origin(line=line.number, start=line.content_start, end=line.content_end),
                indent=float(line.indent),
                room=WRAP_SHARE * wrap - _width(line),
                char_width=1.0,
                tolerance=2.0,
                gap_before=blanks >= (2 if double else 1),
                edge=index in edges,
                end=line.content_end,
            )
        )
        blanks = 0
    return flow


def _width(line: Line) -> int:
    """The line's width in columns, tabs expanded."""
    return len(line.text.rstrip().expandtabs(4))


def _double_spaced(lines: list[Line]) -> bool:
    """Tell whether nearly every pair of consecutive text lines has one blank line between."""
    runs: list[int] = []
    blanks = 0
    seen = False
    for line in lines:
        if line.is_blank():
            blanks += 1
            continue
        if seen:
            runs.append(blanks)
        seen, blanks = True, 0
    return bool(runs) and sum(run == 1 for run in runs) >= DOUBLE_SPACED * len(runs)


def _next_to_number(lines: list[Line], index: int) -> bool:
    """Tell whether the nearest non-blank line before or after ``index`` is a page number."""
    for step in (1, -1):
        other = index + step
        while 0 <= other < len(lines) and lines[other].is_blank():
            other += step
        if 0 <= other < len(lines) and is_page_number(lines[other].text):
            return True
    return False


def _in_order(lines: list[Line], indices: list[int]) -> bool:
    """Tell whether the ``Page N`` lines at ``indices`` count up one by one."""
    numbers = []
    for index in indices:
        match = _PAGE_LINE.match(lines[index].text)
        if match:
            numbers.append(int(match.group(1)))
    return all(b == a + 1 for a, b in pairwise(numbers))


def _without_feeds(line: Line) -> Line:
    """The line with its form feeds removed (leading ones move its start offset)."""
    stripped = line.text.lstrip("\f")
    moved = len(line.text) - len(stripped)
    return replace(line, text=stripped.replace("\f", ""), start=line.start + moved)
