"""Where the source holds a list marker with no text: the readers drop such items silently.

``extractor validate`` reports them (``empty-item``), so it needs to know where they stood in
the source, which the blocks of a :class:`RawDocument` no longer show.
"""

from __future__ import annotations

from pathlib import Path

from extractor.core import ExtractorError, Origin, RawDocument
from extractor.readers.docx.empty import empty_docx_items
from extractor.readers.lines import Line, is_rule_line, split_lines
from extractor.readers.markdown.frontmatter import split_front_matter
from extractor.readers.markers import parse_marker
from extractor.readers.safety import decode_text, read_bytes

_FENCES = ("```", "~~~")


def empty_list_items(path: Path, raw: RawDocument, *, max_bytes: int) -> tuple[Origin, ...]:
    """Where the source has a list marker with no text (readers drop such items silently)."""
    found = [
        block.origin
        for block in raw.blocks
        if block.kind in ("paragraph", "list_item")
        and (marker := parse_marker(block.text)) is not None
        and not marker.text
    ]
    try:
        data = read_bytes(path, max_bytes=max_bytes)
        if raw.format == "docx":
            found += empty_docx_items(data)
        else:
            found += _empty_text_items(decode_text(data)[0], markdown=raw.format == "md")
    except (ExtractorError, ValueError, KeyError):
        pass
    return tuple(dict.fromkeys(found))


def _continues(line: Line | None, *, markdown: bool) -> bool:
    """Tell whether ``line`` would become the text of an empty list item just above it."""
    if line is None or line.is_blank() or is_rule_line(line.text):
        return False
    if markdown and line.text.lstrip().startswith(("#", "|", *_FENCES)):
        return False
    return parse_marker(line.text) is None


def _empty_text_items(text: str, *, markdown: bool) -> list[Origin]:
    """Lines of plain text or Markdown holding only a list marker, outside code fences."""
    lines = split_lines(text)
    start = 0
    if markdown:
        start = split_front_matter(lines)[1]
    found: list[Origin] = []
    fenced = False
    for k in range(start, len(lines)):
        line = lines[k]
        if markdown and line.text.lstrip().startswith(_FENCES):
            fenced = not fenced
        if fenced or is_rule_line(line.text):
            continue
        marker = parse_marker(line.text)
        following = lines[k + 1] if k + 1 < len(lines) else None
        if marker is not None and not marker.text and not _continues(following, markdown=markdown):
            found.append(Origin(line=line.number))
    return found
