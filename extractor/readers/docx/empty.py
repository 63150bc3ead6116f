"""Numbered or bulleted Word paragraphs with no text, which the .docx reader drops."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn

from extractor.core import Origin
from extractor.readers.docx.styles import StyleBook, attr
from extractor.readers.docx.text import W_P, iter_blocks, paragraph_text


def empty_docx_items(data: bytes) -> list[Origin]:
    """Body paragraphs that Word numbers or bullets but that hold no text and no picture."""
    document = docx.Document(io.BytesIO(data))
    styles = StyleBook(document.styles.element)
    found: list[Origin] = []
    for index, element in enumerate(iter_blocks(document.element.body)):
        if element.tag != W_P:
            continue
        ppr = element.find(qn("w:pPr"))
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        own = attr(num_pr.find(qn("w:numId"))) if num_pr is not None else None
        style_id = (attr(ppr.find(qn("w:pStyle"))) if ppr is not None else None) or (
            styles.default_paragraph
        )
        inherited = styles.numbering(style_id)
        listed = own != "0" and (own is not None or (inherited is not None and inherited[0] != "0"))
        pictured = element.find(".//" + qn("w:drawing")) is not None
        if listed and not pictured and not paragraph_text(element, styles).strip():
            found.append(Origin(paragraph=index))
    return found
