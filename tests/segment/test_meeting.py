from __future__ import annotations

import re
from datetime import date

import pytest

from extractor.core import Block, Origin
from extractor.segment import meeting
from extractor.segment.meeting import (
    clean_title,
    is_marker_line,
    is_meeting_dates_heading,
    is_next_meeting,
    parse_fields,
    parse_location,
    parse_next_meeting,
    read_header,
)


def para(text: str, line: int, **kw: object) -> Block:
    return Block(text=text, kind="paragraph", origin=Origin(line=line), **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "title", "location"),
    [
        (
            " THIFF Forum Meeting Summary: Safer Communities",
            "THIFF Forum Meeting Summary: Safer Communities",
            None,
        ),
        (
            "Minutes of the September meeting of the Liaison Committee",
            "September meeting of the Liaison Committee",
            None,
        ),
        (
            "DRAFT MINUTES OF THE ANNUAL PARISH COUNCIL MEETING HELD AT THE VILLAGE HALL"
            " AT 7.30 pm ON THURSDAY 3 MAY 2018",
            "ANNUAL PARISH COUNCIL MEETING",
            "THE VILLAGE HALL",
        ),
        (
            "Minutes of Annual Parish Meeting held in the Community Centre",
            "Annual Parish Meeting",
            "the Community Centre",
        ),
    ],
)
def test_clean_title(text: str, title: str, location: str | None) -> None:
    assert clean_title(text) == (title, location)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Monday 31 January 2023, 6-8pm at THCVS offices, Bethnal Green",
            "THCVS offices, Bethnal Green",
        ),
        ("Date: 1 May 2023 Time: 7pm Venue: Oxford House", "Oxford House"),
        ("Location: online via Microsoft Teams", "online via Microsoft Teams"),
        ("Tuesday 2 May 2023 at 7pm", None),
        (
            "Thursday 25 January 2024, 2.00pm – 4.00pm, Committee Room 2, Eastfield Civic Centre",
            "Committee Room 2, Eastfield Civic Centre",
        ),
        ("Wednesday 18 September 2024, 10.00–11.15am, online via Zoom", "online via Zoom"),
        ("Wednesday 5 June 2024, 7.30pm, Stoke Village Hall", "Stoke Village Hall"),
        ("Tuesday 14th May 2024 – venue to be confirmed", None),
        ("Monday 3 May 2023, 7pm. The meeting was quorate.", None),
    ],
)
def test_location(text: str, expected: str | None) -> None:
    assert parse_location(text) == expected


def test_fields_line() -> None:
    fields = parse_fields("Date: 23 January, 2012 Time: 7:00pm Location: GCSU Library")
    assert fields == {"date": "23 January, 2012", "time": "7:00pm", "location": "GCSU Library"}
    assert parse_fields("Coming up: something") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The next THIFF meeting takes place on Monday 20th March 2023 – more details soon.",
            "2023-03-20",
        ),
        ("Date of next meeting: Tuesday 4 April", "2023-04-04"),
        ("Next meeting: to be confirmed", None),
        (
            "16. Date of Next Meeting - Annual General Meeting on Thursday 7th June 2018",
            "2018-06-07",
        ),
        ("Next meeting January 17", "2024-01-17"),
        ("The meeting closed. The next regular meeting is March 18, 2024.", "2024-03-18"),
        ("The next meeting is Thursday 6 April.", "2023-04-06"),
    ],
)
def test_next_meeting_forms(text: str, expected: str | None) -> None:
    assert is_next_meeting(text)
    assert parse_next_meeting(text, meeting_date=date(2023, 3, 1)).date == expected


def test_signing_at_the_next_meeting_is_not_a_next_meeting_line() -> None:
    assert not is_next_meeting(
        "The declaration would be signed at the next Parish Council meeting."
    )


def test_read_header_seed_like() -> None:
    blocks = [
        para(" Forum Meeting Summary: Safer Communities", 1),
        para("Monday 31 January 2023, 6-8pm at THCVS offices, Bethnal Green", 2),
    ]
    info = read_header(blocks, region=range(2), metadata={}, skip=set())
    meeting = info.meeting
    assert (meeting.title, meeting.date, meeting.start_time, meeting.end_time) == (
        "Forum Meeting Summary: Safer Communities",
        "2023-01-31",
        "18:00",
        "20:00",
    )
    assert meeting.location == "THCVS offices, Bethnal Green"
    assert info.warnings[0][0] == "weekday-mismatch" and info.date_index == 1


def test_metadata_date_is_a_last_resort() -> None:
    blocks = [para("Police Liaison Meeting from 19 July", 1), para("Some text.", 2)]
    info = read_header(blocks, region=range(2), metadata={"date": "2006-07-26"}, skip=set())
    assert info.meeting.date == "2006-07-19"
    assert info.warnings[0][0] == "date-year-from-metadata"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7. Dates of Meetings for 2005", True),
        ("Date of next meeting", True),
        ("Schedule of future meetings", True),
        ("Dates of birth were checked", False),
        ("Meeting dates", False),
    ],
)
def test_meeting_dates_heading(text: str, expected: bool) -> None:
    assert is_meeting_dates_heading(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("DRAFT", True), ("Minutes", True), ("Draft minutes", True), ("Minutes of the AGM", False)],
)
def test_marker_lines(text: str, expected: bool) -> None:
    assert is_marker_line(text) is expected


def test_field_first_letters_hold_every_character_a_label_can_open_with() -> None:
    pattern = re.compile("[mdtvlpwar]", re.IGNORECASE)
    chars = (chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert set(filter(pattern.fullmatch, chars)) <= meeting._FIELD_FIRST


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DATE: 5 May 2024 Venue: Hall", {"date": "5 May 2024", "venue": "Hall"}),
        ("Apologies: Jo Roe", {"apologies": "Jo Roe"}),
        (" Date: leading space is no field line", {}),
        ("Update: no label here", {}),
        ("", {}),
    ],
)
def test_parse_fields_labels_open_the_text(text: str, expected: dict[str, str]) -> None:
    assert parse_fields(text) == expected


def test_a_link_block_is_never_the_title() -> None:
    blocks = [
        para("Original file", 1, link=True),
        para("MINUTES OF PROCEEDINGS AT MEETING OF THE MUNICIPAL DISTRICT JOINT COMMITTEE", 2),
        para("Held on Wednesday, 12th October, 2022, at 12.00 noon.", 3),
    ]
    info = read_header(blocks, region=range(3), metadata={}, skip=set())
    assert info.title_index == 1
    assert info.meeting.title == "PROCEEDINGS AT MEETING OF THE MUNICIPAL DISTRICT JOINT COMMITTEE"
    info = read_header(blocks[:1] + blocks[2:], region=range(2), metadata={}, skip=set())
    assert info.title_index is None and info.meeting.title is None
