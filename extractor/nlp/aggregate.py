"""Document-level decisions once every text of a document has been tagged.

Works on plain data, no spaCy objects: the mentions of each text (item, heading or extra
line) and the acronym pairs found in them. It applies the document's acronym definitions to
every text, tags acronyms of names the document writes in full (:mod:`.implicit`), gives
DATE mentions their EDTF values, drops acronyms the model called ORG with too little evidence,
and builds the distinct, counted ``entities`` list (:mod:`.distinct`) and the ``acronyms`` list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from extractor.models import Acronym, DocumentEntity, EntityLabel, EntityMention
from extractor.nlp.acronyms import AcronymPair
from extractor.nlp.consistency import (
    Evidence,
    common_phrase,
    head_words,
    internal_department,
    key,
    lower_case_words,
    majority_labels,
    name_line,
    name_part_words,
    person_names,
    relabel,
    resolve_person,
)
from extractor.nlp.dates import edtf_value
from extractor.nlp.distinct import distinct_entities, fold_targets
from extractor.nlp.implicit import tag_implicit, uncovered
from extractor.nlp.rules import MODEL_ORG_HEADS
from extractor.nlp.vocab import COMMON_ACRONYMS, TECH_ACRONYMS

NOT_ORG_ACRONYMS = COMMON_ACRONYMS | TECH_ACRONYMS
"""Common acronyms that name things, topics or roles, never an organisation by themselves."""

_NAMES = ("ORG", "PERSON", "PROGRAMME")
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,5}$")


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


def _definitions(texts: Sequence[TaggedText]) -> dict[str, AcronymPair]:
    """Acronym definitions of the whole document, the first one of each short form."""
    found: dict[str, AcronymPair] = {}
    for tagged in texts:
        for pair in tagged.pairs:
            found.setdefault(pair.short, pair)
    return found


def whole_words(words: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern finding any of ``words`` as a whole word (None when there are none)."""
    ordered = sorted(set(words), key=len, reverse=True)
    if not ordered:
        return None
    return re.compile(r"(?<![\w&])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w&])")


def _add_acronym_mentions(
    tagged: TaggedText, defined: Mapping[str, AcronymPair], finder: re.Pattern[str] | None
) -> None:
    """Mentions of labelled defined acronyms the pipeline did not mark in this text."""
    if finder is None:
        return
    for match in finder.finditer(tagged.text):
        short, (start, end) = match.group(), match.span()
        label = defined[short].label
        if label is not None and uncovered(tagged.mentions, start, end):
            tagged.mentions.append(EntityMention(text=short, label=label, start=start, end=end))
    tagged.mentions.sort(key=lambda m: m.start)


def _expand(
    mention: EntityMention, defined: Mapping[str, AcronymPair], user: Mapping[str, str]
) -> None:
    """Fill ``expansion`` from the document's definition (and its label), else the user's."""
    pair = defined.get(mention.text)
    if pair is not None:
        mention.expansion = pair.long
        if pair.label is not None:
            mention.label = pair.label
    elif mention.text in user:
        mention.expansion = user[mention.text]


def _weak_acronyms(texts: Sequence[TaggedText], defined: Mapping[str, AcronymPair]) -> set[str]:
    """Acronyms tagged ORG with too little evidence.

    Undefined ones the model alone tagged ORG once only and never heading a longer name
    (a rule, a cue or an expansion is enough evidence), common ones (:data:`NOT_ORG_ACRONYMS`),
    and defined ones whose long form names no body ("Data Protection Officer (DPO)").
    """
    counts: dict[str, int] = {}
    prefixes: set[str] = set()
    for tagged in texts:
        for m in tagged.mentions:
            if m.label == "ORG" and _ACRONYM.match(m.text):
                ruled = (m.start, m.end) in tagged.ruled
                strong = ruled or m.canonical is not None or m.expansion is not None
                counts[m.text] = counts.get(m.text, 0) + (100 if strong else 1)
            elif m.label in ("ORG", "PROGRAMME") and " " in m.text:
                prefixes.add(m.text.split()[0])
    weak = {
        a
        for a, n in counts.items()
        if a not in defined and (a in NOT_ORG_ACRONYMS or (n < 2 and a not in prefixes))
    }
    weak.update(
        a
        for a, pair in defined.items()
        if pair.label is None and pair.long.split()[-1].lower() not in MODEL_ORG_HEADS
    )
    return weak


