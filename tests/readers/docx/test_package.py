import io
import zipfile

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from lxml import etree

from extractor.readers.docx.package import open_package
from extractor.readers.safety import docx_members


def _document() -> DocxDocument:
    document = docx.Document()
    document.core_properties.title = "Parish Council"
    document.add_heading("Minutes", 0)
    document.add_paragraph("Present: Jane Doe", style="List Bullet")
    document.add_table(rows=1, cols=2).cell(0, 0).text = "Action"
    return document


def _bytes(document: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _members(data: bytes) -> dict[str, bytes]:
    members = docx_members(data, max_bytes=10_000_000)
    assert members is not None
    return members


def _xml(element: object) -> bytes:
    return etree.tostring(element)


def test_same_trees_as_python_docx() -> None:
    data = _bytes(_document())
    package = open_package(_members(data))
    reference = docx.Document(io.BytesIO(data))
    assert package is not None
    assert _xml(package.body) == _xml(reference.element.body)
    assert type(package.body) is type(reference.element.body)
    related = reference.part.part_related_by
    assert _xml(package.styles) == _xml(related(RELATIONSHIP_TYPE.STYLES).element)
    assert _xml(package.numbering) == _xml(related(RELATIONSHIP_TYPE.NUMBERING).element)
    assert package.has_core_rel
    assert package.core_properties().title == "Parish Council"


def _rewrite(members: dict[str, bytes], name: str, old: bytes, new: bytes) -> dict[str, bytes]:
    assert old in members[name]
    return {**members, name: members[name].replace(old, new, 1)}


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("word/_rels/document.xml.rels", b'Id="rId1"', b'Id="rId2"'),
        ("_rels/.rels", b'Target="word/document.xml"', b'Target="word/missing.xml"'),
        ("[Content_Types].xml", b'PartName="/word/document.xml"', b'PartName="/word/other.xml"'),
        ("word/styles.xml", b"<w:styles", b"<w:styles <"),
        ("_rels/.rels", b" Target=", b" Tar="),
    ],
)
def test_unusual_packages_are_left_to_python_docx(name: str, old: bytes, new: bytes) -> None:
    members = _rewrite(_members(_bytes(_document())), name, old, new)
    assert open_package(members) is None


def test_external_styles_relationship_is_left_to_python_docx() -> None:
    members = _members(_bytes(_document()))
    rels = etree.fromstring(members["word/_rels/document.xml.rels"])
    for rel in rels:
        if rel.get("Type", "").endswith("/styles"):
            rel.set("TargetMode", "External")
    members["word/_rels/document.xml.rels"] = etree.tostring(rels)
    assert open_package(members) is None


def test_docx_members_are_none_when_a_name_repeats() -> None:
    data = _bytes(_document())
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
        with pytest.warns(UserWarning):
            target.writestr("word/styles.xml", source.read("word/styles.xml"))
    assert docx_members(buffer.getvalue(), max_bytes=10_000_000) is None
    assert _members(data)["word/document.xml"].startswith(b"<?xml")
