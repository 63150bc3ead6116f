"""Converted minutes read back: found on disk, indexed, searched, exported and charted.

Takes the JSON documents ``convert`` wrote; gives :class:`LoadedMinutes` (this module), a
SQLite search index (:mod:`.index`, :mod:`.index_schema`), search hits (:mod:`.search`), bulk
exports (:mod:`.export`) and an HTML report (:mod:`.report`). The heavier modules are imported
on first use of one of their names, so that ``extractor search`` never loads plotly.

Reading back is shared by ``index``, ``export`` and ``report``. Arguments are files, folders
(searched recursively; hidden files and folders are skipped, so the convert manifest is never
picked up) and globs, found the way ``convert`` finds its inputs. A JSON file that is not a minutes
document is not an error: it comes back as :class:`Skipped` with a one-line reason, and the
caller decides how to say so.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from extractor.core import InputError, Minutes
from extractor.files import find_files

if TYPE_CHECKING:
    from extractor.corpus.export import bulk_lines, index_mapping, item_documents, write_bulk
    from extractor.corpus.index import IndexHealth, check_index, index_document, open_index
    from extractor.corpus.report import build_report
    from extractor.corpus.search import Hit, SearchFilters
    from extractor.corpus.search import search as run_search

_LAZY: dict[str, tuple[str, str]] = {
    "bulk_lines": ("export", "bulk_lines"),
    "index_mapping": ("export", "index_mapping"),
    "item_documents": ("export", "item_documents"),
    "write_bulk": ("export", "write_bulk"),
    "IndexHealth": ("index", "IndexHealth"),
    "check_index": ("index", "check_index"),
    "index_document": ("index", "index_document"),
    "open_index": ("index", "open_index"),
    "build_report": ("report", "build_report"),
    "Hit": ("search", "Hit"),
    "SearchFilters": ("search", "SearchFilters"),
    "run_search": ("search", "search"),
}
"""Public names of the submodules, imported on first use: name → (module, attribute)."""


def __getattr__(name: str) -> Any:
    """Import a public name of a submodule on first use."""
    home = _LAZY.get(name)
    if home is None:
        raise AttributeError(f"module 'extractor.corpus' has no attribute {name!r}")
    module = importlib.import_module(f"extractor.corpus.{home[0]}")
    return getattr(module, home[1])


@dataclass(frozen=True, slots=True)
class LoadedMinutes:
    """One minutes document read back from its JSON file, with that file's SHA-256."""

    path: Path
    sha256: str
    minutes: Minutes


@dataclass(frozen=True, slots=True)
class Skipped:
    """A JSON file that could not be read as minutes, and why (one line)."""

    path: Path
    reason: str


def collect_json(arguments: Sequence[str]) -> list[Path]:
    """Resolve files, folders and globs to ``.json`` files, in a stable order, without repeats.

    A named file is kept whatever its extension (reading it reports what is wrong); a glob that
    matches nothing, or arguments that yield no file at all, raise
    :class:`extractor.core.errors.UsageError`.
    """
    return [path for path, _ in find_files(arguments, extensions=(".json",))]


_TOO_DEEP = "nested too deeply to be minutes JSON (arrays or objects thousands deep)"


def read_minutes(path: Path) -> LoadedMinutes:
    """Read one converted document; raise :class:`InputError` if it is not minutes JSON."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path=path) from e
    try:
        document = json.loads(data)
    except (ValueError, UnicodeDecodeError) as e:
        raise InputError(f"not JSON ({e})", path=path) from e
    except RecursionError as e:
        raise InputError(_TOO_DEEP, path=path) from e
    if not isinstance(document, dict) or "schema_version" not in document:
        raise InputError("not a minutes document (no schema_version)", path=path)
    try:
        minutes = Minutes.model_validate(document)
    except RecursionError as e:
        raise InputError(_TOO_DEEP, path=path) from e
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "document"
        raise InputError(
            f"not a valid minutes document ({where}: {first['msg']})", path=path
        ) from e
    return LoadedMinutes(path=path, sha256=hashlib.sha256(data).hexdigest(), minutes=minutes)


def iter_minutes(paths: Sequence[Path]) -> Iterator[LoadedMinutes | Skipped]:
    """Read each file in turn, yielding the document or why it was skipped."""
    for path in paths:
        try:
            yield read_minutes(path)
        except InputError as e:
            yield Skipped(path=path, reason=e.message)


__all__ = [
    "Hit",
    "IndexHealth",
    "LoadedMinutes",
    "SearchFilters",
    "Skipped",
    "build_report",
    "bulk_lines",
    "check_index",
    "collect_json",
    "index_document",
    "index_mapping",
    "item_documents",
    "iter_minutes",
    "open_index",
    "read_minutes",
    "run_search",
    "write_bulk",
]
