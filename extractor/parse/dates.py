"""The date grammar, and the dates and clock times written in short header strings (no model).

The grammar is defined here once: month and weekday words (built from the lists of
:mod:`extractor.lexicon.calendar`), days, years, ISO dates and numeric dates, and the one rule
that reads a numeric date (:func:`numeric_date`). Three readers use it:

- :func:`find_dates` (the segmenter: meeting date, next-meeting line, due dates) is forgiving:
  a month is recognised by its first three letters, so common misspellings pass ("1
  Februarary, 2012"), and a date that cannot exist is skipped;
- :mod:`extractor.parse.edtf` anchors the same pieces on a whole DATE mention;
- ``extractor validate`` reads with ``date_patterns(strict=True)``, which is unforgiving
  (see :func:`date_patterns`).

Dates: "Monday 31 January 2023", "20th March", "January 11, 2024", "2023-10-04", "31/01/2023".
Times: "6-8pm", "7.15pm", "12 noon", "18:00–20:00", "6:30 P.M.", always returned as 24-hour
"HH:MM".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from extractor.lexicon import DAY_NAMES, MONTH_NAMES, MONTHS, WEEKDAYS


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, so a word never stops at its prefix."""
    return "|".join(sorted(set(words), key=lambda word: (-len(word), word)))


MONTH_WORDS = alternation(MONTH_NAMES)
"""Every written form of a month ("january", "jan", "sept"), as a regex alternation."""
WEEKDAY_WORDS = alternation(DAY_NAMES)
"""Every written form of a weekday ("tuesday", "tues", "tue"), as a regex alternation."""
MONTH_STEMS = alternation(month[:3] for month in MONTHS)
"""The first three letters of each month, as a regex alternation."""
WEEKDAY_STEMS = alternation(day[:3] for day in WEEKDAYS)
"""The first three letters of each weekday, as a regex alternation."""
YEAR = r"(?:1[89]|20)\d\d"
"""A four-digit year from 1800 to 2099."""
DAY = r"(?:0?[1-9]|[12]\d|3[01])"
"""A day of the month, 1 to 31, with or without a leading zero."""
ORDINAL = r"(?:st|nd|rd|th)?"
"""The ordinal suffix a day may carry ("20th")."""
ISO = rf"(?P<y>{YEAR})-(?P<m>\d\d)-(?P<d>\d\d)"
"""An ISO date, 2023-10-04: groups ``y``, ``m``, ``d``."""


def numeric_form(separators: str = "/.") -> str:
    """The regex of a numeric date, 31/01/2023 or 31.01.23, both separators the same.

    Groups ``a`` and ``b`` (day and month in the document's order, see :func:`numeric_date`),
    ``sep`` and ``y`` (four digits, or two). In running text only "/" and "." separate (a
    hyphen there is as often a range or a phone number); a span already known to be a date
    may also use "-" (``numeric_form("/.-")``).
    """
    return rf"(?P<a>\d{{1,2}})(?P<sep>[{separators}])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{YEAR}|\d\d)"


_STEMS = tuple(month[:3] for month in MONTHS)


def month_number(word: str) -> int | None:
    """The number of the month ``word`` writes in full or abbreviated ("Sept" → 9), or None."""
    key = word.lower().rstrip(".")
    if key not in MONTH_NAMES:
        return None
    return _STEMS.index(key[:3]) + 1


def weekday_number(word: str | None) -> int | None:
    """The weekday (0 = Monday) whose name ``word`` starts like, by its first three letters."""
    if not word:
        return None
    return next((i for i, w in enumerate(WEEKDAYS) if w.startswith(word.lower()[:3])), None)


def year_of(written: str) -> int:
    """The year a numeric date's year means: two digits are this century ("23" → 2023)."""
    number = int(written)
    return number + 2000 if number < 100 else number


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def numeric_date(first: int, second: int, year: int, *, month_first: bool = False) -> date | None:
    """The date a numeric date names: its numbers read in the document's order.

    Day first ("03/05/2018" is 3 May), or month first when ``month_first`` (5 March). When
    that reading is no date but the other one is ("12/23/2017" in a day-first document), the
    other one holds. None when neither is a date.
    """
    day, month = (second, first) if month_first else (first, second)
    return _date(year, month, day) or _date(year, day, month)


