"""Spans that name no body or person, judged on a blank tokenizer."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from extractor.tag.components.not_names import irish_county, not_a_name, product, technical_or_event


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.blank("en")


def span(nlp: Language, text: str, part: str) -> Span:
    doc = nlp(text)
    start = text.index(part)
    found = doc.char_span(start, start + len(part))
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("text", "part", "expected"),
    [
        ("use of Google Translate today", "Google Translate", True),
        ("the URLPattern proposal", "URLPattern", True),
        ("the Maven Compiler Plugin", "Maven Compiler Plugin", True),
        ("the Westshire Digital Summit", "Westshire Digital Summit", True),
        ("the Westshire Digital Trust", "Westshire Digital Trust", False),
        ("the McDonald Foundation", "McDonald Foundation", False),
    ],
)
def test_technical_or_event(nlp: Language, text: str, part: str, expected: bool) -> None:
    assert technical_or_event(span(nlp, text, part)) is expected


@pytest.mark.parametrize(
    ("text", "part", "expected"),
    [
        ("meets at 10:30am Pacific", "10:30am Pacific", True),
        ("E.g. Randomo was", "E.g. Randomo", True),
        ("more like Java than Groovy", "Java than Groovy", True),
        ("the Board of Directors Meeting Minutes", "Board of Directors Meeting Minutes", True),
        ("VP Brand Management said", "VP Brand Management", True),
        ("Friends of the Earth said", "Friends of the Earth", False),
        ("Acme Holdings plc said", "Acme Holdings plc", False),
        ("Save the Children said", "Save the Children", False),
    ],
)
def test_not_a_name(nlp: Language, text: str, part: str, expected: bool) -> None:
    assert not_a_name(span(nlp, text, part)) is expected


def test_products_and_irish_counties(nlp: Language) -> None:
    assert product(span(nlp, "filed in Jira today", "Jira"))
    assert not product(span(nlp, "the Python Software Foundation", "Python Software Foundation"))
    assert irish_county(span(nlp, "in Creeslough, Co. Wicklow last", "Creeslough, Co. Wicklow"))
    assert not irish_county(span(nlp, "Smith & Co. said", "Smith & Co."))
