"""Collect lines into blocks: the bookkeeping the readers share.

The assembler (text and Markdown readers) holds the block being built, remembers whether a
blank line came before it, tracks list nesting by relative indentation, and turns finished
line groups into :class:`~extractor.core.document.Block` objects through a format-specific
cleaning function. :func:`paragraph_blocks` turns the lines of one word-processor paragraph
(.docx, .odt, .rtf) into blocks, and :func:`join_cell_parts` joins a table cell's paragraphs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from extractor.core import Block, BlockKind, Origin
from extractor.readers.lines import TAB_WIDTH, Line, is_link_only, normalise_spaces
from extractor.readers.markers import ListMarker, parse_marker

MAX_LEVEL = 8
"""Deepest list level a word-processor reader gives a block."""

Cleaner = Callable[[str], tuple[str, bool]]
"""Turns the joined raw text of a block into ``(clean text, whole block is bold)``."""


@dataclass(slots=True)
class Pending:
    """A block still open for continuation lines."""

    kind: BlockKind
    first: Line
    last: Line
    parts: list[str]
    indent: int
    text_column: int
    marker: str | None = None
    numbered: bool = False
    level: int = 0

    def add(self, line: Line, text: str) -> None:
        """Append a continuation line whose cleaned-up raw text is ``text``."""
        self.parts.append(text)
        self.last = line

    @property
    def last_text(self) -> str:
        """The raw text of the most recent line (marker excluded on the first line)."""
        return self.parts[-1] if self.parts else ""


@dataclass(slots=True)
class Assembler:
    """Builds the block list line by line; see the module docstring."""

    clean: Cleaner
    blocks: list[Block] = field(default_factory=list)
    pending: Pending | None = None
    gap: bool = False
    _indents: list[int] = field(default_factory=list)

    def blank(self) -> None:
        """Handle a blank line (or a rule): close the block and note the gap."""
        self.close()
        self.gap = bool(self.blocks)

    def open_paragraph(self, line: Line, text: str) -> None:
        """Start a plain paragraph; it ends any list whose items sit at or right of it."""
        self.close()
        indent = line.indent
        while self._indents and self._indents[-1] >= indent:
            self._indents.pop()
        self.pending = Pending("paragraph", line, line, [text], indent, indent)

    def open_item(self, line: Line, marker: ListMarker, text: str) -> None:
        """Start a list item; its level follows from indentation relative to earlier items."""
        self.close()
        while self._indents and self._indents[-1] > marker.indent:
            self._indents.pop()
        if not self._indents or self._indents[-1] != marker.indent:
            self._indents.append(marker.indent)
        parts = [text] if text else []
        self.pending = Pending(
            "list_item",
            line,
            line,
            parts,
            marker.indent,
            marker.text_column,
            marker=marker.marker,
            numbered=marker.numbered,
            level=len(self._indents) - 1,
        )

    def reset_levels(self) -> None:
        """Forget list nesting (after a heading or a table)."""
        self._indents.clear()

    def close(self) -> None:
        """Finish the open block, if any; an item that never got text is dropped."""
        pending, self.pending = self.pending, None
        if pending is None or not pending.parts:
            return
        raw = " ".join(pending.parts)
        text, bold = self.clean(raw)
        if not text:
            return
        origin = Origin(
            line=pending.first.number,
            start=pending.first.content_start,
            end=pending.last.content_end,
        )
        self.blocks.append(
            Block(
                text=text,
                kind=pending.kind,
                origin=origin,
                level=pending.level,
                marker=pending.marker,
                numbered=pending.numbered,
                bold=bold,
                gap_before=self.gap,
                link=pending.kind == "paragraph" and is_link_only(raw),
            )
        )
        self.gap = False

    def add(self, block: Block) -> None:
        """Append a finished block, stamping the pending gap on it."""
        if self.gap and not block.gap_before:
            block = replace(block, gap_before=True)
        self.blocks.append(block)
        self.gap = False

    def finish(self) -> list[Block]:
        """Close the last block and return everything built."""
        self.close()
        return self.blocks


@dataclass(frozen=True, slots=True)
class TextLine:
    """One line of a word-processor paragraph (split at manual line breaks), and its bold."""

    text: str
    bold: bool


def paragraph_blocks(
    lines: Sequence[TextLine],
    *,
    heading: int | None,
    listed: tuple[str | None, bool, int] | None,
    origin: Origin,
    style: str | None = None,
    gap: bool,
    after_blocks: bool,
) -> tuple[list[Block], bool]:
    """Turn the lines of one word-processor paragraph into blocks.

    Takes the paragraph's ``lines``, its ``heading`` level (when the format makes it a heading)
    or its ``listed`` ``(marker, numbered, level)`` (when the format makes it a list item), the
    ``origin`` and ``style`` every block gets, whether a gap is pending before it (``gap``) and
    whether any block came before it (``after_blocks``). A heading or list item is one block of
    all its lines; otherwise each non-blank line is a block: a list item when it starts with a
    typed marker (:func:`~extractor.readers.markers.parse_marker`), else a paragraph. Blank
    lines (or an empty heading or item) leave a gap before the next block when a block came
    before. Gives the blocks, the first stamped with ``gap``, and the gap still pending after.
    """
    blocks: list[Block] = []
    if heading is not None or listed is not None:
        text = " ".join(t for line in lines if (t := normalise_spaces(line.text)))
        if not text:
            return blocks, after_blocks
        bold = all(line.bold for line in lines if line.text.strip())
        if heading is not None:
            block = Block(
                text,
                "heading",
                level=heading,
                bold=bold,
                gap_before=gap,
                origin=origin,
                style=style,
            )
        else:
            assert listed is not None
            marker, numbered, level = listed
            block = Block(
                text,
                "list_item",
                level=level,
                marker=marker,
                numbered=numbered,
                bold=bold,
                gap_before=gap,
                origin=origin,
                style=style,
            )
        return [block], False
    for line in lines:
        text = normalise_spaces(line.text)
        if not text:
            gap = gap or after_blocks or bool(blocks)
            continue
        typed = parse_marker(line.text)
        if typed is not None and typed.text:
            block = Block(
                normalise_spaces(typed.text),
                "list_item",
                level=min(typed.indent // TAB_WIDTH, MAX_LEVEL),
                marker=typed.marker,
                numbered=typed.numbered,
                bold=line.bold,
                gap_before=gap,
                origin=origin,
                style=style,
            )
        else:
            block = Block(
                text, "paragraph", bold=line.bold, gap_before=gap, origin=origin, style=style
            )
        blocks.append(block)
        gap = False
    return blocks, gap


def join_cell_parts(parts: Sequence[str]) -> str:
    """Join a cell's paragraph texts into one line: a space after punctuation, else `` / ``."""
    joined = ""
    for part in parts:
        if joined:
            joined += " " if joined.endswith((".", "!", "?", ":", ";", ",")) else " / "
        joined += part
    return joined
