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
from extractor.cli.common import ConfigOption, DateOrderOption, MaxBytesOption
from extractor.cli.convert import convert as convert_command
from extractor.cli.validate import validate as validate_command
from extractor.core import KNOWN_EXTENSIONS, schema_text
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
    write_text(tmp_path / "scans" / "page.tif", "II*")
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["convert", str(good), str(tmp_path / "scans"), "-o", str(out), "--model", "blank"]
    )
    assert result.exit_code == 1
    [error] = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert error == (
        f"error: {tmp_path / 'scans'}: is a folder with no minutes in it "
        f"(looked for {', '.join(KNOWN_EXTENSIONS)})"
    )
    assert "1 converted, 1 failed" in result.stderr and (out / "good.json").is_file()


@pytest.mark.parametrize(
    ("name", "alias"),
    [
        ("config", ConfigOption),
        ("max_bytes", MaxBytesOption),
        ("date_order", DateOrderOption),
    ],
)
def test_convert_and_validate_share_their_common_options(name: str, alias: object) -> None:
    for command in (convert_command, validate_command):
        assert get_type_hints(command, include_extras=True)[name] == alias


US_DATES = """Parish Council Meeting
Date: 03/05/2018

1. Finance
A payment was made on 12/23/2017 and agreed by all.
The review is on 03/05/2018.
"""


def _dates(path: Path) -> tuple[str, set[str]]:
    """The meeting date and the values of the DATE entity written 03/05/2018."""
    data = json.loads(path.read_text(encoding="utf-8"))
    values = {e["value"] for e in data["entities"] if e["text"] == "03/05/2018"}
    return data["meeting"]["date"], values


@pytest.mark.parametrize(
    ("how", "expected"),
    [
        ([], "2018-03-05"),
        (["--date-order", "auto"], "2018-03-05"),
        (["--date-order", "day-first"], "2018-05-03"),
        (["--date-order", "month-first"], "2018-03-05"),
        (["--config", "day-first"], "2018-05-03"),
    ],
)
def test_header_and_entities_read_a_numeric_date_alike(
    tmp_path: Path, how: list[str], expected: str
) -> None:
    source = write_text(tmp_path / "in" / "parish.txt", US_DATES)
    if how[:1] == ["--config"]:
        settings = write_text(tmp_path / "extractor.toml", f'date_order = "{how[1]}"\n')
        how = ["--config", str(settings)]
    out = tmp_path / "out"
    result = runner.invoke(app, ["convert", str(source), "-o", str(out), "--model", "blank", *how])
    assert result.exit_code == 0, result.output
    assert _dates(out / "parish.json") == (expected, {expected})


def test_a_bad_date_order_is_a_one_line_usage_error(tmp_path: Path) -> None:
    source = write_text(tmp_path / "a.txt", MINUTES)
    result = runner.invoke(app, ["convert", str(source), "-o", str(tmp_path), "--date-order", "us"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: --date-order must be one of auto, day-first, month-first, not 'us'\n"
    )


def test_an_iso_date_in_running_text_keeps_its_day(tmp_path: Path) -> None:
    source = write_text(
        tmp_path / "in" / "board.txt", MINUTES + "· The accounts were agreed on 2024-10-07.\n"
    )
    out = tmp_path / "out"
    result = runner.invoke(app, ["convert", str(source), "-o", str(out), "--model", "blank"])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "board.json").read_text(encoding="utf-8"))
    dates = {(e["text"], e["value"]) for e in data["entities"] if e["label"] == "DATE"}
    assert ("2024-10-07", "2024-10-07") in dates
    assert not any(text == "2024-10" for text, _ in dates)


def test_convert_counts_the_files_a_folder_walk_passes_over(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_text(folder / "forum.txt", MINUTES)
    for name in ("a.pptx", "b.pptx", "sub/c.xlsx", ".hidden.pdf", "~$lock.docx"):
        write_text(folder / name, "x")
    out = tmp_path / "out"
    args = ["convert", str(folder), "-o", str(out), "--model", "blank", "--quiet"]
    first = runner.invoke(app, args)
    again = runner.invoke(app, args)
    assert first.exit_code == 0 and again.exit_code == 0
    assert first.stderr.splitlines() == [
        "3 files skipped: 2 .pptx, 1 .xlsx",
        "1 converted, 0 failed",
    ]
    assert again.stderr.splitlines()[0] == "3 files skipped: 2 .pptx, 1 .xlsx"


@pytest.mark.parametrize(
    ("flags", "code", "words"),
    [
        (["--limit", "lines=3"], 1, "over the lines budget of 3; if the file is genuine"),
        (["--limit", "lines=3", "--limit", "lines=100"], 0, "1 converted"),
        (["--limit", "lines"], 2, "--limit takes NAME=NUMBER"),
        (["--limit", "pages=3"], 2, "unknown limit 'pages'"),
    ],
)
def test_convert_limit_flag(tmp_path: Path, flags: list[str], code: int, words: str) -> None:
    source = write_text(tmp_path / "forum.txt", MINUTES)
    args = ["convert", str(source), "-o", str(tmp_path / "out"), "--model", "blank", *flags]
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.output
    assert words in " ".join(result.output.split())


def test_control_characters_in_a_file_name_stay_on_one_escaped_line(tmp_path: Path) -> None:
    bad = tmp_path / "evil\n\x1b[31mname\u202e.txt"
    bad.write_bytes(b"")
    args = ["convert", str(bad), "-o", str(tmp_path / "out"), "--model", "blank"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "evil\\n\\x1b[31mname\\u202e.txt: the file is empty" in errors[0]
    assert "\x1b" not in result.output and "\u202e" not in result.output


def test_a_link_out_of_an_input_folder_is_skipped_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_text(folder / "forum.txt", MINUTES)
    write_text(tmp_path / "secret.txt", MINUTES)
    (folder / "link.txt").symlink_to(tmp_path / "secret.txt")
    args = ["convert", str(folder), "-o", str(tmp_path / "out"), "--model", "blank"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert f"warning: {folder / 'link.txt'}: skipped, a link to a file outside" in result.output
    assert not (tmp_path / "out" / "link.json").exists()
    followed = runner.invoke(app, [*args, "--follow-symlinks"])
    assert followed.exit_code == 0 and (tmp_path / "out" / "link.json").is_file()
