import hashlib
from pathlib import Path

import docx
import pytest

from extractor.core import InputError, NoMinutesError, UnsupportedFormatError
from extractor.readers import KNOWN_EXTENSIONS, read

SHARED = Path(__file__).resolve().parents[2] / "../shared/corpus"
CORPUS = sorted([*SHARED.glob("real/*"), *SHARED.glob("dev/*.txt")]) if SHARED.is_dir() else []


def test_text_file_document(tmp_path: Path) -> None:
    path = tmp_path / "Minutes.TXT"
    data = "Title\r\n· item\r\n".encode("cp1252")
    path.write_bytes(data)
    document = read(path)
    assert document.format == "txt"
    assert document.encoding == "cp1252"
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.path == str(path)
    assert [b.text for b in document.blocks] == ["Title", "item"]


def test_markdown_document_with_metadata(tmp_path: Path) -> None:
    path = tmp_path / "notes.markdown"
    path.write_text("---\ntitle: Board\n---\n# Board\n", encoding="utf-8-sig")
    document = read(path)
    assert (document.format, document.encoding, document.metadata) == (
        "md",
        "utf-8-sig",
        {"title": "Board"},
    )


def test_docx_document(tmp_path: Path) -> None:
    path = tmp_path / "minutes.docx"
    word = docx.Document()
    word.add_paragraph("Body")
    word.save(str(path))
    document = read(path)
    assert (document.format, document.encoding) == ("docx", None)
    assert document.blocks[0].text == "Body"


@pytest.mark.parametrize("name", ["minutes.pptx", "minutes"])
def test_unknown_extension_lists_known_ones_and_what_to_do(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(UnsupportedFormatError) as info:
        read(path)
    assert all(extension in str(info.value) for extension in KNOWN_EXTENSIONS)
    assert "rename" not in str(info.value)
    assert ("name it .txt" in str(info.value)) is (path.suffix == "")
    assert info.value.path == str(path)
    assert str(path) not in str(info.value)


@pytest.mark.parametrize(
    ("name", "data", "error", "words"),
    [
        ("empty.txt", b"", NoMinutesError, "empty"),
        ("blank.md", b"\n  \n", NoMinutesError, "only whitespace"),
        ("only-front-matter.md", b"---\ntitle: x\n---\n<!-- c -->\n", NoMinutesError, "no text"),
        ("empty.docx", None, NoMinutesError, "no text"),
        ("binary.txt", b"\x00\x01\x02", InputError, "binary"),
        ("fake.docx", b"plain text", InputError, "not a valid .docx"),
    ],
)
def test_unusable_files(
    tmp_path: Path, name: str, data: bytes | None, error: type[Exception], words: str
) -> None:
    path = tmp_path / name
    if data is None:
        docx.Document().save(str(path))
    else:
        path.write_bytes(data)
    with pytest.raises(error, match=words) as info:
        read(path)
    assert isinstance(info.value, InputError) and info.value.path == str(path)


def test_size_cap_applies_to_every_format(tmp_path: Path) -> None:
    path = tmp_path / "long.md"
    path.write_text("word " * 100)
    with pytest.raises(InputError, match="size limit"):
        read(path, max_bytes=100)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "absent.txt")


@pytest.mark.skipif(not CORPUS, reason="shared corpus not available")
@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.name)
def test_corpus_reads_cleanly(path: Path) -> None:
    document = read(path)
    assert document.blocks
    assert all(block.text.strip() == block.text and block.text for block in document.blocks)
    for block in document.blocks:
        origin = block.origin
        assert (
            (origin.line is not None)
            if document.format != "docx"
            else (origin.paragraph is not None)
        )


@pytest.mark.skipif(not (SHARED / "dev").is_dir(), reason="shared corpus not available")
def test_seed_minutes_items_are_whole_lines() -> None:
    (seed,) = sorted((SHARED / "dev").glob("*.txt"))[:1]
    blocks = read(seed).blocks
    texts = [block.text for block in blocks]
    assert any(text.endswith("10 years’ time?") for text in texts)
    assert not any(text == "time?" for text in texts)
    numbered = [block for block in blocks if block.numbered]
    assert [block.marker for block in numbered] == ["1.", "2.", "3.", "4.", "1.", "2.", "3.", "4."]


@pytest.mark.parametrize("name", ["notes.txt", "notes.md"])
def test_read_data_matches_read_of_the_same_bytes(tmp_path: Path, name: str) -> None:
    from extractor.readers import read_data

    path = tmp_path / name
    path.write_text("Forum minutes\n\n- first point\n- second point\n", encoding="utf-8")
    from_disk = read(path)
    from_memory = read_data(path.read_bytes(), name=str(path))
    assert from_memory == from_disk


def test_read_data_checks_the_size_and_names_the_input() -> None:
    from extractor.readers import read_data

    with pytest.raises(InputError, match="size limit") as caught:
        read_data(b"x" * 20, name="big.txt", max_bytes=10)
    assert caught.value.path == "big.txt"
