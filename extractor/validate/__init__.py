"""Check minutes before they are published: read, segment and run the rules; no spaCy model.

Minutes (.docx, .txt, .md) are read and segmented exactly as ``extractor convert`` does, then
every rule of :mod:`.rules` runs on the result. Already-converted ``.json`` files are checked
against the published schema instead, one ``schema`` finding per problem. A file that cannot be
read at all is itself a finding (``unreadable``), so one bad file never stops a run.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from extractor.core import (
    DEFAULT_MAX_BYTES,
    ConfigError,
    DateOrder,
    ExtractorError,
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
from extractor.validate.rules import RULES, CheckedDocument, run_rules

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


def collect_targets(arguments: Sequence[str]) -> list[Path]:
    """Minutes and converted JSON named by files, folders (searched recursively) and globs."""
    return [path for path, _ in find_files(arguments, extensions=CHECKED_EXTENSIONS)]


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
    """
    from extractor.segment import segment

    name = str(path)
    try:
        raw = read(path, max_bytes=max_bytes)
        segmented = segment(raw, date_order=date_order)
    except ExtractorError as e:
        return [_unreadable(name, e.message)]
    except Exception as e:  # a bug in one stage must cost one file, not the run
        return [_unreadable(name, internal_error(e).message)]
    empty_items = empty_list_items(path, raw, max_bytes=max_bytes)
    document = CheckedDocument(name, raw, segmented.minutes, empty_items)
    return run_rules(document, ignore=ignore)


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
