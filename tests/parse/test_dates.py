from __future__ import annotations

from datetime import date

import pytest

from extractor.parse.dates import find_date, parse_date, parse_time_range, when_end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6-8pm", ("18:00", "20:00")),
        ("At 7.15pm on Wednesday", ("19:15", None)),
        ("12 noon", ("12:00", None)),
        ("18:00–20:00", ("18:00", "20:00")),
        ("HELD AT THE HALL AT 7.30 pm ON THURSDAY", ("19:30", None)),
        ("October 20, 2021, 6:30 P.M.", ("18:30", None)),
        ("11-1pm", ("11:00", "13:00")),
        ("WEDNESDAY, 12TH OCTOBER, 2022, AT 12.00 NOON.", ("12:00", None)),
        ("9.30am to 11am", ("09:30", "11:00")),
        ("The 2023-2028 plan", (None, None)),
        ("no time here", (None, None)),
    ],
)
def test_time_ranges(text: str, expected: tuple[str | None, str | None]) -> None:
    assert parse_time_range(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Monday 31 January 2023, 6-8pm", date(2023, 1, 31)),
        ("on Monday 20th March 2023 – more", date(2023, 3, 20)),
        ("January 11, 2024", date(2024, 1, 11)),
        ("1 Februarary, 2012", date(2012, 2, 1)),
        ("Meeting 2023-10-04", date(2023, 10, 4)),
        ("31/01/2023", date(2023, 1, 31)),
        ("10/21/2021", date(2021, 10, 21)),
        ("THURSDAY 3 MAY 2018", date(2018, 5, 3)),
        ("the 7th of June 2018", date(2018, 6, 7)),
        ("we may 2 things", None),
        ("nothing", None),
    ],
)
def test_date_forms(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_year_left_out_uses_default() -> None:
    assert parse_date("Next meeting November 17", default_year=2021) == date(2021, 11, 17)
    assert parse_date("Next meeting November 17") is None


def test_weekday_as_written_is_kept() -> None:
    found = find_date("Monday 31 January 2023")
    assert found is not None
    assert found.weekday == 0 and found.value.weekday() == 1


@pytest.mark.parametrize(
    ("text", "tail"),
    [
        ("Thursday 25 January 2024, 2.00pm – 4.00pm, Room 2", ", Room 2"),
        ("5 June 2024, 7.30pm, Village Hall", ", Village Hall"),
        ("Date: 1 May 2023 at 12 noon in the hall", " in the hall"),
        ("Room 2, 18:00", ""),
        ("no date here", "no date here"),
    ],
)
def test_when_end(text: str, tail: str) -> None:
    assert text[when_end(text) :] == tail
