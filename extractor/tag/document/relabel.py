"""Document-level labels: one decision per name, from the document's structure and words.

Works on the tagged texts of one document (plain data, no spaCy objects); see
:mod:`.consistency` for the evidence each step uses and :mod:`.descriptions` for the names the
document describes ("a company like Acme"). Bare names listed under a heading or lead-in
that introduces organisations ("Corporate members approved", "Funders:") are organisations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from extractor.core import EntityLabel, EntityMention
from extractor.lexicon import ORG_NOUNS
from extractor.parse import AcronymPair
from extractor.tag.document.descriptions import apply_descriptions, described_names
from extractor.tag.document.evidence import (
    Evidence,
    body_openings,
    common_phrase,
    head_words,
    internal_department,
    key,
    majority_labels,
    name_line,
    name_part_words,
    named_places,
    opens_body_name,
    person_names,
    relabel,
    resolve_person,
    surname_place,
)

_NAMES = ("ORG", "PERSON", "PROGRAMME")
LIST_OF_BODIES = frozenset(n for n in ORG_NOUNS if n.endswith("s") and n != "business") | {
    "corporate"
}
"""Words of a heading or lead-in whose list items are organisations ("Corporate members")."""


@dataclass(slots=True)
class TaggedText:
    """One tagged text of a document: where it goes and what the pipeline found in it."""

    text: str
    item_id: str | None
    mentions: list[EntityMention]
    pairs: list[AcronymPair] = field(default_factory=list)
    ruled: set[tuple[int, int]] = field(default_factory=set)
    """(start, end) of the mentions that came from rules rather than the statistical model."""
    initials: list[tuple[str, str]] = field(default_factory=list)
    """People's initials the text defines: ("PB", "Pam Bullas")."""


def _whole_person(tagged: TaggedText) -> bool:
    """Whether a PERSON mention of two words or more runs to the end of the text."""
    end = len(tagged.text.rstrip())
    return any(m.label == "PERSON" and m.end == end and " " in m.text for m in tagged.mentions)


def _complete_name_list(run: Sequence[TaggedText]) -> None:
    """In a list of bare names mostly tagged PERSON, make every line a PERSON."""
    if len(run) < 3 or 3 * sum(_whole_person(t) for t in run) < 2 * len(run):
        return
    for tagged in run:
        if not _whole_person(tagged):
            name = tagged.text.strip()
            start = tagged.text.index(name)
            tagged.mentions[:] = [
                EntityMention(text=name, label="PERSON", start=start, end=start + len(name))
            ]


def _name_lists(texts: Sequence[TaggedText]) -> None:
    """Apply :func:`_complete_name_list` to every run of consecutive bare-name texts."""
    run: list[TaggedText] = []
    for tagged in [*texts, None]:
        if tagged is not None and name_line(tagged.text) and not head_words(tagged.text):
            run.append(tagged)
            continue
        _complete_name_list(run)
        run = []


def describe(texts: Sequence[TaggedText], evidence: Evidence, lower: set[str]) -> None:
    """Label the names the document describes ("a company like X"; see :mod:`.descriptions`).

    ``lower``: the words the document writes in lower case.
    """
    described = described_names(
        [t.text for t in texts],
        tagged=(key(m.text) for t in texts for m in t.mentions),
        lower_words=lower,
    )
    for tagged in texts if described else ():
        touched = apply_descriptions(
            tagged.text, tagged.mentions, described, people=evidence.people
        )
        tagged.ruled.update(touched)


