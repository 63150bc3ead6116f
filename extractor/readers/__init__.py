"""Read a minutes file (.docx, .odt, .rtf, .txt, .md, .pdf) into a :class:`RawDocument`.

``read`` is the only entry point: it checks the file (size, kind, encoding), picks the reader
by extension and returns blocks with their origins. Text that was extracted from a PDF (page
breaks, page numbers) is recognised from its content and reflowed like a PDF
(:mod:`.pdftext`). Every problem is an :class:`~extractor.core.errors.InputError` (or a
subclass) whose message does not repeat the path.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from extractor.core import (
    DEFAULT_LIMITS,
    DEFAULT_MAX_BYTES,
    FORMATS,
    KNOWN_EXTENSIONS,
    Block,
    ExtractorError,
    Limits,
    NoMinutesError,
    Origin,
    RawDocument,
    SourceFormat,
    UnsupportedFormatError,
)
from extractor.readers.budget import check_blocks, check_text
from extractor.readers.docx import read_docx
from extractor.readers.empty_items import empty_list_items
from extractor.readers.lines import Line, split_lines
from extractor.readers.markdown import clean_inline, parse_markdown, split_front_matter
from extractor.readers.odt import read_odt
from extractor.readers.pdf import read_pdf
from extractor.readers.pdftext import pdf_text_blocks, pdf_text_pages
from extractor.readers.rtf import read_rtf
from extractor.readers.safety import decode_text, read_bytes, too_big
from extractor.readers.text import parse_text

__all__ = [
    "KNOWN_EXTENSIONS",
    "empty_list_items",
    "read",
    "read_bytes",
    "read_data",
    "source_format",
    "unsupported_message",
]

LEGACY_WORD = (".doc", ".dot")
"""Word 97-2003 documents and templates (OLE2 files), which no reader takes."""


def read(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, limits: Limits = DEFAULT_LIMITS
) -> RawDocument:
    """Read the minutes at ``path``; the extension (any case) decides the format.

    Raises :class:`UnsupportedFormatError` for other extensions, :class:`NoMinutesError` for a
    file with no text, and :class:`InputError` for anything unreadable, binary, undecodable,
    corrupt or larger than ``max_bytes``; :class:`BudgetError` for an input over one of
    ``limits``.
    """
    try:
        return _read(Path(path), max_bytes=max_bytes, limits=limits)
    except ExtractorError as error:
        error.with_path(path)
        raise


def read_data(
    data: bytes, *, name: str, max_bytes: int = DEFAULT_MAX_BYTES, limits: Limits = DEFAULT_LIMITS
) -> RawDocument:
    """Read minutes already loaded into memory; ``name`` (its path) decides the format.

    For workers that receive file contents rather than paths (no shared filesystem).
    """
    try:
        if len(data) > max_bytes:
            raise too_big(len(data), max_bytes)
        kind = source_format(Path(name))
        return _parse(data, path=name, source_format=kind, max_bytes=max_bytes, limits=limits)
    except ExtractorError as error:
        error.with_path(name)
        raise


def source_format(path: Path) -> SourceFormat:
    """The format an extension stands for; :class:`UnsupportedFormatError` for unknown ones."""
    found = FORMATS.get(path.suffix.lower())
    if found is None:
        raise UnsupportedFormatError(unsupported_message(path.suffix))
    return found


def unsupported_message(suffix: str) -> str:
    """What to do with a file whose extension no reader takes: what would actually work.

    A legacy Word .doc gets the commands that turn it into a .docx (no offline Python package
    reads Word 97-2003 text reliably); a file without an extension may be text that only needs
    one; anything else has to be saved again from the program that made it.
    """
    known = ", ".join(KNOWN_EXTENSIONS)
    lower = suffix.lower()
    if lower in LEGACY_WORD:
        return (
            f"is a legacy Word {lower} file, which the extractor cannot read; open it in Word or "
            "LibreOffice and save it as .docx, or convert it with "
            "`libreoffice --headless --convert-to docx FILE`"
        )
    if not suffix:
        return (
            f"has no extension; the extractor reads {known} files: if it holds plain text, "
            "name it .txt (or .md for Markdown)"
        )
    return (
        f'has "{suffix}", which the extractor cannot read; it reads {known} files: save or '
        "export the minutes as one of these from the program that made them"
    )


def _read(path: Path, *, max_bytes: int, limits: Limits) -> RawDocument:
    """:func:`read` without the path stamping."""
    kind = source_format(path)
    data = read_bytes(path, max_bytes=max_bytes)
    return _parse(data, path=str(path), source_format=kind, max_bytes=max_bytes, limits=limits)


def _pdf_text(text: str, *, markdown: bool) -> tuple[list[list[Line]] | None, dict[str, str]]:
    """The pages of text extracted from a PDF (None for other text), and its front matter."""
    if not any(sign in text for sign in ("\f", "---", "***", "___", "age ", "AGE ")):
        return None, {}
    lines = split_lines(text)
    metadata: dict[str, str] = {}
    start = 0
    if markdown:
        metadata, start = split_front_matter(lines)
    return pdf_text_pages(lines[start:]), metadata


def _parse(
    data: bytes, *, path: str, source_format: SourceFormat, max_bytes: int, limits: Limits
) -> RawDocument:
    """Turn a file's bytes into blocks with the reader for ``source_format``."""
    encoding: str | None = None
    metadata: dict[str, str] = {}
    blocks: list[Block]
    warnings: list[tuple[str, str, Origin | None]] = []
    if source_format == "pdf":
        blocks, metadata, warnings = read_pdf(data)
    elif source_format == "docx":
        blocks, metadata = read_docx(data, max_bytes=max_bytes, limits=limits)
        if not blocks:
            raise NoMinutesError("the document holds no text")
    elif source_format == "odt":
        blocks, metadata = read_odt(data, max_bytes=max_bytes)
        if not blocks:
            raise NoMinutesError("the document holds no text")
    elif source_format == "rtf":
        if not data.strip():
            raise NoMinutesError("the file is empty")
        blocks, metadata, encoding = read_rtf(data)
        if not blocks:
            raise NoMinutesError("the document holds no text")
    else:
        text, encoding = decode_text(data)
        check_text(text, limits)
        pages, front = _pdf_text(text, markdown=source_format == "md")
        if pages is not None:
            metadata = front
            blocks = pdf_text_blocks(pages, clean=clean_inline if source_format == "md" else None)
        elif source_format == "md":
            blocks, metadata = parse_markdown(text)
        else:
            blocks = parse_text(text)
        if not blocks:
            raise NoMinutesError("holds no text outside front matter, comments and markup")
    check_blocks(blocks, limits)
    return RawDocument(
        path=path,
        format=source_format,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        blocks=blocks,
        metadata=metadata,
        warnings=warnings,
    )
