from pathlib import Path

import pytest

from extractor.core import InputError, UsageError
from extractor.corpus import LoadedMinutes, Skipped, collect_json, iter_minutes, read_minutes
from tests.corpus.search_docs import forum, write, write_all


def test_folder_walk_finds_nested_json_and_skips_hidden_files(tmp_path: Path) -> None:
    write_all(tmp_path / "out")
    found = [
        p.relative_to(tmp_path / "out").as_posix() for p in collect_json([str(tmp_path / "out")])
    ]
    assert found == ["2023/parish-2023-06-01.json", "forum-2024-03-05.json", "notes.json"]


def test_glob_and_repeats(tmp_path: Path) -> None:
    paths = write_all(tmp_path)
    found = collect_json([str(tmp_path / "*.json"), str(paths[0])])
    assert [p.name for p in found] == ["forum-2024-03-05.json", "notes.json"]


@pytest.mark.parametrize("argument", ["nothing-*.json", "empty"])
def test_no_documents_is_an_error(tmp_path: Path, argument: str) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError):
        collect_json([str(tmp_path / argument)])


def test_read_minutes_round_trips_and_hashes_the_bytes(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", forum())
    loaded = read_minutes(path)
    assert loaded.minutes == forum()
    assert len(loaded.sha256) == 64 and loaded.path == path


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("not json", "not JSON"),
        ('{"a": 1}', "no schema_version"),
        ("[1, 2]", "no schema_version"),
        ('{"schema_version": "1.0.0", "source": {}}', "not a valid minutes document (source.path"),
    ],
)
def test_not_minutes_is_reported_in_one_line(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_minutes(path)
    assert reason in caught.value.one_line() and "\n" not in caught.value.one_line()


def test_iter_minutes_yields_skips_in_order(tmp_path: Path) -> None:
    good = write(tmp_path / "good.json", forum())
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    results = list(iter_minutes([bad, good, tmp_path / "missing.json"]))
    assert [type(r) for r in results] == [Skipped, LoadedMinutes, Skipped]
    assert isinstance(results[2], Skipped) and "cannot read" in results[2].reason