def _add_initials(
    tagged: TaggedText, initials: Mapping[str, str], finder: re.Pattern[str] | None
) -> None:
    """PERSON mentions, expanded to the name, for the people's initials a document defines."""
    if finder is None:
        return
    for match in finder.finditer(tagged.text):
        short, (start, end) = match.group(), match.span()
        tagged.mentions[:] = [
            m for m in tagged.mentions if m.text != short or m.end <= start or end <= m.start
        ]
        if uncovered(tagged.mentions, start, end):
            name = initials[short]
            tagged.mentions.append(
                EntityMention(
                    text=short, label="PERSON", start=start, end=end, expansion=name, canonical=name
                )
            )
    tagged.mentions.sort(key=lambda m: m.start)


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


def _apply_evidence(texts: Sequence[TaggedText], evidence: Evidence) -> None:
    """One label per name across the document (see :mod:`.consistency`)."""
    _name_lists(texts)
    rule_labels: dict[str, EntityLabel] = {}
    for tagged in texts:
        for m in tagged.mentions:
            if (m.start, m.end) in tagged.ruled and m.label in ("ORG", "PERSON", "PROGRAMME"):
                rule_labels.setdefault(key(m.text), m.label)
    lower = lower_case_words(t.text for t in texts)
    known = evidence.people | evidence.organisations
    votes = majority_labels((m, (m.start, m.end) in t.ruled) for t in texts for m in t.mentions)
    for tagged in texts:
        kept = []
        for m in tagged.mentions:
            ruled = (m.start, m.end) in tagged.ruled
            if not ruled and key(m.text) in votes:
                m.label = votes[key(m.text)]
            m.label = relabel(m, ruled=ruled, evidence=evidence, rule_labels=rule_labels)
            if m.expansion is None and key(m.text) not in known:
                if m.label == "ORG" and internal_department(m.text, lower):
                    continue
                if not ruled and m.label in _NAMES and common_phrase(m.text, lower):
                    continue
            kept.append(m)
        tagged.mentions[:] = kept
    every = [m for t in texts for m in t.mentions]
    people, parts = person_names(every), name_part_words(every)
    for tagged in texts:
        kept = []
        for m in tagged.mentions:
            ruled = (m.start, m.end) in tagged.ruled
            if m.expansion is None and resolve_person(m, people, ruled=ruled):
                lone = " " not in m.text.strip() and m.canonical is None
                if lone and not ruled and key(m.text) in parts - evidence.people:
                    continue
            kept.append(m)
        tagged.mentions[:] = kept


def finalise(
    texts: Sequence[TaggedText],
    *,
    meeting_year: int | None,
    user_acronyms: Mapping[str, str],
    evidence: Evidence | None = None,
) -> tuple[list[DocumentEntity], list[Acronym]]:
    """Complete each text's mentions in place; return the document's entities and acronyms.

    ``evidence``: the people and organisations the document's structure names.
    """
    defined = _definitions(texts)
    initials = {s: n for t in texts for s, n in t.initials if s not in defined}
    acronym_finder = whole_words(s for s, p in defined.items() if p.label is not None)
    initials_finder = whole_words(initials)
    for tagged in texts:
        _add_acronym_mentions(tagged, defined, acronym_finder)
        _add_initials(tagged, initials, initials_finder)
    _apply_evidence(texts, evidence or Evidence())
    tag_implicit(
        [(t.text, t.mentions) for t in texts], known=[*defined, *initials, *NOT_ORG_ACRONYMS]
    )
    weak = _weak_acronyms(texts, defined)
    folds = fold_targets(m for t in texts for m in t.mentions)
    for tagged in texts:
        tagged.mentions[:] = [
            m for m in tagged.mentions if not (m.label == "ORG" and m.text in weak)
        ]
        for m in tagged.mentions:
            _expand(m, defined, user_acronyms)
            if m.label == "DATE":
                m.value = edtf_value(m.text, meeting_year)
    entities = distinct_entities([(t.item_id, t.mentions) for t in texts], folds)
    acronyms = [Acronym(short=p.short, long=p.long) for p in defined.values()]
    return entities, acronyms
