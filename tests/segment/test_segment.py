from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any, cast

import docx
import pytest
from docx.oxml.ns import qn

from extractor.core import (
    Block,
    BlockKind,
    NoMinutesError,
    Origin,
    RawDocument,
    Segmented,
    SourceRef,
)
from extractor.readers import read
from extractor.segment import segment
from tests.conftest import SAMPLES, sample_files

SEED = "corpus/dev/thiff-safer-communities-2023-01-31.txt"
REAL = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "real"


def doc(*specs: tuple[str, BlockKind] | str) -> RawDocument:
    blocks = []
    for n, spec in enumerate(specs, start=1):
        text, kind = (spec, "paragraph") if isinstance(spec, str) else spec
        kind = cast(BlockKind, kind)
        marker = "•" if kind == "list_item" else None
        blocks.append(Block(text, kind, Origin(line=n), marker=marker))
    return RawDocument("m.txt", "txt", "0" * 64, "utf-8", blocks)


def test_seed_minutes(shared: Path) -> None:
    result = segment(read(shared / SEED))
    minutes = result.minutes
    assert [len(s.items) for s in minutes.sections] == [5, 3, 21, 10, 13]
    assert [s.speaker.name for s in minutes.sections if s.speaker] == [
        "Ohid Ahmed",
        "Leon Silver",
        "Charles Griggs",
        "Andy Port",
        "Abidah Kamali",
    ]
    assert [s.id for s in minutes.sections] == ["s1", "s2", "s3", "s4", "s5"]
    meeting = minutes.meeting
    assert (meeting.date, meeting.start_time, meeting.end_time) == ("2023-01-31", "18:00", "20:00")
    assert meeting.location == "THCVS offices, Bethnal Green"
    assert meeting.source is not None and meeting.source.line == 2
    assert minutes.next_meeting is not None and minutes.next_meeting.date == "2023-03-20"
    assert len(minutes.priorities) == 7 and minutes.priorities[0].item == "s3.i2"
    assert [w.code for w in minutes.warnings] == ["weekday-mismatch"]
    assert minutes.attendees == [] and minutes.entities == [] and minutes.acronyms == []
    assert [origin.line for _, origin in result.extra_texts] == [1, 2, 74]
    item = minutes.sections[2].items[4]
    assert (item.id, item.kind, item.marker, item.source.line) == ("s3.i5", "numbered", "1.", 23)


Key = tuple[int, int, int, int, int]
"""A block's or a reference's place in its file: (line, paragraph, table, row, cell), -1 unset."""

ANY_ITEMS_ABOVE = 10
"""Minutes with more non-blank blocks than this have at least one section holding items."""


def _key(ref: Origin | SourceRef) -> Key:
    values = (ref.line, ref.paragraph, ref.table, ref.row, ref.cell)
    line, paragraph, table, row, cell = (-1 if v is None else v for v in values)
    return (line, paragraph, table, row, cell)


def _body_blocks(element: Any) -> int:
    """Paragraphs and tables of a Word body, looking through content controls."""
    count = 0
    for child in element.iterchildren():
        if child.tag in (qn("w:p"), qn("w:tbl")):
            count += 1
        elif child.tag in (qn("w:sdt"), qn("w:sdtContent")):
            count += _body_blocks(child)
    return count


def _extent(path: Path, raw: RawDocument) -> int:
    """Lines in a text file, or body blocks (paragraphs and tables) in a Word file."""
    if raw.format == "docx":
        return _body_blocks(docx.Document(str(path)).element.body)
    return len(path.read_bytes().decode(raw.encoding or "utf-8", errors="replace").splitlines())


