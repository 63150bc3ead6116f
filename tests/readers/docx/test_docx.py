import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from extractor.core import Block, InputError
from extractor.readers.docx import read_docx

ABSTRACT = f"""<w:abstractNum {nsdecls("w")} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl>
  <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
</w:abstractNum>"""
NUM = f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def save(document: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def read(document: DocxDocument) -> list[Block]:
    return read_docx(save(document), max_bytes=10_000_000)[0]


def add_numbering(document: DocxDocument) -> None:
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(ABSTRACT))
    numbering.append(parse_xml(NUM))


def set_num_pr(paragraph: object, num_id: str, ilvl: int | None) -> None:
    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}>{level}<w:numId w:val="{num_id}"/></w:numPr>'))


def test_own_numbering_gives_format_and_level() -> None:
    document = docx.Document()
    add_numbering(document)
    set_num_pr(document.add_paragraph("Lettered point"), "90", 0)
    set_num_pr(document.add_paragraph("Sub bullet"), "90", 1)
    blocks = read(document)
    assert [(b.kind, b.marker, b.numbered, b.level, b.text) for b in blocks] == [
        ("list_item", "lowerLetter", True, 0, "Lettered point"),
        ("list_item", "•", False, 1, "Sub bullet"),
    ]


def test_style_chain_numbering_and_explicit_opt_out() -> None:
    document = docx.Document()
    custom = document.styles.add_style("Minute Point", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = document.styles["List Number"]
    document.add_paragraph("Via base style", style="Minute Point")
    document.add_paragraph("Bullet style", style="List Bullet")
    document.add_paragraph("Second level", style="List Bullet 2")
    set_num_pr(document.add_paragraph("Opted out", style="List Bullet"), "0", None)
    blocks = read(document)
    assert [(b.kind, b.numbered, b.level, b.style) for b in blocks] == [
        ("list_item", True, 0, "Minute Point"),
        ("list_item", False, 0, "List Bullet"),
        ("list_item", False, 1, "List Bullet 2"),
        ("paragraph", False, 0, "List Bullet"),
    ]
    assert blocks[0].marker == "decimal"


@pytest.mark.parametrize(
    ("typed", "marker", "numbered", "text"),
    [
        ("• Typed bullet", "•", False, "Typed bullet"),
        ("· Middle dot", "·", False, "Middle dot"),
        ("- Hyphen", "-", False, "Hyphen"),
        ("– En dash", "–", False, "En dash"),
        ("1. Typed number", "1.", True, "Typed number"),
        ("\t• Indented", "•", False, "Indented"),
    ],
)
def test_typed_markers(typed: str, marker: str, numbered: bool, text: str) -> None:
    document = docx.Document()
    document.add_paragraph(typed)
    (block,) = read(document)
    assert (block.kind, block.marker, block.numbered, block.text) == (
        "list_item",
        marker,
        numbered,
        text,
    )
    assert block.level == (1 if typed.startswith("\t") else 0)


def test_headings_and_title() -> None:
    document = docx.Document()
    document.add_heading("Board Minutes", 0)
    document.add_heading("Reports", 1)
    document.add_heading("Treasurer", 3)
    assert [(b.kind, b.level, b.text, b.style) for b in read(document)] == [
        ("heading", 1, "Board Minutes", "Title"),
        ("heading", 1, "Reports", "Heading 1"),
        ("heading", 3, "Treasurer", "Heading 3"),
    ]


def test_bold_from_runs_and_styles() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("All ").bold = True
    paragraph.add_run("bold").bold = True
    paragraph.add_run("  ")
    mixed = document.add_paragraph()
    mixed.add_run("Label: ").bold = True
    mixed.add_run("plain")
    document.add_paragraph().add_run("Strong style", style="Strong")
    bold_style = document.styles.add_style("Speaker", WD_STYLE_TYPE.PARAGRAPH)
    bold_style.font.bold = True
    document.add_paragraph("Bold via paragraph style", style="Speaker")
    unbold = document.add_paragraph(style="Speaker")
    unbold.add_run("Explicitly not bold").bold = False
    assert [b.bold for b in read(document)] == [True, False, True, True, False]


def test_table_rows_with_merged_cells_and_origins() -> None:
    document = docx.Document()
    document.add_paragraph("Before")
    table = document.add_table(rows=4, cols=3)
    for column, name in enumerate(["Action", "Owner", "Due"]):
        table.cell(0, column).text = name
    table.cell(1, 0).text = "Write letter"
    table.cell(1, 1).merge(table.cell(1, 2)).text = "Clerk"
    table.cell(3, 0).merge(table.cell(3, 1))
    table.cell(3, 0).text = "Merged"
    cell = table.cell(3, 2)
    cell.text = "First para"
    cell.add_paragraph("second para")
    blocks = read(document)
    rows = [b for b in blocks if b.kind == "table_row"]
    assert [b.cells for b in rows] == [
        ("Action", "Owner", "Due"),
        ("Write letter", "Clerk"),
        ("Merged", "First para / second para"),
    ]
    assert [(b.origin.paragraph, b.origin.table, b.origin.row) for b in rows] == [
        (1, 0, 0),
        (1, 0, 1),
        (1, 0, 3),
    ]
    assert [b.table_header for b in rows] == [True, False, False]
    assert rows[1].text == "Write letter | Clerk"


def test_vertically_merged_cells_are_not_repeated() -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "Head"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Spans two rows"
    table.cell(1, 1).text = "a"
    table.cell(2, 1).text = "b"
    rows = read(document)
    assert [b.cells for b in rows][1:] == [("Spans two rows", "a"), ("", "b")]


def test_body_index_counts_empty_paragraphs_and_tables() -> None:
    document = docx.Document()
    document.add_paragraph("Zero")
    document.add_paragraph("")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "Two"
    document.add_paragraph("   ")
    document.add_paragraph("Four")
    blocks = read(document)
    assert [(b.text, b.origin.paragraph, b.gap_before) for b in blocks] == [
        ("Zero", 0, False),
        ("Two", 2, True),
        ("Four", 4, True),
    ]


def test_content_controls_are_read() -> None:
    document = docx.Document()
    document.add_paragraph("First")
    body = document.element.body
    sdt = parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent>"
        "<w:p><w:r><w:t>Inside block control</w:t></w:r></w:p>"
        "<w:p><w:pPr><w:pStyle w:val='Heading4'/></w:pPr><w:sdt><w:sdtPr/><w:sdtContent>"
        "<w:r><w:t>Discussion:</w:t></w:r></w:sdtContent></w:sdt></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    body.insert(len(body) - 1, sdt)
    document.add_paragraph("Last")
    blocks = read(document)
    assert [(b.text, b.kind, b.origin.paragraph) for b in blocks] == [
        ("First", "paragraph", 0),
        ("Inside block control", "paragraph", 1),
        ("Discussion:", "heading", 2),
        ("Last", "paragraph", 3),
    ]


def test_hyperlinks_read_deleted_text_and_field_codes_skipped() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("See ")
    paragraph._p.append(
        parse_xml(f"<w:hyperlink {nsdecls('w')}><w:r><w:t>the report</w:t></w:r></w:hyperlink>")
    )
    paragraph._p.append(
        parse_xml(f"<w:del {nsdecls('w')}><w:r><w:delText> removed</w:delText></w:r></w:del>")
    )
    paragraph._p.append(parse_xml(f"<w:r {nsdecls('w')}><w:instrText> PAGE </w:instrText></w:r>"))
    (block,) = read(document)
    assert block.text == "See the report"


def test_line_breaks_split_plain_paragraphs_but_not_list_items() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    run = paragraph.add_run("Date: 23 January, 2012")
    run.add_break()
    paragraph.add_run("Time: 7:00pm")
    paragraph.add_run().add_break()
    paragraph.add_run().add_break()
    paragraph.add_run("1:\u00a0\u00a0 Meeting with client")
    item = document.add_paragraph(style="List Bullet")
    item.add_run("wrapped").add_break()
    item.add_run("item")
    blocks = read(document)
    assert [(b.text, b.kind, b.marker, b.gap_before) for b in blocks] == [
        ("Date: 23 January, 2012", "paragraph", None, False),
        ("Time: 7:00pm", "paragraph", None, False),
        ("Meeting with client", "list_item", "1:", True),
        ("wrapped item", "list_item", "•", False),
    ]
    assert {b.origin.paragraph for b in blocks[:3]} == {0}


def test_core_properties_become_metadata() -> None:
    document = docx.Document()
    document.core_properties.title = "Team Meeting"
    document.core_properties.author = "Clerk"
    document.add_paragraph("Body")
    _, metadata = read_docx(save(document), max_bytes=10_000_000)
    assert metadata["title"] == "Team Meeting"
    assert metadata["author"] == "Clerk"
    assert metadata["created"].count("-") == 2


def _replace_member(data: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info))
    return buffer.getvalue()


