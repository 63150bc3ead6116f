"""The segmenter: from a read document's blocks to :class:`Minutes` without entities.

Pure and format-agnostic. Steps, in order:

1. Header lines that are never items are set aside (:mod:`extractor.segment.non_items`): the closing
   next-meeting line, attendee and apology lists (with their continuation lines and "Present"
   headings), "Date: … Time: …" field lines and, in the header region, roster lines.
2. :func:`.headers.find_headers` picks the section headers (one style per document).
3. The blocks before the first header give the meeting header (title, date, times, location).
   Short title-like lines there are header lines too; other content there becomes items of a
   first section with an empty heading and a ``content-before-first-section`` warning. A
   document without any header gets one section with an empty heading and ``no-sections``.
4. Every other block is one item of the section it sits in; table header rows name the
   columns and are not items. Priorities, actions and decisions are then read and tagged.
"""

from __future__ import annotations

from datetime import date

from extractor.core import (
    Block,
    DateOrder,
    Minutes,
    MinutesWarning,
    NextMeeting,
    NoMinutesError,
    Origin,
    Person,
    RawDocument,
    Section,
    Segmented,
    SourceFile,
    SourceRef,
    SourceSpan,
)
from extractor.parse import find_date, writes_month_first
from extractor.segment.attendees import is_people_line, parse_people
from extractor.segment.headers import Header, find_headers, toc_lines
from extractor.segment.items import is_transcript, make_item, source_ref
from extractor.segment.meeting import (
    is_date_line,
    is_marker_line,
    is_meeting_dates_heading,
    parse_fields,
    parse_next_meeting,
    read_header,
)
from extractor.segment.non_items import Aside, set_aside
from extractor.segment.outcomes import Placed, find_structure
from extractor.segment.split import split_meetings


def _warning(code: str, message: str, origin: Origin | None) -> MinutesWarning:
    """A document warning placed at ``origin`` (a whole-file warning when it is None)."""
    return MinutesWarning(
        code=code,
        message=message,
        line=origin.line if origin else None,
        paragraph=origin.paragraph if origin else None,
        page=origin.page if origin else None,
    )


def _check_minutes_like(blocks: list[Block], path: str) -> None:
    """Raise :class:`NoMinutesError` for plain prose: only long, dateless sentences."""
    if any(b.kind != "paragraph" for b in blocks):
        return
    if any(find_date(b.text) for b in blocks):
        return
    if any(len(b.text.split()) <= 12 and not b.text.rstrip().endswith(".") for b in blocks):
        return
    raise NoMinutesError(
        "nothing here looks like minutes (no heading, list, date or title line)", path=path
    )


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


def _title_candidate(blocks: list[Block], aside: Aside) -> int | None:
    """Index of the first unused, non-banner block when it is a heading or paragraph."""
    for i, block in enumerate(blocks):
        if i in aside.used or block.link or is_marker_line(block.text):
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
    """One section per header, holding the items of the content blocks up to the next one.

    Content before the first header goes into an untitled section ``s1``; a table's header row
    gives the column names of the rows below it instead of an item.
    """
    opened = {h.index: h for h in headers}
    built: list[tuple[Section, list[Placed]]] = []
    columns: tuple[str, ...] = ()
    order = sorted([*content, *opened])
    for pos, i in enumerate(order):
        block = blocks[i]
        if i in opened:
            head = opened[i]
            section = Section(
                id=f"s{len(built) + 1}",
                heading=head.heading,
                speaker=head.speaker,
                source=source_ref(block.origin),
            )
            built.append((section, []))
            continue
        if block.kind != "table_row":
            columns = ()
        elif block.table_header:
            columns = block.cells
            continue
        if not built:
            built.append((Section(id="s1", heading="", source=source_ref(block.origin)), []))
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


def _without_leading_dates(
    blocks: list[Block], headers: list[Header], order: list[int]
) -> list[Header]:
    """Drop date-line headings ("## 5 March 2024") that open the document before any content."""
    while (
        headers
        and blocks[headers[0].index].kind == "heading"
        and is_date_line(blocks[headers[0].index].text)
    ):
        if any(i < headers[0].index for i in order):
            break
        headers.pop(0)
    return headers


