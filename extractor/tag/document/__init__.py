"""Document-level decisions once every text of a document has been tagged.

Works on plain data, no spaCy objects: the mentions of each text (item, heading or extra
line) and the acronym pairs found in them. It completes long forms (:mod:`.longforms`),
applies the document's acronym definitions to every text, labels the names the document
describes and decides one label per name (:mod:`.labels`), tags acronyms of names the
document writes in full (:mod:`.implicit`), gives DATE mentions their EDTF values (numeric
dates in the document's order, decided by the segmenter), drops acronyms the model called ORG
with too little evidence, plans named only by their kind and model "places" that are none,
and builds the distinct, counted ``entities`` list (:mod:`.distinct`) and the ``acronyms`` list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from operator import attrgetter

from extractor.core import Acronym, DocumentEntity, EntityMention
from extractor.lexicon import COMMON_ACRONYMS, MODEL_ORG_HEADS, TECH_ACRONYMS
from extractor.parse import edtf_value
from extractor.tag.components.acronyms import AcronymPair
from extractor.tag.document.entity_list import distinct_entities, fold_targets
from extractor.tag.document.evidence import Evidence, key, lower_case_words
from extractor.tag.document.generic import generic_body, generic_plan, no_place
from extractor.tag.document.implicit import matched_texts, tag_implicit, uncovered
from extractor.tag.document.longforms import (
    extend_to_names,
    mark_long_form,
    overlapping_label,
    whole_long_form,
)
from extractor.tag.document.relabel import TaggedText, apply_evidence, describe, listed_bodies

__all__ = ["NOT_ORG_ACRONYMS", "TaggedText", "finalise", "whole_words"]

NOT_ORG_ACRONYMS = COMMON_ACRONYMS | TECH_ACRONYMS
"""Common acronyms that name things, topics or roles, never an organisation by themselves."""

_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,5}$")


def _whole_long_forms(tagged: TaggedText) -> None:
    """Run each definition's long form to where its initials spell the acronym (in place)."""
    for i, pair in enumerate(tagged.pairs):
        whole = whole_long_form(tagged.text, pair)
        if whole is pair:
            continue
        label = whole.label or overlapping_label(tagged.mentions, whole.long_start, whole.long_end)
        tagged.pairs[i] = whole if label is None else replace(whole, label=label)
        if label is not None:
            tagged.mentions[:] = mark_long_form(tagged.mentions, whole, label)
            tagged.ruled.add((whole.long_start, whole.long_end))


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
    if not all(ordered):
        return re.compile(r"(?<![\w&])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w&])")
    # Each word opens on its first character and only then looks behind it: the same matches,
    # but a search can skip straight to the characters that open a word.
    alternatives = (re.escape(w[0]) + r"(?<![\w&].)" + re.escape(w[1:]) for w in ordered)
    return re.compile(r"(?:" + "|".join(alternatives) + r")(?![\w&])")


def _matching(
    texts: Sequence[TaggedText], finders: Iterable[re.Pattern[str] | None]
) -> list[TaggedText]:
    """The texts in which any of ``finders`` (from :func:`whole_words`) finds a word."""
    patterns = [finder for finder in finders if finder is not None]
    if not patterns:
        return []
    found = matched_texts(
        [t.text for t in texts], lambda joined: (m for p in patterns for m in p.finditer(joined))
    )
    return [texts[i] for i in found]


def _add_acronym_mentions(
    tagged: TaggedText, defined: Mapping[str, AcronymPair], finder: re.Pattern[str] | None
) -> None:
    """Mentions of labelled defined acronyms the pipeline did not mark in this text.

    A text's mentions are always in order of ``start``; only an added one calls for a sort.
    """
    if finder is None:
        return
    added = False
    for match in finder.finditer(tagged.text):
        short, (start, end) = match.group(), match.span()
        label = defined[short].label
        if label is not None and uncovered(tagged.mentions, start, end):
            tagged.mentions.append(EntityMention(text=short, label=label, start=start, end=end))
            added = True
    if added:
        tagged.mentions.sort(key=attrgetter("start"))


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
    added = False
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
            added = True
    if added:
        tagged.mentions.sort(key=attrgetter("start"))


def _extend_to_long_forms(texts: Sequence[TaggedText], defined: Mapping[str, AcronymPair]) -> None:
    """Grow mentions that stop short of a name the document defines (see :mod:`.longforms`)."""
    names = {p.long: p.label for p in defined.values() if p.label is not None}
    if not names:
        return
    for tagged in texts:
        if not tagged.mentions:
            continue
        before = {(m.start, m.end) for m in tagged.mentions}
        tagged.mentions[:] = extend_to_names(tagged.text, tagged.mentions, names)
        tagged.ruled.update(
            (m.start, m.end) for m in tagged.mentions if (m.start, m.end) not in before
        )


def _generic(mention: EntityMention, folds: Mapping[tuple[str, str], str]) -> bool:
    """A body or plan named only by its kind, which no longer, named one of the document ends."""
    if mention.expansion is None and mention.label == "ORG" and generic_body(mention.text):
        return True
    if mention.label != "PROGRAMME" or not generic_plan(mention.text):
        return False
    longer = folds.get((key(mention.text), "PROGRAMME"))
    return longer is None or generic_plan(longer)


def finalise(
    texts: Sequence[TaggedText],
    *,
    meeting_year: int | None,
    user_acronyms: Mapping[str, str],
    evidence: Evidence | None = None,
    month_first: bool = False,
) -> tuple[list[DocumentEntity], list[Acronym]]:
    """Complete each text's mentions in place; return the document's entities and acronyms.

    ``evidence``: the people and organisations the document's structure names;
    ``month_first``: the document's order of numeric dates (as the segmenter read them).
    """
    for tagged in texts:
        if tagged.pairs:
            _whole_long_forms(tagged)
    defined = _definitions(texts)
    _extend_to_long_forms(texts, defined)
    initials = {s: n for t in texts for s, n in t.initials if s not in defined}
    acronym_finder = whole_words(s for s, p in defined.items() if p.label is not None)
    initials_finder = whole_words(initials)
    for tagged in _matching(texts, (acronym_finder, initials_finder)):
        _add_acronym_mentions(tagged, defined, acronym_finder)
        _add_initials(tagged, initials, initials_finder)
    evidence = evidence or Evidence()
    lower = lower_case_words(t.text for t in texts)
    describe(texts, evidence, lower)
    listed_bodies(texts, evidence)
    apply_evidence(texts, evidence, lower)
    tag_implicit(
        [(t.text, t.mentions) for t in texts], known=[*defined, *initials, *NOT_ORG_ACRONYMS]
    )
    weak = _weak_acronyms(texts, defined)
    folds = fold_targets(m for t in texts for m in t.mentions)
    for tagged in texts:
        if not tagged.mentions:
            continue
        tagged.mentions[:] = [
            m
            for m in tagged.mentions
            if not (m.label == "ORG" and m.text in weak)
            and not (m.label in ("ORG", "PROGRAMME") and _generic(m, folds))
            and not (
                m.label == "PLACE" and (m.start, m.end) not in tagged.ruled and no_place(m.text)
            )
        ]
        for m in tagged.mentions:
            if m.text in defined or m.text in user_acronyms:
                _expand(m, defined, user_acronyms)
            if m.label == "DATE":
                m.value = edtf_value(m.text, meeting_year, month_first=month_first)
    entities = distinct_entities([(t.item_id, t.mentions) for t in texts], folds)
    acronyms = [Acronym(short=p.short, long=p.long) for p in defined.values()]
    return entities, acronyms
