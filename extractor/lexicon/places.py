"""Words about places: the head words of place names and the nouns for kinds of place."""

from __future__ import annotations

from extractor.lexicon._build import wordset

PLACE_HEADS = wordset(
    """ave avenue building buildings car cemetery center centre churchyard close court crescent
    drive drove estate farm field fields gardens green ground grounds grove hall headquarters
    lane library market mews mill
    parade park pavilion playground pump rd road room rooms row square st stadium station street
    terrace walk way wharf yard"""
)
"""Last words of streets, venues and grounds: a span ending in one is a place."""

PERSON_PLACE_HEADS = PLACE_HEADS - wordset(
    "park hall field fields green ground grounds library building buildings mill st"
)
"""The place words that are not also common surnames (Park, Hall, Field...)."""

PLACE_NOUNS = frozenset(
    {"village", "town", "city", "parish", "county", "borough", "ward", "district"}
)
"""Nouns that, followed by "of", introduce a place's name ("the village of Magdalene")."""