def structure_problems(path: Path, raw: RawDocument, result: Segmented) -> list[str]:
    """What is wrong with a segmentation whatever the minutes say, by the gold conventions.

    Every non-blank block is accounted for exactly once: a section heading, an item, or a
    header line the segmenter sets aside (title, date, attendees, next meeting…), a table's
    first row naming the columns of the rows below it. References lie inside the file and
    follow document order; no item is empty; longer minutes have items.
    """
    minutes = result.minutes
    blocks = [b for b in raw.blocks if b.text.strip() or b.cells]
    problems: list[str] = []
    placed: Counter[Key] = Counter()
    for section in minutes.sections:
        if section.heading:
            placed[_key(section.source)] += 1
        placed.update(_key(item.source) for item in section.items)
    placed.update(_key(origin) for _, origin in result.extra_texts)
    present = Counter(_key(b.origin) for b in blocks)
    with_rows = {(b.origin.paragraph, b.origin.table) for b in blocks if b.kind == "table_row"}
    column_names = Counter(
        _key(b.origin)
        for b in blocks
        if b.table_header and (b.origin.paragraph, b.origin.table) in with_rows
    )
    if dropped := present - placed - column_names:
        problems.append(f"blocks in no heading, item or header line: {sorted(dropped)}")
    if invented := placed - present:
        problems.append(f"places that are no block, or one placed twice: {sorted(invented)}")

    extent = _extent(path, raw)
    refs = [_key(s.source) for s in minutes.sections]
    refs += [_key(i.source) for s in minutes.sections for i in s.items]
    refs += [_key(origin) for _, origin in result.extra_texts]
    if raw.format == "docx":
        outside = [r for r in refs if not 0 <= r[1] < extent]
    else:
        outside = [r for r in refs if not 1 <= r[0] <= extent]
    if outside:
        problems.append(f"references outside the file's {extent} lines/blocks: {outside}")

    in_order = [
        _key(ref)
        for section in minutes.sections
        for ref in [
            *([section.source] if section.heading else []),
            *(i.source for i in section.items),
        ]
    ]
    backwards = [
        (a, b) for a, b in pairwise(in_order) if b < a or (b == a and raw.format != "docx")
    ]
    if backwards:
        problems.append(f"headings and items out of document order: {backwards[:3]}")

    empty = [i.id for s in minutes.sections for i in s.items if not i.text.strip()]
    if empty:
        problems.append(f"empty items: {empty}")
    if len(blocks) > ANY_ITEMS_ABOVE and not any(s.items for s in minutes.sections):
        problems.append(f"{len(blocks)} blocks and no section with items")
    return problems


def _segmented(path: Path) -> tuple[RawDocument, Segmented]:
    raw = read(path)
    return raw, segment(raw)


REAL_NAMES = sorted(p.name for p in REAL.iterdir()) if REAL.is_dir() else ["(no ../shared)"]


@pytest.mark.parametrize("name", REAL_NAMES)
def test_real_minutes_segment_into_a_sound_structure(shared: Path, name: str) -> None:
    path = shared / "corpus" / "real" / name
    raw, result = _segmented(path)
    assert structure_problems(path, raw, result) == []


@pytest.mark.parametrize("sample", sample_files(), ids=lambda p: p.name)
def test_samples_segment_into_a_sound_structure(sample: Path) -> None:
    raw, result = _segmented(sample)
    assert structure_problems(sample, raw, result) == []


def _drop_an_item(result: Segmented) -> None:
    result.minutes.sections[-1].items.pop()


def _swap_two_sections(result: Segmented) -> None:
    sections = result.minutes.sections
    sections[0], sections[-1] = sections[-1], sections[0]


def _empty_an_item(result: Segmented) -> None:
    result.minutes.sections[-1].items[0].text = " "


def _lose_the_header_lines(result: Segmented) -> None:
    result.extra_texts.clear()


def _repeat_an_item(result: Segmented) -> None:
    items = result.minutes.sections[-1].items
    items.append(items[0].model_copy())


def _point_past_the_end(result: Segmented) -> None:
    result.minutes.sections[-1].items[-1].source = SourceRef(line=10_000)


def _merge_into_no_sections(result: Segmented) -> None:
    for section in result.minutes.sections:
        section.items = []


@pytest.mark.parametrize(
    "damage",
    [
        _drop_an_item,
        _swap_two_sections,
        _empty_an_item,
        _lose_the_header_lines,
        _repeat_an_item,
        _point_past_the_end,
        _merge_into_no_sections,
    ],
)
def test_a_broken_segmentation_is_caught(damage: Callable[[Segmented], None]) -> None:
    sample = SAMPLES / "residents-association-2023-11-20.txt"
    raw, result = _segmented(sample)
    assert structure_problems(sample, raw, result) == []
    damage(result)
    assert structure_problems(sample, raw, result) != []


def test_plain_list_gets_one_untitled_section() -> None:
    minutes = segment(doc(("Check the data", "list_item"), ("Add race", "list_item"))).minutes
    assert len(minutes.sections) == 1 and minutes.sections[0].heading == ""
    assert len(minutes.sections[0].items) == 2
    assert [w.code for w in minutes.warnings] == ["no-sections"]


def test_prose_only_is_not_minutes() -> None:
    with pytest.raises(NoMinutesError):
        segment(doc("This is a long essay sentence about nothing in particular at all, really."))


def test_preamble_attendees_and_next_meeting() -> None:
    minutes = segment(
        doc(
            "Parish Council Meeting",
            "Tuesday 2 May 2023, 7pm at the Village Hall",
            "Present: Cllr Jo Roe (Chair), Sam Hill",
            "Apologies: Ann Lee",
            "The chair welcomed everyone.",
            "Jo Roe, Chair, Parish Council",
            ("Budget agreed", "list_item"),
            "Next meeting: 6 June",
        )
    ).minutes
    assert minutes.meeting.title == "Parish Council Meeting"
    assert minutes.meeting.location == "the Village Hall" and minutes.meeting.start_time == "19:00"
    assert [p.name for p in minutes.attendees] == ["Jo Roe", "Sam Hill"]
    assert [p.name for p in minutes.apologies] == ["Ann Lee"]
    assert [s.heading for s in minutes.sections] == ["", "Jo Roe, Chair, Parish Council"]
    assert [len(s.items) for s in minutes.sections] == [1, 1]
    assert minutes.next_meeting is not None and minutes.next_meeting.date == "2023-06-06"
    assert [w.code for w in minutes.warnings] == ["content-before-first-section"]


