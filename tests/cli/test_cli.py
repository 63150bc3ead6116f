import json
import subprocess
import sys
from pathlib import Path
from typing import get_type_hints

import pytest
import typer
from typer.testing import CliRunner

from extractor import __version__
from extractor.cli import app
from extractor.cli.common import ConfigOption, MaxBytesOption
from extractor.cli.convert import convert as convert_command
from extractor.cli.validate import validate as validate_command
from extractor.core.schema import schema_text
from tests.conftest import MINUTES, REPO, write_text

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"extractor {__version__}"


def test_schema_prints_the_committed_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0 and result.stdout == schema_text()


def test_convert_writes_one_valid_document(tmp_path: Path) -> None:
    source = write_text(tmp_path / "in" / "forum.txt", MINUTES)
    result = runner.invoke(
        app, ["convert", str(source), "-o", str(tmp_path / "out"), "--model", "blank"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "out" / "forum.json").read_text(encoding="utf-8"))
    assert data["meeting"]["date"] == "2024-03-05"
    assert data["sections"][0]["speaker"]["name"] == "Jane Doe"
    assert "1 converted, 0 failed" in result.stderr


def test_bad_file_fails_alone_and_writes_nothing(tmp_path: Path) -> None:
    write_text(tmp_path / "in" / "good.txt", MINUTES)
    write_text(tmp_path / "in" / "empty.txt", "   \n")
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["convert", str(tmp_path / "in"), "-o", str(out), "--model", "blank"]
    )
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["good.json"]
    [error] = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert "empty.txt" in error and "Traceback" not in result.stderr
    assert "1 converted, 1 failed" in result.stderr


def test_clash_is_a_usage_error_and_nothing_is_written(tmp_path: Path) -> None:
    write_text(tmp_path / "in" / "a.txt", MINUTES)
    write_text(tmp_path / "in" / "a.md", MINUTES)
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["convert", str(tmp_path / "in"), "-o", str(out), "--model", "blank"]
    )
    assert result.exit_code == 2
    assert "--keep-extension" in result.stderr
    assert not out.exists()


def test_unknown_model_is_a_usage_error(tmp_path: Path) -> None:
    source = write_text(tmp_path / "a.txt", MINUTES)
    result = runner.invoke(
        app, ["convert", str(source), "-o", str(tmp_path), "--model", "no_such_model"]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("error:") and "no_such_model" in result.stderr


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "extractor", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.strip() == f"extractor {__version__}"


def _commands() -> list[str]:
    commands: dict[str, object] = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    return sorted(commands)


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_documented_in_the_readme(command: str) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"### `extractor {command}`" in readme
    help_text = runner.invoke(app, [command, "--help"]).output
    assert "Example:" in help_text


def test_folder_argument_without_minutes_is_reported_as_failed(tmp_path: Path) -> None:
    good = write_text(tmp_path / "good.txt", MINUTES)
    write_text(tmp_path / "scans" / "page.pdf", "%PDF")
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["convert", str(good), str(tmp_path / "scans"), "-o", str(out), "--model", "blank"]
    )
    assert result.exit_code == 1
    [error] = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert error == (
        f"error: {tmp_path / 'scans'}: is a folder with no minutes in it "
        "(looked for .docx, .txt, .md, .markdown)"
    )
    assert "1 converted, 1 failed" in result.stderr and (out / "good.json").is_file()


@pytest.mark.parametrize(
    ("name", "alias"), [("config", ConfigOption), ("max_bytes", MaxBytesOption)]
)
def test_convert_and_validate_share_their_common_options(name: str, alias: object) -> None:
    for command in (convert_command, validate_command):
        assert get_type_hints(command, include_extras=True)[name] == alias
