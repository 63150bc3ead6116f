"""Context cues that name organisations, on a blank pipeline (rules only)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.tag.components.cues import cue_spans
from extractor.tag.load import load_nlp


@pytest.fixture(scope="module")
def blank() -> Language:
    return load_nlp("blank")


def cues(nlp: Language, text: str) -> list[str]:
    return [s.text for s in cue_spans(nlp.make_doc(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("grants from organisations such as WREN, to support it", ["WREN"]),
        (
            "funders including Awards for All and Hilltop Trust.",
            ["Awards for All", "Hilltop Trust"],
        ),
        ("charities such as Age UK, Shelter or Crisis help", ["Age UK", "Shelter", "Crisis"]),
        ("TAG Teleconference", ["TAG"]),
        ("at the PCC meeting last week", ["PCC"]),
    ],
)
def test_cues_find_organisations(blank: Language, text: str, expected: list[str]) -> None:
    assert cues(blank, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "agencies including the Council and the Police",
        "organisations such as local churches",
        "DRAFT MINUTES OF THE MEETING",
        "the CCTV meeting",
        "Draft minutes",
        "residents such as Jane Roe",
        "a PCC meeting",
    ],
)
def test_cues_ignore_generic_words_and_capitals(blank: Language, text: str) -> None:
    assert cues(blank, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("from organisations such as WREN, to", [("WREN", "ORG")]),
        ("TAG Teleconference", [("TAG", "ORG")]),
    ],
)
def test_cue_spans_become_entities(
    blank: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    doc = blank(text)
    assert [(e.text, e.label_) for e in doc.ents] == expected
    assert doc._.rule_ents == {(e.start_char, e.end_char) for e in doc.ents}