@dataclass(frozen=True, slots=True)
class DatePatterns:
    """The regular expressions of the grammar that find dates in running text.

    Groups: ``wd`` (weekday), ``d``, ``m``, ``y`` in :attr:`day_month`, :attr:`month_day` and
    :attr:`iso`; ``a``, ``sep``, ``b``, ``y`` in :attr:`numeric` (see :func:`numeric_form`).
    """

    day_month: re.Pattern[str]
    """"Monday 31 January 2023", "the 7th of June"."""
    month_day: re.Pattern[str]
    """"January 11, 2024", "Tuesday March 5"."""
    iso: re.Pattern[str]
    numeric: re.Pattern[str]


@lru_cache(maxsize=2)
def date_patterns(*, strict: bool = False) -> DatePatterns:
    """The date patterns of running text; forgiving, or ``strict`` for ``extractor validate``.

    The forgiving patterns (the default) read what a writer meant: a month or weekday by its
    first three letters ("Februarary", "Weds"), a day of one or two digits up to 39; the reader
    then skips any date that cannot exist. The strict patterns are unforgiving on purpose,
    because a check before publication must see exactly what the forgiving reader lets pass:
    any word of three to twelve letters stands where a month stands (so "Februarary 1" is seen
    and can be reported as a misspelt month), any one or two digits where a day stands, any two
    digits in an ISO date ("2023-02-30"), and a weekday only as a real weekday word.
    """
    if strict:
        weekday = rf"(?P<wd>{WEEKDAY_WORDS})\.?"
        month = r"(?P<m>[a-z]{3,12})\b\.?"
        day = r"(?P<d>\d{1,2})"
    else:
        weekday = rf"(?P<wd>{WEEKDAY_STEMS})[a-z]*\.?"
        month = rf"(?P<m>(?:{MONTH_STEMS})[a-z]*\.?)"
        day = r"(?P<d>[0-3]?\d)"
    opening = rf"(?:{weekday},?\s+(?:the\s+)?)?"
    year = rf"(?:,?\s+(?P<y>{YEAR}))?"
    return DatePatterns(
        day_month=re.compile(
            rf"\b{opening}{day}{ORDINAL}(?:\s+of)?\s+{month}{year}\b(?![/:.]\d)", re.IGNORECASE
        ),
        month_day=re.compile(
            rf"\b{opening}{month}\s+{day}{ORDINAL}\b(?![:.]\d){year}\b(?!:)", re.IGNORECASE
        ),
        iso=re.compile(rf"\b{ISO}\b"),
        numeric=re.compile(rf"(?<![\d/.]){numeric_form()}\b(?![/.]\d)"),
    )


