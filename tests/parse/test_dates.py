from __future__ import annotations

import re
from datetime import date

import pytest

from extractor.lexicon import DAY_NAMES, MONTH_NAMES, MONTHS, WEEKDAYS
from extractor.parse.dates import (
    MONTH_STEMS,
    MONTH_WORDS,
    WEEKDAY_STEMS,
    WEEKDAY_WORDS,
    DatePatterns,
    date_patterns,
    find_date,
    month_number,
    numeric_date,
    parse_date,
    parse_time_range,
    weekday_mismatch,
    when_end,
)


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


def test_weekday_mismatch_message() -> None:
    found = find_date("Monday 31 January 2023")
    assert found is not None
    assert weekday_mismatch(found) == "31 January 2023 was a Tuesday, not a Monday"
    correct = find_date("Tuesday 31 January 2023")
    assert correct is not None and weekday_mismatch(correct) is None


@pytest.mark.parametrize(
    ("word", "number"),
    [("January", 1), ("sept", 9), ("Sept.", 9), ("may", 5), ("DEC", 12), ("Marchh", None)],
)
def test_month_number_reads_every_written_form(word: str, number: int | None) -> None:
    assert month_number(word) == number


def test_month_and_weekday_words_are_built_from_the_calendar_lists() -> None:
    months = re.compile(rf"^(?:{MONTH_WORDS})$")
    weekdays = re.compile(rf"^(?:{WEEKDAY_WORDS})$")
    assert all(months.match(word) for word in MONTH_NAMES)
    assert all(weekdays.match(word) for word in DAY_NAMES)
    assert not months.match("janu") and not weekdays.match("wednes")
    assert {month[:3] for month in MONTHS} == set(MONTH_STEMS.split("|"))
    assert {day[:3] for day in WEEKDAYS} == set(WEEKDAY_STEMS.split("|"))


@pytest.mark.parametrize(
    ("first", "second", "month_first", "expected"),
    [
        (3, 5, False, date(2018, 5, 3)),
        (3, 5, True, date(2018, 3, 5)),
        (12, 23, False, date(2018, 12, 23)),
        (23, 12, True, date(2018, 12, 23)),
        (31, 2, False, None),
        (13, 13, True, None),
    ],
)
def test_numeric_date_reads_the_order_then_the_only_possible_reading(
    first: int, second: int, month_first: bool, expected: date | None
) -> None:
    assert numeric_date(first, second, 2018, month_first=month_first) == expected


@pytest.mark.parametrize(
    ("text", "forgiving", "strict"),
    [
        ("on 1 Februarary 2012", "1 Februarary 2012", "1 Februarary 2012"),
        ("on 5 Mrach 2024", None, "5 Mrach 2024"),
        ("on Weds 5 March 2024", "Weds 5 March 2024", "5 March 2024"),
        ("on Tues 5 March 2024", "Tues 5 March 2024", "Tues 5 March 2024"),
        ("on 31 February 2024", "31 February 2024", "31 February 2024"),
        ("on 45 March 2024", None, "45 March 2024"),
    ],
)
def test_strict_patterns_see_what_the_forgiving_ones_skip(
    text: str, forgiving: str | None, strict: str | None
) -> None:
    def written(patterns: DatePatterns) -> str | None:
        found = patterns.day_month.search(text)
        return found[0] if found else None

    assert written(date_patterns()) == forgiving
    assert written(date_patterns(strict=True)) == strict


@pytest.mark.parametrize(
    ("text", "strict"),
    [("2023-02-30", True), ("2023-13-01", True), ("2023-02-28", True), ("v2.7.13/2.7.14", False)],
)
def test_iso_and_numeric_forms(text: str, strict: bool) -> None:
    patterns = date_patterns(strict=True)
    assert bool(patterns.iso.search(text) or patterns.numeric.search(text)) is strict


@pytest.mark.parametrize(
    ("text", "month_first", "expected"),
    [
        ("Date: 03/05/2018", False, date(2018, 5, 3)),
        ("Date: 03/05/2018", True, date(2018, 3, 5)),
        ("Date: 12/23/2017", False, date(2017, 12, 23)),
        ("Date: 23/12/2017", True, date(2017, 12, 23)),
        ("Date: 3 May 2018", True, date(2018, 5, 3)),
    ],
)
def test_numeric_header_dates_follow_the_documents_order(
    text: str, month_first: bool, expected: date
) -> None:
    assert parse_date(text, month_first=month_first) == expected
