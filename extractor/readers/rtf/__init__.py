r"""Rich Text Format (.rtf): paragraphs, headings, list items, table rows and bold, as blocks.

A small tokenizer reads the RTF control words the minutes need and skips the rest:
``\par`` ends a paragraph and ``\line`` a line; ``\b`` sets bold; ``{\listtext …}`` and
``{\pntext …}`` hold the marker a list item displays, ``\ilvl`` its nesting; ``\outlinelevel``
or a heading style from the stylesheet makes a heading; ``\intbl … \cell … \row`` give table
rows; ``\uN`` and ``\'hh`` (in the ``\ansicpg`` code page) give characters. Destinations that
are not body text (``{\*\…}``, font, colour and style tables, document info, pictures,
headers, footers, footnotes, field instructions) are skipped; ``\binN`` data is stepped over.

Blocks get ``Origin.paragraph``: the 0-based index of the paragraph, a table counting as one,
as for .docx. Work is bounded: group nesting deeper than :data:`MAX_DEPTH` is refused, and
everything is one pass over the bytes.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field, replace

from extractor.core import Block, InputError, Origin
from extractor.readers.assemble import MAX_LEVEL, TextLine, join_cell_parts, paragraph_blocks
from extractor.readers.lines import normalise_spaces
from extractor.readers.markers import parse_marker

MAX_DEPTH = 200
"""Deepest group nesting read (real files stay far below it)."""

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # control word with optional parameter
    rb"|\\'([0-9a-fA-F]{2})"  # code-page byte
    rb"|\\(.)"  # control symbol
    rb"|([{}])"
    rb"|([^\\{}\r\n]+)"  # text
    rb"|[\r\n]+",
    re.DOTALL,
)
_SKIPPED = re.compile(
    r"(?:fonttbl|colortbl|stylesheet|pict|object|footnote|fldinst|themedata|"
    r"(?:header|footer)[lrf]?|pn|pntxt[ab]|xe|tc|txe|shp|shpinst|nonshppict|datafield)$"
)
r"""Destinations that are not body text (besides every ``{\*\…}`` group)."""
_MARKER_GROUPS = frozenset({"listtext", "pntext"})
_INFO_FIELDS = {"title": "title", "author": "author", "subject": "subject"}
_HEADING_STYLE = re.compile(r"^\s*(?:heading\s*([1-9])|(title))\s*$", re.IGNORECASE)
_SYMBOLS = {
    "tab": "\t",
    "emdash": "—",
    "endash": "–",
    "bullet": "•",
    "lquote": "‘",
    "rquote": "’",
    "ldblquote": "“",
    "rdblquote": "”",
}
_ESCAPES = {"\\": "\\", "{": "{", "}": "}", "~": "\u00a0", "_": "-", "-": "", "\n": "", "\r": ""}
_SYMBOL_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓"}


@dataclass(slots=True)
class _Group:
    """Character and destination state, saved at ``{`` and restored at ``}``."""

    bold: bool = False
    hidden: bool = False
    skip: bool = False
    uc: int = 1
    capture: str | None = None
    """Where this group's text goes instead of the body: ``marker``, ``info:title``, ``style``."""
    fresh: bool = True
    """No control word or text yet in this group (its first word may name a destination)."""


@dataclass(slots=True)
class _Paragraph:
    """The paragraph being read: its text pieces and paragraph properties."""

    pieces: list[tuple[str, bool]] = field(default_factory=list)
    lines: list[list[tuple[str, bool]]] = field(default_factory=list)
    marker: str = ""
    listed: bool = False
    level: int = 0
    outline: int | None = None
    style: int = 0
    in_table: bool = False


