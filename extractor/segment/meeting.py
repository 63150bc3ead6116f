"""The meeting header: title, date, start/end time, location, and the closing next-meeting line.

Dates and clock times themselves are found by :mod:`extractor.parse.dates`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date

from extractor.core import Block, Meeting, NextMeeting
from extractor.lexicon import WEEKDAYS
from extractor.parse import (
    MONTH_STEMS,
    WEEKDAY_STEMS,
    alternation,
    find_date,
    folded,
    parse_time_range,
    weekday_mismatch,
    when_end,
)

_MINUTES_OF = re.compile(
    r"^(?:(?:draft|unconfirmed|approved|confirmed)\s+)?minutes\s+(?:of\s+(?:the\s+)?|for\s+"
    r"(?:the\s+)?)(?=\S)",
    re.IGNORECASE,
)
_HELD = re.compile(
    r"\s+held\s+(?:at|in)\s+(?P<loc>.+?)(?=\s+(?:at|on)\s+(?:\d|" + WEEKDAY_STEMS + r")|"
    r",?\s+on\s+|\s*$)",
    re.IGNORECASE,
)
_MARKERS = re.compile(
    r"^(?:draft|confidential|unapproved|private|(?:(?:draft|unconfirmed|approved)\s+)?minutes)\W*$",
    re.IGNORECASE,
)
_FIELD = re.compile(
    r"(?:(?<=\s)|^)(?P<label>meeting\s+date/time|date/time|date\s+and\s+time|date|time|venue|"
    r"location|place|where|when|present|attendees|apologies|regrets)\s*:\s*",
    re.IGNORECASE,
)
_FIELD_FIRST = frozenset("mdtvlpwarMDTVLPWAR")
"""The letters a :data:`_FIELD` label can start with (no other character matches them)."""
_AT_PLACE = re.compile(r"\s(?:at|@)\s+(?![\d(])(?P<loc>[^\d\s].*)$")
_TAIL_PLACE = re.compile(
    r"^\s*(?:,|;|\s[–—-])\s*(?P<loc>(?:online\b|[A-Z0-9])[^.;!?]{1,100}?)\s*\.?$"
)
_TRAILING_WHEN = re.compile(
    r"(?:,?\s+(?:at|on|from)\s+\d.*|,?\s+on\s+(?:" + WEEKDAY_STEMS + r").*)$", re.IGNORECASE
)
_NEXT_START = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*[.:)]?\s+)?(?:(?:date|time|details|venue)\s+(?:and\s+\w+\s+)?of\s+"
    r"(?:the\s+)?)?next\s+(?:[\w’']+\s+){0,4}?meeting\b",
    re.IGNORECASE,
)
_MEETING_DATES = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*[.:)]?\s+)?(?:dates?|schedule|calendar)\s+(?:of|for)\s+(?:the\s+)?"
    r"(?:(?:next|future|forthcoming|upcoming|remaining)\s+)?meetings?\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z]{2,}")
_NEXT_SENTENCE = re.compile(
    r"\bnext\s+(?:[\w’']+\s+){0,4}?meeting\s+(?:will\s+(?:be\s+held|take\s+place|be)|takes\s+"
    r"place|is\s+(?:scheduled|planned|on|at|to\s+be|the)|is\s+(?=\S*\d|(?:"
    + alternation(WEEKDAYS)
    + r")\b|(?:"
    + MONTH_STEMS
    + r")[a-z]*\.?\s+\d)|:)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class HeaderInfo:
    """What the header region says about the meeting, and which blocks said it."""

    meeting: Meeting = field(default_factory=Meeting)
    date_index: int | None = None
    title_index: int | None = None
    warnings: list[tuple[str, str, int]] = field(default_factory=list)
    """(code, message, block index) problems noticed while reading the header."""


def clean_title(text: str) -> tuple[str, str | None]:
    """Strip "Minutes of (the)" and a trailing "held at X on …"; return (title, location)."""
    title = " ".join(html.unescape(text).split())
    title = _MINUTES_OF.sub("", title)
    location: str | None = None
    held = _HELD.search(title)
    if held:
        location = held["loc"].strip(" ,")
        title = title[: held.start()]
    return title.strip(" ,:-–"), location


def is_marker_line(text: str) -> bool:
    """Tell whether ``text`` is a one-word banner ("DRAFT", "Minutes"), not a title."""
    return bool(_MARKERS.match(text.strip()))


def parse_fields(text: str) -> dict[str, str]:
    """Read "Date: … Time: … Venue: …" labels opening ``text`` into a lower-case-keyed dict."""
    if text[:1] not in _FIELD_FIRST or _FIELD.match(text) is None:
        return {}
    matches = list(_FIELD.finditer(text))
    fields: dict[str, str] = {}
    for m, nxt in zip(matches, [*matches[1:], None], strict=True):
        end = nxt.start() if nxt is not None else len(text)
        label = " ".join(m["label"].lower().split())
        fields.setdefault(label, text[m.end() : end].strip(" ,;"))
    return fields


def parse_location(text: str) -> str | None:
    """Return the venue named on a date line ("…, 6-8pm at THCVS offices, Bethnal Green")."""
    fields = parse_fields(text)
    for key in ("venue", "location", "place", "where"):
        if fields.get(key):
            return fields[key]
    held = _HELD.search(text)
    if held:
        return held["loc"].strip(" ,")
    at = _AT_PLACE.search(text)
    if at:
        loc = _TRAILING_WHEN.sub("", at["loc"]).strip(" ,.")
        return loc or None
    tail = _TAIL_PLACE.match(text[when_end(text) :]) if when_end(text) else None
    return tail["loc"].strip() if tail else None


def is_next_meeting(text: str) -> bool:
    """Tell whether ``text`` is a closing next-meeting line ("Date of next meeting: …")."""
    low = folded(text)
    if "next" not in low or "meeting" not in low or len(text.split()) > 45:
        return False
    return bool(_NEXT_START.match(text) or _NEXT_SENTENCE.search(text))


def is_meeting_dates_heading(text: str) -> bool:
    """Tell whether a heading announces meeting dates ("7. Dates of Meetings for 2005")."""
    return bool(_MEETING_DATES.match(text))


def parse_next_meeting(
    text: str, *, meeting_date: date | None, month_first: bool = False
) -> NextMeeting:
    """Read the next meeting's date (year inferred from ``meeting_date``, after it) and its text.

    ``month_first``: the document's order of numeric dates.
    """
    year = meeting_date.year if meeting_date else None
    found = find_date(text, default_year=year, month_first=month_first)
    value: date | None = found.value if found else None
    if found and value and not found.has_year and meeting_date and value < meeting_date:
        try:
            value = value.replace(year=value.year + 1)
        except ValueError:
            value = None
    return NextMeeting(date=value.isoformat() if value else None, text=" ".join(text.split()))


def _title_like(block: Block) -> bool:
    text = block.text.strip()
    if not text or block.link or block.kind in ("list_item", "table_row") or parse_fields(text):
        return False
    if block.kind == "heading" or block.bold or _MINUTES_OF.match(text):
        return True
    return len(text.split()) <= 16 and not text.endswith((".", ":"))


def _dated_nearby(blocks: list[Block], candidates: list[int], i: int) -> bool:
    """Tell whether a plain first line is followed closely by a date: then it is a title."""
    if blocks[i].bold or _MINUTES_OF.match(blocks[i].text):
        return True
    near = [j for j in candidates if j >= i][:5]
    return any(find_date(blocks[j].text) or parse_time_range(blocks[j].text)[0] for j in near)


def _date_from_metadata(
    blocks: list[Block],
    order: list[int],
    metadata: dict[str, str],
    info: HeaderInfo,
    month_first: bool,
) -> None:
    """Fall back on the file's (publication) date: its year for a year-less date, or itself."""
    published = metadata["date"]
    stamp = find_date(published, month_first=month_first)
    if stamp is None:
        return
    texts = [(i, blocks[i].text) for i in order]
    if info.title_index is None and metadata.get("title"):
        texts.insert(0, (-1, html.unescape(metadata["title"])))
    for i, text in texts:
        found = find_date(text, default_year=stamp.value.year, month_first=month_first)
        if found is not None and found.value <= stamp.value:
            info.meeting.date = found.value.isoformat()
            info.date_index = i if i >= 0 else None
            message = f"year of the meeting date taken from the file's date ({published})"
            info.warnings.append(("date-year-from-metadata", message, i))
            return
    info.meeting.date = stamp.value.isoformat()
    message = f"meeting date taken from the file's metadata ({published}), not the text"
    info.warnings.append(("date-from-metadata", message, -1))


