"""Acronyms a document uses for a name it writes in full elsewhere, without pairing them.

"BCKLWN" in minutes that also write "Borough Council of King’s Lynn and West Norfolk": the
acronym's letters are the initials of the name's words (function words and possessive
skipped), so each mention of the acronym is a mention of that body, with the name as
its ``expansion``. Only names the document tags as ORG or PROGRAMME and that end in a head
word ("Council", "Department", "Plan") are candidates, the match
may cover the first words of a longer name (a body and its department), and an acronym that
fits two different names is left alone. Such pairs are not definitions: they do not go into
the document's ``acronyms`` list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from extractor.models import EntityLabel, EntityMention
from extractor.nlp.rules import MODEL_ORG_HEADS, PROGRAMME_HEADS
from extractor.nlp.vocab import MINOR_WORDS

HEADS = MODEL_ORG_HEADS | PROGRAMME_HEADS
_BODIES = ("ORG", "PROGRAMME")

_CANDIDATE = re.compile(r"(?<![\w&-])[A-Z]{3,8}(?![\w&-])")
_WORD = re.compile(r"[^\W\d_][\w’'.-]*")


def _prefix_for(acronym: str, name: str) -> str | None:
    """The leading part of ``name`` whose word initials spell ``acronym``, or None."""
    found = list(_WORD.finditer(name))
    letters: list[str] = []
    for match in found:
        word = match.group()
        if word.lower() in MINOR_WORDS:
            continue
        letters.append(word[0].upper())
        if len(letters) == len(acronym):
            return name[: match.end()] if "".join(letters) == acronym else None
    return None


def uncovered(mentions: Iterable[EntityMention], start: int, end: int) -> bool:
    """Whether no mention overlaps the characters ``start:end`` of their text."""
    return all(m.end <= start or end <= m.start for m in mentions)


def implicit_expansions(
    texts: Iterable[str], names: Mapping[str, EntityLabel], *, known: Iterable[str] = ()
) -> dict[str, tuple[str, EntityLabel]]:
    """Acronym → (name, label) for the acronyms of ``texts`` that spell exactly one name."""
    skip = set(known)
    found: dict[str, tuple[str, EntityLabel]] = {}
    for acronym in {m.group() for text in texts for m in _CANDIDATE.finditer(text)} - skip:
        fits = {
            (prefix, label)
            for name, label in names.items()
            if (prefix := _prefix_for(acronym, name)) is not None
        }
        if len({prefix.casefold() for prefix, _ in fits}) == 1:
            found[acronym] = min(fits)
    return found


def implicit_mentions(
    text: str, mentions: list[EntityMention], expansions: Mapping[str, tuple[str, EntityLabel]]
) -> None:
    """Tag each use of an implicit acronym in ``text`` (in place), unless a mention covers it."""
    if not expansions:
        return
    for match in _CANDIDATE.finditer(text):
        short, (start, end) = match.group(), match.span()
        if short not in expansions:
            continue
        name, label = expansions[short]
        same = [m for m in mentions if m.start == start and m.end == end]
        if any(m.canonical or m.expansion for m in same):
            continue
        for m in same:
            m.label, m.expansion = label, name
        if not same and uncovered(mentions, start, end):
            mentions.append(
                EntityMention(text=short, label=label, start=start, end=end, expansion=name)
            )
    mentions.sort(key=lambda m: m.start)


def tag_implicit(
    texts: Sequence[tuple[str, list[EntityMention]]], *, known: Iterable[str] = ()
) -> None:
    """Tag the implicit acronyms of a document's texts (each with its mentions, in place)."""
    names: dict[str, EntityLabel] = {
        m.text: m.label
        for _, mentions in texts
        for m in mentions
        if m.label in _BODIES and HEADS.intersection(m.text.lower().split())
    }
    expansions = implicit_expansions((text for text, _ in texts), names, known=known)
    for text, mentions in texts:
        implicit_mentions(text, mentions, expansions)
