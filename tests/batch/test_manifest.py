from pathlib import Path

import pytest

from extractor.batch.manifest import MANIFEST_NAME, Manifest, file_sha256


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
