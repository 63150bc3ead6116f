"""Inputs that once ended in a traceback: each is now one ``error:`` (or warning) line.

Each case reproduces a defect found by hostile-input testing (the inputs and recipes of
``../shared/robustness``) through the CLI and checks that no exception escapes and the message
says what is wrong.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from extractor.cli import app
from tests.conftest import MINUTES, write_text

runner = CliRunner()


def _invoke(args: list[str]) -> tuple[int, str]:
    """Run the CLI; fail the test if an exception other than the exit escaped."""
    result = runner.invoke(app, args)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"traceback: {result.exception!r}") from result.exception
    return result.exit_code, " ".join(result.output.split())


@pytest.mark.parametrize("command", ["convert", "validate"])
def test_a_symlink_loop_is_one_error(tmp_path: Path, command: str) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    extra = ["-o", str(tmp_path / "out"), "--model", "blank"] if command == "convert" else []
    code, output = _invoke([command, str(loop), *extra])
    assert code == 1
    assert "is a symbolic link that leads back to itself (a loop)" in output


def test_a_manifest_entry_of_the_wrong_type_means_not_up_to_date(tmp_path: Path) -> None:
    source = write_text(tmp_path / "in" / "X.txt", MINUTES)
    out = tmp_path / "out"
    write_text(out / ".extractor-manifest.json", '{"format": 1, "entries": {"X.json": "x"}}')
    code, output = _invoke(["convert", str(source.parent), "-o", str(out), "--model", "blank"])
    assert code == 0 and "1 converted" in output
    manifest = json.loads((out / ".extractor-manifest.json").read_text(encoding="utf-8"))
    assert isinstance(manifest["entries"]["X.json"], dict)


def test_a_huge_search_limit_is_a_usage_error(tmp_path: Path) -> None:
    source = write_text(tmp_path / "forum.txt", MINUTES)
    out, db = tmp_path / "out", str(tmp_path / "i.db")
    assert _invoke(["convert", str(source), "-o", str(out), "--model", "blank"])[0] == 0
    assert _invoke(["index", str(out), "--db", db])[0] == 0
    assert _invoke(["search", "play", "--db", db, "--limit", "5"])[0] == 0
    code, output = _invoke(["search", "play", "--db", db, "--limit", "9" * 20])
    assert code == 2 and "--limit" in output


@pytest.mark.parametrize(
    ("command", "extra"),
    [
        ("index", ["--db", "i.db"]),
        ("report", ["-o", "r.html"]),
        ("export", ["-o", "e.ndjson"]),
        ("validate", []),
    ],
)
def test_json_nested_100k_deep_is_one_line(tmp_path: Path, command: str, extra: list[str]) -> None:
    deep = write_text(tmp_path / "deep.json", "[" * 100_000 + "]" * 100_000)
    paths = [
        str(tmp_path / value) if value.endswith((".db", ".html", ".ndjson")) else value
        for value in extra
    ]
    _, output = _invoke([command, str(deep), *paths])
    assert "nested too deeply to be minutes JSON" in output


def _external_styles_docx() -> bytes:
    """A .docx whose styles relationship has ``TargetMode="External"``."""
    document = docx.Document()
    document.add_paragraph("Board meeting")
    saved = io.BytesIO()
    document.save(saved)
    rels_name = "word/_rels/document.xml.rels"
    source = zipfile.ZipFile(io.BytesIO(saved.getvalue()))
    rels = source.read(rels_name).decode("utf-8")
    start = rels.index('Target="styles.xml"')
    rels = rels[:start] + 'TargetMode="External" ' + rels[start:]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            data = rels.encode() if info.filename == rels_name else source.read(info)
            archive.writestr(info.filename, data)
    return out.getvalue()


def test_an_external_styles_relationship_is_not_a_valid_docx(tmp_path: Path) -> None:
    path = tmp_path / "rels.docx"
    path.write_bytes(_external_styles_docx())
    code, output = _invoke(["convert", str(path), "-o", str(tmp_path / "out"), "--model", "blank"])
    assert code == 1
    assert "is not a valid .docx" in output and "internal error" not in output
