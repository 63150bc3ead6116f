"""The ``minutes_entities`` component: maps model labels to ours and repairs what it gets wrong.

It runs after the rule layers and the statistical NER. Rule spans (kept in
``doc.spans[RULE_KEY]`` and ``doc.spans[USER_KEY]``) are trusted; statistical spans are judged by
:mod:`.filters`. Besides those judgements:

- labels: GPE/LOC/FAC → PLACE, LAW → PROGRAMME, EVENT → PROGRAMME when its last word is a
  programme word ("Plan", "Fund"), else dropped; NORP, MONEY, CARDINAL, TIME, … dropped;
- DATE spans that are relative expressions, durations or times are dropped (:mod:`.dates`),
  and vague position words before a date ("end of") are trimmed;
- a statistical ORG loses leading heading and action words ("Update Foundation page");
- "Hate Incidence Panel and Tension Monitoring Group" is split into its two names;
- an acronym followed by a head word its last letter stands for ("THIFF Forum") is the acronym;
- a gazetteer name flagged ``not_initial`` ("Prevent") is ignored at the start of a text (the
  component holds those names, see :func:`~extractor.tag.patterns.not_initial_names`);
- context cues (:mod:`.cues`) add organisations: "organisations such as WREN", "TAG
  Teleconference".

The character offsets of the entities that came from rules are kept in the Doc's
``rule_ents`` attribute (:mod:`extractor.tag.attrs`), so later, document-level decisions can
trust them more than the model's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence, Set

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans, registry

from extractor.lexicon import (
    CLASS_NOUNS,
    MEETING_NOUNS,
    MEETING_WORDS,
    ORG_HEADS,
    PROGRAMME_HEADS,
    ROLE_WORDS,
    TOPIC_WORDS,
)
from extractor.parse import is_calendar_date, leading_words
from extractor.tag.attrs import ATTRS
from extractor.tag.components.cues import cue_spans
from extractor.tag.components.filters import (
    department_of_body,
    department_of_role,
    linkish,
    org_label,
    person_label,
    trim,
)
from extractor.tag.components.not_names import words_of

OPENERS = MEETING_WORDS | TOPIC_WORDS - {"general", "public"}
"""Words that open a heading or an action ("Update …", "Open Forum"), not a body's name."""
RULE_KEY = "minutes_rules"
USER_KEY = "minutes_user_rules"
LABEL_MAP = {
    "ORG": "ORG",
    "PERSON": "PERSON",
    "DATE": "DATE",
    "PROGRAMME": "PROGRAMME",
    "PLACE": "PLACE",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "LAW": "PROGRAMME",
    "EVENT": "EVENT",
}
_CONJ = frozenset({"and", "&"})
CUE_WORDS = CLASS_NOUNS | MEETING_NOUNS
"""Words every context cue of :mod:`.cues` needs ("organisations such as", "TAG meeting")."""


def _split_names(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int]]:
    """Split "A Panel and B Group" at a conjunction that follows a head word of the label."""
    heads = ORG_HEADS if label == "ORG" else PROGRAMME_HEADS
    parts: list[tuple[int, int]] = []
    begin = start
    for i in range(start + 1, end - 1):
        if doc[i].lower_ in ("and", "&") and doc[i - 1].lower_ in heads and begin < i:
            parts.append((begin, i))
            begin = i + 1
    parts.append((begin, end))
    return parts


def _redundant_head(doc: Doc, start: int, end: int) -> bool:
    """Spot "THIFF Forum", where F already stands for Forum (the head repeats the last letter)."""
    if end - start != 2:
        return False
    acronym, head = doc[start].text, doc[end - 1]
    return (
        acronym.isupper()
        and 2 <= len(acronym) <= 6
        and head.lower_ in ORG_HEADS
        and head.lower_[0] == acronym[-1].lower()
    )


def _glued(token: Token) -> bool:
    """Whether the next token continues the same word ("Cant" is split "Ca" + "nt")."""
    following = token.doc[token.i + 1]
    return not token.whitespace_ and token.is_alpha and following.is_alpha


