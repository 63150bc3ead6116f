"""The published JSON Schema: generated from the models, committed, and used to validate output."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from extractor.errors import SchemaValidationError
from extractor.models import SCHEMA_VERSION, Minutes

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_MAJOR = SCHEMA_VERSION.split(".")[0]
SCHEMA_ID = f"https://example.org/extractor/minutes.v{SCHEMA_MAJOR}.schema.json"
SCHEMA_FILENAME = "minutes.schema.json"
REGENERATE_HINT = "python -m extractor schema > schemas/minutes.schema.json"


def build_schema() -> dict[str, Any]:
    """Generate the JSON Schema (2020-12) of :class:`Minutes`, with ``$schema`` and ``$id`` set."""
    body = Minutes.model_json_schema(mode="validation")
    return {"$schema": SCHEMA_DIALECT, "$id": SCHEMA_ID, **body}


def schema_text() -> str:
    """The schema as the committed file holds it: indented JSON with a final newline."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


def committed_schema_path() -> Path:
    """Where the committed schema lives in a source checkout (``schemas/minutes.schema.json``)."""
    return Path(__file__).resolve().parent.parent / "schemas" / SCHEMA_FILENAME


@cache
def load_schema() -> dict[str, Any]:
    """The committed schema when the checkout has it, else the one generated from the models.

    An installed wheel carries no ``schemas/`` folder; it validates against the same models.
    """
    path = committed_schema_path()
    if path.is_file():
        loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return loaded
    return build_schema()


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(load_schema())


def schema_errors(document: Any) -> list[str]:
    """Every way ``document`` breaks the schema, as ``json.path: message`` lines."""
    found = sorted(_validator().iter_errors(document), key=lambda e: list(e.absolute_path))
    return [f"{e.json_path}: {e.message}" for e in found]


def validate_document(document: Any, *, path: str | None = None) -> None:
    """Raise :class:`SchemaValidationError` naming the first problem of an invalid document."""
    problems = schema_errors(document)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise SchemaValidationError(
            f"output does not match the minutes schema: {problems[0]}{more}", path=path
        )
