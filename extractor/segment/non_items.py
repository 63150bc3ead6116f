"""Header lines that are never items, set aside before sections are found.

The closing next-meeting line, attendee and apology lists (see :mod:`extractor.segment.roster`),
"Date: … Time: … Present: …" field lines and the signature block at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.core import Block
from extractor.parse import find_date
from extractor.segment.attendees import parse_people
from extractor.segment.headers import numbered_title
from extractor.segment.items import is_signature_line
from extractor.segment.meeting import is_next_meeting, parse_fields
from extractor.segment.roster import Roster, take_lists

_NUMBERED_TAIL = re.compile(r"\s+\d+\s*[:.)]\s")


@dataclass(slots=True)
class Aside(Roster):
    """Blocks set aside as header lines, with the people and next meeting they gave."""

    next_index: int | None = None
    dated_fields: int = 0
    first_fields: int | None = None
    titled_next: set[int] = field(default_factory=set)
    """Next-meeting lines written as numbered agenda titles: they may open sections."""


def is_dated_fields(fields: dict[str, str], text: str) -> bool:
    """A "Date: …" field line that holds a date: each meeting of a file opens with one."""
    return any(k.endswith("date") or k.startswith("date") for k in fields) and bool(find_date(text))


def set_aside(blocks: list[Block]) -> Aside:
    """Find next-meeting lines, attendance lists, labelled header fields and signature lines."""
    aside = Aside()
    for i, block in enumerate(blocks):
        if block.kind != "table_row" and is_next_meeting(block.text):
            (aside.titled_next if numbered_title(block) else aside.used).add(i)
            if aside.next_index is None or (
                find_date(block.text) and not find_date(blocks[aside.next_index].text)
            ):
                aside.next_index = i
    take_lists(blocks, aside)
    listed_already = set(aside.used)
    for i, block in enumerate(blocks):
        fields = parse_fields(block.text) if block.kind != "table_row" else {}
        if not fields:
            continue
        aside.used.add(i)
        if is_dated_fields(fields, block.text):
            aside.dated_fields += 1
        if aside.first_fields is None:
            aside.first_fields = i
        for key in ("present", "attendees", "apologies", "regrets"):
            if fields.get(key) and i not in listed_already:
                kind = "apologies" if key in ("apologies", "regrets") else "attendees"
                listed = _NUMBERED_TAIL.split(fields[key], maxsplit=1)[0]
                aside.add(kind, parse_people(listed))
    for i in range(len(blocks) - 1, 0, -1):
        if i in aside.used:
            continue
        if blocks[i].kind not in ("paragraph", "heading") or not is_signature_line(blocks[i].text):
            break
        aside.used.add(i)
    return aside