_CLOCK = r"(?P<{0}h>\d{{1,2}})(?:[.:](?P<{0}m>[0-5]\d))?\s*(?P<{0}ap>[ap]\.?\s?m\b\.?|noon\b)?"
_RANGE = re.compile(
    r"(?<![\d:./-])" + _CLOCK.format("s") + r"\s*(?:-|–|—|to|until|till)\s*" + _CLOCK.format("e"),
    re.IGNORECASE,
)
_SINGLE = re.compile(r"(?<![\d:./-])" + _CLOCK.format("s"), re.IGNORECASE)
_NOON = re.compile(r"\b(?:12(?:[.:]00)?\s*)?noon\b|\bmidday\b", re.IGNORECASE)
_NOT_MONTHS = ("may", "mar", "march", "sat", "sun")
"""Lower-case words the forgiving month pattern takes that are verbs or nouns in running text."""


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a text: its value, where it sits, and the weekday written (if any)."""

    value: date
    start: int
    end: int
    weekday: int | None
    """0 = Monday … 6 = Sunday, as written in the text; None when no weekday was written."""
    has_year: bool


def _build(year: int | None, month: int | None, day: int, default_year: int | None) -> date | None:
    year = year if year is not None else default_year
    if year is None or month is None:
        return None
    return _date(year, month, day)


@lru_cache(maxsize=4096)
def find_dates(
    text: str, *, default_year: int | None = None, month_first: bool = False
) -> tuple[DateMatch, ...]:
    """Every date in ``text``, in order; a date without a year needs ``default_year``.

    Numeric dates are read day first, or month first when ``month_first`` (the document's
    order, :mod:`extractor.parse.date_order`), by :func:`numeric_date`.
    """
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    patterns = date_patterns()

    def add(m: re.Match[str], value: date | None, has_year: bool) -> None:
        if value is None or any(s < m.end() and m.start() < e for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        wd = weekday_number(m.groupdict().get("wd"))
        found.append(DateMatch(value, m.start(), m.end(), wd, has_year))

    for m in patterns.iso.finditer(text):
        add(m, _build(int(m["y"]), int(m["m"]), int(m["d"]), None), True)
    for pattern in (patterns.day_month, patterns.month_day):
        for m in pattern.finditer(text):
            if m["m"].rstrip(".") in _NOT_MONTHS:
                continue
            year = int(m["y"]) if m["y"] else None
            month = _STEMS.index(m["m"].lower()[:3]) + 1
            add(m, _build(year, month, int(m["d"]), default_year), year is not None)
    for m in patterns.numeric.finditer(text):
        value = numeric_date(int(m["a"]), int(m["b"]), year_of(m["y"]), month_first=month_first)
        add(m, value, True)
    return tuple(sorted(found, key=lambda d: d.start))


def find_date(
    text: str, *, default_year: int | None = None, month_first: bool = False
) -> DateMatch | None:
    """Return the first date in ``text``, or None."""
    dates = find_dates(text, default_year=default_year, month_first=month_first)
    return dates[0] if dates else None


def parse_date(
    text: str, *, default_year: int | None = None, month_first: bool = False
) -> date | None:
    """Return the first date written in ``text`` ("Monday 20th March 2023" → 2023-03-20)."""
    found = find_date(text, default_year=default_year, month_first=month_first)
    return found.value if found else None


def weekday_mismatch(found: DateMatch) -> str | None:
    """Describe the problem when the weekday written contradicts the date."""
    if found.weekday is None or found.weekday == found.value.weekday():
        return None
    value = found.value
    written = f"{value.day} {MONTHS[value.month - 1].title()} {value.year}"
    return (
        f"{written} was a {WEEKDAYS[value.weekday()].title()}, "
        f"not a {WEEKDAYS[found.weekday].title()}"
    )


def _to_24h(hour: int, minute: int, meridiem: str | None) -> str | None:
    mer = (meridiem or "").lower().replace(".", "").replace(" ", "")
    if mer == "noon":
        hour, minute = 12, minute
    elif mer == "pm" and hour < 12:
        hour += 12
    elif mer == "am" and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return f"{hour:02d}:{minute:02d}"


@lru_cache(maxsize=4096)
def parse_time_range(text: str) -> tuple[str | None, str | None]:
    """Start and end time written in ``text`` as 24-hour "HH:MM"; end is None for one time.

    A meridiem written only after the end applies to the start too when that keeps the start
    before the end ("6-8pm" → 18:00–20:00, "11-1pm" → 11:00–13:00).
    """
    for m in _RANGE.finditer(text):
        if not (m["sap"] or m["eap"] or (m["sm"] and m["em"] and ":" in m[0])):
            continue
        sh, eh = int(m["sh"]), int(m["eh"])
        sm, em = int(m["sm"] or 0), int(m["em"] or 0)
        end = _to_24h(eh, em, m["eap"])
        start_mer = m["sap"]
        if start_mer is None and m["eap"] and end is not None:
            candidate = _to_24h(sh, sm, m["eap"])
            start_mer = m["eap"] if candidate is not None and candidate < end else "am"
        start = _to_24h(sh, sm, start_mer)
        if start and end:
            return start, end
    for m in _SINGLE.finditer(text):
        if m["sap"] or (m["sm"] and ":" in m[0]):
            start = _to_24h(int(m["sh"]), int(m["sm"] or 0), m["sap"])
            if start:
                return start, None
    if _NOON.search(text):
        return "12:00", None
    return None, None


def when_end(text: str) -> int:
    """Offset just past the last date or clock time written in ``text`` (0 when there is none)."""
    ends = [d.end for d in find_dates(text)]
    for pattern in (_RANGE, _SINGLE):
        ends += [
            m.end()
            for m in pattern.finditer(text)
            if m["sap"] or m.groupdict().get("eap") or (m["sm"] and ":" in m[0])
        ]
    ends += [m.end() for m in _NOON.finditer(text)]
    return max(ends, default=0)