def apply_evidence(texts: Sequence[TaggedText], evidence: Evidence, lower: set[str]) -> None:
    """One label per name across the document (see :mod:`.consistency`).

    ``lower``: the words the document writes in lower case.
    """
    _name_lists(texts)
    texts = [t for t in texts if t.mentions]  # the steps below only ever drop mentions
    rule_labels: dict[str, EntityLabel] = {}
    for tagged in texts:
        for m in tagged.mentions:
            if (m.start, m.end) in tagged.ruled and m.label in ("ORG", "PERSON", "PROGRAMME"):
                rule_labels.setdefault(key(m.text), m.label)
    known = evidence.people | evidence.organisations
    votes = majority_labels((m, (m.start, m.end) in t.ruled) for t in texts for m in t.mentions)
    places = named_places(m for t in texts for m in t.mentions) - known
    for tagged in texts:
        kept = []
        for m in tagged.mentions:
            name = key(m.text)
            ruled = (m.start, m.end) in tagged.ruled
            label = votes.get(name, m.label) if not ruled else m.label
            label = relabel(m, ruled=ruled, evidence=evidence, rule_labels=rule_labels, label=label)
            if not ruled and label == "PERSON" and name not in evidence.people:
                label = "PLACE" if surname_place(m.text, lower) else label
            if not ruled and label in ("ORG", "PERSON") and name in places:
                label = "PLACE"
            if label != m.label:
                m.label = label
            if m.expansion is None and name not in known:
                if label == "ORG" and internal_department(m.text, lower):
                    continue
                if not ruled and label in _NAMES and common_phrase(m.text, lower):
                    continue
            kept.append(m)
        tagged.mentions[:] = kept
    _drop_body_openings(texts, evidence)
    every = [m for t in texts for m in t.mentions]
    people, lone_parts = person_names(every), name_part_words(every) - evidence.people
    for tagged in texts:
        kept = []
        for m in tagged.mentions:
            ruled = (m.start, m.end) in tagged.ruled
            if m.expansion is None and resolve_person(m, people, ruled=ruled):
                lone = " " not in m.text.strip() and m.canonical is None
                if lone and not ruled and key(m.text) in lone_parts:
                    continue
            kept.append(m)
        tagged.mentions[:] = kept


def _drop_body_openings(texts: Sequence[TaggedText], evidence: Evidence) -> None:
    """Drop model "people" that open names of bodies or programmes ("Aster Hive")."""
    openings = body_openings(m for t in texts for m in t.mentions)
    for tagged in texts:
        tagged.mentions[:] = [
            m
            for m in tagged.mentions
            if m.label != "PERSON"
            or (m.start, m.end) in tagged.ruled
            or key(m.text) in evidence.people
            or not opens_body_name(m.text, openings)
        ]


_BARE_NAME = re.compile(r"^[A-Z0-9][\w.&’'-]*(?: (?:of|and|&|for|the|[A-Z0-9][\w.&’'-]*)){0,5}$")
_WORDS = re.compile(r"[a-z-]+")


def _introduces_bodies(text: str) -> bool:
    """Whether a heading or lead-in introduces organisations ("Corporate members approved")."""
    words = set(_WORDS.findall(text.lower()))
    return bool(words & LIST_OF_BODIES)


def _bare_name(text: str) -> bool:
    words = text.split()
    return bool(_BARE_NAME.match(text)) and words[-1].lower() not in ("of", "and", "for", "the")


def listed_bodies(texts: Sequence[TaggedText], evidence: Evidence) -> None:
    """Tag as ORG the bare names listed under a heading or lead-in that introduces bodies.

    "## Corporate members approved" followed by the items "Quillo" and "Fernbank.io": each
    item that is nothing but a name (no sentence, no bracket) is an organisation, unless the
    document's structure or the model reads it as a person.
    """
    listing = False
    for tagged in texts:
        text = tagged.text.strip()
        lead_in = tagged.item_id is None or text.endswith(":")
        if lead_in:
            listing = _introduces_bodies(text)
            continue
        if not listing or not _bare_name(text) or key(text) in evidence.people:
            listing = listing and _bare_name(text)
            continue
        start = tagged.text.index(text)
        end = start + len(text)
        whole = [m for m in tagged.mentions if m.start == start and m.end == end]
        if any(m.label in ("ORG", "PERSON") for m in whole):
            continue
        tagged.mentions[:] = [m for m in tagged.mentions if m.label == "DATE"]
        tagged.mentions.append(EntityMention(text=text, label="ORG", start=start, end=end))
        tagged.ruled.add((start, end))
