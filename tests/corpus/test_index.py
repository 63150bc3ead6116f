import sqlite3
from pathlib import Path

import pytest

from extractor.core import IndexDatabaseError, Minutes
from extractor.corpus import read_minutes
from extractor.corpus.index import (
    IndexHealth,
    check_index,
    edtf_range,
    index_document,
    open_index,
)
from extractor.corpus.index_schema import DB_SCHEMA_VERSION
from tests.corpus.search_docs import forum, indexed, parish, undated, write

TABLES = (
    "meetings", "sections", "items", "entities", "acronyms", "priorities", "actions",
    "decisions", "attendees",
)  # fmt: skip


def undated_other() -> Minutes:
    """A fourth document, from another source: one section with one item."""
    doc = undated()
    doc.source.path = "other-notes.txt"
    return doc


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = (*TABLES, "items_fts")
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    return indexed(tmp_path)


def test_every_table_is_filled(conn: sqlite3.Connection) -> None:
    assert counts(conn) == {
        "meetings": 3, "sections": 4, "items": 7, "entities": 7, "acronyms": 1,
        "priorities": 1, "actions": 1, "decisions": 2, "attendees": 2, "items_fts": 7,
    }  # fmt: skip
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_rows_carry_the_document_fields(conn: sqlite3.Connection) -> None:
    meeting = conn.execute("SELECT * FROM meetings WHERE date = '2024-03-05'").fetchone()
    assert meeting["title"] == "Riverside Community Safety Forum"
    assert meeting["next_meeting_date"] == "2024-05-07" and len(meeting["source_sha256"]) == 64
    section = conn.execute("SELECT * FROM sections WHERE section_id = 's2'").fetchone()
    assert (section["speaker_name"], section["speaker_organisation"]) == (
        "Sam Patel",
        "Metropolitan Police Service",
    )
    row = conn.execute(
        "SELECT e.*, i.item_id, i.tags FROM entities e JOIN items i ON i.id = e.item_pk"
        " WHERE e.label = 'DATE'"
    ).fetchone()
    assert (row["value"], row["date_start"], row["date_end"]) == (
        "2024-04",
        "2024-04-01",
        "2024-04-30",
    )
    assert row["item_id"] == "s1.i1" and row["tags"] == '["priority"]'
    heading = conn.execute("SELECT * FROM entities WHERE item_pk IS NULL").fetchone()
    assert heading["text"] == "Riverside Borough Council"
    linked = conn.execute(
        "SELECT i.item_id FROM priorities p JOIN items i ON i.id = p.item_pk"
    ).fetchone()
    assert linked["item_id"] == "s1.i1"
    statuses = conn.execute("SELECT status, name FROM attendees ORDER BY status").fetchall()
    assert [tuple(r) for r in statuses] == [("apologies", "Bob Stone"), ("present", "Jane Doe")]


def test_reindexing_the_same_file_is_unchanged(tmp_path: Path, conn: sqlite3.Connection) -> None:
    before = counts(conn)
    result = index_document(conn, read_minutes(tmp_path / "out" / "forum-2024-03-05.json"))
    assert result.status == "unchanged" and counts(conn) == before


def test_a_changed_file_replaces_its_rows(tmp_path: Path, conn: sqlite3.Connection) -> None:
    before = counts(conn)
    changed = parish()
    changed.sections[0].items[0].text = "Youth club funding was deferred."
    changed.sections[0].items[0].entities = []
    path = write(tmp_path / "out" / "2023" / "parish-2023-06-01.json", changed)
    assert index_document(conn, read_minutes(path)).status == "replaced"
    after = counts(conn)
    assert after["meetings"] == before["meetings"] and after["items"] == before["items"]
    assert after["entities"] == before["entities"] - 1
    hits = conn.execute("SELECT rowid FROM items_fts WHERE items_fts MATCH 'deferred'").fetchall()
    gone = conn.execute("SELECT rowid FROM items_fts WHERE items_fts MATCH 'agreed'").fetchall()
    assert len(hits) == 1 and gone == []


def test_the_same_bytes_elsewhere_are_not_indexed_twice(
    tmp_path: Path, conn: sqlite3.Connection
) -> None:
    before = counts(conn)
    copy = write(tmp_path / "elsewhere" / "forum.json", forum())
    assert index_document(conn, read_minutes(copy)).status == "unchanged"
    assert counts(conn) == before


def test_two_json_files_that_share_a_source_hash_are_two_meetings(
    tmp_path: Path, conn: sqlite3.Connection
) -> None:
    """Regression: the second replaced the first, so one of the two meetings was lost."""
    before = counts(conn)
    second = forum()
    second.meeting.title = "Riverside Community Safety Forum (second meeting in the file)"
    path = write(tmp_path / "elsewhere" / "forum-2.json", second)
    assert index_document(conn, read_minutes(path)).status == "added"
    assert counts(conn)["meetings"] == before["meetings"] + 1
    shared = conn.execute(
        "SELECT count(*) FROM meetings GROUP BY source_sha256 ORDER BY 1 DESC"
    ).fetchone()
    assert shared[0] == 2


