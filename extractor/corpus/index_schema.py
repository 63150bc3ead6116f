"""The layout of the search index database: tables, indexes, the FTS5 table and its triggers.

``DB_SCHEMA_VERSION`` goes up whenever this layout changes; :func:`.index.open_index` refuses a
database of another version rather than mixing layouts. Every child table refers to
``meetings`` with ``ON DELETE CASCADE``, and ``items_fts`` is an external-content FTS5 index of
``items.text`` kept in step by the triggers, so deleting a meeting removes its search entries.

A foreign key cascades only on a connection that turned foreign keys on, which Datasette,
sqlite-utils and the ``sqlite3`` shell do not do; so each cascade is also a trigger
(:data:`CASCADES`), which fires on every connection. Ids of meetings, sections and items are
``AUTOINCREMENT``: a deleted id is never given to a new row, so a row that was somehow left
behind can never be taken for part of a new meeting.
"""

from __future__ import annotations

from typing import Final

DB_SCHEMA_VERSION: Final = 2

_DDL: Final = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meetings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    json_path TEXT NOT NULL UNIQUE, json_sha256 TEXT NOT NULL,
    source_path TEXT NOT NULL, source_format TEXT NOT NULL, source_sha256 TEXT NOT NULL,
    schema_version TEXT NOT NULL, title TEXT, date TEXT, start_time TEXT, end_time TEXT,
    location TEXT, next_meeting_date TEXT, next_meeting_text TEXT, indexed_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    section_id TEXT NOT NULL, position INTEGER NOT NULL, heading TEXT NOT NULL,
    speaker_name TEXT, speaker_title TEXT, speaker_role TEXT, speaker_organisation TEXT,
    speaker_canonical TEXT, source_line INTEGER, source_paragraph INTEGER);
CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    section_pk INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL, position INTEGER NOT NULL, kind TEXT NOT NULL, marker TEXT,
    level INTEGER NOT NULL, text TEXT NOT NULL, tags TEXT NOT NULL,
    speaker_name TEXT, speaker_organisation TEXT, source_line INTEGER,
    source_paragraph INTEGER, source_table INTEGER, source_row INTEGER, source_cell INTEGER);
CREATE TABLE IF NOT EXISTS entities (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    section_pk INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
    item_pk INTEGER REFERENCES items(id) ON DELETE CASCADE,
    label TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    value TEXT, date_start TEXT, date_end TEXT, expansion TEXT, canonical TEXT);
CREATE TABLE IF NOT EXISTS acronyms (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    short TEXT NOT NULL, long TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS priorities (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    item_pk INTEGER REFERENCES items(id) ON DELETE CASCADE,
    rank INTEGER NOT NULL, text TEXT NOT NULL, item_id TEXT);
CREATE TABLE IF NOT EXISTS actions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    item_pk INTEGER REFERENCES items(id) ON DELETE CASCADE,
    text TEXT NOT NULL, owner TEXT, due TEXT, item_id TEXT);
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    item_pk INTEGER REFERENCES items(id) ON DELETE CASCADE,
    text TEXT NOT NULL, item_id TEXT);
CREATE TABLE IF NOT EXISTS attendees (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('present', 'apologies')),
    name TEXT NOT NULL, role TEXT, organisation TEXT);
CREATE VIRTUAL TABLE IF NOT EXISTS items_fts USING fts5(
    text, content="items", content_rowid="id", tokenize='porter unicode61');
CREATE TRIGGER IF NOT EXISTS items_fts_insert AFTER INSERT ON items BEGIN
    INSERT INTO items_fts(rowid, text) VALUES (new.id, new.text); END;
CREATE TRIGGER IF NOT EXISTS items_fts_delete AFTER DELETE ON items BEGIN
    INSERT INTO items_fts(items_fts, rowid, text) VALUES ('delete', old.id, old.text); END;
CREATE TRIGGER IF NOT EXISTS items_fts_update AFTER UPDATE OF text ON items BEGIN
    INSERT INTO items_fts(items_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO items_fts(rowid, text) VALUES (new.id, new.text); END;
"""
_INDEXED: Final = {
    "meetings": ("date", "json_sha256", "source_sha256", "source_path"),
    "sections": ("meeting_id",),
    "items": ("meeting_id", "section_pk"),
    "entities": ("meeting_id", "section_pk", "item_pk", "label"),
    "acronyms": ("meeting_id",),
    "priorities": ("meeting_id", "item_pk"),
    "actions": ("meeting_id", "item_pk"),
    "decisions": ("meeting_id", "item_pk"),
    "attendees": ("meeting_id",),
}
CASCADES: Final = {
    "meetings": (
        *(("entities", "meeting_id"), ("acronyms", "meeting_id"), ("priorities", "meeting_id")),
        *(("actions", "meeting_id"), ("decisions", "meeting_id"), ("attendees", "meeting_id")),
        *(("items", "meeting_id"), ("sections", "meeting_id")),
    ),
    "sections": (("entities", "section_pk"), ("items", "section_pk")),
    "items": (
        *(("entities", "item_pk"), ("priorities", "item_pk")),
        *(("actions", "item_pk"), ("decisions", "item_pk")),
    ),
}
"""Each parent table's ``ON DELETE CASCADE`` children as (table, column), repeated as triggers."""


def _cascade_triggers() -> str:
    """One ``AFTER DELETE`` trigger per parent table, deleting the rows that refer to it."""
    return "".join(
        f"CREATE TRIGGER IF NOT EXISTS {parent}_cascade AFTER DELETE ON {parent} BEGIN\n"
        + "".join(f"    DELETE FROM {child} WHERE {column} = old.id;\n" for child, column in rows)
        + "END;\n"
        for parent, rows in CASCADES.items()
    )


SCHEMA_SQL: Final = (
    _DDL
    + _cascade_triggers()
    + "".join(
        f"CREATE INDEX IF NOT EXISTS {table}_{column} ON {table}({column});\n"
        for table, columns in _INDEXED.items()
        for column in columns
    )
)
