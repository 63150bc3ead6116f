"""Export converted minutes as OpenSearch (or Elasticsearch) ``_bulk`` NDJSON, one doc per item.

Each item becomes one search document with its meeting, section and speaker copied in, so a hit
needs no join; its entities are kept both as a ``nested`` list and as flat keyword lists per
label (``orgs``, ``people``, ``places``, ``programmes``, ``dates``) for facets. The document
``_id`` is ``<first 16 hex digits of the source SHA-256>-<item id>`` (with a hash of the
meeting's ``source.span`` between them for a meeting cut from a file of several): the same
input bytes always give the same ids, so sending a file again overwrites its documents instead of
duplicating them. The bulk syntax is the documented one: an action line
``{"index": {"_index": …, "_id": …}}``, then the document on the next line, every line one
JSON object, the whole body ending with a newline.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Final

from extractor.core import Item, Minutes, Section, Speaker
from extractor.corpus import LoadedMinutes
from extractor.files import atomic_file

DEFAULT_INDEX: Final = "minutes"
_FLAT_FIELDS: Final = {
    "ORG": "orgs",
    "PERSON": "people",
    "PLACE": "places",
    "PROGRAMME": "programmes",
    "DATE": "dates",
}
_KEYWORD: Final = {"type": "keyword"}
_TEXT_WITH_KEYWORD: Final = {
    "type": "text",
    "analyzer": "english",
    "fields": {"raw": {"type": "keyword", "ignore_above": 256}},
}


def document_id(minutes: Minutes, item: Item) -> str:
    """The stable ``_id`` of an item's document: source SHA-256 prefix and item id.

    A meeting cut from a file of several also names its place in the file (a hash of its
    ``source.span``), so the meetings of one file never share ids.
    """
    span = minutes.source.span
    if span is None:
        return f"{minutes.source.sha256[:16]}-{item.id}"
    where = hashlib.sha256(span.model_dump_json().encode()).hexdigest()[:8]
    return f"{minutes.source.sha256[:16]}-{where}-{item.id}"


def item_documents(
    loaded: LoadedMinutes, *, json_path: str
) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(_id, document)`` for every item of one converted file, in document order."""
    doc = loaded.minutes
    meeting = {
        "title": doc.meeting.title,
        "date": doc.meeting.date,
        "start_time": doc.meeting.start_time,
        "end_time": doc.meeting.end_time,
        "location": doc.meeting.location,
    }
    source = {"path": doc.source.path, "format": doc.source.format, "sha256": doc.source.sha256}
    by_item: dict[str, list[str]] = {}
    for priority in doc.priorities:
        if priority.item:
            by_item.setdefault(priority.item, []).append(priority.text)
    for section in doc.sections:
        for item in section.items:
            body = _item_body(item, section)
            body.update(meeting=meeting, source=source, json_path=json_path)
            body["priorities"] = by_item.get(item.id, [])
            yield document_id(doc, item), body


def write_bulk(target: Path, lines: Iterable[str]) -> int:
    """Stream ``lines`` into ``target`` atomically (temporary file, then rename); return the count.

    Raises :class:`OutputError` when the file cannot be written; the target is then untouched.
    """
    count = 0
    with atomic_file(target, what="the export") as handle:
        for line in lines:
            handle.write(line)
            count += 1
    return count


def bulk_lines(
    documents: Iterable[tuple[str, dict[str, Any]]], *, index: str = DEFAULT_INDEX
) -> Iterator[str]:
    """The NDJSON lines of a ``_bulk`` body: an ``index`` action then its source, each + newline."""
    for doc_id, body in documents:
        yield json.dumps({"index": {"_index": index, "_id": doc_id}}, ensure_ascii=False) + "\n"
        yield json.dumps(body, ensure_ascii=False, separators=(",", ":")) + "\n"


def index_mapping() -> dict[str, Any]:
    """Settings and mappings for the index: English analysis on text, keywords for facets."""
    entity = {
        "type": "nested",
        "properties": {
            "label": _KEYWORD,
            "text": _TEXT_WITH_KEYWORD,
            "value": _KEYWORD,
            "expansion": _TEXT_WITH_KEYWORD,
            "canonical": _KEYWORD,
        },
    }
    person = {
        "properties": {
            "name": _TEXT_WITH_KEYWORD,
            "title": _KEYWORD,
            "role": _TEXT_WITH_KEYWORD,
            "organisation": _TEXT_WITH_KEYWORD,
        }
    }
    properties: dict[str, Any] = {
        "item_id": _KEYWORD,
        "section_id": _KEYWORD,
        "kind": _KEYWORD,
        "text": {"type": "text", "analyzer": "english"},
        "tags": _KEYWORD,
        "heading": {"type": "text", "analyzer": "english"},
        "speaker": person,
        "item_speaker": person,
        "entities": entity,
        "priorities": {"type": "text", "analyzer": "english"},
        "meeting": {
            "properties": {
                "title": _TEXT_WITH_KEYWORD,
                "date": {"type": "date", "format": "strict_date"},
                "start_time": _KEYWORD,
                "end_time": _KEYWORD,
                "location": _TEXT_WITH_KEYWORD,
            }
        },
        "source": {"properties": {"path": _KEYWORD, "format": _KEYWORD, "sha256": _KEYWORD}},
        "json_path": _KEYWORD,
    }
    properties.update(dict.fromkeys(_FLAT_FIELDS.values(), _KEYWORD))
    return {
        "settings": {"index": {"number_of_shards": 1}},
        "mappings": {"dynamic": "strict", "properties": properties},
    }


def _item_body(item: Item, section: Section) -> dict[str, Any]:
    """The item-level fields of one search document."""
    flat: dict[str, list[str]] = {field: [] for field in _FLAT_FIELDS.values()}
    for mention in item.entities:
        names = (
            [mention.value or mention.text]
            if mention.label == "DATE"
            else [mention.text, mention.canonical, mention.expansion]
        )
        values = flat[_FLAT_FIELDS[mention.label]]
        values.extend(n for n in names if n and n not in values)
    speaker = section.speaker
    return {
        "item_id": item.id,
        "section_id": section.id,
        "kind": item.kind,
        "text": item.text,
        "tags": list(item.tags),
        "heading": section.heading,
        "speaker": _person(speaker),
        "item_speaker": _person(item.speaker),
        "entities": [
            {
                "label": m.label,
                "text": m.text,
                "value": m.value,
                "expansion": m.expansion,
                "canonical": m.canonical,
            }
            for m in item.entities
        ],
        **flat,
    }


def _person(speaker: Speaker | None) -> dict[str, str | None] | None:
    """A speaker as a small object, or None."""
    if speaker is None:
        return None
    return {
        "name": speaker.name,
        "title": speaker.title,
        "role": speaker.role,
        "organisation": speaker.organisation,
    }
