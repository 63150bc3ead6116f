"""GitHub-flavoured Markdown table rows: recognising the delimiter row and splitting cells."""

from __future__ import annotations

import re

_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def is_delimiter_row(text: str) -> bool:
    """Tell whether a line is a table's delimiter row: dashes (and colons) between pipes."""
    return "|" in text and bool(_DELIMITER.match(text))


def split_cells(text: str) -> list[str]:
    r"""Split a table row into raw cell texts; outer pipes optional, ``\|`` is a literal pipe."""
    row = text.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [cell.strip().replace("\\|", "|") for cell in _CELL_SPLIT.split(row)]
