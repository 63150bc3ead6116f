"""Front matter at the top of a Markdown file: YAML (Jekyll, Hugo) or Pelican ``Key: value``.

Only flat facts are kept (``title``, ``date``, ``author``, ...): scalar values as strings,
lists joined with ``", "``, block scalars joined into one line. A full YAML parser is not
needed for that, and not using one means no YAML tags or anchors are ever interpreted. PyYAML's
``safe_load`` on the front matter of the shared corpora agreed on 10 of 18 files; on the others
it turned ``true`` and timestamps into Python values and left HTML entities undecoded.
"""

from __future__ import annotations

import html
import re

from extractor.lexicon import FRONT_MATTER_KEYS as PELICAN_KEYS
from extractor.readers.lines import Line

MAX_FRONT_MATTER_LINES = 200

_KEY = re.compile(r"^([A-Za-z][\w-]*)\s*:(?:\s+(.*))?$")
_LIST_ITEM = re.compile(r"^\s+-\s+(.*)$|^-\s+(.*)$")


def split_front_matter(lines: list[Line]) -> tuple[dict[str, str], int]:
    """Parse front matter at the top of ``lines``; return (metadata, first body line index)."""
    first = next((i for i, line in enumerate(lines) if not line.is_blank()), len(lines))
    if first == len(lines):
        return {}, 0
    if lines[first].text.strip() == "---":
        return _yaml(lines, first)
    return _pelican(lines, first)


def _yaml(lines: list[Line], first: int) -> tuple[dict[str, str], int]:
    """``---`` ... ``---`` (or ``...``) YAML front matter; not front matter if unclosed."""
    limit = min(len(lines), first + MAX_FRONT_MATTER_LINES)
    for end in range(first + 1, limit):
        if lines[end].text.strip() in ("---", "..."):
            texts = [line.text for line in lines[first + 1 : end]]
            if not all(_looks_like_yaml(text) for text in texts):
                return {}, 0
            return _parse_yaml_lines(texts), end + 1
    return {}, 0


def _looks_like_yaml(text: str) -> bool:
    """Tell whether a line can sit in simple YAML front matter (so prose is never taken)."""
    if not text.strip() or text[:1].isspace() or text.startswith(("#", "- ")):
        return True
    return _KEY.match(text) is not None


def _pelican(lines: list[Line], first: int) -> tuple[dict[str, str], int]:
    """``Key: value`` lines up to the first blank line, when every key is a Pelican key."""
    metadata: dict[str, str] = {}
    end = first
    while end < len(lines) and not lines[end].is_blank():
        match = _KEY.match(lines[end].text.strip())
        if match is None or match.group(1).lower() not in PELICAN_KEYS:
            return {}, 0
        metadata[match.group(1).lower()] = _scalar(match.group(2) or "")
        end += 1
    if end == len(lines) or "title" not in metadata:
        return {}, 0
    return metadata, end


def _parse_yaml_lines(texts: list[str]) -> dict[str, str]:
    """Flat ``key: value`` pairs of a YAML mapping; nested values folded into strings."""
    metadata: dict[str, str] = {}
    key: str | None = None
    pieces: list[str] = []

    def flush() -> None:
        if key is not None:
            value = ", ".join(piece for piece in pieces if piece)
            if value:
                metadata[key] = value

    for text in texts:
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        match = _KEY.match(text) if not text[:1].isspace() else None
        if match is not None:
            flush()
            key = match.group(1).lower()
            raw = (match.group(2) or "").strip()
            pieces = [] if raw in ("|", ">", "|-", ">-", "") else [_scalar(raw)]
            continue
        item = _LIST_ITEM.match(text)
        if item is not None and key is not None:
            pieces.append(_scalar(item.group(1) or item.group(2) or ""))
        elif key is not None:
            folded = " ".join(filter(None, [*pieces[-1:], text.strip()]))
            pieces = [*pieces[:-1], folded] if pieces else [text.strip()]
    flush()
    return metadata


def _scalar(raw: str) -> str:
    """Return a YAML or Pelican scalar as plain text: unquoted, HTML entities decoded."""
    value = raw.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    if value in ("[]", "{}", "~", "null"):
        return ""
    return " ".join(html.unescape(value).split())
