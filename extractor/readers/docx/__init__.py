"""Word minutes (.docx): the body's paragraphs and tables, in document order, as blocks.

Each body block (paragraph or table, content controls looked through) gets a 0-based index
that becomes ``Origin.paragraph``; empty paragraphs count but produce no block. A paragraph is
a list item when it has numbering of its own, inherits it from its style chain, or starts with
a typed marker; a paragraph split by manual line breaks gives one block per line unless it is
a heading or a Word list item. Each table row is one block.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from extractor.core import DEFAULT_LIMITS, Block, InputError, Limits, Origin
from extractor.readers.assemble import MAX_LEVEL, paragraph_blocks
from extractor.readers.docx.package import Package, open_package
from extractor.readers.docx.styles import Element, Numbering, StyleBook, attr, child, leading_child
from extractor.readers.docx.text import W_P, iter_blocks, paragraph_lines, table_rows
from extractor.readers.lines import normalise_spaces
from extractor.readers.safety import docx_members

_W_PPR = qn("w:pPr")
_W_PSTYLE = qn("w:pStyle")
_W_NUM_PR = qn("w:numPr")
_W_NUM_ID = qn("w:numId")
_W_ILVL = qn("w:ilvl")
_MALFORMED = (AttributeError, TypeError)
"""What python-docx raises for well-formed XML of the wrong shape (an unexpected root element,
a relationship without a target) instead of a parsing error."""


def read_docx(
    data: bytes, *, max_bytes: int, limits: Limits = DEFAULT_LIMITS
) -> tuple[list[Block], dict[str, str]]:
    """Return the blocks and document properties of the .docx whose bytes are ``data``.

    ``limits`` bounds the XML the package inflates to and its element count.
    """
    members = docx_members(data, max_bytes=max_bytes, limits=limits)
    package = open_package(members) if members is not None else None
    if package is None:
        package = _open_with_python_docx(data)
    reader = _BodyReader(StyleBook(package.styles), Numbering(package.numbering))
    for index, element in enumerate(iter_blocks(package.body)):
        if element.tag == W_P:
            reader.paragraph(element, index)
        else:
            reader.table(element, index)
    return reader.blocks, _properties(package)


def _open_with_python_docx(data: bytes) -> Package:
    """Open the package with python-docx (for packages :func:`open_package` leaves to it)."""
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    except (PackageNotFoundError, KeyError, ValueError, SyntaxError, *_MALFORMED) as e:
        raise InputError(
            "is not a valid .docx (corrupt or truncated, or not a Word document); open it in "
            "Word and save it again as .docx"
        ) from e
    except zipfile.BadZipFile as e:
        raise InputError("is not a valid .docx (corrupt or truncated)") from e
    rels = document.part.package.rels.values()
    return Package(
        body=body,
        styles=_related_element(document, RELATIONSHIP_TYPE.STYLES),
        numbering=_related_element(document, RELATIONSHIP_TYPE.NUMBERING),
        has_core_rel=any(rel.reltype == RELATIONSHIP_TYPE.CORE_PROPERTIES for rel in rels),
        core_properties=lambda: document.core_properties,
    )


class _BodyReader:
    """Turns body elements into blocks, carrying the blank-paragraph gap between them."""

    def __init__(self, styles: StyleBook, numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.blocks: list[Block] = []
        self.gap = False
        self.tables = 0

    def _emit(self, block: Block) -> None:
        self.blocks.append(block)
        self.gap = False

    def paragraph(self, element: Element, index: int) -> None:
        """Emit the block(s) of one ``w:p``."""
        ppr = leading_child(element, _W_PPR)
        style_id = attr(leading_child(ppr, _W_PSTYLE)) if ppr is not None else None
        style_id = style_id or self.styles.default_paragraph
        lines = paragraph_lines(element, self.styles, style_id)
        blocks, self.gap = paragraph_blocks(
            lines,
            heading=self.styles.heading_level(style_id),
            listed=self._word_list(ppr, style_id),
            origin=Origin(paragraph=index),
            style=self.styles.display_name(style_id),
            gap=self.gap,
            after_blocks=bool(self.blocks),
        )
        self.blocks.extend(blocks)

    def _word_list(
        self, ppr: Element | None, style_id: str | None
    ) -> tuple[str | None, bool, int] | None:
        """(marker, numbered, level) from the paragraph's or its style's numbering."""
        num_pr = child(ppr, _W_NUM_PR) if ppr is not None else None
        own_id = attr(child(num_pr, _W_NUM_ID)) if num_pr is not None else None
        own_level = attr(child(num_pr, _W_ILVL)) if num_pr is not None else None
        inherited = self.styles.numbering(style_id)
        if own_id == "0" or (own_id is None and inherited is None):
            return None
        num_id = own_id or (inherited[0] if inherited else "0")
        if own_level is not None and own_level.isdigit():
            level = int(own_level)
        else:
            level = inherited[1] if inherited else 0
        if num_id == "0":
            return None
        marker, numbered = self.numbering.describe(num_id, level)
        nesting = level or self.styles.list_level(style_id)
        return marker, numbered, min(nesting, MAX_LEVEL)

    def table(self, element: Element, index: int) -> None:
        """Emit one ``table_row`` block per non-empty row of a ``w:tbl``."""
        first = True
        for row_index, raw_cells in enumerate(table_rows(element, self.styles)):
            cells = tuple(normalise_spaces(cell) for cell in raw_cells)
            if not any(cells):
                continue
            origin = Origin(paragraph=index, table=self.tables, row=row_index)
            text = " | ".join(cell for cell in cells if cell)
            self._emit(
                Block(
                    text,
                    "table_row",
                    origin=origin,
                    cells=cells,
                    table_header=first,
                    gap_before=self.gap,
                )
            )
            first = False
        self.tables += 1


def _related_element(document: Any, reltype: str) -> Element | None:
    """Return the XML root of the part related by ``reltype`` (styles, numbering), if any.

    A relationship of that type pointing outside the package makes the file invalid.
    """
    try:
        return document.part.part_related_by(reltype).element
    except (KeyError, AttributeError):
        return None
    except ValueError as e:  # python-docx: the relationship's target mode is External
        raise InputError(
            "is not a valid .docx (its styles or numbering are a link to outside the file); "
            "open it in Word and save it again as .docx"
        ) from e


def _properties(package: Package) -> dict[str, str]:
    """Return title, author and creation date from the core properties, when set."""
    if not package.has_core_rel:
        return {}
    try:
        core = package.core_properties()
        values = {"title": core.title, "author": core.author, "subject": core.subject}
        created = core.created
    except (ValueError, KeyError, SyntaxError, *_MALFORMED):
        return {}
    metadata = {key: " ".join(value.split()) for key, value in values.items() if value}
    if created is not None:
        metadata["created"] = created.date().isoformat()
    return {key: value for key, value in metadata.items() if value}
