"""Names a document itself describes as an organisation or a programme.

A reader who meets "a company like Brackwater" or "EastShireWins, a regional lottery" knows
what the name is, whatever the statistical model made of it. These cues are read from each
text with regular expressions, once per document, after every text has been tagged:

- **class noun + like / called / named / known as + names**: "a company like Acme",
  "charities called Shelter and Crisis" (the "NP such as NP" family of hyponym patterns of
  M.A. Hearst, "Automatic acquisition of hyponyms from large text corpora", COLING 1992);
- **apposition or copula**: "Acme, a local haulage company, …", "Acme is a registered
  charity" — the class noun must end its noun phrase ("a company director" is a role, "a
  charity shop" a place);
- **an office in a body**: "Director of Acme", "Chief Executive at Acme". This cue is weaker
  (portfolios look the same: "Director of Finance"), so it only relabels a name the model
  tagged as an entity somewhere in the document, never one the document writes in lower case.

The class noun gives the label: company, charity, firm … → ORG; lottery, scheme, programme,
fund, campaign, initiative → PROGRAMME. A confirmed name is that label everywhere in the
document: existing mentions of it are relabelled and, for the strong cues, unmarked
occurrences become mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import attrgetter

from extractor.core import EntityLabel, EntityMention
from extractor.lexicon import CLASS_NOUN_FOLLOWERS as FOLLOWERS
from extractor.lexicon import (
    CLASS_NOUN_STEMS,
    NOT_NAMES,
    ORG_NOUNS,
    PROGRAMME_NOUNS,
)
from extractor.lexicon import COMPANY_OFFICES as OFFICES
from extractor.tag.document.evidence import key

_WORD = r"[A-Z][\w&’'.-]*[\w]|[A-Z]"
_NAME = rf"(?:{_WORD})(?: (?:(?:of|and|&|for|the) )?(?:{_WORD})){{0,4}}"
_NOUNS = "|".join(sorted(ORG_NOUNS | PROGRAMME_NOUNS, key=len, reverse=True))
_ADJS = r"(?:[a-z][\w-]* ){0,3}"
_END = r"(?P<end>[,.;:)!?]|$| (?P<next>[a-z]+)\b)"
_LISTED = re.compile(
    rf"\b(?P<noun>{_NOUNS}) (?:like|called|named|known as) (?P<names>{_NAME}"
    rf"(?:(?:, | and | or |, and ){_NAME})*)"
)
_APPOSED = re.compile(
    rf"(?P<name>{_NAME})(?:, | (?:is|was|are|were) )(?:a|an|the|one of the) {_ADJS}"
    rf"(?P<noun>{_NOUNS}){_END}"
)
_NOUN = re.compile(rf"\b(?:{_NOUNS})\b")
_OFFICE_TERMS = "|".join(
    f"[{o[0]}{o[0].upper()}]{o[1:]}" for o in sorted(OFFICES, key=len, reverse=True)
)
_OFFICE_WORD = re.compile(rf"\b(?:{_OFFICE_TERMS}|CEO) (?:of|at) [A-Z]")
_OFFICE = re.compile(rf"\b(?:{_OFFICE_TERMS}|CEO) (?:of|at) (?P<name>{_NAME})")
_JOINS = frozenset({"of", "and", "&", "for", "the"})


def _cores(needles: Iterable[str]) -> tuple[str, ...]:
    """The needles holding no other one: a text holding none of them holds none of ``needles``."""
    unique = set(needles)
    return tuple(sorted(n for n in unique if not any(o != n and o in n for o in unique)))


_NOUN_CORES = _cores(
    [
        *ORG_NOUNS,
        *PROGRAMME_NOUNS,
        *CLASS_NOUN_STEMS,
    ]
)
"""Parts of class nouns ("compan" of "company" and "companies"): a text without any of them has
no class noun at all."""
_OFFICE_CUES = _cores(f"{o[1:]} {p} " for o in (*OFFICES, "CEO") for p in ("of", "at"))
""""Office of / at" without the office's first letter: a text holding none has no office cue."""
_SPLIT = re.compile(r", and |, | and | or ")


@dataclass(frozen=True, slots=True)
class Description:
    """A name the document describes: as written, its label, and whether the cue is strong."""

    name: str
    label: EntityLabel
    strong: bool


def _label(noun: str) -> EntityLabel:
    return "PROGRAMME" if noun.lower() in PROGRAMME_NOUNS else "ORG"


def _plausible(name: str, text: str, start: int) -> str | None:
    """``name`` (at ``start`` of ``text``) without leading openers, or None when none is left.

    Leading function, role and heading words are dropped ("Director of Acme" → "Acme"); a
    lone word opening a sentence may be any capitalised word, so it is no name.
    """
    words = name.split()
    while words and (words[0].lower() in NOT_NAMES or words[0].lower() in _JOINS):
        start += len(words[0]) + 1
        words = words[1:]
    if not words or words[-1].lower() in NOT_NAMES:
        return None
    opener = start == 0 or text[:start].rstrip().endswith((".", "!", "?", ":"))
    return " ".join(words) if len(words) > 1 or not opener else None