class _Reader:
    """Turns the token stream into blocks."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.metadata: dict[str, str] = {}
        self.codec = "cp1252"
        self.styles: dict[int, int] = {}
        """Style number → heading level, for styles named ``heading N`` or ``Title``."""
        self.paragraph = _Paragraph()
        self.pending = bytearray()
        self.captured: dict[str, list[str]] = {}
        self.style_number: int | None = None
        self.created: dict[str, int] = {}
        self.gap = False
        self.index = 0
        self.cells: list[str] = []
        self.cell_parts: list[str] = []
        self.table: tuple[int, int, int] | None = None
        """(body-block index, table number, next row) of the table being read."""
        self.tables = 0
        self.headed: set[int] = set()
        """Tables whose first row with text has been emitted."""
        self.high_surrogate: int | None = None

    # text -----------------------------------------------------------------

    def flush_bytes(self, group: _Group) -> None:
        """Decode code-page bytes gathered so far (a double-byte character spans two)."""
        if self.pending:
            text = bytes(self.pending).decode(self.codec, errors="replace")
            self.pending.clear()
            self.text(text, group, decoded=True)

    def text(self, text: str, group: _Group, *, decoded: bool = False) -> None:
        """Add text to the body, or to the group's capture, or drop it (skipped, hidden)."""
        if not decoded:
            self.flush_bytes(group)
        if group.skip or not text:
            return
        if group.capture is not None:
            self.captured.setdefault(group.capture, []).append(text)
            return
        if group.hidden:
            return
        self.paragraph.pieces.append((text, group.bold))

    # paragraph ends -------------------------------------------------------

    def line_break(self) -> None:
        r"""``\line``: a new line in the same paragraph."""
        self.paragraph.lines.append(self.paragraph.pieces)
        self.paragraph.pieces = []

    def end_paragraph(self, *, in_cell: bool = False) -> None:
        r"""``\par`` (or ``\cell``): emit the paragraph, or add it to the current cell."""
        para = self.paragraph
        lines = [*para.lines, para.pieces]
        self.paragraph = replace(para, pieces=[], lines=[], marker="")
        if para.in_table or in_cell:
            text = " ".join(t for line in lines if (t := normalise_spaces(_join(line))))
            if text:
                self.cell_parts.append(text)
            return
        self.close_table()
        index = self.index
        self.index += 1
        heading = para.outline if para.outline is not None else self.styles.get(para.style)
        marker = normalise_spaces(para.marker)
        listed: tuple[str | None, bool, int] | None = None
        if heading is None and (marker or para.listed):
            shown = parse_marker(f"{marker} x") if marker else None
            numbered = shown.numbered if shown is not None else any(c.isdigit() for c in marker)
            glyph = "".join(_SYMBOL_BULLETS.get(c, c) for c in marker)
            listed = (glyph or None, numbered, min(para.level, MAX_LEVEL))
        blocks, self.gap = paragraph_blocks(
            [TextLine(_join(line), all(b for t, b in line if t.strip())) for line in lines],
            heading=heading,
            listed=listed,
            origin=Origin(paragraph=index),
            gap=self.gap,
            after_blocks=bool(self.blocks),
        )
        self.blocks.extend(blocks)

    def emit(self, block: Block) -> None:
        """Append a block with the pending blank-paragraph gap."""
        self.blocks.append(replace(block, gap_before=self.gap))
        self.gap = False

    def end_cell(self) -> None:
        r"""``\cell``: the cell's paragraphs joined, as in the .docx reader."""
        self.end_paragraph(in_cell=True)
        self.cells.append(join_cell_parts(self.cell_parts))
        self.cell_parts = []

    def end_row(self) -> None:
        r"""``\row``: one ``table_row`` block for a row with any text."""
        if self.paragraph.pieces or self.cell_parts:
            self.end_cell()
        cells = tuple(normalise_spaces(c) for c in self.cells)
        self.cells = []
        if self.table is None:
            self.table = (self.index, self.tables, 0)
            self.index += 1
            self.tables += 1
        index, number, row = self.table
        self.table = (index, number, row + 1)
        if not any(cells):
            return
        first = number not in self.headed
        self.headed.add(number)
        self.emit(
            Block(
                " | ".join(c for c in cells if c),
                "table_row",
                origin=Origin(paragraph=index, table=number, row=row),
                cells=cells,
                table_header=first,
            )
        )

    def close_table(self) -> None:
        """A paragraph outside the table ends it."""
        self.table = None

    # destinations ---------------------------------------------------------

    def end_group(self, group: _Group) -> None:
        """Store what a capturing group gathered when it closes."""
        self.flush_bytes(group)
        capture = group.capture
        if capture is None:
            return
        text = "".join(self.captured.pop(capture, []))
        if capture == "marker":
            self.paragraph.marker = text
        elif capture.startswith("info:"):
            value = " ".join(text.split())
            if value:
                self.metadata[capture[5:]] = value
        elif capture == "style" and self.style_number is not None:
            match = _HEADING_STYLE.match(text.rstrip(";"))
            if match:
                self.styles[self.style_number] = int(match.group(1) or 1)
            self.style_number = None


def _join(pieces: list[tuple[str, bool]]) -> str:
    return "".join(text for text, _ in pieces)