def _header_region(blocks: list[Block], aside: Aside, first: int) -> range:
    """The blocks the meeting header is read from, as a range of indices.

    Those before the first section header, or up to the end of the first run of labelled
    fields ("Date: …") when that runs further.
    """
    if aside.first_fields is None or aside.first_fields < first:
        return range(first)
    end = aside.first_fields + 1
    while end < len(blocks) and end in aside.used and parse_fields(blocks[end].text):
        end += 1
    return range(end)


def _section_warnings(
    blocks: list[Block],
    headers: list[Header],
    built: list[tuple[Section, list[Placed]]],
    content: list[int],
    first: int,
) -> list[MinutesWarning]:
    """``no-sections``, or ``content-before-first-section`` for an untitled first section."""
    if not headers and built:
        return [_warning("no-sections", "no section headers found", blocks[0].origin)]
    if built and built[0][0].heading == "" and content and content[0] < first:
        return [
            _warning(
                "content-before-first-section",
                "content before the first section header is kept in an untitled section",
                blocks[content[0]].origin,
            )
        ]
    return []


def _fill_speakers(sections: list[Section], attendees: list[Person]) -> None:
    """Give a section's speaker the role and organisation the attendance list gives them."""
    listed = {person.name.casefold(): person for person in attendees}
    for section in sections:
        speaker = section.speaker
        person = listed.get(speaker.name.casefold()) if speaker and speaker.name else None
        if speaker is None or person is None:
            continue
        speaker.role = speaker.role or person.role
        speaker.organisation = speaker.organisation or person.organisation


def _span(raw: RawDocument) -> SourceSpan | None:
    """Where a meeting cut from a file of several sits in it (its first and last block)."""
    if raw.span is None:
        return None
    first, last = raw.span
    return SourceSpan(
        first=SourceRef(line=first.line, paragraph=first.paragraph),
        last=SourceRef(line=last.line, paragraph=last.paragraph),
    )


def segment(raw: RawDocument, *, date_order: DateOrder = "auto") -> Segmented:
    """Split a read document into meeting header, sections and items (no entities yet).

    ``date_order`` says how numeric dates are read; under ``auto`` the document's own numeric
    dates decide (:func:`extractor.parse.writes_month_first`). The decision is made here, once, and
    kept on the result for the tagger's date values.
    """
    blocks = [b for b in raw.blocks if b.text.strip() or b.cells]
    if not blocks:
        raise NoMinutesError("the document holds no text", path=raw.path)
    month_first = writes_month_first((b.text for b in blocks), order=date_order)
    _check_minutes_like(blocks, raw.path)
    aside = set_aside(blocks)
    title_index = _title_candidate(blocks, aside)
    for i in range(title_index or 0):
        if is_marker_line(blocks[i].text):
            aside.used.add(i)
    order = [i for i in range(len(blocks)) if i not in aside.used and i != title_index]
    headers = _without_leading_dates(blocks, find_headers(blocks, order), order)
    header_set = {h.index for h in headers}
    first = headers[0].index if headers else len(blocks)
    dated_skip = {i for i in aside.used if not parse_fields(blocks[i].text)}
    region = _header_region(blocks, aside, first)
    info = read_header(
        blocks, region=region, metadata=raw.metadata, skip=dated_skip, month_first=month_first
    )
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
        people = parse_people(text) if is_people_line(text) else []
        roster = len(people) >= 3
        if roster:
            aside.add("attendees", people)
        if roster or is_marker_line(text) or (i < last_meta and not text.endswith(".")):
            header_lines.add(i)
    aside.used |= aside.titled_next - header_set
    taken = header_set | header_lines | aside.used
    content = [i for i in order if i not in taken]
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
    warnings += _section_warnings(blocks, headers, built, content, first)
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
        next_meeting = parse_next_meeting(
            block.text, meeting_date=meeting_date, month_first=month_first
        )
        next_meeting.source = source_ref(block.origin)
    structure = find_structure(
        built, year=meeting_date.year if meeting_date else None, month_first=month_first
    )
    _fill_speakers([section for section, _ in built], aside.attendees)
    minutes = Minutes(
        source=SourceFile(
            path=raw.path,
            format=raw.format,
            sha256=raw.sha256,
            encoding=raw.encoding,
            span=_span(raw),
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
    return Segmented(minutes=minutes, extra_texts=extra_texts, month_first=month_first)


__all__ = ["segment", "split_meetings"]
