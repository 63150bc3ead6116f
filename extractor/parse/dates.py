"""Find calendar dates and clock times in short header strings (regular expressions, no model).

Dates: "Monday 31 January 2023", "20th March", "January 11, 2024", "1 Februarary, 2012" (a month
is recognised by its first three letters, so common misspellings pass), "2023-10-04",
"31/01/2023" (day first unless the second number cannot be a month). Times: "6-8pm",
"7.15pm", "12 noon", "18:00–20:00", "6:30 P.M.", always returned as 24-hour "HH:MM".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from extractor.lexicon import MONTH_ABBREVIATIONS as MONTHS
from extractor.lexicon import WEEKDAYS

_MONTH = r"(?P<m>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)"
_WEEKDAY = r"(?:(?P<wd>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?:the\s+)?)?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<y>(?:19|20)\d\d))?"
_DAY_FIRST = re.compile(
    rf"\b{_WEEKDAY}{_DAY}(?:\s+of)?\s+{_MONTH}{_YEAR}\b(?![/:.]\d)", re.IGNORECASE
)
_MONTH_FIRST = re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY}\b{_YEAR}\b(?!:)", re.IGNORECASE)
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
_NUMERIC = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>(?:19|20)?\d\d)\b")

_CLOCK = r"(?P<{0}h>\d{{1,2}})(?:[.:](?P<{0}m>[0-5]\d))?\s*(?P<{0}ap>[ap]\.?\s?m\b\.?|noon\b)?"
_RANGE = re.compile(
    r"(?<![\d:./-])" + _CLOCK.format("s") + r"\s*(?:-|–|—|to|until|till)\s*" + _CLOCK.format("e"),
    re.IGNORECASE,
)
_SINGLE = re.compile(r"(?<![\d:./-])" + _CLOCK.format("s"), re.IGNORECASE)
_NOON = re.compile(r"\b(?:12(?:[.:]00)?\s*)?noon\b|\bmidday\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a text: its value, where it sits, and the weekday written (if any)."""

    value: date
    start: int
    end: int
    weekday: int | None
    """0 = Monday … 6 = Sunday, as written in the text; None when no weekday was written."""
    has_year: bool


def _month(text: str) -> int | None:
    key = text.lower()[:3]
    return MONTHS.index(key) + 1 if key in MONTHS else None


def _weekday(text: str | None) -> int | None:
    if not text:
        return None
    return next((i for i, w in enumerate(WEEKDAYS) if w.startswith(text.lower()[:3])), None)


def _build(year: int | None, month: int | None, day: int, default_year: int | None) -> date | None:
    year = year if year is not None else default_year
    if year is None or month is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def find_dates(text: str, *, default_year: int | None = None) -> tuple[DateMatch, ...]:
    """Every date in ``text``, in order; a date without a year needs ``default_year``."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], value: date | None, has_year: bool) -> None:
        if value is None or any(s < m.end() and m.start() < e for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        wd = _weekday(m.groupdict().get("wd"))
        found.append(DateMatch(value, m.start(), m.end(), wd, has_year))

    for m in _ISO.finditer(text):
        add(m, _build(int(m["y"]), int(m["m"]), int(m["d"]), None), True)
    for pattern in (_DAY_FIRST, _MONTH_FIRST):
        for m in pattern.finditer(text):
            if m["m"].rstrip(".") in ("may", "mar", "march", "sat", "sun"):
                continue
            year = int(m["y"]) if m["y"] else None
            add(m, _build(year, _month(m["m"]), int(m["d"]), default_year), year is not None)
    for m in _NUMERIC.finditer(text):
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        y = y + 2000 if y < 100 else y
        day, month = (b, a) if b > 12 >= a else (a, b)
        add(m, _build(y, month, day, None), True)
    return tuple(sorted(found, key=lambda d: d.start))


def find_date(text: str, *, default_year: int | None = None) -> DateMatch | None:
    """Return the first date in ``text``, or None."""
    dates = find_dates(text, default_year=default_year)
    return dates[0] if dates else None


def parse_date(text: str, *, default_year: int | None = None) -> date | None:
    """Return the first date written in ``text`` ("Monday 20th March 2023" → 2023-03-20)."""
    found = find_date(text, default_year=default_year)
    return found.value if found else None


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
