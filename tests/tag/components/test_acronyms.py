from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from extractor.tag.components.acronyms import AcronymDetector

TEXT = "The Community Safety Partnership (CSP) met. Pam Bullas (PB) and Tom Foy (TF) attended."


def _detected(labels: dict[str, str], *, max_length: int = 100_000) -> Doc:
    """Run the component on TEXT with entities set on the given phrases."""
    nlp = spacy.blank("en")
    doc = nlp.make_doc(TEXT)
    spans = []
    for phrase, label in labels.items():
        start = TEXT.index(phrase)
        span = doc.char_span(start, start + len(phrase), label=label)
        assert span is not None
        spans.append(span)
    doc.ents = sorted(spans, key=lambda s: s.start)
    return AcronymDetector(nlp, "minutes_acronyms", max_length=max_length)(doc)


@pytest.mark.parametrize(("ents", "label"), [({}, None), ({"Community Safety": "ORG"}, "ORG")])
def test_pairs_get_the_label_of_their_long_form(ents: dict[str, str], label: str | None) -> None:
    doc = _detected(ents)
    assert [(p.short, p.long, p.label) for p in doc._.acronym_pairs] == [
        ("CSP", "Community Safety Partnership", label)
    ]
    assert doc._.initials == [("PB", "Pam Bullas"), ("TF", "Tom Foy")]
    if label:
        assert {(e.text, e.label_) for e in doc.ents} == {
            ("Community Safety Partnership", "ORG"),
            ("CSP", "ORG"),
        }


def test_a_person_is_no_long_form() -> None:
    doc = _detected({"Community Safety Partnership": "PERSON"})
    assert doc._.acronym_pairs == []


def test_max_length_caps_the_text_scanned() -> None:
    doc = _detected({}, max_length=20)
    assert doc._.acronym_pairs == []
    assert doc._.initials == []


@pytest.mark.parametrize(
    ("text", "shorts"),
    [
        ("Town and Country Planning Act (TCPA) applies.", ["TCPA"]),
        ("The Parish Council(PC) met.", ["PC"]),
        (
            "ADDER focuses on ‘addiction, disruption, diversion, enforcement and recovery’",
            ["ADDER"],
        ),
        ("The Parish Council PC met without brackets.", []),
    ],
)
def test_marks_gate_finds_every_definition(text: str, shorts: list[str]) -> None:
    nlp = spacy.blank("en")
    detector = AcronymDetector(nlp, "minutes_acronyms", max_length=100_000)
    doc = detector(nlp.make_doc(text))
    assert [p.short for p in doc._.acronym_pairs] == shorts
    assert doc._.initials == []


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("The Parish Council met.", False),
        ("The Parish Council(PC) met.", True),
        ("The clerk’s report", False),
        ("The ‘Safer Streets’ fund", True),
        ('He said "yes"', True),
    ],
)
def test_the_gate_answers_from_the_words_and_remembers_them(text: str, marked: bool) -> None:
    nlp = spacy.blank("en")
    detector = AcronymDetector(nlp, "minutes_acronyms", max_length=100_000)
    doc = nlp.make_doc(text)
    assert detector.marked(doc) is marked
    assert detector.marked(nlp.make_doc(text)) is marked
    assert set(detector._marks) <= {t.orth for t in doc}