def is_date_line(text: str) -> bool:
    """Tell whether ``text`` is little more than a date ("Wednesday 7th September 2005")."""
    found = find_date(text)
    if found is None:
        return False
    rest = text[: found.start] + text[found.end :]
    return len(_WORD.findall(rest)) <= 2


def _labelled_date(text: str) -> bool:
    """A "Date: …" field line: the date it gives beats one in the title ("Week of 26 March")."""
    return any(label.startswith("date") or label.endswith("date") for label in parse_fields(text))


def read_header(
    blocks: list[Block],
    *,
    region: range,
    metadata: dict[str, str],
    skip: set[int],
    month_first: bool = False,
) -> HeaderInfo:
    """Read title, date, times and location from the blocks in ``region`` (before sections).

    ``month_first``: the document's order of numeric dates (:mod:`extractor.parse.date_order`).
    """
    info = HeaderInfo()
    meeting = info.meeting
    candidates = [i for i in region if i not in skip and blocks[i].text.strip()]
    for i in candidates:
        if is_marker_line(blocks[i].text) or blocks[i].link:
            continue
        if blocks[i].kind == "heading" or (
            _title_like(blocks[i])
            and not is_date_line(blocks[i].text)
            and _dated_nearby(blocks, candidates, i)
        ):
            info.title_index = i
        break
    if info.title_index is not None:
        meeting.title, meeting.location = clean_title(blocks[info.title_index].text)
    elif metadata.get("title"):
        meeting.title = clean_title(metadata["title"])[0]
    order = candidates if info.title_index is None else [info.title_index, *candidates]
    labelled = [i for i in candidates if _labelled_date(blocks[i].text)]
    for i in dict.fromkeys([*labelled, *order]):
        found = find_date(blocks[i].text, month_first=month_first)
        if found is None or not found.has_year or is_next_meeting(blocks[i].text):
            continue
        info.date_index = i
        meeting.date = found.value.isoformat()
        message = weekday_mismatch(found)
        if message:
            info.warnings.append(("weekday-mismatch", message, i))
        break
    time_lines = [i for i in candidates if parse_time_range(blocks[i].text)[0]]
    where = info.date_index if info.date_index is not None else info.title_index
    if where is not None and where not in time_lines:
        time_lines.insert(0, where)
    for i in sorted(time_lines, key=lambda j: j != where):
        start, end = parse_time_range(blocks[i].text)
        if start:
            meeting.start_time, meeting.end_time = start, end
            break
    if info.date_index is not None and info.date_index != info.title_index:
        meeting.location = parse_location(blocks[info.date_index].text) or meeting.location
    for i in candidates:
        loc = parse_fields(blocks[i].text)
        for key in ("venue", "location", "place", "where"):
            if loc.get(key) and meeting.location is None:
                meeting.location = loc[key]
    if meeting.date is None and metadata.get("date"):
        _date_from_metadata(blocks, order, metadata, info, month_first)
    return info
