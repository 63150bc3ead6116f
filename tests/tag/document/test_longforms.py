"""Whole long forms of defined acronyms and mentions grown to them."""

from __future__ import annotations

import pytest

from extractor.core import EntityMention
from extractor.tag.components.acronyms import AcronymPair
from extractor.tag.document.longforms import (
    extend_to_names,
    initials,
    mark_long_form,
    whole_long_form,
)


def pair_in(text: str, long: str, short: str) -> AcronymPair:
    start = text.index(long)
    short_start = text.index(f"({short})") + 1
    return AcronymPair(
        short=short,
        long=long,
        short_start=short_start,
        short_end=short_start + len(short),
        long_start=start,
        long_end=start + len(long),
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Came and Company Local Council Insurance", "CCLCI"),
        ("Borough Council of King’s Lynn and West Norfolk", "BCKLWN"),
        ("Department for Education", "DE"),
    ],
)
def test_initials_skip_function_words(name: str, expected: str) -> None:
    assert initials(name) == expected


@pytest.mark.parametrize(
    ("text", "found", "short", "whole"),
    [
        (
            "reported that Came and Company Local Council Insurance (CCLCI) had",
            "Company Local Council Insurance",
            "CCLCI",
            "Came and Company Local Council Insurance",
        ),
        (
            "the Community Safety Partnership (CSP) met",
            "Community Safety Partnership",
            "CSP",
            "Community Safety Partnership",
        ),
        ("Tell Data Protection Officer (DPO)", "Data Protection Officer", "DPO", None),
    ],
)
def test_whole_long_form(text: str, found: str, short: str, whole: str | None) -> None:
    pair = pair_in(text, found, short)
    result = whole_long_form(text, pair)
    assert result.long == (whole or found)
    assert text[result.long_start : result.long_end] == result.long


def test_long_form_replaces_the_mentions_it_overlaps() -> None:
    text = "Came and Company Local Council Insurance (CCLCI) wrote"
    pair = whole_long_form(text, pair_in(text, "Company Local Council Insurance", "CCLCI"))
    mentions = [EntityMention(text="Came and Company Local Council", label="ORG", start=0, end=30)]
    marked = mark_long_form(mentions, pair, "ORG")
    assert [(m.text, m.start, m.end) for m in marked] == [(pair.long, 0, 40)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Acme Local Council Insurance 101 £16", "Acme Local Council Insurance"),
        ("Acme Local Council Insurers said", "Acme Local Council"),
    ],
)
def test_mentions_grow_to_a_defined_name(text: str, expected: str) -> None:
    mentions = [EntityMention(text="Acme Local Council", label="ORG", start=0, end=18)]
    grown = extend_to_names(text, mentions, {"Acme Local Council Insurance": "ORG"})
    assert [m.text for m in grown] == [expected]