def _judged(span: Span, from_rules: bool, not_initial: Set[str]) -> str | None:
    """The label to keep the span under, or None to drop it.

    ``not_initial``: ids of names that are not names at the start of a text or sentence.
    """
    label = span.label_
    if label == "DATE":
        return label if is_calendar_date(span.text) else None
    words = words_of(span)
    if linkish(span, words):
        return None
    if span.id_ in not_initial and (span.start == 0 or span.doc[span.start - 1].is_punct):
        return None
    if from_rules:
        department = department_of_role(span, words) or department_of_body(span, words)
        return None if label == "ORG" and department else label
    if label == "PERSON":
        return person_label(span, words)
    if label == "ORG":
        return org_label(span, words)
    last = words.lowers[-1]
    if label == "PROGRAMME" and words.tokens[-1].like_num and last not in ("act",):
        return None
    if label == "PROGRAMME" and last in ROLE_WORDS:
        return None
    return label


def _rule_bounds(doc: Doc) -> set[tuple[int, int, int]]:
    groups = doc.spans
    spans = [s for key in (RULE_KEY, USER_KEY) if key in groups for s in groups[key]]
    return {(s.start, s.end, s.label) for s in spans}


def fixed_spans(
    doc: Doc, ents: Sequence[Span] | None = None, *, not_initial: Set[str] = frozenset()
) -> Iterator[tuple[Span, bool]]:
    """Yield the Doc's entities (``ents`` if read already) after the fixes, each with its origin.

    The origin is whether the entity came from a rule. ``not_initial``: ids of gazetteer names
    dropped at the start of a text or sentence.
    """
    rules: set[tuple[int, int, int]] | None = None
    for ent in doc.ents if ents is None else ents:
        label = LABEL_MAP.get(ent.label_)
        if label == "EVENT":
            label = "PROGRAMME" if ent[-1].lower_ in PROGRAMME_HEADS else None
        if label is None:
            continue
        if rules is None:
            rules = _rule_bounds(doc)
        ent_start, ent_end = ent.start, ent.end
        from_rules = (ent_start, ent_end, ent.label) in rules
        start, end = trim(doc, ent_start, ent_end, label)
        if not from_rules and label == "ORG" and start < end and doc[start].lower_ in OPENERS:
            while start < end and doc[start].lower_ in OPENERS:
                start += 1
            if start < end and not doc[start].text[:1].isupper():
                continue
        while label in ("PERSON", "ORG") and 0 < end < len(doc) and _glued(doc[end - 1]):
            end += 1
        if label == "ORG" and _redundant_head(doc, start, end):
            end -= 1
        if label == "DATE" and start < end:
            base = doc[start].idx
            skip = leading_words(doc[start:end].text)
            while skip and start < end and doc[start].idx < base + skip:
                start += 1
        ent_id = ent.id_ if ent_start == start and ent_end == end else ""
        bounds = (
            _split_names(doc, start, end, label)
            if label in ("ORG", "PROGRAMME")
            else [(start, end)]
        )
        for s, e in bounds:
            if s >= e:
                continue
            span = Span(doc, s, e, label=label, span_id=ent_id)
            judged = _judged(span, from_rules, not_initial)
            if judged is None:
                continue
            if judged != label:
                span = Span(doc, s, e, label=judged, span_id=ent_id)
            yield span, from_rules


def _clip_to_named(span: Span, named: list[Span]) -> Span | None:
    """Cut a pattern span after a conjunction that directly follows a named (gazetteer) span."""
    start = span.start
    for i in range(span.start + 1, span.end - 1):
        if span.doc[i].lower_ in _CONJ and any(
            g.end == i and g.end > start and not (g.start == span.start and g.end == span.end)
            for g in named
        ):
            start = i + 1
    if start == span.start:
        return span
    return Span(span.doc, start, span.end, label=span.label_)


def prefer_named_spans(entities: Iterable[Span], spans: Iterable[Span]) -> list[Span]:
    """Longest spans win; on a tie, gazetteer spans beat pattern spans, then programmes bodies.

    Gazetteer spans are those with an id; a programme beats a body on the very same tokens
    ("ACAS Code of Practice" is a code, not a practice).

    A pattern span that swallows a gazetteer name through a conjunction ("the Met and Martyn's
    Law") is first cut after that conjunction.
    """
    candidates = list(spans)
    named = [s for s in candidates if s.id_]
    clipped = [s if s.id_ else _clip_to_named(s, named) for s in candidates]
    ordered = sorted(
        (s for s in clipped if s is not None),
        key=lambda s: (-len(s), not s.id_, s.start, s.label_ != "PROGRAMME"),
    )
    taken: set[int] = {i for e in entities for i in range(e.start, e.end)}
    chosen = list(entities)
    for span in ordered:
        if not taken.intersection(range(span.start, span.end)):
            chosen.append(span)
            taken.update(range(span.start, span.end))
    return sorted(chosen, key=lambda s: s.start)


