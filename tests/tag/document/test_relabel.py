"""Document-level labels: bare names listed under a heading that introduces bodies."""

from __future__ import annotations

import pytest

from extractor.core import EntityMention
from extractor.tag.document.evidence import Evidence
from extractor.tag.document.relabel import TaggedText, listed_bodies


def text(value: str, item: str | None = "s1.i1", *mentions: EntityMention) -> TaggedText:
    return TaggedText(value, item, list(mentions))


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Corporate members approved", ["ORG", "ORG"]),
        ("New funders:", ["ORG", "ORG"]),
        ("Board members", [None, None]),
        ("Any other business", [None, None]),
    ],
)
def test_bare_names_under_a_heading_of_bodies(heading: str, expected: list[str | None]) -> None:
    texts = [text(heading, None), text("Quillo"), text("Fernbank.io")]
    listed_bodies(texts, Evidence())
    found = [t.mentions[0].label if t.mentions else None for t in texts[1:]]
    assert found == expected
    assert all((0, len(t.text)) in t.ruled for t in texts[1:] if t.mentions)


def test_sentences_people_and_later_sections_are_left_alone() -> None:
    person = EntityMention(text="Ray Lee", label="PERSON", start=0, end=7)
    model_person = EntityMention(text="Jo Park", label="PERSON", start=0, end=7)
    texts = [
        text("Partner organisations", None),
        text("Ray Lee", "s1.i1", person),
        text("Jo Park", "s1.i1", model_person),
        text("Acme Trust said it would help."),
        text("Hill Farm"),
        text("Next steps", None),
        text("Bright Futures"),
    ]
    listed_bodies(texts, Evidence(people={"ray lee"}))
    assert [m.label for m in texts[1].mentions] == [m.label for m in texts[2].mentions]
    assert [m.label for m in texts[2].mentions] == ["PERSON"]
    assert texts[3].mentions == texts[4].mentions == texts[6].mentions == []
