import pytest

from extractor.core import Block, InputError, NoMinutesError
from extractor.readers import read_data
from extractor.readers.rtf import MAX_DEPTH, read_rtf

HEAD = (
    r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}{\f1 Symbol;}}"
    r"{\colortbl;\red0\green0\blue0;}"
    r"{\stylesheet{\s0 Normal;}{\s1\outlinelevel0 heading 1;}{\s2 Title;}{\s3 Heading 2;}"
    r"{\*\cs10 Default Paragraph Font;}}"
    r"{\info{\title Board minutes}{\author Jane Doe}{\creatim\yr2024\mo3\dy5\hr10}}"
    r"{\*\generator Riched20 10.0;}"
    "\n"
)


def rtf(body: str, head: str = HEAD) -> bytes:
    return (head + body + "}").encode("latin-1")


def read(body: str) -> list[Block]:
    return read_rtf(rtf(body))[0]


def test_paragraphs_headings_and_bold() -> None:
    blocks = read(
        r"\pard\s2 Minutes\par \pard\s1 Finance\par \pard\s3 Budget\par"
        r"\pard\outlinelevel2 Outlined\par"
        r"\pard{\b Present:} Jane\par \pard{\b Bold only}\par \pard\b On\b0  off\par"
    )
    assert [(b.kind, b.text, b.level, b.bold) for b in blocks] == [
        ("heading", "Minutes", 1, False),
        ("heading", "Finance", 1, False),
        ("heading", "Budget", 2, False),
        ("heading", "Outlined", 3, False),
        ("paragraph", "Present: Jane", 0, False),
        ("paragraph", "Bold only", 0, True),
        ("paragraph", "On off", 0, False),
    ]


def test_list_markers_from_listtext_and_pntext() -> None:
    blocks = read(
        r"{\listtext\f1\'b7\tab}\ls1\ilvl0 Bullet\par"
        r"{\listtext 2.\tab}\ls2\ilvl1 Numbered\par"
        r"\pard{\pntext\f1 a)\tab}{\*\pn\pnlvlblt{\pntxtb x}}Old style\par"
        r"\pard\ls3 No marker text\par"
        r"{\listtext\f2 o\tab}\ls4\ilvl1 Courier sub-bullet\par"
        r"{\listtext iv)\tab}\ls5\ilvl0 Roman\par"
        r"\pard - typed\par"
    )
    assert [(b.kind, b.text, b.level, b.marker, b.numbered) for b in blocks] == [
        ("list_item", "Bullet", 0, "·", False),
        ("list_item", "Numbered", 1, "2.", True),
        ("list_item", "Old style", 0, "a)", True),
        ("list_item", "No marker text", 0, None, False),
        ("list_item", "Courier sub-bullet", 1, "o", False),
        ("list_item", "Roman", 0, "iv)", True),
        ("list_item", "typed", 0, "-", False),
    ]


def test_table_rows_like_the_docx_reader() -> None:
    blocks = read(
        r"\pard Before\par"
        r"\trowd\cellx1000\cellx2000\pard\intbl Action\cell Owner\cell\row"
        r"\trowd\cellx1000\cellx2000\pard\intbl Fix it.\par Soon\cell JD\cell\row"
        r"\pard\intbl\cell\cell\row"
        r"\pard After\par"
    )
    assert [(b.kind, b.text, b.cells, b.table_header, b.origin.paragraph) for b in blocks] == [
        ("paragraph", "Before", (), False, 0),
        ("table_row", "Action | Owner", ("Action", "Owner"), True, 1),
        ("table_row", "Fix it. Soon | JD", ("Fix it. Soon", "JD"), False, 1),
        ("paragraph", "After", (), False, 2),
    ]
    assert [b.origin.row for b in blocks[1:3]] == [0, 1]


@pytest.mark.parametrize(
    ("body", "text"),
    [
        (r"caf\'e9", "café"),
        (r"\u8364? euro", "€ euro"),
        (r"\uc2\u8364\'80\'80 two skipped", "€ two skipped"),
        (r"\u-10179?\u-8704? face", "😀 face"),
        (r"lone \u-10179?", "lone"),
        (r"\ldblquote q\rdblquote\~\emdash\_x\-y", "“q” —-xy"),
        (r"a\{b\}\\c", "a{b}\\c"),
        (r"{\v hidden }shown", "shown"),
        (
            r"{\*\bkmkstart x}{\header H}{\footnote F}{\field{\*\fldinst URL}{\fldrslt link}}",
            "link",
        ),
        (r"{\pict\bin6 {}{}\}x}shown", "shown"),
        (r"one\line two", "one"),
    ],
)
def test_characters_and_skipped_destinations(body: str, text: str) -> None:
    assert read(body + r"\par")[0].text == text


def test_code_page_from_ansicpg() -> None:
    data = b"{\\rtf1\\ansi\\ansicpg1251 \\'cf\\'f0\\'e8\\par}"
    blocks, _, codec = read_rtf(data)
    assert (blocks[0].text, codec) == ("При", "cp1251")


def test_document_properties_and_gaps() -> None:
    blocks, metadata, _ = read_rtf(rtf(r"\pard One\par\par Two\par"))
    assert metadata == {"title": "Board minutes", "author": "Jane Doe", "created": "2024-03-05"}
    assert [(b.text, b.gap_before, b.origin.paragraph) for b in blocks] == [
        ("One", False, 0),
        ("Two", True, 2),
    ]


def test_read_data_gives_an_rtf_document() -> None:
    raw = read_data(rtf(r"\pard Minutes\par"), name="a.RTF")
    assert (raw.format, raw.encoding, [b.text for b in raw.blocks]) == (
        "rtf",
        "cp1252",
        ["Minutes"],
    )


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"Minutes\n", InputError, "not an RTF file"),
        (b"", NoMinutesError, "empty"),
        (rtf(r"{\*\x only}"), NoMinutesError, "no text"),
        (b"{\\rtf1" + b"{" * (MAX_DEPTH + 1), InputError, "deep"),
    ],
)
def test_bad_rtf_is_one_error(data: bytes, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        read_data(data, name="a.rtf")


@pytest.mark.parametrize("cut", [10, 60, 200, 300, -1])
def test_truncated_rtf_reads_what_is_there(cut: int) -> None:
    data = rtf(r"\pard Minutes of the board\par \pard{\b Present:} Jane\par")[:cut]
    try:
        blocks, _, _ = read_rtf(data)
    except InputError:
        return
    assert all(b.text for b in blocks)