def test_external_entities_are_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    document = docx.Document()
    document.add_paragraph("Body")
    xml = zipfile.ZipFile(io.BytesIO(save(document))).read("word/document.xml")
    doctype = f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'.encode()
    evil = xml.replace(b"?>", b"?>" + doctype, 1).replace(b"Body", b"Body &x;")
    data = _replace_member(save(document), "word/document.xml", evil)
    with pytest.raises(InputError, match="DOCTYPE"):
        read_docx(data, max_bytes=10_000_000)


def test_python_docx_parser_does_not_resolve_entities(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    xml = f'<!DOCTYPE d [<!ENTITY x SYSTEM "{secret.as_uri()}">]><d>&x;</d>'.encode()
    element = parse_xml(xml)
    assert "TOPSECRET" not in "".join(element.itertext())


def test_wrong_content_type_is_an_input_error() -> None:
    document = docx.Document()
    document.add_paragraph("Body")
    data = save(document)
    types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")
    broken = types.replace(b"document.main+xml", b"template.main+xml")
    with pytest.raises(InputError, match=r"not a valid \.docx"):
        read_docx(_replace_member(data, "[Content_Types].xml", broken), max_bytes=10_000_000)


def test_every_run_element_handled() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Tab")
    paragraph._p.append(
        parse_xml(
            f"<w:r {nsdecls('w')}><w:tab/><w:t>after</w:t><w:noBreakHyphen/><w:t>x</w:t></w:r>"
        )
    )
    (block,) = read(document)
    assert block.text == "Tab after-x"


@pytest.mark.parametrize(
    ("member", "old", "new"),
    [
        ("_rels/.rels", b"Relationships", b"Other"),  # rels of the wrong shape
        ("word/_rels/document.xml.rels", b"Target=", b"Aim="),  # relationships without targets
        ("word/document.xml", b"w:document", b"w:other"),  # not a Word body
    ],
)
def test_well_formed_xml_of_the_wrong_shape_is_an_input_error(
    member: str, old: bytes, new: bytes
) -> None:
    document = docx.Document()
    document.add_paragraph("Body")
    data = save(document)
    content = zipfile.ZipFile(io.BytesIO(data)).read(member)
    assert old in content
    broken = _replace_member(data, member, content.replace(old, new))
    with pytest.raises(InputError, match=r"not a valid \.docx") as info:
        read_docx(broken, max_bytes=10_000_000)
    assert isinstance(info.value.__cause__, AttributeError | TypeError)
