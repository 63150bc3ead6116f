"""The gated SpanRuler finds exactly what spaCy's SpanRuler finds, only sooner."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.language import Language

from extractor.tag._speed.flags import compile_flags
from extractor.tag.components.ruler import PatternGate, _required
from extractor.tag.patterns import gazetteer_patterns, load_patterns, shipped_pattern_files
from extractor.tag.patterns.shapes import shape_patterns

TEXTS = [
    "Cllr Jane Roe thanked the Safer Neighbourhood Board and Westshire Local Transport Plan.",
    "The ACAS Code of Practice on Disciplinary and Grievance Procedures was noted by Mr Ferrie.",
    "Healthwatch Westshire met on Tuesday, 5th of March 2024 and 12/03/2024; THE COUNCIL agreed.",
    "Friends of Hill Park Ltd, NHS England Midlands, Operation Bluebell and Sarah's Law — ok.",
    "the Met and the Home Office, spring term 2023, 2023/24, 2019 to 2021, 3 - 5 May 2024",
    "nothing capitalised here at all, just words",
    "Apologies",
    "",
]


def _patterns() -> list[dict[str, Any]]:
    rules = gazetteer_patterns()
    rules.extend(shape_patterns())
    for path in shipped_pattern_files():
        rules.extend(load_patterns(path))
    return rules


def _pipeline(factory: str, patterns: list[dict[str, Any]], *, flags: bool) -> Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(factory, config={"spans_key": "rules", "annotate_ents": True})
    ruler.add_patterns(compile_flags(nlp.vocab, patterns) if flags else patterns)
    return nlp


def _found(nlp: Language, text: str) -> tuple[list[tuple[int, int, str, str]], list[str]]:
    doc = nlp(text)
    spans = [(s.start, s.end, s.label_, s.id_) for s in doc.spans.get("rules", [])]
    return spans, [f"{e.text}/{e.label_}" for e in doc.ents]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Language, Language]:
    patterns = _patterns()
    return (
        _pipeline("span_ruler", patterns, flags=True),
        _pipeline("minutes_span_ruler", patterns, flags=True),
    )


@pytest.mark.parametrize("text", TEXTS)
def test_gated_ruler_finds_what_the_span_ruler_finds(
    pipelines: tuple[Language, Language], text: str
) -> None:
    plain, gated = pipelines
    assert _found(gated, text) == _found(plain, text)


@pytest.mark.parametrize("text", TEXTS[:5])
def test_gate_works_on_conditions_that_are_no_flags(text: str) -> None:
    patterns = _patterns()
    plain = _pipeline("span_ruler", patterns, flags=False)
    gated = _pipeline("minutes_span_ruler", patterns, flags=False)
    assert _found(gated, text) == _found(plain, text)
    assert _found(gated, text)[0]


def test_patterns_on_unknown_attributes_are_never_gated_away() -> None:
    patterns = [{"label": "DATE", "pattern": [{"IS_DIGIT": True}, {"LOWER": "may"}]}]
    gated = _pipeline("minutes_span_ruler", patterns, flags=False)
    assert _found(gated, "on 5 May")[1] == ["5 May/DATE"]
    assert _found(gated, "on five May")[1] == []


def test_gate_is_rebuilt_when_patterns_change() -> None:
    nlp = _pipeline(
        "minutes_span_ruler", [{"label": "ORG", "pattern": [{"ORTH": "Acme"}]}], flags=False
    )
    assert _found(nlp, "Acme and Bolt")[1] == ["Acme/ORG"]
    ruler = nlp.get_pipe("minutes_span_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": [{"ORTH": "Bolt"}]}])
    assert _found(nlp, "Acme and Bolt")[1] == ["Acme/ORG", "Bolt/ORG"]
    ruler.remove("ORG")
    ruler.add_patterns([{"label": "PLACE", "pattern": [{"LOWER": "bolt"}]}])
    assert _found(nlp, "Acme and Bolt")[1] == ["Bolt/PLACE"]


def test_gate_skips_a_doc_lacking_a_needed_word() -> None:
    nlp = spacy.blank("en")
    gate = PatternGate(
        nlp.vocab, [("X", [{"ORTH": "Code"}, {"LOWER": "of"}, {"ORTH": "Practice"}])]
    )
    assert gate.subset(gate.present(nlp("the code of practice"))) == ()
    assert gate(nlp("the Code of Practice")) != []


@pytest.mark.parametrize(
    ("spec", "required"),
    [
        ({"ORTH": "a"}, True),
        ({"ORTH": "a", "OP": "+"}, True),
        ({"ORTH": "a", "OP": "{2}"}, True),
        ({"ORTH": "a", "OP": "{1,3}"}, True),
        ({"ORTH": "a", "OP": "{0,3}"}, False),
        ({"ORTH": "a", "OP": "{,3}"}, False),
        ({"ORTH": "a", "OP": "?"}, False),
        ({"ORTH": "a", "OP": "*"}, False),
        ({"ORTH": "a", "OP": "!"}, False),
    ],
)
def test_required_tokens(spec: dict[str, Any], required: bool) -> None:
    assert _required(spec) is required
