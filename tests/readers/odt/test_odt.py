import pytest

from extractor.core import Block, InputError, NoMinutesError
from extractor.readers import read_data
from extractor.readers.odt import read_odt
from tests.readers.odt.build import content_xml, meta_xml, odt


def read(body: str) -> list[Block]:
    return read_odt(odt(body), max_bytes=10_000_000)[0]


def shape(blocks: list[Block]) -> list[tuple[object, ...]]:
    return [(b.kind, b.text, b.level, b.marker, b.numbered, b.bold) for b in blocks]


def test_headings_by_element_and_by_style() -> None:
    blocks = read(
        '<text:h text:outline-level="3">Finance</text:h>'
        '<text:p text:style-name="Heading_20_2">Styled</text:p>'
        '<text:p text:style-name="Title">Minutes</text:p>'
        '<text:h text:outline-level="x"><text:number>2.</text:number>Numbered</text:h>'
    )
    assert [(b.kind, b.text, b.level) for b in blocks] == [
        ("heading", "Finance", 3),
        ("heading", "Styled", 2),
        ("heading", "Minutes", 1),
        ("heading", "Numbered", 1),
    ]
    assert blocks[1].style == "Heading 2"


def test_lists_nest_and_take_their_markers_from_the_list_style() -> None:
    blocks = read(
        '<text:list text:style-name="Numbers"><text:list-item><text:p>First</text:p>'
        "<text:list><text:list-item><text:p>Inner</text:p></text:list-item></text:list>"
        "</text:list-item><text:list-header><text:p>Unnumbered</text:p></text:list-header>"
        "</text:list>"
        '<text:list text:style-name="Bullets"><text:list-item><text:p>Dot</text:p>'
        "<text:list><text:list-item><text:p>Ring</text:p></text:list-item></text:list>"
        "</text:list-item></text:list>"
        '<text:list text:style-name="Unknown"><text:list-item><text:p>Plain</text:p>'
        "</text:list-item></text:list>"
    )
    assert shape(blocks) == [
        ("list_item", "First", 0, "decimal", True, False),
        ("list_item", "Inner", 1, "lowerLetter", True, False),
        ("paragraph", "Unnumbered", 0, None, False, False),
        ("list_item", "Dot", 0, "•", False, False),
        ("list_item", "Ring", 1, "◦", False, False),
        ("list_item", "Plain", 0, None, False, False),
    ]


@pytest.mark.parametrize(
    ("body", "bold"),
    [
        ('<text:p text:style-name="P1">Present</text:p>', True),
        ('<text:p><text:span text:style-name="Strong">All bold</text:span> </text:p>', True),
        ('<text:p><text:span text:style-name="T1">Half</text:span> plain</text:p>', False),
        (
            '<text:p text:style-name="P1">Bold <text:span text:style-name="T2">no</text:span>'
            "</text:p>",
            False,
        ),
        ("<text:p>Plain</text:p>", False),
    ],
)
def test_bold_only_paragraphs(body: str, bold: bool) -> None:
    (block,) = read(body)
    assert block.bold is bold


def test_line_breaks_spaces_typed_markers_and_gaps() -> None:
    blocks = read(
        "<text:p>One<text:line-break/>- two<text:tab/>tabbed</text:p><text:p/>"
        '<text:p>Wide<text:s text:c="3"/>gap<text:note><text:note-body><text:p>foot</text:p>'
        "</text:note-body></text:note></text:p>"
    )
    assert [(b.kind, b.text, b.marker, b.gap_before, b.origin.paragraph) for b in blocks] == [
        ("paragraph", "One", None, False, 0),
        ("list_item", "two tabbed", "-", False, 0),
        ("paragraph", "Wide   gap", None, True, 2),
    ]


def test_table_rows_like_the_docx_reader() -> None:
    blocks = read(
        "<text:p>Before</text:p><table:table><table:table-header-rows><table:table-row>"
        "<table:table-cell><text:p>Action</text:p></table:table-cell>"
        "<table:table-cell><text:p>Owner</text:p></table:table-cell></table:table-row>"
        "</table:table-header-rows><table:table-row><table:table-cell><text:p>Fix it.</text:p>"
        "<text:p>Soon</text:p></table:table-cell><table:covered-table-cell/></table:table-row>"
        "<table:table-row><table:table-cell table:number-columns-repeated='1000'/>"
        "</table:table-row><table:table-row table:number-rows-repeated='2'><table:table-cell>"
        "<text:p>Twice</text:p></table:table-cell></table:table-row></table:table>"
    )
    rows = [(b.text, b.cells, b.table_header, b.origin.paragraph, b.origin.row) for b in blocks[1:]]
    assert rows == [
        ("Action | Owner", ("Action", "Owner"), True, 1, 0),
        ("Fix it. Soon", ("Fix it. Soon",), False, 1, 1),
        ("Twice", ("Twice",), False, 1, 3),
        ("Twice", ("Twice",), False, 1, 4),
    ]


def test_sections_are_looked_through_and_frames_skipped() -> None:
    blocks = read(
        '<text:section text:name="S"><text:p>Inside<draw:frame><draw:text-box><text:p>box'
        "</text:p></draw:text-box></draw:frame></text:p></text:section>"
    )
    assert [b.text for b in blocks] == ["Inside"]


def test_properties_from_meta() -> None:
    data = odt("<text:p>x</text:p>", parts={"meta.xml": meta_xml("Board", "2024-03-05T10:00:00")})
    assert read_odt(data, max_bytes=10_000_000)[1] == {"title": "Board", "created": "2024-03-05"}


def test_read_data_gives_an_odt_document() -> None:
    raw = read_data(odt("<text:p>Minutes</text:p>"), name="a.ODT")
    assert (raw.format, raw.encoding, [b.text for b in raw.blocks]) == ("odt", None, ["Minutes"])


def _bomb() -> bytes:
    return odt("<text:p>x</text:p>", parts={"pad.xml": b"\0" * 50_000_000})


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"PK\x03\x04 truncated", "not a valid .odt"),
        (odt("<text:p>x</text:p>")[:200], "not a valid .odt"),
        (odt("", parts={"content.xml": "<office:document-content"}), "not well-formed"),
        (
            odt("", parts={"content.xml": '<?xml version="1.0" encoding="bogus"?><x/>'}),
            "well-formed",
        ),
        (
            odt("", parts={"content.xml": '<!DOCTYPE x [<!ENTITY a "aa">]><x>&a;</x>'}),
            "DOCTYPE",
        ),
        (
            odt("", parts={"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}),
            "spreadsheet",
        ),
        (odt("", parts={"META-INF/manifest.xml": "<manifest:encryption-data/>"}), "password"),
        (
            odt("", parts={"content.xml": content_xml("").replace("office:text", "office:x")}),
            "text body",
        ),
        ("nest", "deep"),
    ],
)
def test_bad_odt_is_one_input_error(data: bytes | str, words: str) -> None:
    if data == "nest":
        data = odt("<text:section>" * 100 + "<text:p>x</text:p>" + "</text:section>" * 100)
    assert isinstance(data, bytes)
    with pytest.raises(InputError, match=words):
        read_odt(data, max_bytes=10_000_000)


def test_zip_bomb_is_refused_before_inflating() -> None:
    with pytest.raises(InputError, match="zip bomb"):
        read_odt(_bomb(), max_bytes=100_000)


def test_empty_odt_holds_no_minutes() -> None:
    with pytest.raises(NoMinutesError):
        read_data(odt("<text:p/>"), name="a.odt")
