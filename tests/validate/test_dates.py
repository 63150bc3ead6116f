import pytest

from extractor.validate.dates import bad_dates, misspelt_month, weekday_mismatches


@pytest.mark.parametrize(
    "text",
    [
        "Thursday 31 February 2024",
        "31st April",
        "Februarary 1",
        "1 Februarary, 2012",
        "2023-02-30",
        "31/02/2023",
        "29 February 2023",
    ],
)
def test_impossible_or_misspelt_dates_are_found(text: str) -> None:
    assert len(bad_dates(f"The meeting on {text} was quorate.")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Thursday 29 February 2024",
        "31 Jan 2024",
        "Sept 30",
        "03/05/2018",
        "12/31/2023",
        "version 3.14.15 is out",
        "Mark 2 and Jury 3 and item 4",
        "2023-12-31",
    ],
)
def test_real_dates_and_ordinary_words_pass(text: str) -> None:
    assert bad_dates(text) == []


@pytest.mark.parametrize(
    ("word", "confident", "month"),
    [
        ("Februarary", False, "February"),
        ("Janury", False, "January"),
        ("Jume", True, "June"),
        ("Jume", False, None),
        ("february", False, None),
        ("Marsh", False, None),
    ],
)
def test_misspelt_month(word: str, confident: bool, month: str | None) -> None:
    assert misspelt_month(word, confident=confident) == month


@pytest.mark.parametrize(
    ("text", "year", "count"),
    [
        ("Monday 31 January 2023", None, 1),
        ("Tuesday 31 January 2023", None, 0),
        ("Monday 20th March", 2023, 0),
        ("Thursday 20th March", 2023, 1),
        ("31 January 2023", None, 0),
    ],
)
def test_weekday_mismatches(text: str, year: int | None, count: int) -> None:
    assert len(weekday_mismatches(text, meeting_year=year)) == count


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Sept 31", "'Sept 31' is not a date: September has no day 31"),
        ("Thur 31 February 2024", "'Thur 31 February 2024' is not a date: February has no day 31"),
        ("2023-13-45", "'2023-13-45' is not a date"),
        ("13/14/2023", "'13/14/2023' is not a date (read day first or month first)"),
        (
            "Weds 30 Febuary",
            "'Febuary' in '30 Febuary' is not a month (did you mean February?)",
        ),
    ],
)
def test_messages_name_the_date_as_written_and_the_month_in_full(text: str, message: str) -> None:
    assert bad_dates(text) == [message]


@pytest.mark.parametrize(
    ("text", "year", "message"),
    [
        ("Wed 5 March 2024", None, "5 March 2024 was a Tuesday, not a Wednesday"),
        ("Thursday 20th March", 2023, "20 March is not a Thursday in any of 2022–2024"),
    ],
)
def test_weekday_messages_name_the_weekdays_in_full(
    text: str, year: int | None, message: str
) -> None:
    assert weekday_mismatches(text, meeting_year=year) == [message]
