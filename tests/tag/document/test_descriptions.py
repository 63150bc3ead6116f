"""Names a document describes ("a company like Acme", "Acme, a regional lottery")."""

from __future__ import annotations

import pytest

from extractor.core import EntityMention
from extractor.lexicon import ORG_NOUNS, PROGRAMME_NOUNS
from extractor.tag.document.descriptions import apply_descriptions, described_names


def described(*texts: str, tagged: tuple[str, ...] = (), lower: str = "") -> dict[str, str]:
    found = described_names(list(texts), tagged=set(tagged), lower_words=set(lower.split()))
    return {name: d.label for name, d in found.items()}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a company like Glendower which impacts on the village", {"glendower": "ORG"}),
        ("charities called Shelter and Crisis", {"shelter": "ORG", "crisis": "ORG"}),
        ("a beneficiary of TownWins, a regional lottery in an attempt", {"townwins": "PROGRAMME"}),
        ("We thanked Hollins Haulage, a local haulage company, for", {"hollins haulage": "ORG"}),
        ("Acme Waste is a registered charity based in Leeds", {"acme waste": "ORG"}),
        ("grants from Kellingford Cares, the community fund.", {"kellingford cares": "PROGRAMME"}),
    ],
)
def test_strong_cues_name_bodies_and_programmes(text: str, expected: dict[str, str]) -> None:
    assert described(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Jane Roe, a company director, spoke",
        "Ann Lee, a charity trustee, said",
        "Tom Hart, the company’s agent, replied",
        "However, a company has applied",
        "Thanks to John, a charity shop volunteer",
        "The Council, a public body, agreed",
    ],
)
def test_roles_openers_and_compounds_are_no_descriptions(text: str) -> None:
    assert described(text) == {}


def test_office_cue_needs_a_tagged_name_not_written_in_lower_case() -> None:
    text = "a letter from Jo Miles, Director of Glendower dated 5 April"
    assert described(text) == {}
    assert described(text, tagged=("glendower",)) == {"glendower": "ORG"}
    assert described("the Director of Finance said", tagged=("finance",), lower="finance") == {}


def test_two_labels_for_one_name_leave_it_alone() -> None:
    assert described("Acme, a local charity.", "Acme, a lottery.") == {}


def test_described_names_are_labelled_and_added() -> None:
    names = described_names(
        ["a company like Glendower", "Glendower has no intention"], tagged=(), lower_words=set()
    )
    mentions = [EntityMention(text="Glendower", label="PERSON", start=0, end=9)]
    touched = apply_descriptions("Glendower has no intention", mentions, names, people=set())
    assert [(m.text, m.label) for m in mentions] == [("Glendower", "ORG")]
    assert touched == {(0, 9)}
    added: list[EntityMention] = []
    apply_descriptions("a company like Glendower", added, names, people=set())
    assert [(m.text, m.label, m.start) for m in added] == [("Glendower", "ORG", 15)]


def test_people_from_the_structure_stay_people() -> None:
    names = described_names(["Ray Lee, a company called Ray Lee"], tagged=(), lower_words=set())
    mentions = [EntityMention(text="Ray Lee", label="PERSON", start=0, end=7)]
    apply_descriptions("Ray Lee spoke", mentions, names, people={"ray lee"})
    assert mentions[0].label == "PERSON"


def test_cues_are_found_in_any_text_of_the_document() -> None:
    texts = ["Apologies were received.", "the CEO of Glendower spoke", "Acme Waste, a charity."]
    assert described(*texts, tagged=("glendower",)) == {"glendower": "ORG", "acme waste": "ORG"}
    for office in ("co-founder", "Co-founder", "Managing Director"):
        found = described("Minutes", f"{office} of Glendower", tagged=("glendower",))
        assert found == {"glendower": "ORG"}


@pytest.mark.parametrize("noun", sorted(ORG_NOUNS | PROGRAMME_NOUNS))
def test_every_class_noun_is_looked_for(noun: str) -> None:
    label = "PROGRAMME" if noun in PROGRAMME_NOUNS else "ORG"
    assert described(f"Quillo Works, a local {noun}, wrote") == {"quillo works": label}


@pytest.mark.parametrize("office", ["Director", "Managing Director", "co-founder", "CEO"])
def test_every_office_is_looked_for(office: str) -> None:
    found = described(f"She is {office} of Quillo Works.", tagged=("quillo works",))
    assert found == {"quillo works": "ORG"}
