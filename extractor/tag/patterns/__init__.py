"""The rule layer's pattern files: reading, checking and fingerprinting them.

Pattern files are spaCy SpanRuler JSONL (one ``{"label": ..., "pattern": ..., "id": ...}`` per
line). The shipped files in this folder generalise over names — "capitalised words + Board",
"London Borough of X", "ABBR programme", "X's Law", date forms — and ``gazetteer.jsonl`` lists
national bodies and programmes (see ``README.md``). Users add their own files with the same
format. The name-shape patterns built from word lists are :mod:`.shapes`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from extractor.core import ConfigError

PATTERN_DIR = Path(__file__).parent
GAZETTEER = PATTERN_DIR / "gazetteer.jsonl"
LABELS = frozenset({"ORG", "PERSON", "PLACE", "DATE", "PROGRAMME"})


def shipped_pattern_files() -> list[Path]:
    """List the pattern files that ship with the package, in a stable order."""
    return sorted(path for path in PATTERN_DIR.glob("*.jsonl") if path != GAZETTEER)


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Objects of a JSONL file; blank lines are skipped. Raises ConfigError on bad lines."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise ConfigError(f"cannot read pattern file: {e.strerror}", path=path) from e
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise ConfigError(f"line {number} is not valid JSON: {e.msg}", path=path) from e
        if not isinstance(obj, dict):
            raise ConfigError(f"line {number} is not a JSON object", path=path)
        yield obj


def load_patterns(path: Path) -> list[dict[str, Any]]:
    """SpanRuler patterns of one file, checked for a known label and a pattern."""
    patterns = list(read_jsonl(path))
    for number, pattern in enumerate(patterns, start=1):
        if pattern.get("label") not in LABELS or "pattern" not in pattern:
            raise ConfigError(
                f"pattern {number} needs a label ({', '.join(sorted(LABELS))}) and a pattern",
                path=path,
            )
    return patterns


def _gazetteer(path: Path) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(name, label, entry) of each gazetteer entry; ConfigError when one lacks either."""
    for entry in read_jsonl(path):
        name, label = entry.get("name"), entry.get("label")
        if not isinstance(name, str) or label not in LABELS:
            raise ConfigError(f"gazetteer entry without name or label: {entry}", path=path)
        yield name, label, entry


def gazetteer_patterns(path: Path = GAZETTEER) -> list[dict[str, Any]]:
    """SpanRuler patterns for every name and alias of the gazetteer; ``id`` is the name."""
    patterns: list[dict[str, Any]] = []
    for name, label, entry in _gazetteer(path):
        for alias in [name, *entry.get("aliases", [])]:
            if alias.startswith("the "):
                tokens = [{"LOWER": "the"}, *({"ORTH": w} for w in alias[4:].split())]
                patterns.append({"label": label, "pattern": tokens, "id": name})
            else:
                patterns.append({"label": label, "pattern": alias, "id": name})
    return patterns


def not_initial_names(path: Path = GAZETTEER) -> frozenset[str]:
    """Gazetteer names flagged ``not_initial``: no name at the start of a text or sentence.

    Each is also an ordinary word ("Prevent").
    """
    return frozenset(name for name, _, entry in _gazetteer(path) if entry.get("not_initial"))


def files_fingerprint(paths: Sequence[Path], *, extra: str = "") -> str:
    """Hash the named files' contents (and ``extra`` text), for telling rule sets apart."""
    digest = hashlib.sha256(extra.encode())
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
