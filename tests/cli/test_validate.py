import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from tests.conftest import MINUTES, REPO, write_text

runner = CliRunner()

CLEAN = MINUTES
WARNED = CLEAN.replace("opens in April.", "opens in April; the ASB team agrees.")
FAILED = CLEAN.replace("Tuesday 5 March", "Monday 5 March")


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["validate", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write_text(tmp_path / "m" / "clean.txt", CLEAN)
    write_text(tmp_path / "m" / "warned.txt", WARNED)
    return tmp_path / "m"


def test_passing_files_exit_0_with_a_summary_on_stderr(folder: Path) -> None:
    code, out, err = _run(str(folder))
    assert code == 0
    assert (
        out == f"{folder / 'warned.txt'}:5: warning: the acronym 'ASB' is never spelled out "
        "in these minutes [unexpanded-acronym]\n"
    )
    assert err.strip() == "2 files checked: 0 failed, 0 errors, 1 warning"


def test_an_error_exits_1(folder: Path) -> None:
    write_text(folder / "failed.txt", FAILED)
    code, out, err = _run(str(folder))
    assert code == 1
    assert f"{folder / 'failed.txt'}:2: error: 5 March 2024 was a Tuesday" in out
    assert "3 files checked: 1 failed, 1 error, 1 warning" in err


@pytest.mark.parametrize(("args", "expected"), [([], 0), (["--strict"], 1)])
def test_strict_turns_warnings_into_failures(folder: Path, args: list[str], expected: int) -> None:
    assert _run(str(folder / "warned.txt"), *args)[0] == expected


@pytest.mark.parametrize("how", ["option", "comma", "config", "pyproject"])
def test_ignore_from_the_command_line_or_config(folder: Path, how: str) -> None:
    write_text(folder / "failed.txt", FAILED)
    args = [str(folder), "--strict"]
    if how == "option":
        args += ["--ignore", "weekday-mismatch", "--ignore", "unexpanded-acronym"]
    elif how == "comma":
        args += ["--ignore", "weekday-mismatch,unexpanded-acronym"]
    elif how == "config":
        settings = 'ignore = ["weekday-mismatch", "unexpanded-acronym"]\n'
        args += ["--config", str(write_text(folder.parent / "extractor.toml", settings))]
    else:
        settings = '[tool.extractor]\nignore = ["weekday-mismatch", "unexpanded-acronym"]\n'
        write_text(folder.parent / "pyproject.toml", settings)
    code, out, _ = _run(*args)
    assert (code, out) == (0, "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--ignore", "no-such-rule"], "unknown rule code 'no-such-rule'"),
        (["--format", "xml"], "xml"),
        (["nothing-here-*.txt"], "nothing matches"),
    ],
)
def test_usage_errors_exit_2(folder: Path, args: list[str], message: str) -> None:
    paths = [] if any(a.endswith(".txt") for a in args) else [str(folder)]
    code, _, err = _run(*paths, *args)
    assert code == 2 and message in err


def test_unknown_code_in_config_is_a_usage_error_naming_the_file(folder: Path) -> None:
    settings = write_text(folder.parent / "extractor.toml", 'ignore = ["nope"]\n')
    code, _, err = _run(str(folder), "--config", str(settings))
    assert code == 2 and str(settings) in err and "'nope'" in err


def test_json_format_reports_findings_and_summary(folder: Path) -> None:
    code, out, err = _run(str(folder), "--format", "json", "--strict")
    document = json.loads(out)
    assert code == 1 and err == ""
    assert [f["code"] for f in document["findings"]] == ["unexpanded-acronym"]
    assert document["summary"] == {
        "files": 2,
        "failed": 1,
        "errors": 0,
        "warnings": 1,
        "strict": True,
    }


def test_github_format_writes_annotations(folder: Path) -> None:
    code, out, _ = _run(str(folder / "warned.txt"), "-f", "github")
    assert code == 0
    assert out.startswith(
        f"::warning file={folder / 'warned.txt'},line=5,title=unexpanded-acronym::"
    )


def test_broken_json_fails_with_schema_findings(folder: Path) -> None:
    broken = {"schema_version": "1.0.0", "meeting": {"date": "yesterday"}}
    path = write_text(folder / "out" / "broken.json", json.dumps(broken))
    code, out, _ = _run(str(path))
    assert code == 1
    lines = out.splitlines()
    assert lines and all(line.startswith(f"{path}: error: ") for line in lines)
    assert all(line.endswith("[schema]") for line in lines)
    assert any("'source' is a required property" in line for line in lines)


def test_unreadable_file_is_a_failure_not_a_crash(folder: Path) -> None:
    path = write_text(folder / "empty.md", "")
    code, out, _ = _run(str(path))
    assert code == 1 and out == f"{path}: error: the file is empty [unreadable]\n"


def test_help_has_an_example() -> None:
    result = runner.invoke(app, ["validate", "--help"])
    assert result.exit_code == 0
    assert any(line.strip().startswith("Example:") for line in result.output.splitlines())


def test_validate_never_imports_spacy(tmp_path: Path) -> None:
    source = write_text(tmp_path / "m.txt", CLEAN)
    script = (
        "import sys\n"
        "from extractor.cli import app\n"
        "try:\n"
        f"    app(['validate', {str(source)!r}])\n"
        "except SystemExit as e:\n"
        "    assert e.code == 0, e.code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_pre_commit_hook_runs_validate_on_minutes_files() -> None:
    text = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    fields = dict(line.strip(" -").split(": ", 1) for line in text.splitlines() if ": " in line)
    assert fields["id"] == "extractor-validate"
    assert (fields["entry"], fields["language"]) == ("extractor validate", "python")
    pattern = re.compile(fields["files"].strip("'"))
    assert all(pattern.search(n) for n in ("a.docx", "b/c.txt", "d.md"))
    assert not pattern.search("e.json")


@pytest.mark.parametrize(
    ("args", "flagged"),
    [([], False), (["--date-order", "month-first"], False), (["--date-order", "day-first"], True)],
)
def test_meeting_dates_are_read_in_the_documents_order(
    folder: Path, args: list[str], flagged: bool
) -> None:
    minutes = (
        "Board meeting\nDate: 03/05/2024\n\n1. Accounts\nPaid on 12/23/2023.\n\n"
        "Date of next meeting: 04/02/2024\n"
    )
    path = write_text(folder / "us.txt", minutes)
    code, out, _ = _run(str(path), *args)
    assert ("[next-meeting-not-after]" in out) is flagged
    assert code == (1 if flagged else 0)


def test_a_bad_date_order_exits_2_on_one_line(folder: Path) -> None:
    code, _, err = _run(str(folder), "--date-order", "mdy")
    assert code == 2
    assert err == "error: --date-order must be one of auto, day-first, month-first, not 'mdy'\n"


def test_files_a_folder_walk_passes_over_are_counted(folder: Path) -> None:
    write_text(folder / "slides.pptx", "x")
    write_text(folder / ".hidden.pdf", "x")
    code, _, err = _run(str(folder))
    assert code == 0
    assert err.splitlines() == [
        "1 file skipped: 1 .pptx",
        "2 files checked: 0 failed, 0 errors, 1 warning",
    ]
