"""The EMIT stage: serialise a document and validate it against the schema.

Takes a :class:`~extractor.core.models.Minutes`; gives its JSON text (indented for files, one line
for JSON Lines). Writing files is :mod:`extractor.files`' job.
"""

from __future__ import annotations

from typing import Any

import orjson

from extractor.core import Minutes, OutputError, validate_document


def to_jsonable(minutes: Minutes) -> dict[str, Any]:
    """The document as plain JSON data, exactly as it is written (nulls kept, contract order)."""
    data: dict[str, Any] = minutes.model_dump(mode="json")
    return data


def render(minutes: Minutes, *, path: str | None = None) -> str:
    """Validate ``minutes`` against the committed schema and return its newline-ended JSON.

    The text is UTF-8 JSON indented by two spaces, the same as ``json.dumps(indent=2,
    ensure_ascii=False)`` writes it, produced by orjson at a fraction of the cost.
    """
    data = to_jsonable(minutes)
    validate_document(data, path=path)
    return _dumps(data, option=orjson.OPT_INDENT_2, path=path) + "\n"


def one_line(text: str, *, path: str | None = None) -> str:
    """A rendered document (or any JSON text) as a single compact line, for JSON Lines files."""
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as e:
        raise OutputError(f"not valid JSON: {e}", path=path) from e
    return _dumps(data, option=0, path=path)


def _dumps(data: Any, *, option: int, path: str | None) -> str:
    """JSON text of ``data``; text that cannot be UTF-8 (a lone surrogate) is a clear error."""
    try:
        return orjson.dumps(data, option=option).decode("utf-8")
    except orjson.JSONEncodeError as e:
        raise OutputError(f"cannot write the document as JSON: {e}", path=path) from e
