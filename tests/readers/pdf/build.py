"""Write small PDFs by hand: text lines in Helvetica or Helvetica-Bold, images, encryption.

Coordinates are PDF points from the bottom-left corner of an A4 page (595 × 842).
"""

from __future__ import annotations

from dataclasses import dataclass, field

WIDTH, HEIGHT = 595, 842


@dataclass(frozen=True)
class Text:
    """One line of text drawn at (x, y)."""

    x: float
    y: float
    text: str
    size: float = 11
    bold: bool = False


@dataclass
class Page:
    """A page: its text lines and whether it draws an image."""

    lines: list[Text] = field(default_factory=list)
    image: bool = False


def _escape(text: str) -> bytes:
    """A PDF literal string for ``text`` (WinAnsi)."""
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _content(page: Page) -> bytes:
    """The page's content stream."""
    parts: list[bytes] = []
    if page.image:
        parts.append(b"q 300 0 0 400 150 300 cm /Im1 Do Q")
    for line in page.lines:
        font = b"/F2" if line.bold else b"/F1"
        parts.append(
            b"BT %s %g Tf %g %g Td %s Tj ET" % (font, line.size, line.x, line.y, _escape(line.text))
        )
    return b"\n".join(parts)


def build_pdf(
    pages: list[Page], *, encrypted: bool = False, info_title: str | None = None
) -> bytes:
    """A complete PDF with a correct cross-reference table."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")
    pages_id = add(b"")
    regular = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    bold = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    )
    image = add(
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream"
    )
    kids: list[int] = []
    for page in pages:
        content = _content(page)
        stream = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
                % (pages_id, WIDTH, HEIGHT, stream, regular, bold, image)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    extra = b""
    if info_title is not None:
        extra += b" /Info %d 0 R" % add(b"<< /Title %s >>" % _escape(info_title))
    if encrypted:
        secret = b"(" + b"\x11" * 32 + b")"
        crypt = add(b"<< /Filter /Standard /V 1 /R 2 /O %s /U %s /P -44 >>" % (secret, secret))
        file_id = b"<00112233445566778899aabbccddeeff>"
        extra += b" /Encrypt %d 0 R /ID [%s %s]" % (crypt, file_id, file_id)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        extra,
        xref,
    )
    return bytes(out)


def paragraph(
    x: float, top: float, lines: list[str], *, size: float = 11, step: float = 13.5
) -> list[Text]:
    """Lines set one under the other from ``top`` down."""
    return [Text(x, top - i * step, text, size) for i, text in enumerate(lines)]
