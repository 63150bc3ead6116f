"""The format-neutral form every reader produces: a flat list of blocks with their origin.

Nothing after the readers knows whether a document was Word, Markdown or plain text: the
segmenter sees only :class:`RawDocument` and its :class:`Block` objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from extractor.core.models import Minutes

BlockKind = Literal["heading", "list_item", "paragraph", "table_row"]
"""What the source format says a block is (a hint; the segmenter decides what it means)."""

SourceFormat = Literal["docx", "txt", "md", "odt", "rtf", "pdf"]

KNOWN_EXTENSIONS: tuple[str, ...] = (
    ".docx",
    ".txt",
    ".md",
    ".markdown",
    ".odt",
    ".rtf",
    ".pdf",
)
"""File extensions (lower case) that some reader takes."""
FORMATS: dict[str, SourceFormat] = {
    ".docx": "docx",
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".odt": "odt",
    ".rtf": "rtf",
    ".pdf": "pdf",
}
"""The format each known extension stands for."""


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a block came from: a line (text), a body-block index (docx), a page and line (PDF).

    Text lines are 1-based, docx body blocks 0-based; for a PDF, ``page`` and ``line`` (the
    row on the page) are both 1-based.

    For a docx table cell, ``paragraph`` is the table's body-block index and ``table``/``row``/
    ``cell`` locate the cell (all 0-based). ``start``/``end`` are character offsets into the
    decoded source text (text formats only), end exclusive.
    """

    line: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    start: int | None = None
    end: int | None = None
    page: int | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of content: a heading, a list item, a paragraph or a table row.

    ``text`` is clean: list marker or number removed (kept in ``marker``), wrapped lines joined
    with one space, Markdown emphasis/link syntax removed (link text kept), escapes undone,
    surrounding whitespace stripped. For a table row, ``cells`` holds each cell's clean text and
    ``text`` joins the non-empty cells with `` | ``.
    """

    text: str
    kind: BlockKind
    origin: Origin
    level: int = 0
    """List nesting level (0 = top) for list items; heading level (1 = top) for headings."""
    marker: str | None = None
    """The list marker as written (``·``, ``-``, ``1.``, ``a)``, ``(i)``) or Word's format name."""
    numbered: bool = False
    """True for numbered or lettered list items, False for bullets and non-list blocks."""
    bold: bool = False
    """Every non-blank run (docx) or the whole line (``**…**`` in Markdown) is bold."""
    style: str | None = None
    """The docx paragraph style name, when there is one (``Heading 2``, ``List Bullet``)."""
    gap_before: bool = False
    """A blank line (or empty paragraph) separates this block from the previous one."""
    cells: tuple[str, ...] = ()
    table_header: bool = False
    """For table rows: this row is the table's first row (usually the column names)."""
    link: bool = False
    """The whole paragraph is one link (``[text](url)``, ``<url>``, a bare web address): a
    pointer to another document, never the meeting title or a section header."""


@dataclass(slots=True)
class RawDocument:
    """A read document: its blocks in order plus what the file itself says about it."""

    path: str
    format: SourceFormat
    sha256: str
    encoding: str | None
    blocks: list[Block]
    metadata: dict[str, str] = field(default_factory=dict)
    """Front matter or document properties (``title``, ``date``, ``author``), never content."""
    warnings: list[tuple[str, str, Origin | None]] = field(default_factory=list)
    """(code, message, origin) problems the reader noticed but could work around."""
    span: tuple[Origin, Origin] | None = None
    """For one meeting of a file that holds several: where its first and last blocks came from."""


@dataclass(slots=True)
class Segmented:
    """The segmenter's result: the minutes without entities, plus texts tagged only for counts.

    ``extra_texts`` holds header lines that are not items (the title line, the date line,
    attendee and apology lines, the next-meeting line) as ``(text, origin)`` pairs: the tagger
    finds entities in them for the document-level aggregate, which lists them with no item id.
    ``month_first`` is the document's order of numeric dates, decided once by the segmenter
    and used again for the values of the tagger's DATE entities.
    """

    minutes: Minutes
    extra_texts: list[tuple[str, Origin]] = field(default_factory=list)
    month_first: bool = False
