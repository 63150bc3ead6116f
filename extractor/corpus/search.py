"""Full-text search over an index built by :mod:`.index`, with filters, ranked by BM25.

The query uses SQLite FTS5 syntax: words (all must occur; the porter stemmer matches "meeting"
and "meetings"), ``"exact phrases"``, ``OR``, ``NOT``, ``prefix*`` and ``NEAR(a b, 5)``.
Filters narrow the items the query matches:

- ``org``: the item mentions an ORG whose text, canonical name or expansion contains the name
  (as whole words, ignoring case), or an acronym the document defines with that long form; or
  the item's section speaker (or the item's own speaker) belongs to such an organisation, or
  its section heading names one (so a speaker's "Met Police" matches its canonical name).
- ``label``: the item has an entity with that label.
- ``speaker``: the section's or the item's speaker name (or canonical name) contains the name.
- ``since``/``until``: the meeting date is within the bounds (a year or a month is allowed:
  ``since="2023"`` means from 1 January 2023, ``until="2023-06"`` up to 30 June 2023).
"""

from __future__ import annotations

import calendar
import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from extractor.core import SearchError

_BOUND: Final = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Optional filters; each one set narrows the results further."""

    org: str | None = None
    label: str | None = None
    speaker: str | None = None
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    """One matching item with its meeting and speaker, best first."""

    meeting_title: str | None
    meeting_date: str | None
    json_path: str
    section_id: str
    heading: str
    speaker: str | None
    organisation: str | None
    item_id: str
    kind: str
    text: str
    snippet: str
    score: float


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    filters: SearchFilters | None = None,
    limit: int = 20,
    marks: tuple[str, str] = ("<mark>", "</mark>"),
    snippet_tokens: int = 16,
) -> list[Hit]:
    """Items matching the FTS5 ``query`` and ``filters``, ranked by bm25 (best first).

    ``snippet`` is FTS5's ``snippet()`` of the item text with each matched term wrapped in
    ``marks`` and "…" where text was cut. Raises :class:`SearchError` for a query FTS5 cannot
    parse, naming the problem and how to quote punctuation.
    """
    if not query.strip():
        raise SearchError("the search query is empty")
    clauses, params = _filter_clauses(filters or SearchFilters())
    sql = f"""
        SELECT m.title AS meeting_title, m.date AS meeting_date, m.json_path,
               s.section_id, s.heading, i.kind, i.item_id, i.text,
               coalesce(i.speaker_name, s.speaker_name) AS speaker,
               coalesce(i.speaker_organisation, s.speaker_organisation) AS organisation,
               snippet(items_fts, 0, ?, ?, '…', ?) AS snippet,
               bm25(items_fts) AS score
        FROM items_fts
        JOIN items AS i ON i.id = items_fts.rowid
        JOIN sections AS s ON s.id = i.section_pk
        JOIN meetings AS m ON m.id = i.meeting_id
        WHERE items_fts MATCH ? {"".join(f" AND {c}" for c in clauses)}
        ORDER BY score, m.date DESC, i.id
        LIMIT ?
    """
    _register_functions(conn)
    try:
        rows = conn.execute(sql, (*marks, snippet_tokens, query, *params, limit)).fetchall()
    except sqlite3.OperationalError as e:
        raise SearchError(_query_problem(query, str(e))) from e
    return [
        Hit(
            meeting_title=row[0], meeting_date=row[1], json_path=row[2], section_id=row[3],
            heading=row[4], kind=row[5], item_id=row[6], text=row[7], speaker=row[8],
            organisation=row[9], snippet=row[10], score=float(row[11]),
        )
        for row in rows
    ]  # fmt: skip


def date_bound(value: str, *, end: bool) -> str:
    """The ISO day a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` bound starts on (``end``: ends on)."""
    match = _BOUND.match(value.strip())
    if match is None:
        raise SearchError(f"{value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if day is not None and month is not None:
            calendar.weekday(year, int(month), int(day))
            return f"{year:04d}-{month}-{day}"
        first, last = (int(month), int(month)) if month is not None else (1, 12)
        if not 1 <= first <= 12:
            raise ValueError(month)
    except ValueError as e:
        raise SearchError(f"{value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY") from e
    if not end:
        return f"{year:04d}-{first:02d}-01"
    return f"{year:04d}-{last:02d}-{calendar.monthrange(year, last)[1]:02d}"


def name_matches(haystack: str | None, needle: str | None) -> bool:
    """Whether ``needle`` occurs in ``haystack`` as whole words, ignoring case and spacing."""
    if not haystack or not needle:
        return False
    pattern = _word_pattern(" ".join(needle.split()).casefold())
    return pattern.search(" ".join(haystack.split()).casefold()) is not None


@lru_cache(maxsize=64)
def _word_pattern(needle: str) -> re.Pattern[str]:
    """A case-folded, whole-word pattern for a name (cached: it runs once per row)."""
    return re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)")


def _register_functions(conn: sqlite3.Connection) -> None:
    """Make ``name_matches(haystack, needle)`` callable from SQL on this connection."""
    conn.create_function("name_matches", 2, name_matches, deterministic=True)


def _filter_clauses(filters: SearchFilters) -> tuple[list[str], list[str]]:
    """SQL conditions (on ``i``, ``s``, ``m``) and their parameters for the filters set."""
    clauses: list[str] = []
    params: list[str] = []
    if filters.org:
        clauses.append(
            "(name_matches(s.speaker_organisation, ?) OR name_matches(i.speaker_organisation, ?)"
            " OR EXISTS (SELECT 1 FROM entities AS e WHERE e.label = 'ORG'"
            " AND (e.item_pk = i.id OR (e.item_pk IS NULL AND e.section_pk = i.section_pk))"
            " AND (name_matches(e.text, ?) OR name_matches(e.canonical, ?)"
            " OR name_matches(e.expansion, ?)"
            " OR e.text IN (SELECT a.short FROM acronyms AS a"
            " WHERE a.meeting_id = i.meeting_id AND name_matches(a.long, ?)))))"
        )
        params += [filters.org] * 6
    if filters.label:
        clauses.append(
            "EXISTS (SELECT 1 FROM entities AS e WHERE e.item_pk = i.id AND e.label = ?)"
        )
        params.append(filters.label.upper())
    if filters.speaker:
        clauses.append(
            "(name_matches(s.speaker_name, ?) OR name_matches(s.speaker_canonical, ?)"
            " OR name_matches(i.speaker_name, ?))"
        )
        params += [filters.speaker] * 3
    if filters.since:
        clauses.append("m.date >= ?")
        params.append(date_bound(filters.since, end=False))
    if filters.until:
        clauses.append("m.date <= ?")
        params.append(date_bound(filters.until, end=True))
    return clauses, params


def _query_problem(query: str, message: str) -> str:
    """A one-line explanation of an FTS5 error with a hint on quoting."""
    reason = message.removeprefix("fts5: ")
    return (
        f"cannot search for {query!r}: {reason}; put words with punctuation in double quotes,"
        " e.g. '\"anti-social\" behaviour'"
    )
