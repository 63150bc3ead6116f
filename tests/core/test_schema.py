import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from extractor.core.models import Minutes, SourceFile
from extractor.core.schema import (
    REGENERATE_HINT,
    SCHEMA_ID,
    _fast_validator,
    _validator,
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
    version = schema["properties"]["schema_version"]
    assert version["default"] == "1.1.0"
    assert version["enum"] == ["1.1.0", "1.0.0"]  # a 1.1 reader still takes 1.0 documents


def test_schema_changelog_names_the_current_version() -> None:
    changelog = committed_schema_path().with_name("CHANGELOG.md").read_text(encoding="utf-8")
    assert "1.0.0" in changelog and "1.1.0" in changelog


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
        (("source", "format"), "pptx"),
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


def _sample_document() -> dict[str, object]:
    expected = sorted(committed_schema_path().parents[1].glob("samples/*.expected.json"))
    assert expected, "the samples' golden outputs are missing"
    loaded: dict[str, object] = json.loads(expected[0].read_text(encoding="utf-8"))
    return loaded


def _first_item(data: dict[str, Any]) -> dict[str, Any]:
    return next(item for section in data["sections"] for item in section["items"])


MUTATIONS = {
    "valid as written": lambda d: None,
    "wrong version": lambda d: d.update(schema_version="1.0"),
    "extra top-level key": lambda d: d.update(extra=True),
    "missing meeting": lambda d: d.pop("meeting"),
    "date not ISO": lambda d: d["meeting"].update(date="5 March 2024"),
    "sections not a list": lambda d: d.update(sections={}),
    "item text a number": lambda d: _first_item(d).update(text=7),
    "item kind unknown": lambda d: _first_item(d).update(kind="aside"),
    "entity without label": lambda d: d["entities"][0].pop("label"),
    "entity count negative": lambda d: d["entities"][0].update(count=-1),
    "entity label null": lambda d: d["entities"][0].update(label=None),
}


@pytest.mark.parametrize("mutate", MUTATIONS.values(), ids=MUTATIONS.keys())
def test_the_compiled_validator_agrees_with_the_reference(mutate: Any) -> None:
    data = _sample_document()
    mutate(data)
    reference = list(_validator().iter_errors(data))
    assert _fast_validator().is_valid(data) == (not reference)
    assert bool(schema_errors(data)) == bool(reference)


def test_a_rejection_the_reference_misses_still_gets_a_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data: Any = _sample_document()
    data["meeting"]["date"] = "someday"
    monkeypatch.setattr("extractor.core.schema._validator", lambda: Draft202012Validator({}))
    [problem] = schema_errors(data)
    assert problem.startswith("$.meeting.date: ") and "someday" in problem
