"""Whole long forms: a defined acronym's name as written, and its shortened mentions.

The Schwartz–Hearst search for a long form ("A simple algorithm for identifying abbreviation
definitions in biomedical text", PSB 2003) takes the shortest word run in which the acronym's
letters occur in order, so it may start inside the name: for "Came and Company Local Council
Insurance (CCLCI)" it finds "Company Local Council Insurance" (the second C inside "Local").
When a few words more to the left make a run whose word initials spell the acronym exactly
(function words skipped), that run is the name. Once a document defines a name, a mention
that stops short of it where the text goes on with the rest of the name ("Came and Company
Local Council" before "Insurance") is the whole name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from extractor.core import EntityLabel, EntityMention
from extractor.lexicon import MINOR_WORDS
from extractor.parse import AcronymPair

_WORD = re.compile(r"[^\W\d_][\w’'.-]*|\d+")
_NAMED = ("ORG", "PROGRAMME")
MAX_EXTRA_WORDS = 4


def initials(name: str) -> str:
    """Upper-case initials of the words of ``name``, function words skipped."""
    return "".join(w[0].upper() for w in _WORD.findall(name) if w.lower() not in MINOR_WORDS)


def _letters(short: str) -> str:
    return "".join(c for c in short if c.isalpha()).upper()


def whole_long_form(text: str, pair: AcronymPair) -> AcronymPair:
    """The pair with its long form run left to where word initials spell the acronym.

    Unchanged when the long form already spells it, or when no run of at most
    :data:`MAX_EXTRA_WORDS` more words, starting with a capital, does.
    """
    target = _letters(pair.short)
    if initials(pair.long) == target:
        return pair
    before = list(_WORD.finditer(text[: pair.long_start]))
    for extra in range(1, min(MAX_EXTRA_WORDS, len(before)) + 1):
        first = before[-extra]
        candidate = text[first.start() : pair.long_end]
        if first.group()[0].isupper() and initials(candidate) == target:
            return replace(pair, long=candidate, long_start=first.start())
    return pair


def mark_long_form(
    mentions: list[EntityMention], pair: AcronymPair, label: EntityLabel
) -> list[EntityMention]:
    """``mentions`` with the long form of ``pair`` as one mention replacing those it overlaps."""
    start, end = pair.long_start, pair.long_end
    kept = [m for m in mentions if m.end <= start or end <= m.start]
    kept.append(EntityMention(text=pair.long, label=label, start=start, end=end))
    return sorted(kept, key=lambda m: m.start)


def overlapping_label(
    mentions: Iterable[EntityMention], start: int, end: int
) -> EntityLabel | None:
    """The first ORG or PROGRAMME label among mentions overlapping ``start:end``."""
    for m in mentions:
        if m.start < end and start < m.end and m.label in _NAMED:
            return m.label
    return None


def extend_to_names(
    text: str, mentions: list[EntityMention], names: dict[str, EntityLabel]
) -> list[EntityMention]:
    """Grow each ORG/PROGRAMME mention that stops short of one of ``names`` in ``text``."""
    if not names:
        return mentions
    for m in list(mentions):
        if m.label not in _NAMED:
            continue
        for name, label in names.items():
            if len(name) > len(m.text) and name.startswith(m.text + " "):
                end = m.start + len(name)
                if text[m.start : end] == name and (end == len(text) or not text[end].isalnum()):
                    mentions = [x for x in mentions if x.end <= m.start or end <= x.start]
                    mentions.append(EntityMention(text=name, label=label, start=m.start, end=end))
                    break
    return sorted(mentions, key=lambda x: x.start)
