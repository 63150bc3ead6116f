"""Find attendee and apology lists among a document's blocks and set them aside.

A list is a label line ("Present: …", a bare "Apologies" line, "Team Members") with its
continuation lines, a table after a bare label (Name | Organisation | Role), or a table row whose
first cell is a label ("Attendees: | Jo, Sam"). A continuation that is a speaker header followed
by that speaker's content ends the list: it opens a section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.core import Block, Person
from extractor.segment.attendees import (
    ListKind,
    is_apology_sentence,
    is_people_line,
    labelled_parts,
    list_label,
    parse_people,
)
from extractor.segment.headers import numbered_title, speaker_header

_NAME_COLUMN = re.compile(
    r"\b(?:names?|members?|attendees?|participants?|present|attending|apologies|person)\b", re.I
)
_ORG_COLUMN = re.compile(
    r"\b(?:organi[sz]ations?|org|body|agency|company|representing|affiliation|employer)\b", re.I
)
_ROLE_COLUMN = re.compile(r"\b(?:roles?|titles?|positions?|posts?|job)\b", re.I)
_INITIAL_END = re.compile(r"(?:^|\s)[A-Z]\.$")
_WEAK_LABEL = re.compile(r"\b(?:members|participants)\W*$", re.IGNORECASE)


@dataclass(slots=True)
class Roster:
    """Attendee and apology lists read from a document, and the blocks that held them."""

    used: set[int] = field(default_factory=set)
    attendees: list[Person] = field(default_factory=list)
    apologies: list[Person] = field(default_factory=list)

    def add(self, kind: str, people: list[Person]) -> None:
        """Add people to the list ``kind`` names, once each; the absent are not kept."""
        if kind == "absent":
            return
        target = self.apologies if kind == "apologies" else self.attendees
        known = {p.name for p in target}
        for person in people:
            if person.name not in known:
                known.add(person.name)
                target.append(person)


def table_people(rows: list[Block]) -> list[Person]:
    """Read a Name | Organisation | Role table: one person per data row.

    The first row names the columns when one of its cells names a name column; otherwise every
    row is data and the first column holds the names.
    """
    header = rows[0].cells if rows else ()
    names = next((k for k, c in enumerate(header) if _NAME_COLUMN.search(c)), None)
    if names is None:
        names, header = 0, ()
    org = next((k for k, c in enumerate(header) if _ORG_COLUMN.search(c)), None)
    role = next((k for k, c in enumerate(header) if _ROLE_COLUMN.search(c)), None)
    people: list[Person] = []
    for row in rows[1:] if header else rows:
        cells = row.cells

        def cell(k: int | None, cells: tuple[str, ...] = cells) -> str | None:
            return cells[k].strip() or None if k is not None and k < len(cells) else None

        found = parse_people(cell(names) or "")
        if len(found) != 1:
            continue
        person = found[0]
        people.append(
            person.model_copy(
                update={
                    "role": person.role or cell(role),
                    "organisation": person.organisation or cell(org),
                }
            )
        )
    return people


def _label(block: Block) -> tuple[ListKind, str] | None:
    """Return the attendance label a block opens with; a numbered agenda title is not one."""
    label = list_label(block.text) if block.kind != "table_row" else None
    if label is not None and not label[1].strip() and numbered_title(block):
        return None
    return label


def _table_rows(blocks: list[Block], start: int) -> int:
    """Index just past the table that starts at ``start`` (a run of rows of one table)."""
    end = start + 1
    while end < len(blocks) and blocks[end].kind == "table_row" and not blocks[end].table_header:
        end += 1
    return end


def _opens_section(blocks: list[Block], j: int) -> bool:
    """Tell whether the line at ``j`` is a speaker header followed by that speaker's content."""
    nxt = blocks[j + 1] if j + 1 < len(blocks) else None
    if nxt is None or not blocks[j].gap_before or speaker_header(blocks[j]) is None:
        return False
    if numbered_title(nxt) is not None or list_label(nxt.text) is not None:
        return False
    return nxt.kind == "list_item" or (nxt.kind == "paragraph" and not is_people_line(nxt.text))


