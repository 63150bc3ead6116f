import json
from pathlib import Path
from typing import Any

import pytest

from extractor.core import OutputError
from extractor.corpus import LoadedMinutes, read_minutes
from extractor.corpus.export import bulk_lines, index_mapping, item_documents, write_bulk
from tests.corpus.search_docs import write_all


@pytest.fixture
def docs(tmp_path: Path) -> list[LoadedMinutes]:
    return [read_minutes(p) for p in write_all(tmp_path / "out")]


def export(docs: list[LoadedMinutes], target: Path, index: str = "minutes") -> str:
    bodies = (b for d in docs for b in item_documents(d, json_path=d.path.name))
    write_bulk(target, bulk_lines(bodies, index=index))
    return target.read_text(encoding="utf-8")


def test_bulk_body_follows_the_documented_syntax(tmp_path: Path, docs: list[LoadedMinutes]) -> None:
    text = export(docs, tmp_path / "minutes.ndjson", index="council-minutes")
    assert text.endswith("\n") and "\r" not in text
    lines = text.split("\n")[:-1]
    assert len(lines) == 2 * 7
    for action_line, source_line in zip(lines[::2], lines[1::2], strict=True):
        action, source = json.loads(action_line), json.loads(source_line)
        assert list(action) == ["index"] and set(action["index"]) == {"_index", "_id"}
        assert action["index"]["_index"] == "council-minutes"
        assert isinstance(source, dict) and "index" not in source and source["text"]


def test_ids_are_unique_and_stable_across_runs(tmp_path: Path, docs: list[LoadedMinutes]) -> None:
    first = export(docs, tmp_path / "a.ndjson")
    second = export([read_minutes(d.path) for d in docs], tmp_path / "b.ndjson")
    assert first == second
    ids = [json.loads(line)["index"]["_id"] for line in first.splitlines()[::2]]
    assert len(set(ids)) == len(ids)
    assert ids[0] == f"{docs[0].minutes.source.sha256[:16]}-s1.i1"


def test_item_documents_denormalise_the_meeting(docs: list[LoadedMinutes]) -> None:
    forum = next(d for d in docs if d.minutes.meeting.date == "2024-03-05")
    by_id = dict(item_documents(forum, json_path="forum.json"))
    body = by_id[f"{forum.minutes.source.sha256[:16]}-s2.i1"]
    assert body["meeting"]["title"] == "Riverside Community Safety Forum"
    assert body["meeting"]["date"] == "2024-03-05"
    assert body["speaker"]["organisation"] == "Metropolitan Police Service"
    assert body["orgs"] == ["CSP", "Community Safety Partnership"]
    assert body["entities"][0]["expansion"] == "Community Safety Partnership"
    assert body["source"]["path"] == "minutes/forum-2024-03-05.txt"
    first = by_id[f"{forum.minutes.source.sha256[:16]}-s1.i1"]
    assert first["dates"] == ["2024-04"] and first["priorities"] == ["Youth violence"]
    assert first["tags"] == ["priority"] and first["json_path"] == "forum.json"


def _undeclared(body: dict[str, Any], properties: dict[str, Any], prefix: str = "") -> list[str]:
    """Fields of a document that the strict mapping does not declare."""
    missing = []
    for key, value in body.items():
        if key not in properties:
            missing.append(prefix + key)
            continue
        inner = properties[key].get("properties")
        values = value if isinstance(value, list) else [value]
        for element in values:
            if inner is not None and isinstance(element, dict):
                missing += _undeclared(element, inner, f"{prefix}{key}.")
    return missing


def test_every_field_is_in_the_strict_mapping(docs: list[LoadedMinutes]) -> None:
    mapping = index_mapping()
    assert mapping["mappings"]["dynamic"] == "strict"
    properties = mapping["mappings"]["properties"]
    assert properties["meeting"]["properties"]["date"]["type"] == "date"
    assert properties["entities"]["type"] == "nested"
    for loaded in docs:
        for _, body in item_documents(loaded, json_path="x.json"):
            assert _undeclared(body, properties) == []
    assert json.loads(json.dumps(mapping)) == mapping


def test_failed_write_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "out.ndjson"

    def lines() -> Any:
        yield "{}\n"
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match="cannot write the export: the disk is full"):
        write_bulk(target, lines())
    assert list(tmp_path.iterdir()) == []


def test_the_meetings_of_one_file_get_ids_of_their_own() -> None:
    from extractor.core import SourceRef, SourceSpan
    from extractor.corpus.export import document_id
    from tests.corpus.search_docs import forum

    whole = forum()
    item = whole.sections[0].items[0]
    parts = []
    for first in (1, 20):
        part = forum()
        span = SourceSpan(first=SourceRef(line=first), last=SourceRef(line=first + 9))
        part.source = part.source.model_copy(update={"span": span})
        parts.append(part)
    ids = {document_id(doc, item) for doc in (whole, *parts)}
    assert len(ids) == 3
    assert document_id(whole, item) == f"{whole.source.sha256[:16]}-{item.id}"
