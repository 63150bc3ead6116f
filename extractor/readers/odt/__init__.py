"""OpenDocument text (.odt): paragraphs, headings, lists and tables, in document order.

An .odt is a zip of XML parts; ``content.xml`` holds the body, ``styles.xml`` the common
styles, ``meta.xml`` the document properties. The archive passes the same checks as a .docx
(:func:`~extractor.readers.safety.zip_members`: size caps before inflating, no DOCTYPE), then
the parts are parsed with the standard library's XML parser.

The blocks match the .docx reader's: each paragraph, heading or table counts as one body block
whose 0-based index becomes ``Origin.paragraph`` (list items and paragraphs inside sections
count one each); ``text:h`` is a heading at its outline level; a paragraph inside
``text:list`` is a list item whose nesting gives its level and whose list style gives its
marker; a paragraph split by line breaks gives one block per line unless it is a heading or a
list item; each table row is one block.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError, fromstring

from extractor.core import Block, InputError, Origin
from extractor.readers.assemble import MAX_LEVEL, TextLine, join_cell_parts, paragraph_blocks
from extractor.readers.lines import normalise_spaces
from extractor.readers.odt.styles import OFFICE, TABLE, TEXT, StyleSheet, q
from extractor.readers.safety import ODT_PACKAGE, zip_members

MAX_DEPTH = 64
"""Deepest nesting of lists, sections and tables read (deeper is a broken or hostile file)."""
MAX_REPEAT = 64
"""Most copies made of a cell or row marked as repeated (``number-columns-repeated``)."""

_MIMETYPE = "application/vnd.oasis.opendocument.text"
_P, _H = q(TEXT, "p"), q(TEXT, "h")
_LIST, _ITEM, _LIST_HEADER = q(TEXT, "list"), q(TEXT, "list-item"), q(TEXT, "list-header")
_TABLE = q(TABLE, "table")
_ROW, _CELL, _COVERED = (
    q(TABLE, "table-row"),
    q(TABLE, "table-cell"),
    q(TABLE, "covered-table-cell"),
)
_ROW_GROUPS = frozenset(
    q(TABLE, name) for name in ("table-header-rows", "table-rows", "table-row-group")
)
_CONTAINERS = frozenset(
    {q(TEXT, "section"), q(TEXT, "soft-page-break"), q(TEXT, "index-body")}
    | {q(TEXT, "change-start"), q(TEXT, "change-end")}
)
_SKIPPED_INLINE = frozenset(
    {q(TEXT, "note"), q(TEXT, "number"), q(OFFICE, "annotation"), q(TEXT, "tracked-changes")}
)
"""Inline content that is not the paragraph's text: notes, cached list numbers, comments."""
_INLINE_STYLED = frozenset({q(TEXT, "span")})
_STYLE_NAME = q(TEXT, "style-name")
_OUTLINE = q(TEXT, "outline-level")
_COLUMNS_REPEATED = q(TABLE, "number-columns-repeated")
_ROWS_REPEATED = q(TABLE, "number-rows-repeated")
_SPACES = q(TEXT, "c")
_META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
_DC = "http://purl.org/dc/elements/1.1/"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"


def read_odt(data: bytes, *, max_bytes: int) -> tuple[list[Block], dict[str, str]]:
    """Return the blocks and document properties of the .odt whose bytes are ``data``."""
    members = zip_members(data, max_bytes=max_bytes, package=ODT_PACKAGE)
    if members is None:
        raise InputError(
            "is not a valid .odt (two parts share a name); open it in LibreOffice and save it "
            "again as .odt"
        )
    _check_kind(members)
    content = _parse(members["content.xml"], "content.xml")
    roots = [content]
    if "styles.xml" in members:
        roots.insert(0, _parse(members["styles.xml"], "styles.xml"))
    body = content.find(f"{q(OFFICE, 'body')}/{q(OFFICE, 'text')}")
    if body is None:
        raise InputError(
            "is an OpenDocument file without a text body (perhaps a spreadsheet or a "
            "presentation); save the minutes as a text document (.odt or .docx)"
        )
    reader = _BodyReader(StyleSheet(roots))
    reader.walk(body, depth=0)
    metadata = _properties(members.get("meta.xml"))
    return reader.blocks, metadata


def _check_kind(members: dict[str, bytes]) -> None:
    """Refuse password-protected packages and OpenDocument files that are not text."""
    manifest = members.get("META-INF/manifest.xml", b"")
    if b"encryption-data" in manifest:
        raise InputError(
            "is a password-protected .odt; open it in LibreOffice, remove the password "
            "(File > Properties > Security) and save it again"
        )
    mimetype = members.get("mimetype", b"").strip().decode("ascii", "replace")
    if mimetype and mimetype != _MIMETYPE and not mimetype.startswith(f"{_MIMETYPE}-"):
        raise InputError(
            f"is an OpenDocument file of type {mimetype!r}, not a text document; save the "
            "minutes as a text document (.odt or .docx)"
        )