def make_span_filter() -> Callable[[Iterable[Span], Iterable[Span]], list[Span]]:
    """Provide the ``ents_filter`` of the rule layer: see :func:`prefer_named_spans`."""
    return prefer_named_spans


def prefer_user_spans(entities: Iterable[Span], spans: Iterable[Span]) -> list[Span]:
    """User pattern spans (longest first) replace every entity they overlap."""
    chosen = filter_spans(list(spans))
    taken = {i for s in chosen for i in range(s.start, s.end)}
    chosen.extend(e for e in entities if not taken.intersection(range(e.start, e.end)))
    return sorted(chosen, key=lambda s: s.start)


def make_user_span_filter() -> Callable[[Iterable[Span], Iterable[Span]], list[Span]]:
    """Provide the ``ents_filter`` of the user's rule layer: see :func:`prefer_user_spans`."""
    return prefer_user_spans


registry.misc.register("minutes.prefer_named_spans.v1", func=make_span_filter)
registry.misc.register("minutes.prefer_user_spans.v1", func=make_user_span_filter)


def with_cues(fixed: list[tuple[Span, bool]], cues: Iterable[Span]) -> list[tuple[Span, bool]]:
    """Add the context-cue spans (as rule spans); they replace model spans they overlap."""
    for cue in cues:
        clash = [(s, r) for s, r in fixed if s.start < cue.end and cue.start < s.end]
        if any(ruled for _, ruled in clash):
            continue
        fixed = [pair for pair in fixed if pair not in clash]
        fixed.append((cue, True))
    return fixed


def cue_word_finder(nlp: Language) -> PhraseMatcher | None:
    """A matcher finding the :data:`CUE_WORDS` of a Doc (None if one is not a single token).

    A Doc without any has no context cue, so :func:`~.cues.cue_spans` need not walk it.
    """
    words = [nlp.make_doc(word) for word in sorted(CUE_WORDS)]
    if any(len(word) != 1 for word in words):
        return None
    finder = PhraseMatcher(nlp.vocab, attr="LOWER")
    finder.add("CUE", words)
    return finder


class EntityFixer:
    """Pipeline component applying :func:`fixed_spans` to each Doc.

    ``not_initial``: the gazetteer names that are also ordinary words ("Prevent"), dropped at
    the start of a text or sentence.
    """

    def __init__(
        self,
        name: str,
        *,
        cue_words: PhraseMatcher | None = None,
        not_initial: Iterable[str] = (),
    ) -> None:
        self.name = name
        self.cue_words = cue_words
        self.not_initial = frozenset(not_initial)

    def _cues(self, doc: Doc) -> list[Span]:
        if self.cue_words is None:
            return cue_spans(doc)
        found = self.cue_words(doc)
        return cue_spans(doc, at=sorted({start for _, start, _ in found})) if found else []

    def __call__(self, doc: Doc) -> Doc:
        """Replace the Doc's entities by their fixed versions; note which came from rules."""
        cues = self._cues(doc)
        ents = doc.ents
        if not cues and not ents:
            doc._.set(ATTRS.rule_ents, set())
            return doc
        fixed = with_cues(list(fixed_spans(doc, ents, not_initial=self.not_initial)), cues)
        chosen = (
            filter_spans([span for span, _ in fixed]) if len(fixed) > 1 else [s for s, _ in fixed]
        )
        doc.set_ents(chosen)
        kept = {(e.start, e.end) for e in chosen}
        from_rules = {
            (s.start_char, s.end_char) for s, ruled in fixed if ruled and (s.start, s.end) in kept
        }
        doc._.set(ATTRS.rule_ents, from_rules)
        return doc


@Language.factory("minutes_entities", default_config={"not_initial": []})
def make_entity_fixer(nlp: Language, name: str, not_initial: list[str]) -> EntityFixer:
    """Build the entity fixer; ``not_initial`` lists the names ignored at the start of a text."""
    return EntityFixer(name, cue_words=cue_word_finder(nlp), not_initial=not_initial)
