import errno
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor.batch import BatchSettings, run_batch
from extractor.batch.manifest import file_sha256
from extractor.cli import app
from extractor.core import Options, OutputError, UsageError
from extractor.files import collect_inputs

runner = CliRunner()

BLANK = Options(model="blank")
MINUTES = """Harbour Ward Forum
Monday 4 March 2024, 6-8pm at the Sailing Club

Councillor Amy Chen, Harbour District Council
· Parking on the quay will be reviewed.
· The ferry timetable changes in {month}.
"""


def _inputs(folder: Path, count: int = 3) -> None:
    for i in range(count):
        (folder / f"m{i}.txt").write_text(MINUTES.format(month="May"), encoding="utf-8")


def _run(folder: Path, out: Path, **settings: object) -> dict[str, str]:
    inputs = collect_inputs([str(folder)])
    events = run_batch(inputs, options=BLANK, settings=BatchSettings(output=out, **settings))  # type: ignore[arg-type]
    return {e.item.path.name: e.status for e in events}


def test_second_run_skips_unchanged_and_redoes_changed(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    _inputs(src)
    assert set(_run(src, out).values()) == {"converted"}
    (src / "m1.txt").write_text(MINUTES.format(month="June"), encoding="utf-8")
    assert _run(src, out) == {"m0.txt": "skipped", "m1.txt": "converted", "m2.txt": "skipped"}
    assert "June" in (out / "m1.json").read_text(encoding="utf-8")


def test_force_and_deleted_outputs_are_redone(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    _inputs(src, 2)
    _run(src, out)
    (out / "m0.json").unlink()
    assert _run(src, out) == {"m0.txt": "converted", "m1.txt": "skipped"}
    assert set(_run(src, out, force=True).values()) == {"converted"}


def test_pipeline_change_redoes_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    _inputs(src, 2)
    _run(src, out)
    monkeypatch.setattr("extractor.batch.fingerprint", lambda nlp, options: "another pipeline")
    assert set(_run(src, out).values()) == {"converted"}


def test_another_acronym_dictionary_redoes_everything(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    _inputs(src, 2)
    settings = BatchSettings(output=out)

    def run(entries: dict[str, str] | None, name: str) -> set[str]:
        options = BLANK
        if entries is not None:
            dictionary = tmp_path / name
            dictionary.write_text(json.dumps(entries), encoding="utf-8")
            options = Options(model="blank", acronym_dict=dictionary)
        inputs = collect_inputs([str(src)])
        return {e.status for e in run_batch(inputs, options=options, settings=settings)}

    assert run(None, "") == {"converted"}
    assert run({}, "empty.json") == {"skipped"}
    assert run({"HDC": "Harbour District Council"}, "a.json") == {"converted"}
    assert run({"HDC": "Harbour District Council"}, "b.json") == {"skipped"}
    assert run({"HDC": "Harbour Council"}, "c.json") == {"converted"}


def test_jsonl_holds_every_document_including_skipped(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    _inputs(src, 3)
    _run(src, out)
    (src / "bad.txt").write_bytes(b"")
    lines = tmp_path / "all.jsonl"
    statuses = _run(src, out, jsonl=lines)
    assert statuses["bad.txt"] == "failed"
    rows = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
    assert sorted(Path(r["source"]["path"]).name for r in rows) == ["m0.txt", "m1.txt", "m2.txt"]


def test_interrupted_batch_keeps_finished_files_and_no_partial_jsonl(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    _inputs(src, 3)
    lines = tmp_path / "all.jsonl"
    events = run_batch(
        collect_inputs([str(src)]),
        options=BLANK,
        settings=BatchSettings(output=out, jsonl=lines),
    )
    next(events)
    events.close()  # what Ctrl-C does to the generator
    written = sorted(p.name for p in out.iterdir())
    assert written == [".extractor-manifest.json", "m0.json"]
    json.loads((out / "m0.json").read_text(encoding="utf-8"))
    assert list(tmp_path.glob("*.jsonl*")) == [] and list(tmp_path.glob(".all.jsonl*")) == []


def test_unwritable_output_folder_fails_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    _inputs(src, 1)

    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(OutputError, match="cannot write to the output folder: permission denied"):
        _run(src, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_jsonl_target_that_is_a_folder_fails_before_any_work(tmp_path: Path) -> None:
    src, out, lines = tmp_path / "in", tmp_path / "out", tmp_path / "all.jsonl"
    src.mkdir()
    lines.mkdir()
    _inputs(src, 1)
    with pytest.raises(OutputError, match="is a folder; give --jsonl the name of a file"):
        _run(src, out, jsonl=lines)
    assert not list(out.glob("*.json")) and list(lines.iterdir()) == []


def test_full_disk_while_writing_jsonl_fails_that_file_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, out, lines = tmp_path / "in", tmp_path / "out", tmp_path / "all.jsonl"
    src.mkdir()
    _inputs(src, 2)

    real_mkstemp, real_fdopen = tempfile.mkstemp, os.fdopen
    doomed: set[int] = set()

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        fd, name = real_mkstemp(*args, **kwargs)
        (doomed.add if Path(name).name.startswith(".all.jsonl.") else doomed.discard)(fd)
        return fd, name

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        handle = real_fdopen(fd, *args, **kwargs)
        if fd in doomed:
            handle.write = _disk_full
        return handle

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(os, "fdopen", fdopen)
    events = list(
        run_batch(
            collect_inputs([str(src)]), options=BLANK, settings=BatchSettings(out, jsonl=lines)
        )
    )
    assert [e.status for e in events] == ["failed", "converted"]
    assert events[0].error is not None
    assert "cannot write the JSON Lines file: the disk is full" in events[0].error.message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]
    assert sorted(p.name for p in out.iterdir()) == [
        ".extractor-manifest.json",
        "m0.json",
        "m1.json",
    ]


class FullDisk:
    """A disk that fills up after ``room`` file writes: every later write raises ENOSPC.

    Counts the writes of atomic outputs (through ``os.fdopen``) and of the manifest journal
    (through ``Path.open``), the two ways the batch writes.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch, room: int) -> None:
        self.room = room
        real_fdopen, real_open = os.fdopen, Path.open

        def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
            return self._wrap(real_fdopen(fd, *args, **kwargs))

        def path_open(path: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            handle = real_open(path, mode, *args, **kwargs)
            return self._wrap(handle) if "a" in mode or "w" in mode else handle

        monkeypatch.setattr(os, "fdopen", fdopen)
        monkeypatch.setattr(Path, "open", path_open)

    def _wrap(self, handle: Any) -> Any:
        real_write = handle.write

        def write(text: str) -> int:
            if self.room <= 0:
                raise OSError(errno.ENOSPC, "No space left on device")
            self.room -= 1
            return int(real_write(text))

        handle.write = write
        return handle


def test_full_disk_mid_batch_fails_each_file_tries_every_input_and_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: the manifest save at input 50 raised and the other inputs were never tried."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    _inputs(src, 60)
    with monkeypatch.context() as patch:
        FullDisk(patch, room=2 * 55)  # one output and one journal line per converted file
        events = list(
            run_batch(collect_inputs([str(src)]), options=BLANK, settings=BatchSettings(out))
        )
    statuses = [e.status for e in events]
    assert len(events) == 61  # every input, then the manifest that could not be saved
    assert statuses[:55] == ["converted"] * 55 and set(statuses[55:]) == {"failed"}
    assert all(e.error and "the disk is full" in e.error.message for e in events[55:])
    assert events[-1].item.path == out / ".extractor-manifest.json"
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    again = _run(src, out)
    assert list(again.values()).count("skipped") == 55
    assert list(again.values()).count("converted") == 5


def test_killed_batch_loses_only_the_files_in_flight(tmp_path: Path) -> None:
    """Regression: the manifest was saved every 50 files; after a kill -9 they were all redone."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    _inputs(src, 10)
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from extractor.batch import BatchSettings, run_batch\n"
        "from extractor.core import Options\n"
        "from extractor.files import collect_inputs\n"
        "events = run_batch(collect_inputs([sys.argv[1]]), options=Options(model='blank'),"
        " settings=BatchSettings(output=Path(sys.argv[2])))\n"
        "for count, event in enumerate(events, start=1):\n"
        "    if count == 7:\n"
        "        os._exit(9)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(src), str(out)], check=False)
    assert done.returncode == 9
    assert not (out / ".extractor-manifest.json").exists()
    statuses = _run(src, out)
    assert list(statuses.values()).count("skipped") == 7
    assert list(statuses.values()).count("converted") == 3


def test_manifest_that_is_a_folder_is_one_reported_failure_and_the_next_run_resumes(
    tmp_path: Path,
) -> None:
    """Regression: the batch stopped at input 50 with exit 2 and no summary."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    _inputs(src, 60)
    (out / ".extractor-manifest.json").mkdir(parents=True)
    result = runner.invoke(app, ["convert", str(src), "-o", str(out), "--model", "blank", "-q"])
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {out / '.extractor-manifest.json'}: cannot write the manifest: a folder is in"
        " the way where the file should be (move it away and run again)"
    ]
    assert result.stderr.splitlines()[-1] == "60 converted, 1 failed"
    assert result.exit_code == 1
    assert len(list(out.glob("m*.json"))) == 60
    again = runner.invoke(app, ["convert", str(src), "-o", str(out), "--model", "blank", "-q"])
    assert again.stderr.splitlines()[-1] == "0 converted, 1 failed, 60 up to date"


def _disk_full(text: str) -> int:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_reported_without_being_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    _inputs(src, 1)
    os.mkfifo(src / "pipe.txt")
    hashed: list[str] = []

    def sha(path: Path) -> str:
        hashed.append(path.name)
        return file_sha256(path)

    monkeypatch.setattr("extractor.batch.file_sha256", sha)
    events = list(
        run_batch(
            collect_inputs([str(src / "m0.txt"), str(src / "pipe.txt")]),
            options=BLANK,
            settings=BatchSettings(output=tmp_path / "out"),
        )
    )
    assert [e.status for e in events] == ["converted", "failed"]
    assert events[1].error is not None and "not a regular file" in events[1].error.message
    assert hashed == ["m0.txt"]


SEVERAL = (
    "Minutes of Meeting 1\nDate: 5 March 2024\n\nCouncillor Amy Chen, Harbour District Council\n"
    "· Parking on the quay will be reviewed.\n\n"
    "Minutes of Meeting 2\nDate: 2 April 2024\n\nCouncillor Amy Chen, Harbour District Council\n"
    "· The ferry timetable changes in May.\n"
)


def test_several_meetings_write_numbered_outputs_manifest_and_jsonl(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "year.txt").write_text(SEVERAL, encoding="utf-8")
    _inputs(src, count=1)
    jsonl = tmp_path / "all.jsonl"
    assert _run(src, out, jsonl=jsonl) == {"m0.txt": "converted", "year.txt": "converted"}
    assert sorted(p.name for p in out.iterdir()) == [
        ".extractor-manifest.json",
        "m0.json",
        "year.1.json",
        "year.2.json",
    ]
    dates = [json.loads(line)["meeting"]["date"] for line in jsonl.read_text().splitlines()]
    assert dates == ["2024-03-04", "2024-03-05", "2024-04-02"]
    manifest = json.loads((out / ".extractor-manifest.json").read_text())["entries"]
    assert manifest["year.json"]["meetings"] == "2" and "meetings" not in manifest["m0.json"]
    assert _run(src, out, jsonl=jsonl) == {"m0.txt": "skipped", "year.txt": "skipped"}
    assert len(jsonl.read_text().splitlines()) == 3
    (out / "year.2.json").unlink()
    assert _run(src, out)["year.txt"] == "converted"


def test_outputs_a_file_no_longer_writes_are_removed(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    source = src / "year.txt"
    source.write_text(SEVERAL, encoding="utf-8")
    _run(src, out)
    source.write_text(MINUTES.format(month="May"), encoding="utf-8")
    _run(src, out)
    assert sorted(p.name for p in out.iterdir()) == [".extractor-manifest.json", "year.json"]
    source.write_text(SEVERAL, encoding="utf-8")
    _run(src, out)
    assert sorted(p.name for p in out.iterdir()) == [
        ".extractor-manifest.json",
        "year.1.json",
        "year.2.json",
    ]


def test_a_meeting_output_that_is_another_inputs_output_fails_that_file(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(SEVERAL, encoding="utf-8")
    (src / "a.1.txt").write_text(MINUTES.format(month="May"), encoding="utf-8")
    events = list(
        run_batch(collect_inputs([str(src)]), options=BLANK, settings=BatchSettings(output=out))
    )
    status = {e.item.path.name: (e.status, e.error) for e in events}
    assert status["a.1.txt"] == ("converted", None)
    failed, error = status["a.txt"]
    assert failed == "failed" and isinstance(error, OutputError)
    assert "a.1.json" in error.message and "nothing of it was written" in error.message
    assert sorted(p.name for p in out.iterdir()) == [".extractor-manifest.json", "a.1.json"]
    assert json.loads((out / "a.1.json").read_text())["source"]["path"].endswith("a.1.txt")


@pytest.mark.parametrize("name", ["m0.json", ".extractor-manifest.json"])
def test_jsonl_that_is_an_output_or_the_manifest_fails_before_any_work(
    tmp_path: Path, name: str
) -> None:
    """Regression: the JSON Lines file replaced that output (or the manifest) at the end."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    _inputs(src, 2)
    with pytest.raises(UsageError, match="is the manifest or one of the outputs"):
        _run(src, out, jsonl=out / name)
    assert list(out.iterdir()) == []


def test_convert_refuses_an_input_that_would_overwrite_the_manifest(tmp_path: Path) -> None:
    """Regression: it was reported converted, exit 0, and its JSON became the manifest."""
    bad, out = tmp_path / ".extractor-manifest.txt", tmp_path / "out"
    bad.write_text(MINUTES.format(month="May"), encoding="utf-8")
    result = runner.invoke(app, ["convert", str(bad), "-o", str(out), "--model", "blank"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {bad} would write .extractor-manifest.json, which records what each output"
        " was made from; use --keep-extension to name them <stem>.<ext>.json"
    ]
    assert not out.exists()