def test_transcript_and_multiple_meetings() -> None:
    minutes = segment(
        doc(
            ("HTTP WG Minutes", "heading"),
            "Date: 1 May 2023",
            ("Cookies", "heading"),
            "Martin: first point",
            "Lucas: second point",
            "Martin: third point",
            "Date: 8 May 2023",
        )
    ).minutes
    items = minutes.sections[0].items
    assert [i.kind for i in items] == ["utterance"] * 3
    assert items[1].speaker is not None and items[1].speaker.name == "Lucas"
    assert minutes.meeting.date == "2023-05-01"
    assert "multiple-meetings" in [w.code for w in minutes.warnings]


@pytest.mark.parametrize(
    ("closing", "next_date", "last_items"),
    [
        (
            ["7. Dates of meetings for 2023", "7pm, Wednesday 6 December 2023", "Jo Roe"],
            "2023-12-06",
            0,
        ),
        (["7. Date of next meeting - Wednesday 6 December 2023"], "2023-12-06", 0),
        (["7. Any other business", "None.", "Signed: ________", "Chair"], None, 1),
    ],
)
def test_closing_lines_are_not_items(
    closing: list[str], next_date: str | None, last_items: int
) -> None:
    minutes = segment(
        doc(
            "Village Liaison Committee",
            "Wednesday 6 September 2023",
            "5. Noise",
            "There were no further comments.",
            "6. Odour",
            "Data is now available.",
            *closing,
        )
    ).minutes
    assert [s.heading for s in minutes.sections][-1] == closing[0]
    assert len(minutes.sections[-1].items) == last_items
    got = minutes.next_meeting.date if minutes.next_meeting else None
    assert got == next_date


def test_docx_attendee_table_and_location_after_times(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Eastfield Health Board", level=1)
    document.add_paragraph(
        "Thursday 25 January 2024, 2.00pm – 4.00pm, Committee Room 2, Civic Centre"
    )
    document.add_paragraph("Attendees")
    table = document.add_table(rows=3, cols=2)
    for r, (name, org) in enumerate(
        [("Name", "Organisation"), ("Cllr Jo Roe", "Eastfield Council"), ("Sam Hill", "Trust")]
    ):
        table.cell(r, 0).text, table.cell(r, 1).text = name, org
    document.add_heading("Tom Adeyemi, Chief Officer, Healthwatch Eastfield", level=2)
    document.add_paragraph("Survey findings were presented.")
    path = tmp_path / "board.docx"
    document.save(str(path))
    minutes = segment(read(path)).minutes
    assert [p.name for p in minutes.attendees] == ["Jo Roe", "Sam Hill"]
    assert minutes.meeting.location == "Committee Room 2, Civic Centre"
    assert [s.heading for s in minutes.sections] == [
        "Tom Adeyemi, Chief Officer, Healthwatch Eastfield"
    ]
    speaker = minutes.sections[0].speaker
    assert speaker is not None and speaker.name == "Tom Adeyemi"
    assert speaker.organisation == "Healthwatch Eastfield"
    assert minutes.warnings == []


def test_a_speaker_takes_role_and_body_from_the_attendance_list() -> None:
    minutes = segment(
        doc(
            "Westshire Safety Board",
            "Date: 4 March 2024",
            "Present: Jo Roe (Head of Safety, Westshire Council), Al Lee",
            ("Finance – Jo Roe", "heading"),
            ("The budget is on track.", "list_item"),
            ("Policing – Al Lee", "heading"),
            ("Burglary fell.", "list_item"),
        )
    ).minutes
    speakers = [s.speaker for s in minutes.sections if s.speaker]
    assert [(p.name, p.role, p.organisation) for p in speakers] == [
        ("Jo Roe", "Head of Safety", "Westshire Council"),
        ("Al Lee", None, None),
    ]


def test_a_labelled_date_line_gives_the_date_before_a_date_in_the_title() -> None:
    minutes = segment(
        doc(
            ("Minutes for the Week of 26 March, 2012", "heading"),
            "Date: March 24, 2012",
            ("Progress", "heading"),
            "- Integration continued.",
        )
    ).minutes
    assert minutes.meeting.date == "2012-03-24"
    assert minutes.meeting.title == "Week of 26 March, 2012"
