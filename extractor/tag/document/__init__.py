"""Document-level decisions once every text of a document has been tagged.

Works on plain data, no spaCy objects: the mentions of each text (item, heading or extra
line) and the acronym pairs found in them. :func:`finalise` runs the named :data:`STEPS` over
one :class:`DocumentState`, in this order (each step relies on those before it):

1. ``whole_long_forms``: run each definition's long form to where its initials spell the
   acronym (:mod:`.longforms`);
2. ``collect_definitions``: the document's acronym definitions, the first of each short form;
3. ``extend_to_long_forms``: grow mentions that stop short of a defined long form;
4. ``collect_initials``: the people's initials the document defines (not acronyms);
5. ``mark_short_forms``: mentions for every use of a labelled defined acronym and of defined
   initials (PERSON, expanded to the name) that no mention covers;
6. ``collect_lower_case_words``: the words the document writes in lower case;
7. ``describe_names``: label the names the document describes ("a company like X",
   :mod:`.descriptions`);
8. ``list_bodies``: tag as ORG the bare names listed under a heading or lead-in that
   introduces bodies;
9. ``apply_structural_evidence``: one label per name across the document, weighing rules,
   the model's votes and the people and bodies the document's structure names
   (:mod:`.relabel`);
10. ``tag_implicit_acronyms``: acronyms of names the document writes in full (:mod:`.implicit`);
11. ``find_weak_acronyms``: acronyms tagged ORG with too little evidence;
12. ``find_fold_targets``: the full name each shortened name stands for (:mod:`.entity_list`);
13. ``drop_unfounded``: weak acronyms, bodies and plans named only by their kind, model
    "places" that are none;
14. ``expand_acronyms``: ``expansion`` from the document's definitions, else the user's
    dictionary;
15. ``date_values``: EDTF values of DATE mentions, numeric dates in the document's order
    (decided by the segmenter);
16. ``list_entities``: the distinct, counted ``entities`` list;
17. ``list_acronyms``: the ``acronyms`` list, one per definition.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from operator import attrgetter

from extractor.core import Acronym, DocumentEntity, EntityMention
from extractor.lexicon import COMMON_ACRONYMS, MODEL_ORG_HEADS, TECH_ACRONYMS
from extractor.parse import AcronymPair, edtf_value
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

__all__ = [
    "NOT_ORG_ACRONYMS",
    "STEPS",
    "DocumentState",
    "Step",
    "TaggedText",
    "finalise",
    "whole_words",
]

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


def _add_uses(
    tagged: TaggedText,
    finder: re.Pattern[str] | None,
    mention_for: Callable[[str, int, int], EntityMention | None],
    *,
    replace_same_words: bool = False,
) -> None:
    """Add a mention for each word ``finder`` finds in the text that no mention covers yet.

    ``mention_for(word, start, end)`` builds it (None: no mention for that word). With
    ``replace_same_words``, mentions of the very same words overlapping a find are dropped
    first. A text's mentions are always in order of ``start``; only an added one calls for a
    sort.
    """
    if finder is None:
        return
    added = False
    for match in finder.finditer(tagged.text):
        word, (start, end) = match.group(), match.span()
        if replace_same_words:
            tagged.mentions[:] = [
                m for m in tagged.mentions if m.text != word or m.end <= start or end <= m.start
            ]
        if not uncovered(tagged.mentions, start, end):
            continue
        mention = mention_for(word, start, end)
        if mention is not None:
            tagged.mentions.append(mention)
            added = True
    if added:
        tagged.mentions.sort(key=attrgetter("start"))


def _add_acronym_mentions(
    tagged: TaggedText, defined: Mapping[str, AcronymPair], finder: re.Pattern[str] | None
) -> None:
    """Mentions of labelled defined acronyms the pipeline did not mark in this text."""

    def mention_for(short: str, start: int, end: int) -> EntityMention | None:
        label = defined[short].label
        if label is None:
            return None
        return EntityMention(text=short, label=label, start=start, end=end)

    _add_uses(tagged, finder, mention_for)


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

    def mention_for(short: str, start: int, end: int) -> EntityMention:
        name = initials[short]
        return EntityMention(
            text=short, label="PERSON", start=start, end=end, expansion=name, canonical=name
        )

    _add_uses(tagged, finder, mention_for, replace_same_words=True)


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


@dataclass(slots=True)
class DocumentState:
    """What the document-level steps share: the texts, the inputs, and what steps have found."""

    texts: Sequence[TaggedText]
    meeting_year: int | None
    user_acronyms: Mapping[str, str]
    evidence: Evidence
    month_first: bool = False
    defined: dict[str, AcronymPair] = field(default_factory=dict)
    initials: dict[str, str] = field(default_factory=dict)
    lower: set[str] = field(default_factory=set)
    weak: set[str] = field(default_factory=set)
    folds: dict[tuple[str, str], str] = field(default_factory=dict)
    entities: list[DocumentEntity] = field(default_factory=list)
    acronyms: list[Acronym] = field(default_factory=list)


def whole_long_forms(state: DocumentState) -> None:
    """Run each definition's long form to where its initials spell the acronym."""
    for tagged in state.texts:
        if tagged.pairs:
            _whole_long_forms(tagged)


