import json
import sqlite3
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from extractor.cli.corpus import export, index, report, search
from tests.corpus.search_docs import write_all

runner = CliRunner()
app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
app.command("index")(index)
app.command("search")(search)
app.command("export")(export)
app.command("report")(report)
COMMANDS = ("index", "search", "export", "report")


@pytest.fixture
def out(tmp_path: Path) -> Path:
    write_all(tmp_path / "out")
    (tmp_path / "out" / "settings.json").write_text('{"theme": "dark"}', encoding="utf-8")
    return tmp_path / "out"


@pytest.fixture
def db(tmp_path: Path, out: Path) -> Path:
    result = runner.invoke(app, ["index", str(out), "--db", str(tmp_path / "minutes.db")])
    assert result.exit_code == 0, result.output
    return tmp_path / "minutes.db"


@pytest.mark.parametrize("name", COMMANDS)
def test_help_has_an_example(name: str) -> None:
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0
    assert any(line.strip().startswith("Example: extractor") for line in result.stdout.splitlines())


def test_index_warns_about_non_minutes_and_summarises(tmp_path: Path, out: Path) -> None:
    args = ["index", str(out), "--db", str(tmp_path / "m.db")]
    first = runner.invoke(app, args)
    assert first.exit_code == 0
    [warning] = [line for line in first.stderr.splitlines() if line.startswith("warning:")]
    assert "settings.json: skipped" in warning
    assert "3 added, 0 replaced, 0 unchanged, 1 skipped; 3 meetings" in first.stderr
    again = runner.invoke(app, args)
    assert "0 added, 0 replaced, 3 unchanged, 1 skipped; 3 meetings" in again.stderr


def test_index_with_no_input_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["index", str(tmp_path / "none-*.json")])
    assert result.exit_code == 2 and result.stderr.startswith("error: nothing matches")


def test_search_table(db: Path) -> None:
    result = runner.invoke(app, ["search", "lighting", "--db", str(db)], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    assert "Street lighting on Mill Lane" in result.stdout
    assert "Riverside Community Safety Forum" in result.stdout and "2024-03-05" in result.stdout
    assert "\x02" not in result.stdout


def test_search_json_with_filters(db: Path) -> None:
    args = ["search", "youth", "--db", str(db), "--org", "CSP", "--label", "org", "-f", "json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    [hit] = json.loads(result.stdout)
    assert hit["item_id"] == "s2.i1" and "<mark>youth</mark>" in hit["snippet"]
    assert hit["speaker"] == "Sam Patel"


@pytest.mark.parametrize("output_format", ["table", "json"])
def test_no_matches_exits_zero(db: Path, output_format: str) -> None:
    result = runner.invoke(app, ["search", "zebra", "--db", str(db), "-f", output_format])
    assert result.exit_code == 0 and result.stderr == "no matches\n"
    assert result.stdout == ("[]\n" if output_format == "json" else "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["anti-social"], "put words with punctuation in double quotes"),
        (["youth", "--since", "last week"], "'last week' is not a date"),
    ],
)
def test_search_usage_errors_are_one_line(db: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["search", *args, "--db", str(db)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr


def test_search_without_database(tmp_path: Path) -> None:
    result = runner.invoke(app, ["search", "youth", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "build it with `extractor index`" in result.stderr


def test_export_writes_bulk_and_mapping(tmp_path: Path, out: Path) -> None:
    target, mapping = tmp_path / "minutes.ndjson", tmp_path / "mapping.json"
    args = ["export", str(out), "--format", "opensearch-bulk", "-o", str(target)]
    result = runner.invoke(app, [*args, "--mapping", str(mapping), "--index", "m"])
    assert result.exit_code == 0, result.output
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 14 and json.loads(lines[0])["index"]["_index"] == "m"
    assert json.loads(mapping.read_text(encoding="utf-8"))["mappings"]["dynamic"] == "strict"
    assert "7 opensearch-bulk documents from 3 files" in result.stderr


def test_export_to_stdout(out: Path) -> None:
    result = runner.invoke(app, ["export", str(out / "notes.json"), "-o", "-"])
    assert result.exit_code == 0
    action, source = map(json.loads, result.stdout.splitlines())
    assert "index" in action and source["text"] == "Budget for the youth festival is still open."


def test_report_writes_one_page(tmp_path: Path, out: Path) -> None:
    page = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(out), "-o", str(page), "--title", "Forums"])
    assert result.exit_code == 0, result.output
    assert "<title>Forums</title>" in page.read_text(encoding="utf-8")
    assert f"{page}: 3 meetings" in result.stderr


def test_report_with_nothing_to_show(tmp_path: Path, out: Path) -> None:
    result = runner.invoke(
        app, ["report", str(out / "settings.json"), "-o", str(tmp_path / "r.html")]
    )
    assert result.exit_code == 2 and "no minutes documents" in result.stderr
    assert not (tmp_path / "r.html").exists()


def test_index_of_a_path_that_does_not_exist_fails_and_creates_no_database(
    tmp_path: Path, out: Path
) -> None:
    """Regression: it exited 0 with a warning and left an empty database."""
    db = tmp_path / "m.db"
    result = runner.invoke(app, ["index", str(out), str(tmp_path / "missing"), "--db", str(db)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"error: {tmp_path / 'missing'}: no such file or folder"]
    assert not db.exists()


def test_an_older_database_is_a_clear_error_and_rebuild_replaces_it(
    tmp_path: Path, out: Path
) -> None:
    db = tmp_path / "m.db"
    assert runner.invoke(app, ["index", str(out), "--db", str(db)]).exit_code == 0
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE schema_version SET version = 1")
    refused = runner.invoke(app, ["index", str(out), "--db", str(db)])
    assert refused.exit_code == 2
    assert refused.stderr.splitlines() == [
        f"error: {db}: index schema version 1, this extractor needs 2; re-create it with"
        " `extractor index --rebuild PATH... --db FILE`"
    ]
    rebuilt = runner.invoke(app, ["index", str(out), "--db", str(db), "--rebuild"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "3 added, 0 replaced, 0 unchanged, 1 skipped; 3 meetings" in rebuilt.stderr
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT version FROM schema_version").fetchone()[0] == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.db", "out"]


def test_index_reports_the_orphans_it_removed_and_the_integrity_check(
    tmp_path: Path, out: Path
) -> None:
    db = tmp_path / "m.db"
    assert runner.invoke(app, ["index", str(out), "--db", str(db)]).exit_code == 0
    with sqlite3.connect(db) as raw:
        raw.execute("DROP TRIGGER meetings_cascade")
        raw.execute("DELETE FROM meetings WHERE json_path LIKE '%notes.json'")
    result = runner.invoke(app, ["index", str(out), "--db", str(db)])
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith(f"warning: {db}")]
    assert warnings == [
        f"warning: {db}: removed 2 rows whose meeting, section or item was gone;"
        " rebuilt the search index"
    ]
    assert result.stderr.splitlines()[-1] == (
        f"{db}: 1 added, 0 replaced, 2 unchanged, 1 skipped; 3 meetings in the index;"
        " integrity check passed"
    )