def _continues(blocks: list[Block], i: int, j: int, rest: str) -> bool:
    """Tell whether the people line at ``j`` continues the list opened at ``i``."""
    if not is_people_line(blocks[j].text):
        return False
    if not rest.strip():
        return True
    short = blocks[j].kind == blocks[i].kind == "paragraph" and len(blocks[j].text.split()) <= 12
    return short and not _opens_section(blocks, j)


def _take_list(blocks: list[Block], i: int, roster: Roster) -> int:
    """Set aside the list opened at ``i`` with its continuation lines; return the next index."""
    block = blocks[i]
    label = _label(block)
    if label is None or len(block.text.split()) > 80:
        return i + 1
    kind, rest = label
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    weak = not rest.strip() and _WEAK_LABEL.search(block.text)
    if weak and (nxt is None or not (nxt.kind == "table_row" or is_people_line(nxt.text))):
        return i + 1
    for part_kind, part in labelled_parts(kind, rest):
        roster.add(part_kind, parse_people(part) if part.strip() else [])
    if is_apology_sentence(block.text):
        return i + 1
    roster.used.add(i)
    if nxt is not None and nxt.kind == "table_row" and not rest.strip():
        end = _table_rows(blocks, i + 1)
        roster.add(kind, table_people(blocks[i + 1 : end]))
        roster.used.update(range(i + 1, end))
        return end
    j = i + 1
    pending = ""
    while j < len(blocks) and blocks[j].kind not in ("heading", "table_row"):
        nested = _label(blocks[j])
        if is_apology_sentence(blocks[j].text):
            break
        if nested is not None and not nested[1].strip():
            kind = nested[0]
        elif nested is not None:
            for part_kind, part in labelled_parts(*nested):
                roster.add(part_kind, parse_people(part))
        elif pending or _continues(blocks, i, j, rest):
            pending = f"{pending} {blocks[j].text.strip()}".strip()
            if blocks[j].kind != "paragraph" or not wraps(pending):
                roster.add(kind, parse_people(pending))
                pending = ""
        else:
            break
        roster.used.add(j)
        j += 1
    roster.add(kind, parse_people(pending) if pending else [])
    return j


def wraps(text: str) -> bool:
    """Tell whether a list line runs on into the next line (a hard-wrapped list of people).

    It does when it ends with a comma or an initial, leaves a bracket open, or is a
    comma-separated list whose last word has no closing punctuation.
    """
    text = text.rstrip()
    if text.endswith(",") or text.count("(") > text.count(")"):
        return True
    if _INITIAL_END.search(text):
        return True
    return "," in text and text[-1:].isalnum()


def _take_table_row(blocks: list[Block], i: int, roster: Roster) -> int | None:
    """Read a table row whose first cell is an attendance label; None when it is not one.

    "Attendees: | Jo, Sam" is a labelled row; a first row "Present | Organisation" names the
    columns of a table of people.
    """
    block = blocks[i]
    label = list_label(block.cells[0]) if block.cells else None
    if label is None or label[1].strip():
        return None
    others = [c for c in block.cells[1:] if c.strip()]
    if any(is_people_line(c) for c in others):
        for cell in others:
            roster.add(label[0], parse_people(cell) if is_people_line(cell) else [])
        roster.used.add(i)
        return i + 1
    if not block.table_header:
        return None
    end = _table_rows(blocks, i)
    roster.add(label[0], table_people(blocks[i:end]))
    roster.used.update(range(i, end))
    return end


def take_lists(blocks: list[Block], roster: Roster) -> None:
    """Set aside attendee and apology lists (label lines, continuations, tables) in ``roster``."""
    i = 0
    while i < len(blocks):
        if blocks[i].kind == "table_row":
            i = _take_table_row(blocks, i, roster) or i + 1
        else:
            i = _take_list(blocks, i, roster)
