"""The segmenter: from a read document's blocks to :class:`Minutes` without entities.

Pure and format-agnostic. Steps, in order:

1. Header lines that are never items are set aside: the closing next-meeting line, attendee
   and apology lists (with their continuation lines and "Present" headings), "Date: … Time: …"
   field lines and, in the header region, roster lines.
2. :func:`extractor.headers.find_headers` picks the section headers (one style per document).
3. The blocks before the first header give the meeting header (title, date, times, location).
   Short title-like lines there are header lines too; other content there becomes items of a
   first section with an empty heading and a ``content-before-first-section`` warning. A
   document without any header gets one section with an empty heading and ``no-sections``.
4. Every other block is one item of the section it sits in; table header rows name the
   columns and are not items. Priorities, actions and decisions are then read and tagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from extractor.attendees import is_people_line, parse_people
from extractor.document import Block, Origin, RawDocument, Segmented
from extractor.errors import NoMinutesError
from extractor.headers import Header, find_headers, numbered_title, toc_lines
from extractor.items import is_signature_line, is_transcript, make_item, source_ref
from extractor.meeting import (
    find_date,
    is_date_line,
    is_marker_line,
    is_meeting_dates_heading,
    is_next_meeting,
    parse_fields,
    parse_next_meeting,
    read_header,
)
from extractor.models import (
    Minutes,
    MinutesWarning,
    NextMeeting,
    Section,
    SourceFile,
)
from extractor.roster import Roster, take_lists
from extractor.structure import Placed, find_structure

_NUMBERED_TAIL = re.compile(r"\s+\d+\s*[:.)]\s")


@dataclass(slots=True)
class _Aside(Roster):
    """Blocks set aside as header lines, with the people and next meeting they gave."""

    next_index: int | None = None
    dated_fields: int = 0
    first_fields: int | None = None
    titled_next: set[int] = field(default_factory=set)
    """Next-meeting lines written as numbered agenda titles: they may open sections."""


def _warning(code: str, message: str, origin: Origin | None) -> MinutesWarning:
    return MinutesWarning(
        code=code,
        message=message,
        line=origin.line if origin else None,
        paragraph=origin.paragraph if origin else None,
    )


def _check_minutes_like(blocks: list[Block], path: str) -> None:
    if any(b.kind != "paragraph" for b in blocks):
        return
    if any(find_date(b.text) for b in blocks):
        return
    if any(len(b.text.split()) <= 12 and not b.text.rstrip().endswith(".") for b in blocks):
        return
    raise NoMinutesError(
        "nothing here looks like minutes (no heading, list, date or title line)", path=path
    )


def _set_aside(blocks: list[Block]) -> _Aside:
    aside = _Aside()
    for i, block in enumerate(blocks):
        if block.kind != "table_row" and is_next_meeting(block.text):
            (aside.titled_next if numbered_title(block) else aside.used).add(i)
            if aside.next_index is None or (
                find_date(block.text) and not find_date(blocks[aside.next_index].text)
            ):
                aside.next_index = i
    take_lists(blocks, aside)
    for i, block in enumerate(blocks):
        fields = parse_fields(block.text) if block.kind != "table_row" else {}
        if not fields:
            continue
        aside.used.add(i)
        if any(k.endswith("date") or k.startswith("date") for k in fields) and find_date(
            block.text
        ):
            aside.dated_fields += 1
        if aside.first_fields is None:
            aside.first_fields = i
        for key in ("present", "attendees", "apologies", "regrets"):
            if fields.get(key):
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


def _next_under_heading(
    blocks: list[Block], headers: list[Header], content: list[int]
) -> int | None:
    """The first dated line under a "Dates of meetings" / "Date of next meeting" heading."""
    bounds = [h.index for h in headers] + [len(blocks)]
    for head, end in zip(headers, bounds[1:], strict=True):
        if not is_meeting_dates_heading(head.heading):
            continue
        dated = [i for i in content if head.index < i < end and find_date(blocks[i].text)]
        if dated:
            return dated[0]
    return None


def _title_candidate(blocks: list[Block], aside: _Aside) -> int | None:
    for i, block in enumerate(blocks):
        if i in aside.used or is_marker_line(block.text):
            continue
        return i if block.kind in ("heading", "paragraph") else None
    return None


def _build_sections(
    blocks: list[Block],
    headers: list[Header],
    content: list[int],
    *,
    transcript: bool,
) -> list[tuple[Section, list[Placed]]]:
    opened = {h.index: h for h in headers}
    built: list[tuple[Section, list[Placed]]] = []
    columns: tuple[str, ...] = ()
    order = sorted([*content, *opened])
    for pos, i in enumerate(order):
        block = blocks[i]
        if i in opened:
            head = opened[i]
            sid = f"s{len(built) + 1}"
            section = Section(
                id=sid, heading=head.heading, speaker=head.speaker, source=source_ref(block.origin)
            )
            built.append((section, []))
            continue
        if block.kind != "table_row":
            columns = ()
        elif block.table_header:
            columns = block.cells
            continue
        if not built:
            sid = "s1"
            built.append((Section(id=sid, heading="", source=source_ref(block.origin)), []))
        section, placed = built[-1]
        nxt = blocks[order[pos + 1]] if pos + 1 < len(order) else None
        item = make_item(
            block,
            item_id=f"{section.id}.i{len(placed) + 1}",
            following=nxt,
            transcript=transcript,
        )
        placed.append(Placed(item=item, block=block, columns=columns))
    for section, placed in built:
        section.items = [p.item for p in placed]
    return built


def segment(raw: RawDocument) -> Segmented:
    """Split a read document into meeting header, sections and items (no entities yet)."""
    blocks = [b for b in raw.blocks if b.text.strip() or b.cells]
    if not blocks:
        raise NoMinutesError("the document holds no text", path=raw.path)
    _check_minutes_like(blocks, raw.path)
    aside = _set_aside(blocks)
    title_index = _title_candidate(blocks, aside)
    for i in range(title_index or 0):
        if is_marker_line(blocks[i].text):
            aside.used.add(i)
    order = [i for i in range(len(blocks)) if i not in aside.used and i != title_index]
    headers = find_headers(blocks, order)
    while (
        headers
        and blocks[headers[0].index].kind == "heading"
        and is_date_line(blocks[headers[0].index].text)
    ):
        if any(i < headers[0].index for i in order):
            break
        headers.pop(0)
    header_set = {h.index for h in headers}
    first = headers[0].index if headers else len(blocks)
    dated_skip = {i for i in aside.used if not parse_fields(blocks[i].text)}
    region = range(first)
    if aside.first_fields is not None and aside.first_fields >= first:
        end = aside.first_fields + 1
        while end < len(blocks) and end in aside.used and parse_fields(blocks[end].text):
            end += 1
        region = range(end)
    info = read_header(blocks, region=region, metadata=raw.metadata, skip=dated_skip)
    warnings = [_warning(code, msg, origin) for code, msg, origin in raw.warnings]
    warnings += [
        _warning(code, msg, blocks[i].origin if i >= 0 else None) for code, msg, i in info.warnings
    ]
    header_lines = {i for i in (info.title_index, info.date_index) if i is not None}
    header_lines |= toc_lines(blocks, order, headers)
    last_meta = max(header_lines, default=-1)
    for i in range(first):
        text = blocks[i].text.strip()
        if i in aside.used or i in header_lines:
            continue
        roster = is_people_line(text) and len(parse_people(text)) >= 3
        if roster:
            aside.add("attendees", parse_people(text))
        if roster or is_marker_line(text) or (i < last_meta and not text.endswith(".")):
            header_lines.add(i)
    aside.used |= aside.titled_next - header_set
    content = [i for i in order if i not in header_set | header_lines | aside.used]
    if title_index is not None and title_index not in header_lines:
        content = sorted([*content, title_index])
    if aside.next_index is None or not find_date(blocks[aside.next_index].text):
        below = _next_under_heading(blocks, headers, content)
        if below is not None:
            aside.next_index = below
            aside.used.add(below)
            content.remove(below)
    extra = sorted(aside.used | header_lines)
    built = _build_sections(blocks, headers, content, transcript=is_transcript(blocks))
    if not headers and built:
        warnings.append(_warning("no-sections", "no section headers found", blocks[0].origin))
    elif built and built[0][0].heading == "" and content and content[0] < first:
        origin = blocks[content[0]].origin
        warnings.append(
            _warning(
                "content-before-first-section",
                "content before the first section header is kept in an untitled section",
                origin,
            )
        )
    if aside.dated_fields > 1:
        warnings.append(
            _warning(
                "multiple-meetings",
                f"the document holds {aside.dated_fields} meetings; the first one's header is used",
                None,
            )
        )
    meeting = info.meeting
    where = info.date_index if info.date_index is not None else info.title_index
    if where is not None:
        meeting.source = source_ref(blocks[where].origin)
    meeting_date = date.fromisoformat(meeting.date) if meeting.date else None
    next_meeting: NextMeeting | None = None
    if aside.next_index is not None:
        block = blocks[aside.next_index]
        next_meeting = parse_next_meeting(block.text, meeting_date=meeting_date)
        next_meeting.source = source_ref(block.origin)
    structure = find_structure(built, year=meeting_date.year if meeting_date else None)
    minutes = Minutes(
        source=SourceFile(
            path=raw.path, format=raw.format, sha256=raw.sha256, encoding=raw.encoding
        ),
        meeting=meeting,
        attendees=aside.attendees,
        apologies=aside.apologies,
        sections=[section for section, _ in built],
        priorities=structure.priorities,
        action_items=structure.actions,
        decisions=structure.decisions,
        next_meeting=next_meeting,
        warnings=warnings,
    )
    extra_texts = [(blocks[i].text.strip(), blocks[i].origin) for i in extra]
    return Segmented(minutes=minutes, extra_texts=extra_texts)
