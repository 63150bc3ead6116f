import json
from pathlib import Path

import pytest

from extractor.batch.manifest import JOURNAL_NAME, MANIFEST_NAME, Manifest, file_sha256
from extractor.core import OutputError


def test_round_trip_and_currency(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    manifest = Manifest.load(tmp_path)
    manifest.record(Path("a.json"), source="in/a.txt", sha256="1" * 64, fingerprint="f1")
    manifest.save()
    again = Manifest.load(tmp_path)
    assert again.is_current(Path("a.json"), sha256="1" * 64, fingerprint="f1")
    assert not again.is_current(Path("a.json"), sha256="2" * 64, fingerprint="f1")
    assert not again.is_current(Path("a.json"), sha256="1" * 64, fingerprint="f2")


def test_missing_output_is_not_current(tmp_path: Path) -> None:
    manifest = Manifest(folder=tmp_path)
    manifest.record(Path("gone.json"), source="x", sha256="1" * 64, fingerprint="f")
    assert not manifest.is_current(Path("gone.json"), sha256="1" * 64, fingerprint="f")


@pytest.mark.parametrize(
    "content", ["{not json", "[1, 2]", '"text"', "null", '{"format": 1, "entries": []}']
)
def test_corrupt_manifest_is_treated_as_empty(tmp_path: Path, content: str) -> None:
    (tmp_path / MANIFEST_NAME).write_text(content, encoding="utf-8")
    assert Manifest.load(tmp_path).entries == {}


def test_file_sha256_matches_hashlib(tmp_path: Path) -> None:
    import hashlib

    path = tmp_path / "x.bin"
    path.write_bytes(b"abc" * 1000)
    assert file_sha256(path, chunk=7) == hashlib.sha256(b"abc" * 1000).hexdigest()


def test_journal_is_replayed_and_a_torn_line_ignored(tmp_path: Path) -> None:
    manifest = Manifest.load(tmp_path)
    manifest.record(Path("a.json"), source="a.txt", sha256="1" * 64, fingerprint="f")
    manifest.record(Path("b.json"), source="b.txt", sha256="2" * 64, fingerprint="f")
    with (tmp_path / JOURNAL_NAME).open("a", encoding="utf-8") as journal:
        journal.write('{"output": "c.json", "source": "c.t')  # a kill in mid-line
    again = Manifest.load(tmp_path)
    assert sorted(again.entries) == ["a.json", "b.json"]
    again.record(Path("d.json"), source="d.txt", sha256="4" * 64, fingerprint="f")
    assert sorted(Manifest.load(tmp_path).entries) == ["a.json", "b.json", "d.json"]


def test_save_folds_the_journal_into_the_manifest(tmp_path: Path) -> None:
    manifest = Manifest.load(tmp_path)
    manifest.record(Path("a.json"), source="a.txt", sha256="1" * 64, fingerprint="f")
    manifest.save()
    assert not (tmp_path / JOURNAL_NAME).exists()
    assert sorted(Manifest.load(tmp_path).entries) == ["a.json"]


@pytest.mark.parametrize(
    "entries",
    [{"X.json": "x"}, {"X.json": None}, {"X.json": {"sha256": 1}}, {"X.json": ["a", "b"]}],
)
def test_entries_of_the_wrong_type_are_dropped(tmp_path: Path, entries: object) -> None:
    body = {"format": 1, "entries": {**entries, "ok.json": _ENTRY}}  # type: ignore[dict-item]
    (tmp_path / MANIFEST_NAME).write_text(json.dumps(body), encoding="utf-8")
    assert list(Manifest.load(tmp_path).entries) == ["ok.json"]


_ENTRY = {"source": "a.txt", "sha256": "1" * 64, "fingerprint": "f"}


def test_a_journal_that_cannot_be_written_is_an_output_error(tmp_path: Path) -> None:
    body = {"format": 1, "entries": {"a.json": _ENTRY}}
    (tmp_path / MANIFEST_NAME).write_text(json.dumps(body), encoding="utf-8")
    (tmp_path / JOURNAL_NAME).mkdir()
    manifest = Manifest.load(tmp_path)
    with pytest.raises(OutputError, match="cannot record the output in the manifest: a folder"):
        manifest.record(Path("a.json"), source="a.txt", sha256="1" * 64, fingerprint="f")
    with pytest.raises(OutputError, match="cannot record the output in the manifest: a folder"):
        manifest.record(Path("b.json"), source="b.txt", sha256="2" * 64, fingerprint="f")
    assert manifest.entries == {"a.json": _ENTRY}  # the next run converts both again
