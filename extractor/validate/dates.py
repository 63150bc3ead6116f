"""Date checks for ``extractor validate``: impossible dates, misspelt months, wrong weekdays.

The extractor's own date reader (:func:`extractor.parse.find_dates`) is forgiving on purpose: it
reads a month by its first three letters and skips dates that cannot exist. These checks read
the same date grammar in its strict mode (:func:`extractor.parse.date_patterns`) and look for
exactly what the reader forgives: "31 February 2023", "30/02/2023", "2023-02-30", "Februarary 1".
"""

from __future__ import annotations

import calendar
from datetime import date

from extractor.lexicon import MONTHS, WEEKDAYS
from extractor.parse import date_patterns, find_dates, month_number, weekday_mismatch, year_of

_STRICT = date_patterns(strict=True)


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance: edits, with a swap of neighbours counted as one."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, start=1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def misspelt_month(word: str, *, confident: bool) -> str | None:
    """Name the month a capitalised non-month word is a typo of ("Februarary" → "February").

    Short months (up to five letters) allow one edit and only when ``confident`` (a weekday or
    a year is written with it), so "Mark 2" or "Jury 3" are not dates; longer months allow two.
    """
    if not word[:1].isupper() or month_number(word) is not None or len(word) < 4:
        return None
    for name in (month.title() for month in MONTHS):
        if word[:2].lower() != name[:2].lower():
            continue
        allowed = 1 if len(name) <= 5 else 2
        if len(name) <= 5 and not confident:
            continue
        if _distance(word.lower(), name.lower()) <= allowed:
            return name
    return None


def _impossible(day: int, month: int, year: int | None) -> bool:
    """Tell whether no calendar has this day in this month (29 February needs a leap year)."""
    if not 1 <= month <= 12:
        return True
    last = calendar.monthrange(year if year is not None else 2000, month)[1]
    return not 1 <= day <= last


def bad_dates(text: str) -> list[str]:
    """One message per impossible date or misspelt month name written in ``text``."""
    messages: list[str] = []
    for pattern in (_STRICT.day_month, _STRICT.month_day):
        for m in pattern.finditer(text):
            word, day = m["m"], int(m["d"])
            year = int(m["y"]) if m["y"] else None
            month = month_number(word)
            written = " ".join(m[0].split())
            if month is None:
                guess = misspelt_month(word, confident=bool(m["wd"] or year))
                if guess is not None:
                    messages.append(
                        f"{word!r} in {written!r} is not a month (did you mean {guess}?)"
                    )
            elif (day <= 31 or year is not None) and _impossible(day, month, year):
                messages.append(
                    f"{written!r} is not a date: {MONTHS[month - 1].title()} has no day {day}"
                )
    for m in _STRICT.iso.finditer(text):
        if _impossible(int(m["d"]), int(m["m"]), int(m["y"])):
            messages.append(f"{m[0]!r} is not a date")
    for m in _STRICT.numeric.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        y = year_of(m["y"])
        if m["sep"] == "." and len(m["y"]) != 4:
            continue
        if _impossible(a, b, y) and _impossible(b, a, y):
            messages.append(f"{m[0]!r} is not a date (read day first or month first)")
    return messages


def weekday_mismatches(text: str, *, meeting_year: int | None) -> list[str]:
    """One message per date in ``text`` written with a weekday it does not fall on.

    A date without a year is checked against the meeting's year and the years either side,
    and reported only when it fits none of them.
    """
    messages: list[str] = []
    for found in find_dates(text, default_year=meeting_year):
        if found.weekday is None:
            continue
        if found.has_year:
            message = weekday_mismatch(found)
            if message:
                messages.append(message)
            continue
        day, month = found.value.day, found.value.month
        years = [found.value.year + k for k in (-1, 0, 1)]
        fits = [y for y in years if _weekday_of(y, month, day) == found.weekday]
        if not fits:
            span = f"{years[0]}–{years[-1]}"
            messages.append(
                f"{day} {MONTHS[month - 1].title()} is not a {WEEKDAYS[found.weekday].title()} "
                f"in any of {span}"
            )
    return messages


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return date(year, month, day).weekday()
    except ValueError:
        return None
