"""Small converted documents built in code, shared by the index, search, export and report tests."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any

from extractor.core import (
    Acronym,
    ActionItem,
    Decision,
    EntityMention,
    Item,
    Meeting,
    Minutes,
    NextMeeting,
    Person,
    Priority,
    Section,
    SourceFile,
    SourceRef,
    Speaker,
)
from extractor.corpus import read_minutes
from extractor.corpus.index import index_document, open_index


def mention(text: str, fragment: str, label: Any, **extra: str) -> EntityMention:
    """An entity mention of ``fragment`` inside ``text`` with correct offsets."""
    start = text.index(fragment)
    return EntityMention(
        text=fragment, label=label, start=start, end=start + len(fragment), **extra
    )


def item(
    item_id: str, text: str, *entities: tuple[Any, ...], tags: tuple[Any, ...] = (), **kw: Any
) -> Item:
    """An item whose entities are ``(fragment, label, {extra})`` tuples."""
    mentions = [mention(text, e[0], e[1], **(e[2] if len(e) > 2 else {})) for e in entities]
    line = int(item_id.split(".i")[1]) + 10
    return Item(
        id=item_id,
        kind=kw.pop("kind", "bullet"),
        text=text,
        source=SourceRef(line=line),
        entities=mentions,
        tags=list(tags),
        **kw,
    )


def source(name: str) -> SourceFile:
    """A source file record whose SHA-256 depends on the name only."""
    return SourceFile(
        path=f"minutes/{name}", format="txt", sha256=hashlib.sha256(name.encode()).hexdigest()
    )


def forum() -> Minutes:
    """A dated forum with two speakers, an acronym, a programme, a priority and an action."""
    t1 = "The Community Safety Partnership will publish its youth violence strategy in April 2024."
    t2 = "Street lighting on Mill Lane will be repaired."
    t3 = "Knife crime fell after the CSP funded extra youth workers."
    t4 = "The Safer Streets Fund pays for new CCTV cameras in the park."
    csp = {"expansion": "Community Safety Partnership"}
    return Minutes(
        source=source("forum-2024-03-05.txt"),
        meeting=Meeting(title="Riverside Community Safety Forum", date="2024-03-05"),
        attendees=[Person(name="Jane Doe", organisation="Riverside Borough Council")],
        apologies=[Person(name="Bob Stone")],
        sections=[
            Section(
                id="s1",
                heading="Councillor Jane Doe, Riverside Borough Council",
                speaker=Speaker(
                    name="Jane Doe", title="Councillor", organisation="Riverside Borough Council"
                ),
                source=SourceRef(line=5),
                entities=[
                    mention(
                        "Councillor Jane Doe, Riverside Borough Council",
                        "Riverside Borough Council",
                        "ORG",
                    )
                ],
                items=[
                    item(
                        "s1.i1",
                        t1,
                        ("Community Safety Partnership", "ORG"),
                        ("April 2024", "DATE", {"value": "2024-04"}),
                        tags=("priority",),
                    ),
                    item("s1.i2", t2, ("Mill Lane", "PLACE"), tags=("action",)),
                ],
            ),
            Section(
                id="s2",
                heading="Inspector Sam Patel, Metropolitan Police Service",
                speaker=Speaker(
                    name="Sam Patel", title="Inspector", organisation="Metropolitan Police Service"
                ),
                source=SourceRef(line=9),
                items=[
                    item("s2.i1", t3, ("CSP", "ORG", csp)),
                    item(
                        "s2.i2",
                        t4,
                        ("Safer Streets Fund", "PROGRAMME", {"canonical": "Safer Streets Fund"}),
                    ),
                ],
            ),
        ],
        acronyms=[Acronym(short="CSP", long="Community Safety Partnership")],
        priorities=[Priority(rank=1, text="Youth violence", item="s1.i1")],
        action_items=[ActionItem(text=t2, item="s1.i2")],
        decisions=[Decision(text="Fund the youth workers for another year.")],
        next_meeting=NextMeeting(date="2024-05-07", text="Next meeting on 7 May 2024."),
    )


def parish() -> Minutes:
    """An older meeting with a topic section (no speaker) and a transcript line."""
    t1 = "Youth club funding was agreed by the Hillside Parish Council."
    t2 = "We need more volunteers for the youth club."
    return Minutes(
        source=source("parish-2023-06-01.txt"),
        meeting=Meeting(title="Hillside Parish Council", date="2023-06-01"),
        sections=[
            Section(
                id="s1",
                heading="Youth club",
                source=SourceRef(line=4),
                items=[
                    item("s1.i1", t1, ("Hillside Parish Council", "ORG"), tags=("decision",)),
                    item(
                        "s1.i2",
                        t2,
                        kind="utterance",
                        speaker=Speaker(name="Amy Lee", organisation="Hillside Youth Club"),
                    ),
                ],
            )
        ],
        decisions=[Decision(text=t1, item="s1.i1")],
    )


def undated() -> Minutes:
    """A meeting without a date or title."""
    return Minutes(
        source=source("notes.txt"),
        sections=[
            Section(
                id="s1",
                heading="Notes",
                source=SourceRef(line=1),
                items=[item("s1.i1", "Budget for the youth festival is still open.")],
            )
        ],
    )


def write(path: Path, minutes: Minutes) -> Path:
    """Write a document as ``extractor convert`` would."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = minutes.model_dump(mode="json")
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def write_all(folder: Path) -> list[Path]:
    """The three documents in ``folder`` (one in a subfolder), plus the convert manifest."""
    (folder / ".extractor-manifest.json").parent.mkdir(parents=True, exist_ok=True)
    (folder / ".extractor-manifest.json").write_text("{}", encoding="utf-8")
    return [
        write(folder / "forum-2024-03-05.json", forum()),
        write(folder / "2023" / "parish-2023-06-01.json", parish()),
        write(folder / "notes.json", undated()),
    ]


def indexed(folder: Path) -> sqlite3.Connection:
    """An index at ``folder/minutes.db`` of the three documents, written under ``folder/out``."""
    connection = open_index(folder / "minutes.db")
    for path in write_all(folder / "out"):
        index_document(connection, read_minutes(path))
    return connection