def _parse(data: bytes, name: str) -> Element:
    """Parse one XML part (already checked to hold no DOCTYPE)."""
    try:
        return fromstring(data)
    except (ParseError, ValueError, LookupError) as e:  # LookupError: unknown encoding
        raise InputError(
            f"is not a valid .odt ({name} is not well-formed XML; the file may be truncated); "
            "open it in LibreOffice and save it again as .odt"
        ) from e


class _BodyReader:
    """Turns body elements into blocks, carrying the blank-paragraph gap between them."""

    def __init__(self, styles: StyleSheet) -> None:
        self.styles = styles
        self.blocks: list[Block] = []
        self.gap = False
        self.index = 0
        self.tables = 0

    def _emit(self, block: Block) -> None:
        self.blocks.append(block)
        self.gap = False

    def walk(self, parent: Element, *, depth: int) -> None:
        """Read the block-level children of ``parent`` in order."""
        if depth > MAX_DEPTH:
            raise InputError(
                f"nests lists, sections or tables more than {MAX_DEPTH} deep; open it in "
                "LibreOffice and save it again"
            )
        for element in parent:
            tag = element.tag
            if tag in (_P, _H):
                self.paragraph(element, listed=None)
            elif tag == _LIST:
                self.list(element, level=0, style=element.get(_STYLE_NAME), depth=depth + 1)
            elif tag == _TABLE:
                self.table(element, depth=depth + 1)
            elif tag in _CONTAINERS or tag == q(TEXT, "table-of-content"):
                self.walk(element, depth=depth + 1)

    def list(self, element: Element, *, level: int, style: str | None, depth: int) -> None:
        """Read a ``text:list``: its items' paragraphs are list items at ``level``."""
        if depth > MAX_DEPTH:
            raise InputError(
                f"nests lists more than {MAX_DEPTH} deep; open it in LibreOffice and save it again"
            )
        style = element.get(_STYLE_NAME) or style
        for item in element:
            if item.tag not in (_ITEM, _LIST_HEADER):
                continue
            header = item.tag == _LIST_HEADER
            for child in item:
                if child.tag in (_P, _H):
                    self.paragraph(child, listed=None if header else (style, level))
                elif child.tag == _LIST:
                    self.list(child, level=min(level + 1, MAX_LEVEL), style=style, depth=depth + 1)
                elif child.tag == _TABLE:
                    self.table(child, depth=depth + 1)

    def paragraph(self, element: Element, *, listed: tuple[str | None, int] | None) -> None:
        """Emit the block(s) of one ``text:p`` or ``text:h``."""
        index = self.index
        self.index += 1
        style_name = element.get(_STYLE_NAME)
        lines = _lines(element, self.styles, style_name)
        heading: int | None = None
        if element.tag == _H:
            heading = _outline_level(element.get(_OUTLINE))
        elif listed is None:
            heading = self.styles.heading_level(style_name)
        if listed is None and heading is None:
            own_list = self.styles.paragraph_list_style(style_name)
            if own_list is not None and self.styles.describe(own_list, 0) != (None, False):
                listed = (own_list, 0)
        item: tuple[str | None, bool, int] | None = None
        if heading is None and listed is not None:
            list_style, level = listed
            item = (*self.styles.describe(list_style, level), level)
        blocks, self.gap = paragraph_blocks(
            lines,
            heading=heading,
            listed=item,
            origin=Origin(paragraph=index),
            style=self.styles.display_name(style_name),
            gap=self.gap,
            after_blocks=bool(self.blocks),
        )
        self.blocks.extend(blocks)

    def table(self, element: Element, *, depth: int) -> None:
        """Emit one ``table_row`` block per non-empty row of a ``table:table``."""
        index = self.index
        self.index += 1
        first = True
        for row_index, raw_cells in enumerate(_table_rows(element, self.styles, depth=depth)):
            cells = tuple(normalise_spaces(cell) for cell in raw_cells)
            if not any(cells):
                continue
            self._emit(
                Block(
                    " | ".join(cell for cell in cells if cell),
                    "table_row",
                    origin=Origin(paragraph=index, table=self.tables, row=row_index),
                    cells=cells,
                    table_header=first,
                    gap_before=self.gap,
                )
            )
            first = False
        self.tables += 1


def _outline_level(value: str | None) -> int:
    """A ``text:h`` outline level as a heading level 1-9 (1 when missing or malformed)."""
    try:
        return min(max(int(value or "1"), 1), 9)
    except ValueError:
        return 1


def _lines(element: Element, styles: StyleSheet, style_name: str | None) -> list[TextLine]:
    """Split a paragraph at its line breaks; a line is bold when all its non-blank text is."""
    base = bool(styles.bold("paragraph", style_name))
    lines: list[TextLine] = []
    pieces: list[str] = []
    state = {"inked": False, "bold": True}

    def add(text: str, bold: bool) -> None:
        pieces.append(text)
        if text.strip():
            state["inked"] = True
            state["bold"] = state["bold"] and bold

    for text, bold in _inline(element, styles, base, depth=0):
        if text is None:
            lines.append(TextLine("".join(pieces), state["inked"] and state["bold"]))
            pieces.clear()
            state.update(inked=False, bold=True)
        else:
            add(text, bold)
    lines.append(TextLine("".join(pieces), state["inked"] and state["bold"]))
    return lines


