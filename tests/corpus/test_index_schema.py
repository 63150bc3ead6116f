import json
import sqlite3

import pytest

from extractor.corpus.index_schema import CASCADES, SCHEMA_SQL
from tests.conftest import REPO
from tests.corpus.search_docs import indexed

METADATA = REPO / "docs" / "datasette-metadata.json"
CHILDREN = (
    "sections",
    "items",
    "entities",
    "acronyms",
    "priorities",
    "actions",
    "decisions",
    "attendees",
)


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    return indexed(tmp_path_factory.mktemp("schema"))


@pytest.mark.parametrize("table", CHILDREN)
def test_every_child_table_cascades_from_meetings(conn: sqlite3.Connection, table: str) -> None:
    keys = {
        (row["table"], row["from"], row["on_delete"])
        for row in conn.execute(f"PRAGMA foreign_key_list({table})")
    }
    assert ("meetings", "meeting_id", "CASCADE") in keys


def test_fts_uses_porter_unicode61_and_datasette_can_detect_it() -> None:
    assert "tokenize='porter unicode61'" in SCHEMA_SQL
    assert 'content="items"' in SCHEMA_SQL  # the form Datasette's FTS detection looks for


def test_datasette_metadata_matches_the_schema(conn: sqlite3.Connection) -> None:
    database = json.loads(METADATA.read_text(encoding="utf-8"))["databases"]["minutes"]
    for table, settings in database["tables"].items():
        columns = {row["name"] for row in conn.execute(f"PRAGMA table_info({table})")}
        facets = [
            f if isinstance(f, str) else next(iter(f.values())) for f in settings.get("facets", [])
        ]
        assert set(facets) <= columns, table
        assert settings.get("label_column", next(iter(columns))) in columns
    assert database["tables"]["items"]["fts_table"] == "items_fts"
    assert "label" in database["tables"]["entities"]["facets"]
    assert "speaker_organisation" in database["tables"]["sections"]["facets"]
    assert "date" in database["tables"]["meetings"]["facets"]


@pytest.mark.parametrize("name", ["search_items", "organisation_mentions", "open_actions"])
def test_datasette_canned_queries_run(conn: sqlite3.Connection, name: str) -> None:
    query = json.loads(METADATA.read_text(encoding="utf-8"))["databases"]["minutes"]["queries"][
        name
    ]
    rows = conn.execute(query["sql"], {"query": "youth"}).fetchall()
    assert rows


def test_every_cascading_foreign_key_is_also_a_trigger(conn: sqlite3.Connection) -> None:
    declared = {
        (row["table"], table, row["from"])
        for table in CHILDREN
        for row in conn.execute(f"PRAGMA foreign_key_list({table})")
        if row["on_delete"] == "CASCADE"
    }
    repeated = {
        (parent, child, column) for parent, rows in CASCADES.items() for child, column in rows
    }
    assert repeated == declared
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {f"{parent}_cascade" for parent in CASCADES} <= triggers


@pytest.mark.parametrize("table", ["meetings", "sections", "items"])
def test_ids_that_rows_refer_to_are_never_reused(conn: sqlite3.Connection, table: str) -> None:
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    assert "id INTEGER PRIMARY KEY AUTOINCREMENT" in sql
