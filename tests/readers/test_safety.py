import codecs
import io
import random
import zipfile
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from extractor.core import InputError, NoMinutesError
from extractor.readers.safety import check_docx_bytes, decode_text, read_bytes


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Caf\u00e9 – minutes".encode(), "Café – minutes", "utf-8"),
        (b"\xef\xbb\xbfBOM minutes", "BOM minutes", "utf-8-sig"),
        (
            "Smart \u201cquotes\u201d \u2013 caf\u00e9".encode("cp1252"),
            "Smart “quotes” – café",
            "cp1252",
        ),
        ("Unicode minutes".encode("utf-16"), "Unicode minutes", "utf-16"),
    ],
)
def test_decode_text_encodings(data: bytes, text: str, encoding: str) -> None:
    assert decode_text(data) == (text, encoding)


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"", NoMinutesError, "the file is empty"),
        (b" \r\n\t\n", NoMinutesError, "holds only whitespace"),
        (b"text\x00with NUL", InputError, "looks like a binary file, not text minutes"),
        (bytes(range(1, 32)) * 20, InputError, "looks like a binary file"),
        (b"%PDF-1.7 rest", InputError, "PDF"),
        (b"PK\x03\x04 rest", InputError, "zip archive"),
        (b"Bad byte \x81 here", InputError, "cannot be decoded as UTF-8 or Windows-1252"),
        (b"\xef\xbb\xbfBOM then \xff", InputError, "cannot be decoded as UTF-8"),
    ],
)
def test_decode_text_refuses(data: bytes, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        decode_text(data)


def test_read_bytes_caps_size(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2000)
    with pytest.raises(InputError) as info:
        read_bytes(path, max_bytes=1000)
    message = str(info.value)
    assert "2,000 bytes" in message and "1,000 bytes" in message and "--max-bytes" in message
    assert str(path) not in message


@pytest.mark.parametrize(
    ("name", "words"), [("missing.txt", "no such file"), ("folder", "is a folder")]
)
def test_read_bytes_missing_and_folder(tmp_path: Path, name: str, words: str) -> None:
    (tmp_path / "folder").mkdir()
    with pytest.raises(InputError, match=words):
        read_bytes(tmp_path / name, max_bytes=1000)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


_MINIMAL = {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 100, "encrypted .*legacy Word .doc"),
        (b"this is not a zip file at all", "not a valid .docx"),
        (_MINIMAL["word/document.xml"], "not a valid .docx"),
        (_zip({"[Content_Types].xml": b"<Types/>"}), "not a valid .docx"),
        (_zip(_MINIMAL)[:40], "not a valid .docx"),
    ],
)
def test_check_docx_bytes_refuses_non_docx(data: bytes, words: str) -> None:
    with pytest.raises(InputError, match=words):
        check_docx_bytes(data, max_bytes=10_000)


def test_check_docx_bytes_refuses_zip_bomb_before_inflating() -> None:
    bomb = _zip({**_MINIMAL, "word/media/zeros.bin": b"\x00" * 2_000_000})
    assert len(bomb) < 10_000
    with pytest.raises(InputError, match="zip bomb"):
        check_docx_bytes(bomb, max_bytes=10_000)


def test_check_docx_bytes_refuses_doctype() -> None:
    evil = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>'
    with pytest.raises(InputError, match="DOCTYPE"):
        check_docx_bytes(_zip({**_MINIMAL, "word/document.xml": evil}), max_bytes=100_000)


def test_check_docx_bytes_accepts_a_plain_package() -> None:
    check_docx_bytes(_zip(_MINIMAL), max_bytes=100_000)


def test_read_bytes_refuses_non_regular_files() -> None:
    device = Path("/dev/null")
    if not device.exists():
        pytest.skip("no /dev/null here")
    with pytest.raises(InputError, match="not a regular file"):
        read_bytes(device, max_bytes=1000)


def test_read_bytes_returns_content(tmp_path: Path) -> None:
    path = tmp_path / "ok.txt"
    path.write_bytes(b"minutes")
    assert read_bytes(path, max_bytes=7) == b"minutes"


def _damaged_member(kind: str) -> bytes:
    """A package whose document.xml cannot be inflated, in one of several ways."""
    data = bytearray(_zip({**_MINIMAL, "word/document.xml": b"<w:document>" * 500}))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    local = info.header_offset
    if kind == "bad-deflate-data":
        start = local + 30 + len(info.filename) + len(info.extra)
        data[start : start + 8] = b"\xff" * 8
    elif kind == "unsupported-method":
        for offset in (local + 8, data.rfind(b"word/document.xml") - 46 + 10):
            data[offset : offset + 2] = (99).to_bytes(2, "little")
    elif kind == "encrypted-member":
        for offset in (local + 6, data.rfind(b"word/document.xml") - 46 + 8):
            data[offset] |= 0x01
    else:  # the header understates the size: inflating stops there and the CRC fails
        for offset in (local + 22, data.rfind(b"word/document.xml") - 46 + 24):
            data[offset : offset + 4] = (100).to_bytes(4, "little")
    return bytes(data)


