"""Several meetings in one file: where each one starts, so that each becomes a document.

A file that keeps several meetings repeats the meeting header: each meeting opens with a
"Date: …" field line holding a date, often below a title ("Minutes of Meeting # 2",
"Minutes for the Week of 30 January, 2012") and a roster of short lines. The file is cut
before each such date line after the first one, at the first of the title-like lines just
above it; everything before the second meeting belongs to the first.

It is cut only when every part is a meeting of its own: each date line's date differs from
the others', and each part holds something besides its header fields. Otherwise the file
stays whole (and the segmenter warns ``multiple-meetings`` as before).
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from extractor.core import Block, RawDocument
from extractor.parse import find_date
from extractor.segment.meeting import parse_fields
from extractor.segment.non_items import is_dated_fields

MAX_TITLE_LINES = 6
"""Most short lines above a date line taken into its meeting (title, roster)."""
MAX_TITLE_WORDS = 8

_TITLE_WORDS = re.compile(
    r"\bminutes\b|\bmeeting\s*(?:#|no\.?|number)?\s*\d|\bweek\s+of\b", re.IGNORECASE
)
"""What a meeting's title says: "Minutes …", "Meeting # 2", "Week of …"."""


def split_meetings(raw: RawDocument) -> list[RawDocument]:
    """One document per meeting of ``raw`` in document order; ``[raw]`` for a single meeting.

    Each part keeps the file's path, format, hash, encoding and properties, gets the
    reader's warnings that fall inside it (whole-file ones go to every part) and records in
    ``span`` the origins of its first and last blocks.
    """
    blocks = raw.blocks
    starts = _meeting_starts(blocks)
    if len(starts) < 2:
        return [raw]
    bounds = [0, *starts[1:], len(blocks)]
    parts: list[RawDocument] = []
    for begin, end in pairwise(bounds):
        chunk = blocks[begin:end]
        inside = {id(block.origin) for block in chunk}
        warnings = [w for w in raw.warnings if w[2] is None or id(w[2]) in inside]
        parts.append(
            replace(raw, blocks=chunk, warnings=warnings, span=(chunk[0].origin, chunk[-1].origin))
        )
    return parts


def _meeting_starts(blocks: list[Block]) -> list[int]:
    """The index each meeting starts at, or fewer than two when the file is one meeting."""
    dated = [i for i, block in enumerate(blocks) if _dated(block)]
    if len(dated) < 2:
        return []
    dates = [find_date(blocks[i].text) for i in dated]
    values = [found.value for found in dates if found is not None]
    if len(set(values)) != len(dated):
        return []
    starts: list[int] = []
    previous = -1
    for i in dated:
        start = i
        while (
            start - 1 > previous
            and i - (start - 1) <= MAX_TITLE_LINES
            and _title_like(blocks[start - 1])
        ):
            start -= 1
        while start < i and not _strong_title(blocks[start]):
            start += 1
        starts.append(start)
        previous = i
    for end, date_line in zip([*starts[1:], len(blocks)], dated, strict=True):
        if all(parse_fields(b.text) for b in blocks[date_line + 1 : end]):
            return []
    return starts


def _dated(block: Block) -> bool:
    """A "Date: …" field line with a date (not a table row)."""
    if block.kind == "table_row":
        return False
    fields = parse_fields(block.text)
    return bool(fields) and is_dated_fields(fields, block.text)


def _title_like(block: Block) -> bool:
    """A short line that can sit above a meeting's date line: a title or a roster name."""
    text = block.text.strip()
    return (
        block.kind in ("heading", "paragraph")
        and 0 < len(text.split()) <= MAX_TITLE_WORDS
        and not text.endswith((".", ":", ";", ","))
        and not parse_fields(text)
    )


def _strong_title(block: Block) -> bool:
    """A line that opens a meeting rather than ends the previous one.

    Bold, a heading, in capitals, naming minutes or a meeting, or set off by a blank line.
    """
    text = block.text.strip()
    return (
        block.bold
        or block.gap_before
        or block.kind == "heading"
        or text.isupper()
        or bool(_TITLE_WORDS.search(text))
    )
