"""PDF minutes with a text layer: pages read through PDFium, laid out, reflowed into blocks.

Each page's characters come from PDFium (pypdfium2) with their boxes, font sizes and weights;
:mod:`.layout` puts them into rows in reading order (two-column stretches column by column)
and :mod:`extractor.readers.reflow` rejoins wrapped lines and hyphenated words into paragraphs,
list items and headings (larger type), keeping bold as a hint. Origins name the page and the
line on it (``Origin(page=3, line=12)``, both 1-based; lines count every row of the page from
the top, dropped ones included).

Dropped on purpose, as page furniture rather than content: page numbers and the lines
repeated at the top or bottom of most pages (running headers and footers). Nothing else is
dropped: text outside the usual flow (rotated, in margins) is read as rows where it sits.

A page that shows images but has no text is a scanned page: the document gets a
``scanned-pages`` warning naming them. A PDF with no text on any page is refused with an
error saying to run OCR first; an encrypted, corrupt, truncated or zero-page PDF is refused
with one line saying so, as is one with more than :data:`MAX_PAGES` pages or
:data:`MAX_CHARS` characters.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractor.core import Block, InputError, NoMinutesError, NoTextLayerError, Origin
from extractor.readers.pdf.layout import Char, Row, fragments, reading_order
from extractor.readers.reflow import FlowLine, drop_furniture, mark_page_starts, reflow

__all__ = ["MAX_CHARS", "MAX_PAGES", "read_pdf"]

MAX_PAGES = 2_000
"""More pages than this is not a set of minutes; the reader stops with an error."""
MAX_CHARS = 5_000_000
"""Upper bound on the characters read from all pages together."""
BOLD_WEIGHT = 600
_FORCE_BOLD = 1 << 18
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
_GAP_FACTOR = 1.35
"""A line spacing this much wider than the page's usual spacing is a blank line."""

_FILE_TITLE = re.compile(
    r"^microsoft \w+ - |\.(?:docx?|odt|rtf|pdf|txt)$|^\S*[/\\_]\S*$", re.IGNORECASE
)
"""A title that is a file name or a path (``Microsoft Word - minutes.docx``), not a title."""

_EDGE_ROWS = 2
"""The first and last rows of a page may be a running header or footer, wherever they are."""
_MARGIN = 0.1
"""Rows within this share of the page height from its top or bottom edge may be too."""

Warning = tuple[str, str, Origin | None]


def read_pdf(data: bytes) -> tuple[list[Block], dict[str, str], list[Warning]]:
    """Return the blocks, document properties and reader warnings of the PDF ``data``."""
    document = _open(data)
    try:
        pages = len(document)
        if pages == 0:
            raise InputError(_INVALID)
        if pages > MAX_PAGES:
            raise InputError(
                f"has {pages:,} pages, over the {MAX_PAGES:,}-page limit for one set of "
                "minutes; split it"
            )
        laid_out: list[_Laid] = []
        scanned: list[int] = []
        budget = MAX_CHARS
        for index in range(pages):
            page = document[index]
            try:
                laid, count = _lay_out(page, budget, index + 1)
                budget -= count
                if not laid.rows and _has_images(page):
                    scanned.append(index + 1)
                laid_out.append(laid)
            finally:
                page.close()
        metadata = _metadata(document)
    except pdfium.PdfiumError as e:
        raise InputError(_INVALID) from e
    finally:
        document.close()
    margin = _right_margin([row for laid in laid_out for row in laid.rows])
    flow = [_flow_lines(laid, number, margin) for number, laid in enumerate(laid_out, start=1)]
    if not any(flow):
        if scanned:
            raise NoTextLayerError(
                "has no text layer (a scanned PDF); run OCR on it first (e.g. ocrmypdf) and "
                "convert the result"
            )
        raise NoMinutesError("the PDF holds no text")
    blocks = reflow(mark_page_starts(drop_furniture(flow)))
    warnings: list[Warning] = []
    if scanned:
        shown = ", ".join(str(n) for n in scanned)
        what = (
            f"pages {shown} are scanned images with no text layer; their content is"
            if len(scanned) > 1
            else f"page {shown} is a scanned image with no text layer; its content is"
        )
        warnings.append(
            (
                "scanned-pages",
                f"{what} missing (run OCR on the PDF, e.g. with ocrmypdf, to include it)",
                Origin(page=scanned[0]),
            )
        )
    return blocks, metadata, warnings


_INVALID = "is not a valid PDF (corrupt, truncated or empty); open it and save or print it again"


def _open(data: bytes) -> Any:
    """Open the PDF with PDFium, turning its load errors into one-line input errors."""
    if not data.lstrip()[:1024].find(b"%PDF-") >= 0:
        raise InputError(_INVALID)
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if getattr(e, "err_code", None) in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise InputError(
                "is encrypted (password-protected); remove the password (e.g. qpdf --decrypt) "
                "and convert the result"
            ) from e
        raise InputError(_INVALID) from e


@dataclass(frozen=True, slots=True)
class _Laid:
    """A page's rows in reading order, the column gutter if any, and the page height."""

    rows: list[Row]
    gutter: float | None
    height: float


def _lay_out(page: Any, budget: int, number: int) -> tuple[_Laid, int]:
    """The page's rows in reading order and how many characters it held."""
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count > budget:
            raise InputError(
                f"holds more than {MAX_CHARS:,} characters of text by page {number}, over the "
                "limit for one set of minutes; split it"
            )
        chars, breaks = _chars(textpage, count)
    finally:
        textpage.close()
    width, height = (float(v) for v in page.get_size())
    rows, gutter = reading_order(fragments(chars, breaks), width)
    return _Laid(rows, gutter, height), count


