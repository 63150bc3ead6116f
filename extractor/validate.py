"""Check minutes before they are published: read, segment and run the rules; no spaCy model.

Minutes (.docx, .txt, .md) are read and segmented exactly as ``extractor convert`` does, then
every rule of :mod:`extractor.rules` runs on the result. Already-converted ``.json`` files are
checked against the published schema instead, one ``schema`` finding per problem. A file that
cannot be read at all is itself a finding (``unreadable``), so one bad file never stops a run.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from extractor.config import DEFAULT_MAX_BYTES
from extractor.document import Origin, RawDocument
from extractor.errors import ConfigError, ExtractorError
from extractor.findings import FileReport, Finding
from extractor.inputs import find_files
from extractor.readers import KNOWN_EXTENSIONS, read
from extractor.readers.lines import Line, is_rule_line, split_lines
from extractor.readers.markers import parse_marker
from extractor.rules import RULES, CheckedDocument, run_rules

JSON_EXTENSIONS: tuple[str, ...] = (".json",)
CHECKED_EXTENSIONS: tuple[str, ...] = (*KNOWN_EXTENSIONS, *JSON_EXTENSIONS)
_FENCES = ("```", "~~~")


def rule_codes(codes: Iterable[str], *, origin: str | None = None) -> frozenset[str]:
    """Check rule codes against :data:`RULES` (comma-separated values allowed) and return them.

    Raises :class:`ConfigError` naming the first unknown code and listing the known ones.
    """
    wanted = {code.strip() for value in codes for code in value.split(",") if code.strip()}
    unknown = sorted(wanted - set(RULES))
    if unknown:
        known = ", ".join(RULES)
        raise ConfigError(f"unknown rule code {unknown[0]!r} (known: {known})", path=origin)
    return frozenset(wanted)


def collect_targets(arguments: Sequence[str]) -> list[Path]:
    """Minutes and converted JSON named by files, folders (searched recursively) and globs."""
    return [path for path, _ in find_files(arguments, extensions=CHECKED_EXTENSIONS)]


def _unreadable(path: str, message: str, *, line: int | None = None) -> Finding:
    return Finding(path, "unreadable", "error", " ".join(message.split()), line=line)


def check_json(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Finding]:
    """Check a converted JSON file: ``unreadable`` if it does not parse, else ``schema``."""
    from extractor.readers.safety import read_bytes
    from extractor.schema import schema_errors

    name = str(path)
    try:
        document = json.loads(read_bytes(path, max_bytes=max_bytes).decode("utf-8-sig"))
    except ExtractorError as e:
        return [_unreadable(name, e.message)]
    except UnicodeDecodeError:
        return [_unreadable(name, "is not UTF-8 text, so it cannot be minutes JSON")]
    except json.JSONDecodeError as e:
        return [_unreadable(name, f"is not valid JSON: {e.msg} (column {e.colno})", line=e.lineno)]
    return [Finding(name, "schema", "error", problem) for problem in schema_errors(document)]


def check_minutes(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, ignore: frozenset[str] = frozenset()
) -> list[Finding]:
    """Check one minutes file: read and segment it, then run every rule not ignored."""
    from extractor.segment import segment

    name = str(path)
    try:
        raw = read(path, max_bytes=max_bytes)
        minutes = segment(raw).minutes
    except ExtractorError as e:
        return [_unreadable(name, e.message)]
    except Exception as e:  # a bug in one stage must cost one file, not the run
        message = f"internal error ({type(e).__name__}: {e}); please report it with this file"
        return [_unreadable(name, message)]
    document = CheckedDocument(name, raw, minutes, empty_list_items(path, raw, max_bytes=max_bytes))
    return run_rules(document, ignore=ignore)


def check_path(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, ignore: frozenset[str] = frozenset()
) -> FileReport:
    """Check one file: JSON files against the schema, anything else as minutes."""
    if path.suffix.lower() in JSON_EXTENSIONS:
        findings = check_json(path, max_bytes=max_bytes)
    else:
        findings = check_minutes(path, max_bytes=max_bytes, ignore=ignore)
    return FileReport(str(path), [f for f in findings if f.code not in ignore])


def validate_paths(
    paths: Iterable[Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    ignore: frozenset[str] = frozenset(),
) -> Iterator[FileReport]:
    """Check files lazily, in order, one :class:`FileReport` each."""
    for path in paths:
        yield check_path(path, max_bytes=max_bytes, ignore=ignore)


def empty_list_items(path: Path, raw: RawDocument, *, max_bytes: int) -> tuple[Origin, ...]:
    """Where the source has a list marker with no text (readers drop such items silently)."""
    found = [
        block.origin
        for block in raw.blocks
        if block.kind in ("paragraph", "list_item")
        and (marker := parse_marker(block.text)) is not None
        and not marker.text
    ]
    try:
        from extractor.readers.safety import decode_text, read_bytes

        data = read_bytes(path, max_bytes=max_bytes)
        if raw.format == "docx":
            found += _empty_docx_items(data)
        else:
            found += _empty_text_items(decode_text(data)[0], markdown=raw.format == "md")
    except (ExtractorError, ValueError, KeyError):
        pass
    return tuple(dict.fromkeys(found))


def _continues(line: Line | None, *, markdown: bool) -> bool:
    """Tell whether ``line`` would become the text of an empty list item just above it."""
    if line is None or line.is_blank() or is_rule_line(line.text):
        return False
    if markdown and line.text.lstrip().startswith(("#", "|", *_FENCES)):
        return False
    return parse_marker(line.text) is None


def _empty_text_items(text: str, *, markdown: bool) -> list[Origin]:
    """Lines of plain text or Markdown holding only a list marker, outside code fences."""
    lines = split_lines(text)
    start = 0
    if markdown:
        from extractor.readers.frontmatter import split_front_matter

        start = split_front_matter(lines)[1]
    found: list[Origin] = []
    fenced = False
    for k in range(start, len(lines)):
        line = lines[k]
        if markdown and line.text.lstrip().startswith(_FENCES):
            fenced = not fenced
        if fenced or is_rule_line(line.text):
            continue
        marker = parse_marker(line.text)
        following = lines[k + 1] if k + 1 < len(lines) else None
        if marker is not None and not marker.text and not _continues(following, markdown=markdown):
            found.append(Origin(line=line.number))
    return found


def _empty_docx_items(data: bytes) -> list[Origin]:
    """Body paragraphs that Word numbers or bullets but that hold no text and no picture."""
    import docx
    from docx.oxml.ns import qn

    from extractor.readers.docx_styles import StyleBook, attr
    from extractor.readers.docx_text import W_P, iter_blocks, paragraph_text

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


__all__ = [
    "CHECKED_EXTENSIONS",
    "check_json",
    "check_minutes",
    "check_path",
    "collect_targets",
    "empty_list_items",
    "rule_codes",
    "validate_paths",
]