@pytest.mark.parametrize(
    "kind", ["bad-deflate-data", "unsupported-method", "encrypted-member", "lying-size"]
)
def test_check_docx_bytes_refuses_members_that_cannot_be_inflated(kind: str) -> None:
    with pytest.raises(InputError, match=r"not a valid \.docx \(corrupt or truncated\)"):
        check_docx_bytes(_damaged_member(kind), max_bytes=100_000)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_check_docx_bytes_refuses_doctype_in_utf16(encoding: str) -> None:
    evil = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "y">]><d>&x;</d>'.encode(encoding)
    with pytest.raises(InputError, match="DOCTYPE"):
        check_docx_bytes(_zip({**_MINIMAL, "word/document.xml": evil}), max_bytes=100_000)


_PRINTABLE_ALPHABETS = {
    "ascii": bytes(range(0x20, 0x7F)) + b"\t\n",
    "cp1252": bytes(range(0x20, 0x7F)) + bytes(range(0xA0, 0x100)),
    "latin": bytes(range(0x20, 0x100)),
}


@given(
    rnd=st.randoms(use_true_random=False),
    alphabet=st.sampled_from(sorted(_PRINTABLE_ALPHABETS)),
    size=st.integers(100, 3000),
)
def test_random_printable_bytes_are_not_text(rnd: random.Random, alphabet: str, size: int) -> None:
    chars = _PRINTABLE_ALPHABETS[alphabet]
    data = bytes(rnd.choice(chars) for _ in range(size))
    tokens = [w for w in data.decode("latin-1").split() if any(c.isalnum() for c in w)]
    assume(sum(map(len, tokens)) >= 64)  # enough to judge (the rule leaves shorter texts alone)
    with pytest.raises(InputError):
        decode_text(data)


@given(rnd=st.randoms(use_true_random=False), size=st.integers(20, 200))
def test_a_utf16_bom_then_noise_is_not_text(rnd: random.Random, size: int) -> None:
    bom = rnd.choice([codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
    with pytest.raises(InputError):
        decode_text(bom + bytes(rnd.randrange(256) for _ in range(2 * size)))


@pytest.mark.parametrize("seed", range(50))
def test_a_utf16_bom_then_ten_random_bytes_is_not_text(seed: int) -> None:
    noise = random.Random(seed).randbytes(10)
    with pytest.raises(InputError, match=r"does not look like text|cannot be decoded"):
        decode_text(codecs.BOM_UTF16_LE + noise)


_WORDS = st.sampled_from(
    [
        "Council",
        "agreed",
        "the",
        "budget",
        "café",
        "Müller",
        "£250",
        "7.30pm",
        "(AOB)",
        "2nd",
        "05/03/2024",
        "—",
        "Cllr",
        "don’t",
        "co-op",
        "minutes:",
        "#",
        "Zoë",
        "item",
        "noted.",
    ]
)


@given(
    lines=st.lists(st.lists(_WORDS, min_size=1, max_size=12), min_size=1, max_size=40),
    encoding=st.sampled_from(["utf-8", "cp1252", "utf-16"]),
)
def test_text_made_of_words_reads_back(lines: list[list[str]], encoding: str) -> None:
    text = "\n".join(" ".join(words) for words in lines) + "\n"
    decoded, used = decode_text(text.encode(encoding))
    assert decoded == text
    assert used == encoding or (encoding == "cp1252" and text.isascii() and used == "utf-8")


@pytest.mark.parametrize(
    "text",
    [
        "会议纪要\n2024年3月5日 下午7时\n出席：张伟、李娜\n议程一：预算已获通过。\n",
        "議事録\n2024年3月5日\nひらがなとカタカナと漢字のまじった文です。\n",
        "Протокол заседания\n5 марта 2024\nБюджет утверждён.\n",
    ],
)
def test_utf16_text_in_one_script_reads(text: str) -> None:
    assert decode_text(text.encode("utf-16")) == (text, "utf-16")


_EVIL = '<?xml version="1.0" encoding="{}"?><!DOCTYPE d [<!ENTITY x "y">]><d>&x;</d>'


@pytest.mark.parametrize("encoding", ["utf-32-be", "utf-32-le", "iso-8859-1", "utf-16"])
def test_doctype_is_refused_in_any_encoding_the_parser_reads(encoding: str) -> None:
    evil = _EVIL.format(encoding.upper()).encode(encoding)
    with pytest.raises(InputError, match="DOCTYPE"):
        check_docx_bytes(_zip({**_MINIMAL, "word/document.xml": evil}), max_bytes=100_000)


@pytest.mark.parametrize(
    "types",
    [
        b'<Types><Override PartName="/word/main.part" ContentType="application/xml"/></Types>',
        b'<Types><Default Extension="part" ContentType="application/vnd.x+xml"/></Types>',
    ],
)
def test_doctype_is_refused_in_a_part_not_named_xml(types: bytes) -> None:
    evil = _EVIL.format("UTF-8").encode()
    members = {**_MINIMAL, "[Content_Types].xml": types, "word/main.part": evil}
    with pytest.raises(InputError, match=r"DOCTYPE declaration in word/main\.part"):
        check_docx_bytes(_zip(members), max_bytes=100_000)


def test_a_doctype_in_a_part_that_is_not_xml_is_left_alone() -> None:
    """An embedded HTML page (not parsed as XML) may hold one."""
    page = b"<!DOCTYPE html><html><body>chunk</body></html>"
    check_docx_bytes(_zip({**_MINIMAL, "word/afchunk.htm": page}), max_bytes=100_000)
