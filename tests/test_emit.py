import errno
import json
import os
import tempfile
from pathlib import Path

import pytest

from extractor.core import Minutes, OutputError, SchemaValidationError, SourceFile
from extractor.emit import one_line, render
from extractor.files import check_writable, write_atomic


def _minutes(**changes: object) -> Minutes:
    source = SourceFile(path="a.txt", format="txt", sha256="0" * 64, encoding="utf-8")
    return Minutes(source=source).model_copy(update=changes)


def test_render_gives_valid_json_with_the_contract_keys() -> None:
    data = json.loads(render(_minutes()))
    assert data["schema_version"] == "1.1.0"
    assert data["next_meeting"] is None
    assert set(data) >= {"source", "meeting", "sections", "entities", "acronyms", "warnings"}


def test_render_refuses_a_document_that_breaks_the_schema() -> None:
    broken = _minutes()
    broken.meeting.date = "31/01/2023"  # bypasses model validation, as a bug would
    with pytest.raises(SchemaValidationError, match=r"\$\.meeting\.date"):
        render(broken, path="a.txt")


def test_write_atomic_replaces_the_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "a.json"
    write_atomic(target, "old\n")
    write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert [p.name for p in target.parent.iterdir()] == ["a.json"]


def test_unwritable_folder_is_an_output_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(**_: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(OutputError, match="permission denied"):
        write_atomic(tmp_path / "a.json", "x")
    assert list(tmp_path.iterdir()) == []


def test_disk_full_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="the disk is full"):
        write_atomic(tmp_path / "a.json", "x" * 100)
    assert list(tmp_path.iterdir()) == []


def test_output_folder_that_is_a_file_is_an_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot create the output folder"):
        write_atomic(blocker / "a.json", "x")


def test_check_writable_creates_the_folder_and_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "b"
    check_writable(folder)
    assert folder.is_dir() and list(folder.iterdir()) == []


@pytest.mark.parametrize(
    ("blocked", "words"),
    [
        ("file-in-the-way", "cannot create the output folder: a file is in the way"),
        ("permission", "cannot write to the output folder: permission denied"),
    ],
)
def test_check_writable_refuses_in_plain_words(
    blocked: str, words: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    if blocked == "file-in-the-way":
        folder.write_text("", encoding="utf-8")
    else:

        def denied(**_: object) -> tuple[int, str]:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(OutputError, match=words) as info:
        check_writable(folder)
    assert info.value.path == str(folder)


def test_output_files_get_ordinary_permissions(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "a.json", "{}\n")
    finally:
        os.umask(mask)
    assert (tmp_path / "a.json").stat().st_mode & 0o777 == 0o644


def test_render_writes_what_json_dumps_would() -> None:
    minutes = _minutes()
    minutes.meeting.title = "Café — “Forum” \u2028 line"
    text = render(minutes)
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"
    assert "Café — “Forum”" in text


def test_a_lone_surrogate_is_an_output_error_naming_the_file() -> None:
    minutes = _minutes()
    minutes.meeting.title = "bad \ud800 text"
    with pytest.raises(OutputError, match="cannot write the document as JSON") as caught:
        render(minutes, path="a.txt")
    assert caught.value.path == "a.txt"


@pytest.mark.parametrize(
    ("text", "line"),
    [('{\n  "a": [\n    1,\n    "é"\n  ]\n}\n', '{"a":[1,"é"]}'), ("[]", "[]")],
)
def test_one_line_compacts_json_text(text: str, line: str) -> None:
    assert one_line(text) == line


def test_one_line_refuses_text_that_is_not_json() -> None:
    with pytest.raises(OutputError, match="not valid JSON"):
        one_line("{nope", path="x.json")
