"""Document-level completion of mentions: descriptions, whole long forms, kinds of plan."""

from __future__ import annotations

from extractor.core.models import EntityMention
from extractor.tag.components.acronyms import AcronymPair
from extractor.tag.document import TaggedText, finalise, whole_words


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
