"""Load converted minutes into one SQLite database for search, Datasette and ad-hoc SQL.

One row per document in ``meetings``; its sections, items, entities, acronyms, priorities,
actions, decisions and attendees hang off it through foreign keys with ``ON DELETE CASCADE``,
so deleting a meeting removes everything it owns; triggers do the same on connections that
leave foreign keys off. ``items_fts`` is an FTS5 index over item text (external content, kept
in step by triggers). A document is identified by its JSON file and by that file's SHA-256:
indexing the file again replaces the earlier rows, and the same bytes found elsewhere are not
indexed twice. The source's path and SHA-256 are not keys: one source may hold several
meetings, each its own JSON file, and two JSON files made from one source are two documents.

:func:`check_index` proves the database sound (``PRAGMA integrity_check``, the full-text
index) and removes rows whose parent is gone (``PRAGMA foreign_key_check``), saying how many.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Final, Literal

from extractor.core import EntityMention, IndexDatabaseError, Item, Minutes, Section, SourceSpan
from extractor.corpus import LoadedMinutes
from extractor.corpus.index_schema import CASCADES, DB_SCHEMA_VERSION, SCHEMA_SQL
from extractor.files import meeting_stem

IndexStatus = Literal["added", "replaced", "unchanged"]
_SEASONS: Final = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}
_QUARTERS: Final = {33: (1, 3), 34: (4, 6), 35: (7, 9), 36: (10, 12)}
_EDTF_PART: Final = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?[?~%]?$")


@dataclass(frozen=True, slots=True)
class IndexResult:
    """What indexing one document did, and the meeting's row id."""

    status: IndexStatus
    meeting_id: int


@dataclass(frozen=True, slots=True)
class IndexHealth:
    """What :func:`check_index` found and repaired."""

    orphans: int
    """Rows removed because the meeting, section or item they belonged to was gone."""
    rebuilt_search: bool
    """Whether the full-text index had to be rebuilt from the items table."""


REBUILD_HINT = "re-create it with `extractor index --rebuild PATH... --db FILE`"


def open_index(db: Path, *, create: bool = True) -> sqlite3.Connection:
    """Open (and with ``create`` set up) the index database, foreign keys on.

    Without ``create`` the file must exist and is opened read-only. Raises
    :class:`IndexDatabaseError` when the file is not an index or has another schema version;
    such a file is left exactly as it was.
    """
    if not create and not db.is_file():
        raise IndexDatabaseError("no such database; build it with `extractor index`", path=db)
    try:
        if create:
            db.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(db)
        else:
            conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "schema_version" in tables:
            row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
            found = row[0] if row else None
            if create and found == DB_SCHEMA_VERSION:  # puts back a trigger a tool dropped
                conn.executescript(f"BEGIN;\n{SCHEMA_SQL}\nCOMMIT;")
        elif create and not tables:
            conn.executescript(f"BEGIN;\n{SCHEMA_SQL}\nCOMMIT;")
            now = datetime.now(UTC).isoformat(timespec="seconds")
            conn.execute("INSERT INTO schema_version VALUES (?, ?)", (DB_SCHEMA_VERSION, now))
            conn.commit()
            found = DB_SCHEMA_VERSION
        else:
            conn.close()
            raise IndexDatabaseError(
                "is not an index made by `extractor index`; give --db another file", path=db
            )
    except (sqlite3.Error, OSError) as e:
        raise IndexDatabaseError(f"cannot open the database: {e}", path=db) from e
    if found != DB_SCHEMA_VERSION:
        conn.close()
        raise IndexDatabaseError(
            f"index schema version {found}, this extractor needs {DB_SCHEMA_VERSION};"
            f" {REBUILD_HINT}",
            path=db,
        )
    return conn


def check_index(conn: sqlite3.Connection, *, db: Path) -> IndexHealth:
    """Prove the database sound and remove rows left without their meeting, section or item.

    Orphans appear when rows were deleted without the cascade triggers (a tool that dropped
    them, or a copy of the tables); the full-text index is rebuilt whenever rows were removed
    or it does not match the items. Raises :class:`IndexDatabaseError` when SQLite finds the
    file damaged.
    """
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            raise IndexDatabaseError(
                f"the database is damaged ({problems[0]}); {REBUILD_HINT}", path=db
            )
        before = _child_rows(conn)
        with conn:
            for _ in range(len(CASCADES) + 1):  # removing an orphan can orphan its own rows
                dangling = conn.execute("PRAGMA foreign_key_check").fetchall()
                if not dangling:
                    break
                for table, rowid, *_ in dangling:
                    conn.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
            orphans = before - _child_rows(conn)  # with the rows the triggers removed
            rebuilt = orphans > 0 or not _search_matches(conn)
            if rebuilt:
                conn.execute("INSERT INTO items_fts(items_fts) VALUES ('rebuild')")
    except sqlite3.Error as e:
        raise IndexDatabaseError(f"cannot check the database: {e}; {REBUILD_HINT}", path=db) from e
    return IndexHealth(orphans=orphans, rebuilt_search=rebuilt)


