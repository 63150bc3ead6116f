"""Acronyms of names the document writes in full without pairing them."""

from __future__ import annotations

import re

import pytest

from extractor.core import EntityLabel, EntityMention
from extractor.tag.document.implicit import (
    implicit_expansions,
    implicit_mentions,
    matched_texts,
    tag_implicit,
)

NCC = "Norfolk County Council"
COUNCIL = "Borough Council of King’s Lynn and West Norfolk Parks and Open Spaces Department"


@pytest.mark.parametrize(
    ("text", "names", "known", "expected"),
    [
        ("report it to BCKLWN.", {COUNCIL: "ORG"}, [], {"BCKLWN": (COUNCIL[:47], "ORG")}),
        ("the NCC view", {"Norfolk County Council": "ORG"}, [], {"NCC": (NCC, "ORG")}),
        ("the LTP consultation", {"Westshire Local Transport Plan": "PROGRAMME"}, [], {}),
        (
            "the WLTP consultation",
            {"Westshire Local Transport Plan": "PROGRAMME"},
            [],
            {"WLTP": ("Westshire Local Transport Plan", "PROGRAMME")},
        ),
        ("the NCC view", {NCC: "ORG", "Newtown Community Centre": "ORG"}, [], {}),
        ("the NCC view", {NCC: "ORG"}, ["NCC"], {}),
    ],
    ids=["prefix", "whole", "no-match", "programme", "ambiguous", "known"],
)
def test_implicit_expansions(
    text: str,
    names: dict[str, EntityLabel],
    known: list[str],
    expected: dict[str, tuple[str, EntityLabel]],
) -> None:
    assert implicit_expansions([text], names, known=known) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        ("ask NCC today", [], [("NCC", "ORG", "Norfolk County Council")]),
        (
            "ask NCC today",
            [EntityMention(text="NCC", label="PERSON", start=4, end=7)],
            [("NCC", "ORG", "Norfolk County Council")],
        ),
        (
            "ask NCC-HD today",
            [],
            [],
        ),
        (
            "ask NCC today",
            [EntityMention(text="NCC", label="ORG", start=4, end=7, canonical="Other")],
            [("NCC", "ORG", None)],
        ),
    ],
    ids=["added", "relabelled", "hyphenated", "gazetteer-wins"],
)
def test_implicit_mentions(
    text: str, mentions: list[EntityMention], expected: list[tuple[str, str, str | None]]
) -> None:
    implicit_mentions(text, mentions, {"NCC": ("Norfolk County Council", "ORG")})
    assert [(m.text, m.label, m.expansion) for m in mentions] == expected


@pytest.mark.parametrize(
    ("name", "label", "expected"),
    [
        ("Aster Software Foundation", "ORG", [("ASF", "ORG", "Aster Software Foundation")]),
        (
            "Aster Streaming Framework",
            "PROGRAMME",
            [("ASF", "PROGRAMME", "Aster Streaming Framework")],
        ),
        ("Aster Streaming Format", "ORG", []),
        ("Aster Software Foundation", "PERSON", []),
    ],
    ids=["org-head", "programme-head", "no-head", "person"],
)
def test_tag_implicit_needs_a_named_body_or_programme(
    name: str, label: EntityLabel, expected: list[tuple[str, str, str]]
) -> None:
    first = [EntityMention(text=name, label=label, start=0, end=len(name))]
    second: list[EntityMention] = []
    tag_implicit([(name, first), ("The ASF board met.", second)])
    assert [(m.text, m.label, m.expansion) for m in second] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("xNCC or -NCC or NCC- or NCC2", {}),
        ("(NCC) and NCC.", {"NCC": (NCC, "ORG")}),
        ("two texts\nNCC", {"NCC": (NCC, "ORG")}),
    ],
)
def test_implicit_acronyms_stand_alone(text: str, expected: dict[str, tuple[str, str]]) -> None:
    assert implicit_expansions(text.split("\n"), {NCC: "ORG"}) == expected


@pytest.mark.parametrize(
    ("texts", "pattern", "found"),
    [
        (["the NHS met", "nothing here", "NHS again"], r"\bNHS\b", [0, 2]),
        (["", "NHS", ""], r"\bNHS\b", [1]),
        (["ends with NH", "S starts"], r"\bNHS\b", []),
        (["NHS NHS NHS"], r"\bNHS\b", [0]),
        ([], r"\bNHS\b", []),
    ],
)
def test_matched_texts_are_those_one_search_per_text_finds(
    texts: list[str], pattern: str, found: list[int]
) -> None:
    finder = re.compile(pattern)
    assert matched_texts(texts, finder.finditer) == found
    assert found == [i for i, text in enumerate(texts) if finder.search(text)]