def test_deleting_a_meeting_cascades_to_everything(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM meetings")
    conn.commit()
    assert set(counts(conn).values()) == {0}


def _delete_meeting_the_way_other_tools_do(db: Path, meeting_id: int) -> None:
    """A plain connection, as Datasette, sqlite-utils or the sqlite3 shell open it."""
    raw = sqlite3.connect(db)
    assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 0
    raw.execute("DELETE FROM meetings WHERE id = ?", (meeting_id,))
    raw.commit()
    raw.close()


def test_a_delete_with_foreign_keys_off_cascades_and_its_id_is_never_reused(
    tmp_path: Path, conn: sqlite3.Connection
) -> None:
    """Regression: orphan rows stayed, and the next meeting took the id and inherited them."""
    db = tmp_path / "minutes.db"
    last = conn.execute("SELECT max(id) FROM meetings").fetchone()[0]
    conn.close()
    _delete_meeting_the_way_other_tools_do(db, last)
    conn = open_index(db)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert counts(conn)["items_fts"] == counts(conn)["items"]
    new = index_document(conn, read_minutes(write(tmp_path / "new.json", undated_other())))
    assert new.meeting_id > last
    owned = {
        table: conn.execute(
            f"SELECT count(*) FROM {table} WHERE meeting_id = ?", (new.meeting_id,)
        ).fetchone()[0]
        for table in ("sections", "items")
    }
    assert owned == {"sections": 1, "items": 1}
    assert (
        conn.execute("SELECT count(*) FROM items WHERE meeting_id = ?", (last,)).fetchone()[0] == 0
    )
    hits = conn.execute("SELECT rowid FROM items_fts WHERE items_fts MATCH 'festival'").fetchall()
    assert len(hits) == 1  # the old meeting's search row is gone, the new one's is there
    conn.close()


def test_orphans_left_without_the_triggers_are_removed_and_counted(
    tmp_path: Path, conn: sqlite3.Connection
) -> None:
    db = tmp_path / "minutes.db"
    conn.close()
    raw = sqlite3.connect(db)
    raw.execute("DROP TRIGGER meetings_cascade")  # what a tool copying the tables would lose
    raw.execute("DELETE FROM meetings WHERE title = 'Riverside Community Safety Forum'")
    raw.commit()
    assert raw.execute("PRAGMA foreign_key_check").fetchall() != []
    raw.close()
    conn = open_index(db)
    health = check_index(conn, db=db)
    assert health.orphans > 0 and health.rebuilt_search
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert counts(conn)["items_fts"] == counts(conn)["items"]
    assert check_index(conn, db=db) == IndexHealth(orphans=0, rebuilt_search=False)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert "meetings_cascade" in names  # put back when the database was opened
    conn.close()


def test_schema_version_is_recorded_and_checked(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    open_index(db).close()
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT version FROM schema_version").fetchone()[0] == DB_SCHEMA_VERSION
        raw.execute("UPDATE schema_version SET version = 1")
    before = db.read_bytes()
    with pytest.raises(IndexDatabaseError, match=r"version 1, this extractor needs 2;.*--rebuild"):
        open_index(db)
    assert db.read_bytes() == before


def test_another_sqlite_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as raw:
        raw.execute("CREATE TABLE notes (text TEXT)")
    before = db.read_bytes()
    with pytest.raises(IndexDatabaseError, match="is not an index made by `extractor index`"):
        open_index(db)
    assert db.read_bytes() == before


@pytest.mark.parametrize("content", [b"not a database at all" * 100, b""])
def test_a_file_that_is_not_an_index_is_refused(tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "m.db"
    db.write_bytes(content)
    with pytest.raises(IndexDatabaseError):
        open_index(db, create=False)


def test_read_only_open_needs_an_existing_file(tmp_path: Path) -> None:
    with pytest.raises(IndexDatabaseError, match="extractor index"):
        open_index(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-03-20", ("2023-03-20", "2023-03-20")),
        ("2023", ("2023-01-01", "2023-12-31")),
        ("2024-02", ("2024-02-01", "2024-02-29")),
        ("2023-22", ("2023-06-01", "2023-08-31")),
        ("2024-24", ("2024-12-01", "2025-02-28")),
        ("2023-35", ("2023-07-01", "2023-09-30")),
        ("2023/2028", ("2023-01-01", "2028-12-31")),
        ("2023-04/2024-03", ("2023-04-01", "2024-03-31")),
        ("../2024-06", (None, "2024-06-30")),
        ("2024~", ("2024-01-01", "2024-12-31")),
        ("2023-13", (None, None)),
        ("2024-02-30", (None, None)),
        ("next spring", (None, None)),
        (None, (None, None)),
    ],
)
def test_edtf_range(value: str | None, expected: tuple[str | None, str | None]) -> None:
    assert edtf_range(value) == expected


def test_the_meetings_of_one_file_are_all_kept(tmp_path: Path) -> None:
    from extractor.core import SourceRef, SourceSpan

    conn = open_index(tmp_path / "minutes.db")
    whole = forum()
    write(tmp_path / "out" / "year.json", whole)
    index_document(conn, read_minutes(tmp_path / "out" / "year.json"))
    for number in (1, 2, 3):
        part = forum()
        span = SourceSpan(first=SourceRef(line=number * 10), last=SourceRef(line=number * 10 + 9))
        part.source = part.source.model_copy(update={"span": span})
        part.meeting.date = f"2024-0{number}-05"
        path = write(tmp_path / "out" / f"year.{number}.json", part)
        index_document(conn, read_minutes(path))
    rows = conn.execute("SELECT json_path, date FROM meetings ORDER BY date").fetchall()
    assert [(Path(r["json_path"]).name, r["date"]) for r in rows] == [
        ("year.1.json", "2024-01-05"),
        ("year.2.json", "2024-02-05"),
        ("year.3.json", "2024-03-05"),
    ]
