"""Incremental runs: remember what each output was made from, and skip inputs that have not changed.

The manifest (``.extractor-manifest.json`` in the output folder) maps each output file, relative to
that folder, to the SHA-256 of its input and the fingerprint of the pipeline that made it. A
pipeline fingerprint covers the extractor's version, the schema version, the spaCy model and
every pattern or dictionary file, so that changing any of them redoes everything.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.files import write_atomic

MANIFEST_NAME = ".extractor-manifest.json"
_FORMAT = 1


def file_sha256(path: Path, *, chunk: int = 1 << 20) -> str:
    """SHA-256 of a file's bytes, read in chunks (inputs may be large)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


@dataclass(slots=True)
class Manifest:
    """What was converted into an output folder, and by which pipeline."""

    folder: Path
    entries: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        """The folder's manifest, or an empty one when it has none or it cannot be read."""
        path = folder / MANIFEST_NAME
        try:
            data: Any = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(folder=folder)
        if not isinstance(data, dict):
            return cls(folder=folder)
        entries = data.get("entries")
        if data.get("format") != _FORMAT or not isinstance(entries, dict):
            return cls(folder=folder)
        return cls(folder=folder, entries=entries)

    def is_current(self, relative_output: Path, *, sha256: str, fingerprint: str) -> bool:
        """True when the output exists and was made from these bytes by this pipeline."""
        entry = self.entries.get(relative_output.as_posix())
        return (
            isinstance(entry, dict)
            and entry.get("sha256") == sha256
            and entry.get("fingerprint") == fingerprint
            and (self.folder / relative_output).is_file()
        )

    def record(self, relative_output: Path, *, source: str, sha256: str, fingerprint: str) -> None:
        """Note that ``relative_output`` now holds the conversion of ``source``."""
        self.entries[relative_output.as_posix()] = {
            "source": source,
            "sha256": sha256,
            "fingerprint": fingerprint,
        }

    def save(self) -> None:
        """Write the manifest atomically (a crash leaves the previous one intact)."""
        body = {"format": _FORMAT, "entries": dict(sorted(self.entries.items()))}
        write_atomic(self.folder / MANIFEST_NAME, json.dumps(body, indent=1) + "\n")