def _child_rows(conn: sqlite3.Connection) -> int:
    """How many rows the tables that belong to a meeting hold together."""
    tables = sorted({child for rows in CASCADES.values() for child, _ in rows})
    return sum(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables)


def _search_matches(conn: sqlite3.Connection) -> bool:
    """True when the full-text index holds exactly the items' text."""
    try:
        conn.execute("INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError:
        return False
    return True


def index_document(conn: sqlite3.Connection, loaded: LoadedMinutes) -> IndexResult:
    """Insert one document in a single transaction, replacing any earlier copy of it.

    An earlier copy is a meeting indexed from the same JSON path (its rows are replaced), or
    the other form of the same input's output in the same folder: ``a.json`` once the file is
    split into ``a.1.json`` … ``a.N.json``, and those once it holds one meeting again. The same
    JSON bytes already indexed, from this path or another, are ``unchanged``: a copy of an
    output folder does not make every meeting appear twice.
    """
    doc = loaded.minutes
    json_path = str(loaded.path.resolve())
    try:
        with conn:
            same_path = conn.execute(
                "SELECT id, json_sha256 FROM meetings WHERE json_path = ?", (json_path,)
            ).fetchall()
            if [r["json_sha256"] for r in same_path] == [loaded.sha256]:
                return IndexResult("unchanged", int(same_path[0]["id"]))
            conn.executemany("DELETE FROM meetings WHERE id = ?", [(r["id"],) for r in same_path])
            conn.executemany(
                "DELETE FROM meetings WHERE id = ?",
                [(i,) for i in _other_form(conn, json_path, doc.source.path, doc.source.span)],
            )
            copy = conn.execute(
                "SELECT id FROM meetings WHERE json_sha256 = ? LIMIT 1", (loaded.sha256,)
            ).fetchone()
            if copy is not None:
                status: IndexStatus = "replaced" if same_path else "unchanged"
                return IndexResult(status, int(copy["id"]))
            meeting_id = _insert(conn, doc, json_path=json_path, json_sha256=loaded.sha256)
    except sqlite3.Error as e:
        raise IndexDatabaseError(f"cannot write the database: {e}", path=loaded.path) from e
    return IndexResult("replaced" if same_path else "added", meeting_id)


def _other_form(
    conn: sqlite3.Connection, json_path: str, source_path: str, span: SourceSpan | None
) -> list[int]:
    """Meetings of the same input that this output replaces: its whole or its parts.

    A part (``span`` set, ``a.2.json``) replaces the whole-file output ``a.json``; a whole
    replaces the parts ``a.N.json``. Both must be in the same folder and name the same source.
    """
    path = Path(json_path)
    part = meeting_stem(path.name)
    stem = part if part is not None and span is not None else path.stem
    rows = conn.execute(
        "SELECT id, json_path FROM meetings WHERE source_path = ? AND json_path != ?",
        (source_path, json_path),
    ).fetchall()
    found: list[int] = []
    for row in rows:
        other = Path(row["json_path"])
        if other.parent != path.parent:
            continue
        other_part = meeting_stem(other.name)
        if (span is not None and other_part is None and other.stem == stem) or (
            span is None and other_part == stem
        ):
            found.append(int(row["id"]))
    return found


def edtf_range(value: str | None) -> tuple[str | None, str | None]:
    """First and last ISO day an EDTF value covers: ``2023-22`` → 2023-06-01, 2023-08-31.

    Handles days, months, years, seasons (21–24, northern hemisphere), quarters (33–36) and
    intervals ``a/b`` with an open end written ``..`` or left empty; qualifiers ``? ~ %`` are
    ignored. Returns ``(None, None)`` for anything else.
    """
    if not value:
        return None, None
    if "/" in value:
        first, _, last = value.partition("/")
        return _edtf_part(first)[0], _edtf_part(last)[1]
    return _edtf_part(value)


def _edtf_part(part: str) -> tuple[str | None, str | None]:
    """The first and last ISO day of one EDTF date (no interval)."""
    match = _EDTF_PART.match(part.strip())
    if match is None:
        return None, None
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if day is not None and month is not None:
            iso = date(year, int(month), int(day)).isoformat()
            return iso, iso
        if month is None:
            return f"{year:04d}-01-01", f"{year:04d}-12-31"
        code = int(month)
        first_month, last_month = (
            (code, code) if 1 <= code <= 12 else _SEASONS.get(code) or _QUARTERS[code]
        )
    except (ValueError, KeyError):
        return None, None
    start = date(year, first_month, 1)
    end_year, end_month = year + (last_month - 1) // 12, (last_month - 1) % 12 + 1
    following = date(end_year + end_month // 12, end_month % 12 + 1, 1)
    return start.isoformat(), date.fromordinal(following.toordinal() - 1).isoformat()


def _insert(conn: sqlite3.Connection, doc: Minutes, *, json_path: str, json_sha256: str) -> int:
    """Insert the meeting row and everything it owns; return the meeting's id."""
    m, nxt = doc.meeting, doc.next_meeting
    now = datetime.now(UTC).isoformat(timespec="seconds")
    cursor = conn.execute(
        "INSERT INTO meetings (json_path, json_sha256, source_path, source_format,"
        " source_sha256, schema_version, title, date, start_time, end_time, location,"
        " next_meeting_date, next_meeting_text, indexed_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (json_path, json_sha256, doc.source.path, doc.source.format, doc.source.sha256,
         doc.schema_version, m.title, m.date, m.start_time, m.end_time, m.location,
         nxt.date if nxt else None, nxt.text if nxt else None, now),
    )  # fmt: skip
    meeting_id = int(cursor.lastrowid or 0)
    item_pks: dict[str, int] = {}
    for position, section in enumerate(doc.sections, start=1):
        section_pk = _insert_section(conn, meeting_id, position, section)
        _insert_entities(conn, meeting_id, section_pk, None, section.entities)
        for item_position, item in enumerate(section.items, start=1):
            item_pk = _insert_item(conn, meeting_id, section_pk, item_position, item)
            item_pks[item.id] = item_pk
            _insert_entities(conn, meeting_id, section_pk, item_pk, item.entities)
    rows = [(meeting_id, a.short, a.long) for a in doc.acronyms]
    conn.executemany("INSERT INTO acronyms (meeting_id, short, long) VALUES (?, ?, ?)", rows)
    conn.executemany(
        "INSERT INTO priorities (meeting_id, item_pk, rank, text, item_id) VALUES (?, ?, ?, ?, ?)",
        [(meeting_id, item_pks.get(p.item or ""), p.rank, p.text, p.item) for p in doc.priorities],
    )
    conn.executemany(
        "INSERT INTO actions (meeting_id, item_pk, text, owner, due, item_id)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (meeting_id, item_pks.get(a.item or ""), a.text, a.owner, a.due, a.item)
            for a in doc.action_items
        ],
    )
    conn.executemany(
        "INSERT INTO decisions (meeting_id, item_pk, text, item_id) VALUES (?, ?, ?, ?)",
        [(meeting_id, item_pks.get(d.item or ""), d.text, d.item) for d in doc.decisions],
    )
    people = [("present", p) for p in doc.attendees] + [("apologies", p) for p in doc.apologies]
    conn.executemany(
        "INSERT INTO attendees (meeting_id, status, name, role, organisation)"
        " VALUES (?, ?, ?, ?, ?)",
        [(meeting_id, status, p.name, p.role, p.organisation) for status, p in people],
    )
    return meeting_id


