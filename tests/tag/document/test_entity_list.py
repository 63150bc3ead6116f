from __future__ import annotations

from extractor.core import EntityMention
from extractor.tag.document.entity_list import distinct_entities, fold_targets


def mention(text: str, label: str = "ORG", **kw: str) -> EntityMention:
    return EntityMention(text=text, label=label, start=0, end=len(text), **kw)  # type: ignore[arg-type]


def test_a_shortened_name_folds_into_the_one_longer_name_it_ends() -> None:
    folds = fold_targets(
        [mention("Community Safety Partnership Plan"), mention("Partnership Plan"), mention("CSP")]
    )
    assert folds == {("partnership plan", "ORG"): "Community Safety Partnership Plan"}


def test_a_name_ending_two_longer_names_is_left_alone() -> None:
    names = ["North Safety Board", "South Safety Board", "Safety Board"]
    assert fold_targets(mention(n) for n in names) == {}


def test_mentions_count_once_per_name_and_label_with_their_items() -> None:
    short = mention("Partnership Plan")
    texts = [
        ("s1.i1", [mention("Community Safety Partnership Plan"), short]),
        ("s1.i2", [mention("community  safety partnership plan")]),
        (None, [mention("Dr Mehta", "PERSON", canonical="Anjali Mehta")]),
    ]
    entities = distinct_entities(texts, fold_targets(m for _, ms in texts for m in ms))
    assert [(e.text, e.label, e.count, e.items) for e in entities] == [
        ("Community Safety Partnership Plan", "ORG", 3, ["s1.i1", "s1.i2"]),
        ("Anjali Mehta", "PERSON", 1, []),
    ]
    assert short.canonical == "Community Safety Partnership Plan"
