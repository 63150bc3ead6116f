from __future__ import annotations

import io

import docx
import pytest

from extractor.core import Block, BlockKind, Origin
from extractor.readers import read_data
from extractor.segment.roster import Roster, table_people, take_lists, wraps


def para(text: str, kind: BlockKind = "paragraph", *, gap: bool = False) -> Block:
    return Block(text, kind, Origin(), marker="•" if kind == "list_item" else None, gap_before=gap)


def row(*cells: str, header: bool = False) -> Block:
    text = " | ".join(c for c in cells if c)
    return Block(text, "table_row", Origin(), cells=cells, table_header=header)


def docx_blocks() -> list[Block]:
    document = docx.Document()
    document.add_heading("Health Board", level=1)
    document.add_paragraph("Attendees")
    table = document.add_table(rows=3, cols=3)
    for r, values in enumerate(
        [
            ("Name", "Organisation", "Role"),
            ("Cllr Jo Roe", "Northdale Council", "Chair"),
            ("Dr Sam Hill", "Eastfield Trust", "Director"),
        ]
    ):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    document.add_paragraph("Apologies: Ann Lee")
    document.add_heading("Welcome", level=2)
    buffer = io.BytesIO()
    document.save(buffer)
    return list(read_data(buffer.getvalue(), name="roster.docx").blocks)


def test_docx_attendee_table_after_a_bare_label() -> None:
    blocks = docx_blocks()
    roster = Roster()
    take_lists(blocks, roster)
    assert [(p.name, p.role, p.organisation) for p in roster.attendees] == [
        ("Jo Roe", "Chair", "Northdale Council"),
        ("Sam Hill", "Director", "Eastfield Trust"),
    ]
    assert [p.name for p in roster.apologies] == ["Ann Lee"]
    assert [blocks[i].text for i in sorted(roster.used)][:2] == [
        "Attendees",
        "Name | Organisation | Role",
    ]
    assert all(blocks[i].kind != "heading" for i in roster.used)


@pytest.mark.parametrize(
    ("rows", "names"),
    [
        (
            [row("Name", "Organisation", header=True), row("Jo Roe", "Trust"), row("Sam Hill")],
            ["Jo Roe", "Sam Hill"],
        ),
        ([row("Jo Roe", "Chair", header=True), row("Sam Hill", "Clerk")], ["Jo Roe", "Sam Hill"]),
        ([row("Member", "Role", header=True), row("", "Chair"), row("Ann Lee")], ["Ann Lee"]),
    ],
)
def test_table_people(rows: list[Block], names: list[str]) -> None:
    assert [p.name for p in table_people(rows)] == names


@pytest.mark.parametrize(
    ("blocks", "attendees", "used"),
    [
        (
            [row("Attendees:", "Cristina, Sean", header=True), row("Please read:", "Agenda")],
            ["Cristina", "Sean"],
            {0},
        ),
        (
            [row("Present", "Organisation", header=True), row("Jo Roe", "Trust"), para("Notes")],
            ["Jo Roe"],
            {0, 1},
        ),
        (
            [para("Team Members"), para("Jo Roe"), para("Sam Hill")],
            ["Jo Roe", "Sam Hill"],
            {0, 1, 2},
        ),
        ([para("Team Members"), para("The team met twice.")], [], set()),
        ([para("New project members:"), para("Jo Roe")], [], set()),
    ],
)
def test_labelled_rows_and_weak_labels(
    blocks: list[Block], attendees: list[str], used: set[int]
) -> None:
    roster = Roster()
    take_lists(blocks, roster)
    assert [p.name for p in roster.attendees] == attendees
    assert roster.used == used


@pytest.mark.parametrize(
    ("after", "taken"),
    [
        (para("Welcomed residents to the meeting.", "list_item"), False),
        (para("Sam Hill (Clerk, Parish Council)", gap=True), True),
        (para("1. Apologies", gap=True), True),
    ],
)
def test_a_speaker_header_after_a_gap_ends_the_list(after: Block, taken: bool) -> None:
    blocks = [
        para("Apologies: Colin Pryor, Mary Dunne"),
        para("Jo Roe (Chair, Residents’ Association)", gap=True),
        after,
    ]
    roster = Roster()
    take_lists(blocks, roster)
    assert ("Jo Roe" in [p.name for p in roster.apologies]) is taken
    assert (1 in roster.used) is taken


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Director, Community (Mr. G. Daly), Administrator, Newcastle", True),
        ("Senior Engineer, Roads (Mr. J.", True),
        ("Clerical Officer,", True),
        ("Inspector O. Nally, Sergeant N.", True),
        ("Newcastle West (Ms. A. Lenihan)", False),
        ("David Bartz", False),
        ("Jo Roe, Sam Hill.", False),
    ],
)
def test_wrapped_list_lines(text: str, expected: bool) -> None:
    assert wraps(text) is expected


def test_hard_wrapped_officials_list() -> None:
    blocks = [
        para("OFFICIALS IN ATTENDANCE:"),
        para("Director, Community and Culture (Mr. G. Daly), Meetings Administrator, Newcastle"),
        para("West (Mr. M. Curran), Senior Engineer, Roads (Mr. J."),
        para("Sheehan), Sergeant N."),
        para("Barry, Sergeant N. Barry."),
        para("At the outset, the Chair welcomed everyone."),
    ]
    roster = Roster()
    take_lists(blocks, roster)
    assert [(p.name, p.role) for p in roster.attendees] == [
        ("G. Daly", "Director, Community and Culture"),
        ("M. Curran", "Meetings Administrator, Newcastle West"),
        ("J. Sheehan", "Senior Engineer, Roads"),
        ("N. Barry", None),
    ]
    assert roster.used == {0, 1, 2, 3, 4}