def _chars(textpage: Any, count: int) -> tuple[list[Char], set[int]]:
    """Every character of a text page with its box, size and weight; PDFium's line breaks."""
    raw = textpage.raw
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    flags = ctypes.c_int()
    matrix = pdfium_c.FS_MATRIX()
    name = ctypes.create_string_buffer(128)
    chars: list[Char] = []
    breaks: set[int] = set()
    bold_of: dict[tuple[bytes, int, int], bool] = {}
    for index in range(count):
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        text = chr(code) if 0 < code < 0x110000 else ""
        if not text or 0xD800 <= code <= 0xDFFF:
            continue
        if text in "\r\n":
            if pdfium_c.FPDFText_IsGenerated(raw, index) == 1 or text == "\n":
                breaks.add(len(chars))
            chars.append(Char(text, 0.0, 0.0, 0.0, 0.0, 0.0, False))
            continue
        if not pdfium_c.FPDFText_GetCharBox(raw, index, left, right, bottom, top):
            continue
        size = float(pdfium_c.FPDFText_GetFontSize(raw, index))
        if pdfium_c.FPDFText_GetMatrix(raw, index, matrix):
            scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
            size *= scale if scale > 0 else 1.0
        weight = int(pdfium_c.FPDFText_GetFontWeight(raw, index))
        pdfium_c.FPDFText_GetFontInfo(raw, index, name, len(name), flags)
        key = (name.value, weight, flags.value)
        bold = bold_of.get(key)
        if bold is None:
            lowered = name.value.decode("latin-1").lower()
            bold = (
                BOLD_WEIGHT <= weight <= 1000
                or bool(flags.value & _FORCE_BOLD)
                or any(word in lowered for word in _BOLD_NAMES)
            )
            bold_of[key] = bold
        chars.append(Char(text, left.value, right.value, bottom.value, top.value, size, bold))
    return chars, breaks


def _flow_lines(laid: _Laid, page: int, right_edge: float) -> list[FlowLine]:
    """Describe each row for the reflow: indent, room left, size, weight, space before it."""
    rows, gutter, height = laid.rows, laid.gutter, laid.height
    if not rows:
        return []
    left_column = [row.right for row in rows if gutter is not None and row.right <= gutter]
    left_column_right = max(left_column, default=right_edge)
    left_edge = min(row.left for row in rows)
    width = max(right_edge - left_edge, 1.0)
    steps = sorted(
        above.bottom - below.bottom
        for above, below in pairwise(rows)
        if 0 < above.bottom - below.bottom < 3 * max(below.size, 1.0)
    )
    usual = steps[len(steps) // 2] if steps else 0.0
    lines: list[FlowLine] = []
    for number, row in enumerate(rows, start=1):
        gap = False
        if number > 1:
            above = rows[number - 2]
            step = above.bottom - row.bottom
            gap = step < 0 or (usual > 0 and step > _GAP_FACTOR * usual)
        column_right = left_column_right if row.right <= (gutter or 0) else right_edge
        lines.append(
            FlowLine(
                text=row.text,
                origin=Origin(page=page, line=number),
                indent=row.left,
                room=column_right - row.right if len(row.fragments) == 1 else width,
                char_width=(row.right - row.left) / max(len(row.text), 1),
                tolerance=max(row.size * 0.6, 2.0),
                size=row.size,
                bold=row.bold,
                gap_before=gap,
                edge=_at_edge(row, number, len(rows), height),
            )
        )
    return lines


def _at_edge(row: Row, number: int, count: int, height: float) -> bool:
    """Tell whether a row sits where running headers and footers go.

    That is within :data:`_MARGIN` of the page's top or bottom, or among its first or last
    :data:`_EDGE_ROWS` rows while in the outer quarter of the page.
    """
    if row.bottom > (1 - _MARGIN) * height or row.top < _MARGIN * height:
        return True
    outer = row.bottom > 0.75 * height or row.top < 0.25 * height
    return outer and (number <= _EDGE_ROWS or number > count - _EDGE_ROWS)


def _right_margin(rows: list[Row]) -> float:
    """Where the text lines end: the 95th percentile of the right edges of long rows."""
    if not rows:
        return 0.0
    left = min(row.left for row in rows)
    widest = max(row.right for row in rows) - left
    rights = sorted(
        row.right
        for row in rows
        if len(row.fragments) == 1 and row.right - row.left >= 0.5 * widest
    )
    return rights[int(0.95 * (len(rights) - 1))] if rights else left + widest


def _has_images(page: Any) -> bool:
    """Tell whether the page draws at least one image."""
    for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=4):
        return True
    return False


def _metadata(document: Any) -> dict[str, str]:
    """Title, author and subject from the PDF's information dictionary, when set."""
    try:
        info = document.get_metadata_dict(skip_empty=True)
    except (pdfium.PdfiumError, ValueError, UnicodeDecodeError):
        return {}
    wanted = {"Title": "title", "Author": "author", "Subject": "subject"}
    found = {
        key: " ".join(str(info[name]).split())
        for name, key in wanted.items()
        if name in info and str(info[name]).strip()
    }
    if _FILE_TITLE.search(found.get("title", "")):
        del found["title"]
    return found
