"""The order of a document's numeric dates: day first (UK) unless the document shows otherwise.

"03/05/2018" is 3 May in UK minutes and March 5 in US ones. The order is decided once per
document, before anything is read from it, and then serves every reader of its dates (the
meeting date, the next meeting, due dates and the values of DATE entities), so that one string
never names two dates in one output.

The document settles it itself when some of its numeric dates can be read only one way:

- a number over 12: "12/23/2014" is month first (there is no 23rd month), "23/12/2014" day
  first;
- a date written out beside the same date in numbers: "Tuesday 5 March 2024 (05/03/2024)" is
  day first, "March 5, 2024 (03/05/2024)" month first.

Dotted numbers with a two-digit year ("1.14.15") are no evidence: they are as often versions.
The order with more such evidence wins; without any, or on a tie, dates are read day first.
The setting ``day-first`` or ``month-first`` (``date_order`` in the config, ``--date-order``)
skips the vote.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from extractor.core import DateOrder
from extractor.parse.dates import date_patterns, find_dates, year_of


def _readable(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _votes(text: str) -> tuple[int, int]:
    """(day-first, month-first) evidence in one text."""
    day_first = month_first = 0
    numeric = list(date_patterns().numeric.finditer(text))
    spans = {(m.start(), m.end()) for m in numeric}
    for m in numeric:
        if m["sep"] == "." and len(m["y"]) == 2:
            continue  # a version number as often as a date: "node 1.14.15"
        first, second, year = int(m["a"]), int(m["b"]), year_of(m["y"])
        as_day_first = _readable(year, second, first)
        as_month_first = _readable(year, first, second)
        if as_day_first != as_month_first:
            day_first += as_day_first
            month_first += as_month_first
            continue
        if first == second or not as_day_first:
            continue
        for written in find_dates(text, default_year=year):
            if (written.start, written.end) in spans or written.value.year != year:
                continue
            if (written.value.day, written.value.month) == (first, second):
                day_first += 1
            elif (written.value.month, written.value.day) == (first, second):
                month_first += 1
    return day_first, month_first


def writes_month_first(texts: Iterable[str], *, order: DateOrder = "auto") -> bool:
    """Whether the document of ``texts`` (its blocks' text) writes numeric dates month first.

    ``order`` other than ``auto`` decides without looking at the texts.
    """
    if order != "auto":
        return order == "month-first"
    day_first_votes = month_first_votes = 0
    for text in texts:
        if not any(c in text for c in "/."):
            continue
        day, month = _votes(text)
        day_first_votes += day
        month_first_votes += month
    return month_first_votes > day_first_votes
