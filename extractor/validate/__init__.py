"""Check minutes before they are published: read, segment and run the rules; no spaCy model.

Minutes (.docx, .odt, .rtf, .txt, .md, .pdf) are read, split into meetings and segmented exactly as
``extractor convert`` does, then every rule of :mod:`.rules` runs on each meeting.
Already-converted ``.json`` files are checked against the published schema instead, one
``schema`` finding per problem. A file that cannot be
read at all is itself a finding (``unreadable``), so one bad file never stops a run.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from extractor.core import (
    DEFAULT_MAX_BYTES,
    ConfigError,
    DateOrder,
    ExtractorError,
    Origin,
    RawDocument,
    internal_error,
)
from extractor.files import find_files
from extractor.readers import KNOWN_EXTENSIONS, empty_list_items, read
from extractor.validate.findings import (
    FileReport,
    Finding,
    Summary,
    format_github,
    format_json,
    format_text,
)
from extractor.validate.rules import RULES, CheckedDocument, run_rules, sort_key

JSON_EXTENSIONS: tuple[str, ...] = (".json",)
CHECKED_EXTENSIONS: tuple[str, ...] = (*KNOWN_EXTENSIONS, *JSON_EXTENSIONS)


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


def collect_targets(arguments: Sequence[str], *, skipped: list[Path] | None = None) -> list[Path]:
    """Minutes and converted JSON named by files, folders (searched recursively) and globs.

    Files the folders and globs held but that are neither are appended to ``skipped``.
    """
    found = find_files(arguments, extensions=CHECKED_EXTENSIONS, skipped=skipped)
    return [path for path, _ in found]


_TOO_DEEP = "is nested too deeply to be minutes JSON (arrays or objects thousands deep)"


def _unreadable(path: str, message: str, *, line: int | None = None) -> Finding:
    return Finding(path, "unreadable", "error", " ".join(message.split()), line=line)


def check_json(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Finding]:
    """Check a converted JSON file: ``unreadable`` if it does not parse, else ``schema``."""
    from extractor.core import schema_errors
    from extractor.readers import read_bytes

    name = str(path)
    try:
        document = json.loads(read_bytes(path, max_bytes=max_bytes).decode("utf-8-sig"))
    except ExtractorError as e:
        return [_unreadable(name, e.message)]
    except UnicodeDecodeError:
        return [_unreadable(name, "is not UTF-8 text, so it cannot be minutes JSON")]
    except json.JSONDecodeError as e:
        return [_unreadable(name, f"is not valid JSON: {e.msg} (column {e.colno})", line=e.lineno)]
    except RecursionError:
        return [_unreadable(name, _TOO_DEEP)]
    try:
        problems = schema_errors(document)
    except RecursionError:
        return [_unreadable(name, _TOO_DEEP)]
    return [Finding(name, "schema", "error", problem) for problem in problems]


def check_minutes(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    ignore: frozenset[str] = frozenset(),
    date_order: DateOrder = "auto",
) -> list[Finding]:
    """Check one minutes file: read and segment it, then run every rule not ignored.

    ``date_order`` says how numeric dates are read, as for ``extractor convert`` (the meeting
    and next-meeting dates the rules compare depend on it).

    A file of several meetings is checked meeting by meeting, as convert writes them, and its
    findings stay in one list for the file, with the file's own line or paragraph numbers
    (the clerk edits the file, not the outputs); each message says which meeting it is about,
    and a finding about a whole meeting (no date, no title) points at the meeting's first line.
    """
    from extractor.segment import segment, split_meetings

    name = str(path)
    try:
        raw = read(path, max_bytes=max_bytes)
        parts = split_meetings(raw)
        meetings = [segment(part, date_order=date_order).minutes for part in parts]
    except ExtractorError as e:
        return [_unreadable(name, e.message)]
    except Exception as e:  # a bug in one stage must cost one file, not the run
        return [_unreadable(name, internal_error(e).message)]
    empty_items = empty_list_items(path, raw, max_bytes=max_bytes)
    if len(parts) == 1:
        return run_rules(CheckedDocument(name, raw, meetings[0], empty_items), ignore=ignore)
    starts = [_place(part.blocks[0].origin) for part in parts]
    findings: list[Finding] = []
    for number, (part, minutes) in enumerate(zip(parts, meetings, strict=True), start=1):
        end = starts[number] if number < len(parts) else None
        own = tuple(
            o
            for o in empty_items
            if starts[number - 1] <= _place(o) and (end is None or _place(o) < end)
        )
        checked = CheckedDocument(name, part, minutes, own)
        found = run_rules(checked, ignore=ignore)
        findings += [_in_meeting(f, part, number, len(parts)) for f in found]
    return sorted(findings, key=sort_key)


def _place(origin: Origin) -> int:
    """A block's position in its file: its line, else its body-block index."""
    return origin.line if origin.line is not None else (origin.paragraph or 0)


def _in_meeting(found: Finding, part: RawDocument, number: int, count: int) -> Finding:
    """A finding of one meeting of a file of several: the message names the meeting."""
    message = f"meeting {number} of {count}: {found.message}"
    if found.line is None and found.paragraph is None and part.span is not None:
        first = part.span[0]
        return replace(found, message=message, line=first.line, paragraph=first.paragraph)
    return replace(found, message=message)


def check_path(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    ignore: frozenset[str] = frozenset(),
    date_order: DateOrder = "auto",
) -> FileReport:
    """Check one file: JSON files against the schema, anything else as minutes."""
    if path.suffix.lower() in JSON_EXTENSIONS:
        findings = check_json(path, max_bytes=max_bytes)
    else:
        findings = check_minutes(path, max_bytes=max_bytes, ignore=ignore, date_order=date_order)
    return FileReport(str(path), [f for f in findings if f.code not in ignore])


def validate_paths(
    paths: Iterable[Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    ignore: frozenset[str] = frozenset(),
    date_order: DateOrder = "auto",
) -> Iterator[FileReport]:
    """Check files lazily, in order, one :class:`FileReport` each."""
    for path in paths:
        yield check_path(path, max_bytes=max_bytes, ignore=ignore, date_order=date_order)


__all__ = [
    "CHECKED_EXTENSIONS",
    "FileReport",
    "Summary",
    "check_json",
    "check_minutes",
    "check_path",
    "collect_targets",
    "format_github",
    "format_json",
    "format_text",
    "rule_codes",
    "validate_paths",
]
