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
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import accumulate
from operator import attrgetter

from extractor.core import EntityLabel, EntityMention
from extractor.lexicon import MINOR_WORDS, MODEL_ORG_HEADS, PROGRAMME_HEADS

HEADS = MODEL_ORG_HEADS | PROGRAMME_HEADS
_BODIES = ("ORG", "PROGRAMME")

_CANDIDATE = re.compile(r"[A-Z](?<![\w&-].)[A-Z]{2,7}(?![\w&-])")
"""Three to eight capitals standing alone; the pattern opens on a capital (a faster search)."""
_WORD = re.compile(r"[^\W\d_][\w’'.-]*")


def _prefixes(name: str) -> Iterable[tuple[str, str]]:
    """(initials, leading part of ``name`` they are the initials of) for each part of ``name``.

    Initials are the upper-cased first letters of the part's words, function words skipped;
    only parts ending on a counted word and of 3 to 8 initials (an acronym's length) are given.
    """
    letters: list[str] = []
    for match in _WORD.finditer(name):
        word = match.group()
        if word.lower() in MINOR_WORDS:
            continue
        letters.append(word[0].upper())
        if len(letters) > 8:
            return
        if len(letters) >= 3:
            yield "".join(letters), name[: match.end()]


def _prefix_index(
    names: Mapping[str, EntityLabel],
) -> dict[tuple[int, str], set[tuple[str, EntityLabel]]]:
    """(count of initials, the initials) → the (leading part, label) of ``names`` they spell."""
    index: dict[tuple[int, str], set[tuple[str, EntityLabel]]] = {}
    for name, label in names.items():
        for size, (initials, prefix) in enumerate(_prefixes(name), start=3):
            index.setdefault((size, initials), set()).add((prefix, label))
    return index


def uncovered(mentions: Iterable[EntityMention], start: int, end: int) -> bool:
    """Whether no mention overlaps the characters ``start:end`` of their text."""
    return all(m.end <= start or end <= m.start for m in mentions)


def implicit_expansions(
    texts: Iterable[str], names: Mapping[str, EntityLabel], *, known: Iterable[str] = ()
) -> dict[str, tuple[str, EntityLabel]]:
    """Acronym → (name, label) for the acronyms of ``texts`` that spell exactly one name."""
    skip = set(known)
    index = _prefix_index(names)
    found: dict[str, tuple[str, EntityLabel]] = {}
    # One search of the texts joined by line breaks finds the same candidates as one per text.
    for acronym in set(_CANDIDATE.findall("\n".join(texts))) - skip:
        fits = index.get((len(acronym), acronym), set())
        if len({prefix.casefold() for prefix, _ in fits}) == 1:
            found[acronym] = min(fits)
    return found


def implicit_mentions(
    text: str, mentions: list[EntityMention], expansions: Mapping[str, tuple[str, EntityLabel]]
) -> None:
    """Tag each use of an implicit acronym in ``text`` (in place), unless a mention covers it."""
    if not expansions:
        return
    added = False
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
            added = True
    if added:  # mentions are kept in order of start
        mentions.sort(key=attrgetter("start"))


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
    document = "\n".join(text for text, _ in texts)
    expansions = implicit_expansions([document], names, known=known)
    if not expansions:
        return
    using = matched_texts(
        [text for text, _ in texts],
        lambda joined: (m for m in _CANDIDATE.finditer(joined) if m.group() in expansions),
    )
    for index in using:
        implicit_mentions(*texts[index], expansions)


def matched_texts(
    texts: Sequence[str], find: Callable[[str], Iterable[re.Match[str]]]
) -> list[int]:
    """Indices, in order, of the texts in which ``find`` finds something.

    ``find`` runs once over the texts joined by line breaks, and each match counts for the
    text it starts in: for patterns that never match across a line break, the same texts as
    one search per text, at the cost of one.
    """
    joined = "\n".join(texts)
    starts = list(accumulate((len(text) + 1 for text in texts), initial=0))
    return sorted({bisect_right(starts, m.start()) - 1 for m in find(joined)})
