"""Calendar dates in minutes: which DATE spans to keep, and their EDTF values.

Spans are found by the statistical model and the date patterns of the rule layer; this module
only judges and normalises them. A span is kept when it names a calendar expression (a month,
a four-digit year, a numeric date, a season or term with a year); relative expressions ("last
year", "this week"), times of day and durations ("six months", "10 years' time") are dropped.

Values follow the Extended Date/Time Format (ISO 8601-2): ``2023-03-20``, ``2023-03``, ``2023``,
``2023-22`` (summer 2023; spring 21, summer 22, autumn 23, winter 24) and intervals
``2023/2028`` or ``2023-04/2024-03``. A UK financial year written ``2023/24`` or ``2023-24`` is
the interval April to March, ``2023-04/2024-03``. Numeric dates are read in the document's
order (:mod:`extractor.parse.date_order`): ``03/05/2018`` is 3 May 2018 day first, 5 March
month first. A date without a year takes the meeting's year. Two months of
one year ("February and March 2018") are the EDTF set ``{2018-02,2018-03}``. Vague position
words before a date ("end of April", "mid-May", "early 2024") are not part of the mention: the
calendar expression is.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from extractor.lexicon import MONTH_NAMES
from extractor.parse.dates import (
    DAY,
    ISO,
    MONTH_WORDS,
    ORDINAL,
    WEEKDAY_WORDS,
    YEAR,
    month_number,
    numeric_date,
    numeric_form,
)

SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}

_MONTH = r"(?P<{0}>" + MONTH_WORDS + r")\.?"
_DAY = r"(?P<{0}>" + DAY + ")" + ORDINAL
_YEAR = r"(?P<{0}>" + YEAR + ")"
_WEEKDAY = r"(?:(?:" + WEEKDAY_WORDS + r")\.?,?\s+)?"
_SEP = r"\s*(?:-|–|—|to|until|till)\s*"

_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^" + _YEAR.format("y") + r"$"), "y"),
    (re.compile(r"^" + _YEAR.format("y") + r"\s*(?:/|-|–)\s*(?P<y2>\d\d)$"), "fy"),
    (
        re.compile(r"^" + _YEAR.format("y") + r"(?:" + _SEP + r"|/)" + _YEAR.format("y2") + r"$"),
        "yy",
    ),
    (re.compile(r"^" + ISO + r"$"), "iso"),
    (re.compile(r"^" + numeric_form("/.-") + r"$"), "num"),
    (re.compile(r"^" + _MONTH.format("m") + r",?\s+" + _YEAR.format("y") + r"$"), "my"),
    (
        re.compile(
            r"^" + _WEEKDAY + _DAY.format("d") + r"\s+(?:of\s+)?" + _MONTH.format("m") + r"(?:,?\s+"
            r"" + _YEAR.format("y") + r")?$"
        ),
        "dmy",
    ),
    (
        re.compile(
            r"^" + _WEEKDAY + _MONTH.format("m") + r"\s+" + _DAY.format("d") + r"(?:,?\s+"
            r"" + _YEAR.format("y") + r")?$"
        ),
        "dmy",
    ),
    (
        re.compile(
            r"^(?P<s>spring|summer|autumn|fall|winter)(?:\s+term)?,?\s+" + _YEAR.format("y") + "$"
        ),
        "season",
    ),
    (re.compile(r"^" + _MONTH.format("m") + r"$"), "m"),
]

_ANCHOR = re.compile(
    rf"\b(?:{YEAR}|{MONTH_WORDS}|{numeric_form()}|(?:spring|summer|autumn|fall|winter)\s+term)\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?:last|next|this|these|previous|past|coming|recent|recently|ago|today|tonight|tomorrow"
    r"|yesterday|current|currently|forthcoming|upcoming|later|earlier|soon|now|daily|weekly"
    r"|monthly|annually|yearly)\b",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few"
    r"|many)\s+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)(?:[’']s?)?\b",
    re.IGNORECASE,
)
_TIME = re.compile(r"\b\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|noon)\b|\b\d{1,2}[.:]\d\d\b", re.IGNORECASE)
_HAS_YEAR = re.compile(r"\b" + YEAR + r"\b")
_LEADING = re.compile(
    r"^(?:(?:the|from|since|by|until|in|on|of|during)\s+"
    r"|(?:(?:the\s+)?(?:beginning|start|end|middle)\s+of|mid|early|late)(?:\s+|-))+",
    re.IGNORECASE,
)


def is_calendar_date(text: str) -> bool:
    """Tell whether ``text`` names an absolute calendar expression rather than a relative one."""
    if _RELATIVE.search(text) or _DURATION.search(text):
        return False
    if _TIME.search(text) and not _ANCHOR.search(_TIME.sub(" ", text)):
        return False
    return bool(_ANCHOR.search(text))


def leading_words(text: str) -> int:
    """Count the characters of a leading article or preposition ("the ", "since ") to trim."""
    match = _LEADING.match(text)
    return match.end() if match else 0


def _clean(text: str) -> str:
    text = text.replace("’", "'").replace("\u00a0", " ").strip(" ,.;:()[]")
    return " ".join(text.lower().split())


def _year(raw: str | None, default_year: int | None) -> int | None:
    if raw is None:
        return default_year
    number = int(raw)
    return number + 2000 if number < 100 else number


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _from_match(
    form: str, groups: dict[str, str | None], default_year: int | None, month_first: bool
) -> str | None:
    year = _year(groups.get("y"), default_year)
    if year is None:
        return None
    if form == "y":
        return f"{year:04d}"
    if form == "fy":
        end = int(groups["y2"] or 0)
        return f"{year:04d}-04/{year + 1:04d}-03" if end == (year + 1) % 100 else None
    if form == "yy":
        return f"{year:04d}/{int(groups['y2'] or 0):04d}"
    if form == "season":
        return f"{year:04d}-{SEASONS[groups['s'] or '']}"
    if form == "num":
        found = numeric_date(
            int(groups["a"] or 0), int(groups["b"] or 0), year, month_first=month_first
        )
        return found.isoformat() if found else None
    written = groups.get("m") or ""
    month = month_number(written) or int(written if written.isdigit() else 0)
    if form in ("my", "m"):
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    day = int(groups.get("d") or 0)
    return f"{year:04d}-{month:02d}-{day:02d}" if _valid(year, month, day) else None


def _single(text: str, default_year: int | None, month_first: bool) -> str | None:
    for pattern, form in _FORMS:
        match = pattern.match(text)
        if match:
            return _from_match(form, match.groupdict(), default_year, month_first)
    return None


_SET = re.compile(r"^(?P<a>[a-z]+)\s*(?:and|&|or|,)\s*(?P<b>[a-z]+\s+\d{4})$")
_RANGE = re.compile(r"^(?P<a>.+?)\s*(?:\b(?:to|until|till)\b|–|—|-)\s*(?P<b>.+)$")


@lru_cache(maxsize=4096)
def edtf_value(
    text: str, default_year: int | None = None, *, month_first: bool = False
) -> str | None:
    """Compute the EDTF value of a DATE span, or None when it cannot be computed.

    ``default_year`` (the meeting's year) completes dates written without one; numeric dates
    are read month first when ``month_first`` (the document's order), else day first.
    """
    clean = _clean(text)
    clean = clean[leading_words(clean) :]
    value = _single(clean, default_year, month_first)
    if value is not None:
        return value
    listed = _SET.match(clean)
    if listed and listed["a"] in MONTH_NAMES:
        right = _single(listed["b"], default_year, month_first)
        left = _single(f"{listed['a']} {listed['b'].split()[-1]}", default_year, month_first)
        if left is not None and right is not None:
            return f"{{{left},{right}}}"
    match = _RANGE.match(clean)
    if match:
        right = _single(match["b"], default_year, month_first)
        if right is not None:
            left = _single(match["a"], int(right[:4]), month_first)
            if left is None and match["a"].isdigit():
                whole = f"{match['a']} {match['b'].split(' ', 1)[-1]}"
                left = _single(whole, int(right[:4]), month_first)
            if left is not None:
                return f"{left}/{right}"
    return _fallback(clean, default_year, month_first)


_YEAR_MONTH = re.compile(r"^(?P<y>" + YEAR + r")-(?P<m>0[1-9]|1[0-2])$")
_MONTH_DASH = re.compile(r"^" + _MONTH.format("m") + r"\s*-\s*(?P<n>\d{1,4})$")
_FOOTNOTE = re.compile(r"\s*\[\d*\]?$")


def _known_form(text: str, default_year: int | None, month_first: bool) -> str | None:
    """The value of a form the fast paths leave to dateparser, without asking it.

    ``2014-10`` (a year and month that is no financial year), ``dec-30`` (a month and day)
    and a date followed by a footnote mark (``january 2015[1``). ``""`` means "no date": a
    month and a number that is no day (``december - 50``). dateparser's first use in a process
    costs a large fraction of a second, so common forms are better answered here.
    """
    footnote = _FOOTNOTE.search(text)
    if footnote and footnote.start():
        return _single(text[: footnote.start()], default_year, month_first) or ""
    dashed = _MONTH_DASH.match(text)
    if dashed:
        month, day = month_number(dashed["m"]) or 0, int(dashed["n"])
        year = default_year or 0
        return f"{year:04d}-{month:02d}-{day:02d}" if _valid(year, month, day) else ""
    match = _YEAR_MONTH.match(text)
    if match:
        return f"{match['y']}-{match['m']}"
    return None


def _fallback(text: str, default_year: int | None, month_first: bool) -> str | None:
    """Ask dateparser about a form the fast paths do not know; its precision sets the value."""
    if not _ANCHOR.search(text) or (default_year is None and not _HAS_YEAR.search(text)):
        return None
    if not any(c.isdigit() for c in text):
        return None
    known = _known_form(text, default_year, month_first)
    if known is not None:
        return known or None
    return _dateparser(text, default_year, month_first)


def _dateparser(text: str, default_year: int | None, month_first: bool) -> str | None:
    """The value of ``text`` by dateparser (in the document's order; ``default_year`` completes it).

    dateparser is imported here, on first need: many runs never need it.
    """
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {
        "DATE_ORDER": "MDY" if month_first else "DMY",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if default_year is not None:
        settings["RELATIVE_BASE"] = datetime(default_year, 1, 1)
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    found = data.date_obj
    if data.period == "year":
        return f"{found.year:04d}"
    if data.period == "month":
        return f"{found.year:04d}-{found.month:02d}"
    if data.period == "day":
        return f"{found.year:04d}-{found.month:02d}-{found.day:02d}"
    return None
