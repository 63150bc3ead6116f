import json

import pytest

from extractor.models import Minutes, SourceFile
from extractor.schema import (
    REGENERATE_HINT,
    SCHEMA_ID,
    build_schema,
    committed_schema_path,
    schema_errors,
    schema_text,
)


def test_committed_schema_matches_the_models() -> None:
    committed = committed_schema_path().read_text(encoding="utf-8")
    assert committed == schema_text(), f"schemas/ is out of date; regenerate: {REGENERATE_HINT}"


def test_schema_declares_dialect_and_major_version() -> None:
    schema = build_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SCHEMA_ID and ".v1." in SCHEMA_ID
    assert schema["properties"]["schema_version"]["const"] == "1.0.0"


def test_schema_changelog_names_the_current_version() -> None:
    changelog = committed_schema_path().with_name("CHANGELOG.md").read_text(encoding="utf-8")
    assert "1.0.0" in changelog


def test_a_model_dump_validates_and_round_trips() -> None:
    source = SourceFile(path="a.txt", format="txt", sha256="a" * 64, encoding="utf-8")
    data = Minutes(source=source).model_dump(mode="json")
    assert schema_errors(data) == []
    assert Minutes.model_validate_json(json.dumps(data)).model_dump(mode="json") == data


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("schema_version",), "2.0.0"),
        (("meeting", "start_time"), "6pm"),
        (("source", "format"), "pdf"),
        (("unexpected",), 1),
    ],
)
def test_schema_rejects_what_the_models_reject(path: tuple[str, ...], value: object) -> None:
    source = SourceFile(path="a.txt", format="txt", sha256="a" * 64, encoding="utf-8")
    data = Minutes(source=source).model_dump(mode="json")
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert schema_errors(data)


def test_optional_plain_fields_are_written_as_type_lists() -> None:
    meeting = build_schema()["$defs"]["Meeting"]["properties"]
    assert meeting["title"]["type"] == ["string", "null"]
    assert meeting["date"]["type"] == ["string", "null"] and "pattern" in meeting["date"]
    assert "anyOf" in meeting["source"]  # a reference keeps the anyOf form


@pytest.mark.parametrize("value", [None, "2023-01-31"])
def test_nullable_pattern_field_accepts_null_and_valid_values(value: str | None) -> None:
    source = SourceFile(path="a.txt", format="txt", sha256="a" * 64, encoding="utf-8")
    data = Minutes(source=source).model_dump(mode="json")
    data["meeting"]["date"] = value
    assert schema_errors(data) == []
