from __future__ import annotations

import pytest

from extractor.parse.edtf import (
    _dateparser,
    _known_form,
    edtf_value,
    is_calendar_date,
    leading_words,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Monday 20th March 2023", "2023-03-20"),
        ("2021", "2021"),
        ("summer 2023", "2023-22"),
        ("spring 2024", "2024-21"),
        ("autumn 2022", "2022-23"),
        ("winter 2020", "2020-24"),
        ("2023-2028", "2023/2028"),
        ("April 2023 to March 2024", "2023-04/2024-03"),
        ("2023/24", "2023-04/2024-03"),
        ("2023-24", "2023-04/2024-03"),
        ("March 2015", "2015-03"),
        ("5 April 2018", "2018-04-05"),
        ("January 11, 2024", "2024-01-11"),
        ("03/05/2018", "2018-05-03"),
        ("the 1st of May 2022", "2022-05-01"),
        ("20-21 March 2023", "2023-03-20/2023-03-21"),
        ("Sept 2022", "2022-09"),
        ("2023-05-01", "2023-05-01"),
        ("20th March", "2023-03-20"),
        ("31/02/2023", None),
        ("05 March 2019", "2019-03-05"),
        ("THURSDAY 3 MAY 2018", "2018-05-03"),
        ("February and March 2018", "{2018-02,2018-03}"),
        ("end of April", "2023-04"),
        ("mid-May 2024", "2024-05"),
        ("early 2024", "2024"),
        ("2024–2028", "2024/2028"),
    ],
)
def test_edtf_value(text: str, value: str | None) -> None:
    assert edtf_value(text, 2023) == value


def test_a_date_without_a_year_needs_the_meeting_year() -> None:
    assert edtf_value("20th March") is None
    assert edtf_value("20th March", 2019) == "2019-03-20"


@pytest.mark.parametrize(
    "text",
    [
        "last year",
        "next month",
        "this week",
        "today",
        "recent years",
        "10 years’ time",
        "six months",
        "6-8pm",
        "the summer",
    ],
)
def test_relative_durations_and_times_are_not_dates(text: str) -> None:
    assert not is_calendar_date(text)


@pytest.mark.parametrize("text", ["Monday 31 January 2023", "2021", "summer 2023", "03/05/2018"])
def test_calendar_expressions_are_dates(text: str) -> None:
    assert is_calendar_date(text)


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("end of April", "April"),
        ("the beginning of May 2024", "May 2024"),
        ("mid April", "April"),
        ("mid-May", "May"),
        ("since 2019", "2019"),
        ("April", "April"),
    ],
)
def test_vague_position_words_are_not_part_of_a_date(text: str, rest: str) -> None:
    assert text[leading_words(text) :] == rest


@pytest.mark.parametrize("text", ["2014-10", "1899-01", "2099-12"])
@pytest.mark.parametrize("year", [None, 2015])
def test_forms_answered_without_dateparser_get_its_value(text: str, year: int | None) -> None:
    known = _known_form(text, year, False)
    assert known is not None
    assert known == _dateparser(text, year, False)


@pytest.mark.parametrize("text", ["9/24/2014", "12/13/2000", "1.31.1999", "07-15-2024"])
@pytest.mark.parametrize("year", [None, 2015])
def test_a_date_that_can_only_be_month_first_gets_dateparsers_value(
    text: str, year: int | None
) -> None:
    assert edtf_value(text, year) == _dateparser(text, year, False)


@pytest.mark.parametrize(
    ("text", "month_first", "value"),
    [
        ("03/05/2018", False, "2018-05-03"),
        ("03/05/2018", True, "2018-03-05"),
        ("on 03/05/2018", True, "2018-03-05"),
        ("12/23/2017", False, "2017-12-23"),
        ("23/12/2017", True, "2017-12-23"),
        ("03.05.18", True, "2018-03-05"),
        ("03/05/2018 - 04/05/2018", True, "2018-03-05/2018-04-05"),
        ("31/31/2018", True, None),
    ],
)
def test_numeric_dates_follow_the_documents_order(
    text: str, month_first: bool, value: str | None
) -> None:
    assert edtf_value(text, 2018, month_first=month_first) == value


@pytest.mark.parametrize("text", ["dec-30", "oct-01", "nov - 17"])
def test_month_and_day_get_dateparsers_value(text: str) -> None:
    assert _known_form(text, 2015, False) == _dateparser(text, 2015, False)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("december - 50", ""),
        ("december - 1380", ""),
        ("january 2015[1", "2015-01"),
        ("march 2023[12]", "2023-03"),
    ],
)
def test_footnotes_and_numbered_months(text: str, value: str) -> None:
    assert _known_form(text, 2015, False) == value


@pytest.mark.parametrize("text", ["2014-13", "24/9/2014", "13/14/2014", "9/24/14"])
def test_other_forms_are_left_to_dateparser(text: str) -> None:
    assert _known_form(text, 2015, False) is None