def _offices(text: str) -> Iterable[Description]:
    """The weak descriptions "Director of X" of one text."""
    for match in _OFFICE.finditer(text):
        name = _plausible(match.group("name"), text, match.start("name"))
        if name is not None:
            yield Description(name, "ORG", strong=False)


def _descriptions(text: str, *, offices: bool = True, nouns: bool = True) -> Iterable[Description]:
    """Every description one text makes (a cheap search for a cue word first).

    ``offices`` / ``nouns``: False when the text surely holds no office cue / class noun.
    """
    if offices and _OFFICE_WORD.search(text):
        yield from _offices(text)
    if not nouns or not _NOUN.search(text):
        return
    for match in _LISTED.finditer(text):
        label = _label(match.group("noun"))
        offset = match.start("names")
        for part in _SPLIT.split(match.group("names")):
            name = _plausible(part, text, text.find(part, offset))
            if name is not None:
                yield Description(name, label, strong=True)
            offset += len(part)
    for match in _APPOSED.finditer(text):
        following = match.group("next")
        if following is not None and following not in FOLLOWERS:
            continue
        name = _plausible(match.group("name"), text, match.start("name"))
        if name is not None:
            yield Description(name, _label(match.group("noun")), strong=True)


def _holding(document: str, starts: Sequence[int], needles: Iterable[str]) -> set[int]:
    """Indexes of the texts holding any of ``needles`` (none holding a line break).

    ``document``: the texts joined by line breaks; ``starts``: where each text starts in it.
    """
    found: set[int] = set()
    for needle in needles:
        at = document.find(needle)
        while at != -1:
            found.add(bisect_right(starts, at) - 1)
            at = document.find(needle, at + 1)
    return found


def described_names(
    texts: Sequence[str], *, tagged: Iterable[str], lower_words: set[str]
) -> dict[str, Description]:
    """Name key → description for the names the document's texts describe.

    ``tagged``: keys of the names the model or the rules tagged anywhere in the document (a
    weak cue needs one); ``lower_words``: words the document writes in lower case (a name
    made of them is a portfolio or a topic, not a body). A name described as both labels is
    left alone.
    """
    known: set[str] | None = None
    found: dict[str, Description] = {}
    clashes: set[str] = set()
    document = "\n".join(texts)
    starts = list(accumulate((len(text) + 1 for text in texts), initial=0))
    nouns = _holding(document, starts, _NOUN_CORES)
    offices = _holding(document, starts, _OFFICE_CUES)
    for index in sorted(nouns | offices):
        text = texts[index]
        for description in _descriptions(text, offices=index in offices, nouns=index in nouns):
            name = key(description.name)
            if all(w.lower() in lower_words for w in description.name.split()):
                continue
            if not description.strong:
                known = set(tagged) if known is None else known
                if name not in known:
                    continue
            previous = found.get(name)
            if previous is not None and previous.label != description.label:
                clashes.add(name)
            if previous is None or (description.strong and not previous.strong):
                found[name] = description
    return {name: d for name, d in found.items() if name not in clashes}


def _occurrences(text: str, names: Iterable[str]) -> Iterable[tuple[int, int]]:
    """Character bounds of each whole-word occurrence of ``names`` in ``text``."""
    ordered = sorted(set(names), key=len, reverse=True)
    if not ordered:
        return []
    finder = re.compile(r"(?<![\w&])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w&])")
    return [m.span() for m in finder.finditer(text)]


def apply_descriptions(
    text: str,
    mentions: list[EntityMention],
    described: dict[str, Description],
    *,
    people: set[str],
) -> set[tuple[int, int]]:
    """Label ``text``'s mentions of described names (in place); return the bounds touched.

    Names the document's structure reads as people (``people``, keys) are left alone, and so
    are places for a weak cue. An occurrence of a strongly described name that no mention
    covers becomes a mention.
    """
    touched: set[tuple[int, int]] = set()
    if not described:
        return touched
    for m in mentions:
        description = described.get(key(m.text))
        if description is None or (not description.strong and m.label == "PLACE"):
            continue
        if key(m.text) not in people:
            m.label = description.label
            touched.add((m.start, m.end))
    strong = [d.name for name, d in described.items() if d.strong and name not in people]
    for start, end in _occurrences(text, strong):
        if all(m.end <= start or end <= m.start for m in mentions):
            label = described[key(text[start:end])].label
            mentions.append(EntityMention(text=text[start:end], label=label, start=start, end=end))
            touched.add((start, end))
    mentions.sort(key=attrgetter("start"))
    return touched
