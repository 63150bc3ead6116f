"""Document-level completion of mentions: descriptions, whole long forms, kinds of plan."""

from __future__ import annotations

import re

import pytest

import extractor.tag.document as document
from extractor.core import EntityMention
from extractor.tag.components.acronyms import AcronymPair
from extractor.tag.document import STEPS, DocumentState, TaggedText, finalise, whole_words
from extractor.tag.document.evidence import Evidence


def tagged(text: str, *spans: tuple[str, str], ruled: bool = False) -> TaggedText:
    mentions = []
    for span, label in spans:
        start = text.index(span)
        mentions.append(EntityMention(text=span, label=label, start=start, end=start + len(span)))
    bounds = {(m.start, m.end) for m in mentions} if ruled else set()
    return TaggedText(text, None, mentions, ruled=bounds)


def test_finalise_applies_document_level_evidence() -> None:
    defining = tagged(
        "Came and Company Local Council Insurance (CCLCI) had forwarded",
        ("Company Local Council Insurance", "ORG"),
        ("CCLCI", "ORG"),
    )
    defining.pairs.append(
        AcronymPair(
            short="CCLCI",
            long="Company Local Council Insurance",
            short_start=42,
            short_end=47,
            long_start=9,
            long_end=40,
            label="ORG",
        )
    )
    texts = [
        defining,
        tagged(
            "Came and Company Local Council Insurance 1 £5",
            ("Came and Company Local Council", "ORG"),
        ),
        tagged("a company like Glendower, which", ("Glendower", "PERSON")),
        tagged("Glendower has no intention", ("Glendower", "PERSON")),
        tagged(
            "3.6 Policies, Neighbourhood Plan and Documents",
            ("Neighbourhood Plan", "PROGRAMME"),
            ruled=True,
        ),
        tagged("a beneficiary of TownWins, a regional lottery in"),
    ]
    entities, acronyms = finalise(texts, meeting_year=2018, user_acronyms={})
    found = {(e.text, e.label): e.count for e in entities}
    assert found == {
        ("Came and Company Local Council Insurance", "ORG"): 2,
        ("CCLCI", "ORG"): 1,
        ("Glendower", "ORG"): 2,
        ("TownWins", "PROGRAMME"): 1,
    }
    assert [(a.short, a.long) for a in acronyms] == [
        ("CCLCI", "Came and Company Local Council Insurance")
    ]


def test_whole_words_match_only_standing_alone() -> None:
    finder = whole_words(["AB", "A&B", "ABC"])
    assert finder is not None
    text = "AB xAB AB& A&B ABC (ABC) ABCD &AB AB"
    assert [m.group() for m in finder.finditer(text)] == ["AB", "A&B", "ABC", "ABC", "AB"]
    assert whole_words([]) is None


def test_the_docstring_lists_every_step_in_order() -> None:
    assert document.__doc__ is not None
    listed = re.findall(r"^\s*(\d+)\. ``(\w+)``:", document.__doc__, flags=re.MULTILINE)
    assert [name for _, name in listed] == [step.__name__ for step in STEPS]
    assert [int(n) for n, _ in listed] == list(range(1, len(STEPS) + 1))
    assert len(set(STEPS)) == len(STEPS)


def test_finalise_is_the_steps_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[str] = []
    steps = tuple((lambda state, name=step.__name__: ran.append(name)) for step in STEPS)
    monkeypatch.setattr(document, "STEPS", steps)
    assert finalise([], meeting_year=None, user_acronyms={}) == ([], [])
    assert ran == [step.__name__ for step in STEPS]


def _pair(text: str, short: str, long: str, label: str | None) -> AcronymPair:
    return AcronymPair(
        short=short,
        long=long,
        short_start=text.index(short),
        short_end=text.index(short) + len(short),
        long_start=text.index(long),
        long_end=text.index(long) + len(long),
        label=label,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("ORG", [("CSP", "ORG", None), ("Jo Bloggs", "PERSON", None), ("CSP", "ORG", None)]),
        (None, [("Jo Bloggs", "PERSON", None)]),
    ],
)
def test_uses_of_labelled_acronyms_and_of_initials_become_mentions_in_order(
    label: str | None, expected: list[tuple[str, str, str | None]]
) -> None:
    defining = tagged("The Community Safety Partnership (CSP) and Jo Bloggs (JB).")
    defining.pairs.append(_pair(defining.text, "CSP", "Community Safety Partnership", label))
    defining.initials.append(("JB", "Jo Bloggs"))
    use = tagged("CSP asked Jo Bloggs, then JB and CSP", ("Jo Bloggs", "PERSON"), ("JB", "ORG"))
    state = DocumentState([defining, use], None, {}, Evidence())
    for step in STEPS[: STEPS.index(document.mark_short_forms) + 1]:
        step(state)
    found = [(m.text, m.label, m.expansion) for m in use.mentions if m.text != "JB"]
    assert found == expected
    jb = [m for m in use.mentions if m.text == "JB"]
    assert [(m.label, m.expansion, m.canonical) for m in jb] == [
        ("PERSON", "Jo Bloggs", "Jo Bloggs")
    ]
    assert [m.start for m in use.mentions] == sorted(m.start for m in use.mentions)
