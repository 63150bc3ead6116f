"""Build .odt files in memory for the reader's tests: a zip of the XML parts an .odt holds."""

from __future__ import annotations

import io
import zipfile

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)
STYLES = """
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
  style:default-outline-level="2"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Title" style:family="paragraph"/>
<style:style style:name="Strong" style:family="text">
  <style:text-properties fo:font-weight="bold"/></style:style>
<text:list-style style:name="Bullets">
  <text:list-level-style-bullet text:level="1" text:bullet-char="•"/>
  <text:list-level-style-bullet text:level="2" text:bullet-char="◦"/>
</text:list-style>
<text:list-style style:name="Numbers">
  <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
  <text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")"/>
</text:list-style>
"""
AUTOMATIC = """
<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="T1" style:family="text">
  <style:text-properties fo:font-weight="700"/></style:style>
<style:style style:name="T2" style:family="text">
  <style:text-properties fo:font-weight="normal"/></style:style>
"""


def content_xml(body: str, automatic: str = AUTOMATIC) -> str:
    """``content.xml`` with ``body`` as the text body."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES}>'
        f"<office:automatic-styles>{automatic}</office:automatic-styles>"
        f"<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )


def styles_xml(styles: str = STYLES) -> str:
    """``styles.xml`` with ``styles`` as the common styles."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NAMESPACES}>'
        f"<office:styles>{styles}</office:styles></office:document-styles>"
    )


def meta_xml(title: str, created: str) -> str:
    """``meta.xml`` giving a title and a creation date."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {NAMESPACES}>'
        f"<office:meta><dc:title>{title}</dc:title>"
        f"<meta:creation-date>{created}</meta:creation-date></office:meta></office:document-meta>"
    )


def odt(body: str, *, parts: dict[str, str | bytes] | None = None) -> bytes:
    """The bytes of an .odt whose text body is ``body`` (``parts`` adds or replaces members)."""
    members: dict[str, str | bytes] = {
        "mimetype": "application/vnd.oasis.opendocument.text",
        "content.xml": content_xml(body),
        "styles.xml": styles_xml(),
        "META-INF/manifest.xml": "<manifest/>",
        **(parts or {}),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()
