"""Read a minutes file (.docx, .txt, .md) into a format-neutral :class:`RawDocument`.

``read`` is the only entry point: it checks the file (size, kind, encoding), picks the reader
by extension and returns blocks with their origins. Every problem is an
:class:`~extractor.core.errors.InputError` (or a subclass) whose message does not repeat the path.
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
    RawDocument,
    SourceFormat,
    UnsupportedFormatError,
)
from extractor.readers.budget import check_blocks, check_text
from extractor.readers.docx import read_docx
from extractor.readers.empty_items import empty_list_items
from extractor.readers.markdown import parse_markdown
from extractor.readers.safety import decode_text, read_bytes, too_big
from extractor.readers.text import parse_text

__all__ = [
    "KNOWN_EXTENSIONS",
    "empty_list_items",
    "read",
    "read_bytes",
    "read_data",
    "source_format",
]


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
        known = ", ".join(KNOWN_EXTENSIONS)
        shown = f'"{path.suffix}"' if path.suffix else "no extension"
        raise UnsupportedFormatError(
            f"has {shown}; the extractor reads {known} files (rename or convert it)"
        )
    return found


def _read(path: Path, *, max_bytes: int, limits: Limits) -> RawDocument:
    """:func:`read` without the path stamping."""
    kind = source_format(path)
    data = read_bytes(path, max_bytes=max_bytes)
    return _parse(data, path=str(path), source_format=kind, max_bytes=max_bytes, limits=limits)


def _parse(
    data: bytes, *, path: str, source_format: SourceFormat, max_bytes: int, limits: Limits
) -> RawDocument:
    """Turn a file's bytes into blocks with the reader for ``source_format``."""
    encoding: str | None = None
    metadata: dict[str, str] = {}
    blocks: list[Block]
    if source_format == "docx":
        blocks, metadata = read_docx(data, max_bytes=max_bytes, limits=limits)
        if not blocks:
            raise NoMinutesError("the document holds no text")
    else:
        text, encoding = decode_text(data)
        check_text(text, limits)
        if source_format == "md":
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
    )