def _inline(
    element: Element, styles: StyleSheet, bold: bool, *, depth: int
) -> Iterator[tuple[str | None, bool]]:
    """Yield ``(text, bold)`` pieces of a paragraph in order; ``None`` text is a line break."""
    if element.text:
        yield element.text, bold
    for child in element:
        tag = child.tag
        if depth < MAX_DEPTH and tag not in _SKIPPED_INLINE:
            if tag == q(TEXT, "s"):
                yield " " * min(_count(child.get(_SPACES)), MAX_REPEAT), bold
            elif tag == q(TEXT, "tab"):
                yield "\t", bold
            elif tag == q(TEXT, "line-break"):
                yield None, bold
            elif tag in _INLINE_STYLED:
                own = styles.bold("text", child.get(_STYLE_NAME))
                inner = bold if own is None else own
                yield from _inline(child, styles, inner, depth=depth + 1)
            elif not tag.startswith(f"{{{DRAW}}}"):  # frames and shapes are not read
                yield from _inline(child, styles, bold, depth=depth + 1)
        if child.tail:
            yield child.tail, bold


def _count(value: str | None) -> int:
    try:
        return max(int(value or "1"), 1)
    except ValueError:
        return 1


def _table_rows(table: Element, styles: StyleSheet, *, depth: int) -> Iterator[list[str]]:
    """Yield each row's cell texts; covered (merged) cells are empty."""
    for row in _rows(table, depth=depth):
        cells: list[str] = []
        for cell in row:
            if cell.tag == _COVERED:
                cells.append("")
            elif cell.tag == _CELL:
                text = _cell_text(cell, styles, depth=depth)
                repeat = _count(cell.get(_COLUMNS_REPEATED))
                cells.extend([text] * min(repeat, MAX_REPEAT if text else 1))
        while cells and not cells[-1]:
            cells.pop()
        repeat = _count(row.get(_ROWS_REPEATED)) if any(cells) else 1
        for _ in range(min(repeat, MAX_REPEAT)):
            yield cells


def _rows(parent: Element, *, depth: int) -> Iterator[Element]:
    """The ``table:table-row`` elements of a table, through header and row groups."""
    if depth > MAX_DEPTH:
        raise InputError(f"nests tables more than {MAX_DEPTH} deep; open it in LibreOffice")
    for child in parent:
        if child.tag == _ROW:
            yield child
        elif child.tag in _ROW_GROUPS:
            yield from _rows(child, depth=depth + 1)


def _cell_text(cell: Element, styles: StyleSheet, *, depth: int) -> str:
    """Join a cell's paragraphs (and lists and nested tables) into one line."""
    parts: list[str] = []
    for element in _cell_blocks(cell, depth=depth):
        if element.tag == _TABLE:
            rows = _table_rows(element, styles, depth=depth + 1)
            text = " / ".join(" | ".join(c for c in row if c) for row in rows)
        else:
            lines = _lines(element, styles, element.get(_STYLE_NAME))
            text = " ".join(t for line in lines if (t := normalise_spaces(line.text)))
        if text:
            parts.append(text)
    return join_cell_parts(parts)


def _cell_blocks(parent: Element, *, depth: int) -> Iterator[Element]:
    """Paragraphs and tables inside a cell, looking through lists and sections."""
    if depth > MAX_DEPTH:
        raise InputError(
            f"nests lists or tables more than {MAX_DEPTH} deep; open it in LibreOffice"
        )
    for child in parent:
        if child.tag in (_P, _H, _TABLE):
            yield child
        elif child.tag in (_LIST, _ITEM, _LIST_HEADER) or child.tag in _CONTAINERS:
            yield from _cell_blocks(child, depth=depth + 1)


def _properties(data: bytes | None) -> dict[str, str]:
    """Title, author, subject and creation date from ``meta.xml``, when set."""
    if data is None:
        return {}
    try:
        root = fromstring(data)
    except (ParseError, ValueError, LookupError):
        return {}
    found = {
        "title": root.findtext(f".//{q(_DC, 'title')}"),
        "author": root.findtext(f".//{q(_META, 'initial-creator')}")
        or root.findtext(f".//{q(_DC, 'creator')}"),
        "subject": root.findtext(f".//{q(_DC, 'subject')}"),
    }
    metadata = {key: " ".join(value.split()) for key, value in found.items() if value}
    created = root.findtext(f".//{q(_META, 'creation-date')}") or ""
    if len(created) >= 10 and created[4] == "-" and created[7] == "-":
        metadata["created"] = created[:10]
    return {key: value for key, value in metadata.items() if value}


__all__ = ["read_odt"]