def collect_definitions(state: DocumentState) -> None:
    """Note the document's acronym definitions, the first one of each short form."""
    state.defined = _definitions(state.texts)


def extend_to_long_forms(state: DocumentState) -> None:
    """Grow mentions that stop short of a long form the document defines."""
    _extend_to_long_forms(state.texts, state.defined)


def collect_initials(state: DocumentState) -> None:
    """Note the people's initials the document defines, leaving out defined acronyms."""
    state.initials = {s: n for t in state.texts for s, n in t.initials if s not in state.defined}


def mark_short_forms(state: DocumentState) -> None:
    """Add mentions for the uses of labelled defined acronyms and of defined initials."""
    defined, initials = state.defined, state.initials
    acronym_finder = whole_words(s for s, p in defined.items() if p.label is not None)
    initials_finder = whole_words(initials)
    for tagged in _matching(state.texts, (acronym_finder, initials_finder)):
        _add_acronym_mentions(tagged, defined, acronym_finder)
        _add_initials(tagged, initials, initials_finder)


def collect_lower_case_words(state: DocumentState) -> None:
    """Note the words the document writes in lower case anywhere."""
    state.lower = lower_case_words(t.text for t in state.texts)


def describe_names(state: DocumentState) -> None:
    """Label the names the document describes ("a company like X")."""
    describe(state.texts, state.evidence, state.lower)


def list_bodies(state: DocumentState) -> None:
    """Tag as ORG the bare names listed under a heading or lead-in that introduces bodies."""
    listed_bodies(state.texts, state.evidence)


def apply_structural_evidence(state: DocumentState) -> None:
    """Decide one label per name across the document, with the structure's people and bodies."""
    apply_evidence(state.texts, state.evidence, state.lower)


def tag_implicit_acronyms(state: DocumentState) -> None:
    """Tag acronyms of names the document writes in full, other than known short forms."""
    known = [*state.defined, *state.initials, *NOT_ORG_ACRONYMS]
    tag_implicit([(t.text, t.mentions) for t in state.texts], known=known)


def find_weak_acronyms(state: DocumentState) -> None:
    """Note the acronyms tagged ORG with too little evidence (see :func:`_weak_acronyms`)."""
    state.weak = _weak_acronyms(state.texts, state.defined)


def find_fold_targets(state: DocumentState) -> None:
    """Note the full name each shortened name of the document stands for."""
    state.folds = fold_targets(m for t in state.texts for m in t.mentions)


def drop_unfounded(state: DocumentState) -> None:
    """Drop weak acronyms, bodies and plans named only by their kind, and places that are none."""
    weak, folds = state.weak, state.folds
    for tagged in state.texts:
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


def expand_acronyms(state: DocumentState) -> None:
    """Fill ``expansion`` of acronym mentions from the definitions, else the user's dictionary."""
    defined, user = state.defined, state.user_acronyms
    for tagged in state.texts:
        for m in tagged.mentions:
            if m.text in defined or m.text in user:
                _expand(m, defined, user)


def date_values(state: DocumentState) -> None:
    """Give each DATE mention its EDTF value, reading numeric dates in the document's order."""
    for tagged in state.texts:
        for m in tagged.mentions:
            if m.label == "DATE":
                m.value = edtf_value(m.text, state.meeting_year, month_first=state.month_first)


def list_entities(state: DocumentState) -> None:
    """Build the document's distinct, counted entities."""
    state.entities = distinct_entities([(t.item_id, t.mentions) for t in state.texts], state.folds)


def list_acronyms(state: DocumentState) -> None:
    """Build the document's acronyms, one per definition."""
    state.acronyms = [Acronym(short=p.short, long=p.long) for p in state.defined.values()]


Step = Callable[[DocumentState], None]

STEPS: tuple[Step, ...] = (
    whole_long_forms,
    collect_definitions,
    extend_to_long_forms,
    collect_initials,
    mark_short_forms,
    collect_lower_case_words,
    describe_names,
    list_bodies,
    apply_structural_evidence,
    tag_implicit_acronyms,
    find_weak_acronyms,
    find_fold_targets,
    drop_unfounded,
    expand_acronyms,
    date_values,
    list_entities,
    list_acronyms,
)
"""The document-level steps, in the order :func:`finalise` runs them (see the module docstring)."""


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
    state = DocumentState(
        texts, meeting_year, user_acronyms, evidence or Evidence(), month_first=month_first
    )
    for step in STEPS:
        step(state)
    return state.entities, state.acronyms