def _insert_section(conn: sqlite3.Connection, meeting_id: int, position: int, s: Section) -> int:
    """Insert one section row; return its id."""
    sp = s.speaker
    cursor = conn.execute(
        "INSERT INTO sections (meeting_id, section_id, position, heading, speaker_name,"
        " speaker_title, speaker_role, speaker_organisation, speaker_canonical, source_line,"
        " source_paragraph) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (meeting_id, s.id, position, s.heading, sp and sp.name, sp and sp.title,
         sp and sp.role, sp and sp.organisation, sp and sp.canonical, s.source.line,
         s.source.paragraph),
    )  # fmt: skip
    return int(cursor.lastrowid or 0)


def _insert_item(
    conn: sqlite3.Connection, meeting_id: int, section_pk: int, position: int, item: Item
) -> int:
    """Insert one item row (its FTS row follows by trigger); return its id."""
    sp, src = item.speaker, item.source
    cursor = conn.execute(
        "INSERT INTO items (meeting_id, section_pk, item_id, position, kind, marker, level,"
        " text, tags, speaker_name, speaker_organisation, source_line, source_paragraph,"
        " source_table, source_row, source_cell)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (meeting_id, section_pk, item.id, position, item.kind, item.marker, item.level,
         item.text, json.dumps(item.tags), sp and sp.name, sp and sp.organisation, src.line,
         src.paragraph, src.table, src.row, src.cell),
    )  # fmt: skip
    return int(cursor.lastrowid or 0)


def _insert_entities(
    conn: sqlite3.Connection,
    meeting_id: int,
    section_pk: int,
    item_pk: int | None,
    mentions: list[EntityMention],
) -> None:
    """Insert the entity mentions of a section heading (``item_pk`` None) or of an item."""
    conn.executemany(
        "INSERT INTO entities (meeting_id, section_pk, item_pk, label, text, start, \"end\","
        " value, date_start, date_end, expansion, canonical)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (meeting_id, section_pk, item_pk, e.label, e.text, e.start, e.end, e.value,
             *edtf_range(e.value), e.expansion, e.canonical)
            for e in mentions
        ],
    )  # fmt: skip