def read_rtf(data: bytes) -> tuple[list[Block], dict[str, str], str]:
    """Return the blocks, document properties and code page of the RTF file ``data``."""
    if not data.lstrip()[:5] == b"{\\rtf":
        raise InputError(
            "is not an RTF file (it does not start with {\\rtf); save the minutes again as .rtf, "
            ".docx or .txt"
        )
    reader = _Reader()
    group = _Group()
    stack: list[_Group] = []
    skip_chars = 0
    pos, end = 0, len(data)
    while pos < end:
        match = _TOKEN.match(data, pos)
        if match is None:  # a lone backslash at the very end
            break
        pos = match.end()
        word, param, hexbyte, symbol, brace, text = match.groups()
        if brace is not None:
            skip_chars = 0
            if brace == b"{":
                reader.flush_bytes(group)
                stack.append(group)
                if len(stack) > MAX_DEPTH:
                    raise InputError(
                        f"nests RTF groups more than {MAX_DEPTH} deep; open it in Word or "
                        "LibreOffice and save it again"
                    )
                group = replace(group, fresh=True)
            else:
                reader.end_group(group)
                if not stack:
                    break
                group = stack.pop()
            continue
        if hexbyte is not None:
            if skip_chars:
                skip_chars -= 1
                continue
            group.fresh = False
            if not group.skip:
                reader.pending.append(int(hexbyte, 16))
            continue
        if text is not None:
            group.fresh = False
            chunk = text
            if skip_chars:
                dropped = min(skip_chars, len(chunk))
                chunk, skip_chars = chunk[dropped:], skip_chars - dropped
            if chunk and not group.skip:
                if chunk.isascii():
                    reader.text(chunk.decode("ascii"), group)
                else:
                    reader.pending.extend(chunk)
            continue
        if symbol is not None:
            name = symbol.decode("latin-1")
            if name == "*":
                group.skip = True
                continue
            if skip_chars:
                skip_chars -= 1
                continue
            group.fresh = False
            if name in ("\n", "\r"):
                reader.flush_bytes(group)
                if not group.skip and group.capture is None:
                    reader.end_paragraph()
            elif name in _ESCAPES:
                reader.text(_ESCAPES[name], group)
            continue
        if word is None:
            continue  # line ends in the source mean nothing
        name = word.decode("ascii")
        value = int(param) if param is not None else None
        if name == "bin":
            pos += max(value or 0, 0)
            continue
        if skip_chars:
            skip_chars -= 1
            continue
        fresh, group.fresh = group.fresh, False
        if fresh and not group.skip:
            if _SKIPPED.match(name):
                if name == "stylesheet":
                    group.capture = "stylesheet"
                else:
                    group.skip = True
                continue
            if name == "info":
                group.capture = "info"
                continue
            if name in _MARKER_GROUPS:
                group.capture = "marker"
                continue
            if group.capture == "info" and name in _INFO_FIELDS:
                group.capture = f"info:{_INFO_FIELDS[name]}"
                continue
            if group.capture == "info" and name == "creatim":
                group.capture = "creatim"
                continue
            if group.capture == "stylesheet" and name in ("s", "ds", "ts", "cs"):
                group.capture = "style"
                reader.style_number = value if name == "s" else None
                continue
            if group.capture == "stylesheet":
                group.capture = "style"
                reader.style_number = 0
        if group.skip:
            continue
        if group.capture == "creatim" and name in ("yr", "mo", "dy") and value is not None:
            reader.created[name] = value
            continue
        if group.capture == "style":
            if name == "outlinelevel" and value is not None and reader.style_number is not None:
                reader.styles[reader.style_number] = min(max(value + 1, 1), 9)
            continue
        if group.capture in ("info", "stylesheet"):
            continue
        skip_chars = _control(reader, group, name, value)
    reader.flush_bytes(group)
    if reader.paragraph.pieces or reader.paragraph.lines:
        reader.end_paragraph()
    metadata = dict(reader.metadata)
    created = reader.created
    if {"yr", "mo", "dy"} <= created.keys() and 1 <= created["mo"] <= 12:
        metadata["created"] = f"{created['yr']:04d}-{created['mo']:02d}-{created['dy']:02d}"
    return reader.blocks, metadata, reader.codec


def _control(reader: _Reader, group: _Group, name: str, value: int | None) -> int:
    r"""Act on one body control word; return how many characters ``\u`` asks to skip."""
    para = reader.paragraph
    if name == "u" and value is not None:
        code = value + 65536 if value < 0 else value
        if not 0 <= code <= 0x10FFFF:
            code = 0xFFFD
        high, reader.high_surrogate = reader.high_surrogate, None
        if 0xD800 <= code < 0xDC00:
            reader.high_surrogate = code
        elif 0xDC00 <= code < 0xE000:
            if high is not None:
                reader.text(chr(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)), group)
        else:
            reader.text(chr(code), group)
        return group.uc
    if name in _SYMBOLS:
        reader.text(_SYMBOLS[name], group)
    elif name in ("par", "sect", "page"):
        reader.flush_bytes(group)
        if group.capture is None:
            reader.end_paragraph()
    elif name == "line":
        reader.flush_bytes(group)
        reader.line_break()
    elif name in ("b", "plain"):
        reader.flush_bytes(group)
        group.bold = name == "b" and value != 0
        if name == "plain":
            group.hidden = False
    elif name == "v":
        reader.flush_bytes(group)
        group.hidden = value != 0
    elif name == "uc" and value is not None:
        group.uc = max(0, min(value, 8))
    elif name == "ansicpg" and value is not None:
        reader.codec = _codec(value)
    elif name == "pard":
        para.listed, para.level, para.outline, para.style = False, 0, None, 0
        para.in_table = False
    elif name == "intbl":
        para.in_table = True
    elif name == "ls":
        para.listed = True
    elif name == "ilvl" and value is not None:
        para.level = max(0, value)
    elif name == "outlinelevel" and value is not None and 0 <= value < 9:
        para.outline = value + 1
    elif name == "s" and value is not None:
        para.style = value
    elif name == "cell":
        reader.flush_bytes(group)
        reader.end_cell()
    elif name == "row":
        reader.flush_bytes(group)
        reader.end_row()
    return 0


def _codec(page: int) -> str:
    """The Python codec of a Windows code page; Windows-1252 for unknown ones."""
    name = f"cp{page}"
    try:
        codecs.lookup(name)
    except LookupError:
        return "cp1252"
    return name


__all__ = ["read_rtf"]
