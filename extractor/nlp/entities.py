"""The ``minutes_entities`` component: maps model labels to ours and repairs what it gets wrong.

It runs after the rule layer and the statistical NER. Rule spans (kept in
``doc.spans[RULE_KEY]``) are trusted; statistical spans are checked. Applied fixes:

- labels: GPE/LOC/FAC → PLACE, LAW → PROGRAMME, EVENT → PROGRAMME when its last word is a
  programme word ("Plan", "Fund"), else dropped; NORP, MONEY, CARDINAL, TIME, … dropped;
- a leading "the" is never part of a mention; office, rank and honorific words (Councillor,
  Supt, Dr …) are trimmed from PERSON spans; an all-caps word is never a PERSON;
- DATE spans that are relative expressions, durations or times are dropped (:mod:`.dates`);
- generic references ("Council", "Police") and statistical ORG spans that are topic lists
  ("Substance Misuse & Criminal Justice") or a role's portfolio ("Head of Community Safety")
  are dropped, and so are statistical ORG spans across a spaced dash ("Cookies - Jane Roe");
- handles ("@jroe") are trimmed from the edges of a mention;
- "Hate Incidence Panel and Tension Monitoring Group" is split into its two names;
- an acronym followed by a head word its last letter stands for ("THIFF Forum") is the acronym;
- a single capitalised word the model calls ORG at the start of a sentence is dropped (its
  capital says nothing there);
- a gazetteer name flagged ``not_initial`` ("Prevent") is ignored at the start of a text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans, registry

from extractor.nlp import dates
from extractor.nlp.rules import GENERIC, MODEL_ORG_HEADS, ORG_HEADS, PROGRAMME_HEADS, TITLES

RULE_KEY = "minutes_rules"
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
ROLE_WORDS = frozenset(
    [
        "head",
        "director",
        "lead",
        "manager",
        "officer",
        "chair",
        "portfolio",
        "member",
        "deputy",
        "assistant",
    ]
)
_EDGE_PUNCT = frozenset("&-–—,;:.’'\"‘“”()[]")
_HEADS = ORG_HEADS | PROGRAMME_HEADS
_CONJ = frozenset({"and", "&"})


def _trim(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """Token bounds without a leading "the", titles (PERSON) and dangling punctuation."""
    while start < end and (
        doc[start].lower_ == "the"
        or doc[start].text.startswith("@")
        or doc[start].text in _EDGE_PUNCT
        or (label == "PERSON" and doc[start].lower_.rstrip(".") in TITLES)
    ):
        start += 1
    while start < end and (
        doc[end - 1].text in _EDGE_PUNCT
        or doc[end - 1].text.startswith("@")
        or doc[end - 1].lower_ in ("and", "’s", "'s", "of")
    ):
        end -= 1
    return start, end


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


def doc_gap(token: Token) -> bool:
    """Tell whether a space precedes the token ("Cookies - Steven": a dash between two things)."""
    return bool(token.doc[token.i - 1].whitespace_)


def _keep_model_org(span: Span) -> bool:
    """Whether a statistical ORG span looks like a name rather than a topic or a role."""
    words = {t.lower_ for t in span}
    if span.text.lower() in GENERIC or (len(span) == 1 and span[0].lower_ in GENERIC):
        return False
    if any(t.text in ("-", "–", "—") and t.i > 0 and doc_gap(t) for t in span):
        return False
    has_head = bool(words & MODEL_ORG_HEADS)
    if not has_head and words & {"and", "&"}:
        return False
    doc, start = span.doc, span.start
    if start == 0 and len(span) == 1 and span[0].is_title and len(doc) >= 4:
        return False
    return not (
        not has_head
        and start >= 2
        and doc[start - 1].lower_ in ("of", "for")
        and doc[start - 2].lower_ in ROLE_WORDS
    )


def _keep(span: Span, from_rules: bool) -> bool:
    label = span.label_
    if label == "PERSON":
        text = span.text
        return (
            any(c.islower() for c in text)
            and not any(c.isdigit() for c in text)
            and span[-1].lower_ not in _HEADS
        )
    if label == "DATE":
        return dates.is_calendar_date(span.text)
    if span.id_.startswith("!") and (span.start == 0 or span.doc[span.start - 1].is_punct):
        return False
    if label == "ORG" and not from_rules:
        return _keep_model_org(span)
    return True


def fixed_spans(doc: Doc) -> Iterator[Span]:
    """Yield the Doc's entities after the fixes listed in the module docstring."""
    rules = {(s.start, s.end, s.label_) for s in doc.spans.get(RULE_KEY, [])}
    for ent in doc.ents:
        label = LABEL_MAP.get(ent.label_)
        if label == "EVENT":
            label = "PROGRAMME" if ent[-1].lower_ in PROGRAMME_HEADS else None
        if label is None:
            continue
        from_rules = (ent.start, ent.end, ent.label_) in rules
        start, end = _trim(doc, ent.start, ent.end, label)
        if label == "ORG" and _redundant_head(doc, start, end):
            end -= 1
        if label == "DATE" and start < end:
            base = doc[start].idx
            skip = dates.leading_words(doc[start:end].text)
            while skip and start < end and doc[start].idx < base + skip:
                start += 1
        ident = ent.id_.lstrip("!") if ent.start == start and ent.end == end else ""
        bounds = (
            _split_names(doc, start, end, label)
            if label in ("ORG", "PROGRAMME")
            else [(start, end)]
        )
        for s, e in bounds:
            if s >= e:
                continue
            span = Span(doc, s, e, label=label, span_id=ent.id_ if ident else "")
            if _keep(span, from_rules):
                yield Span(doc, s, e, label=label, span_id=ident)


def _clip_to_named(span: Span, named: list[Span]) -> Span | None:
    """Cut a pattern span after the last conjunction that a named (gazetteer) span reaches."""
    start = span.start
    for i in range(span.start + 1, span.end - 1):
        if span.doc[i].lower_ in _CONJ and any(
            g.start < i and g.end > start and not (g.start == span.start and g.end == span.end)
            for g in named
        ):
            start = i + 1
    if start == span.start:
        return span
    return Span(span.doc, start, span.end, label=span.label_)


def prefer_named_spans(entities: Iterable[Span], spans: Iterable[Span]) -> list[Span]:
    """Longest spans win; on a tie, gazetteer spans (those with an id) beat pattern spans.

    A pattern span that swallows a gazetteer name through a conjunction ("the Met and Martyn's
    Law") is first cut after that conjunction.
    """
    candidates = list(spans)
    named = [s for s in candidates if s.id_]
    clipped = [s if s.id_ else _clip_to_named(s, named) for s in candidates]
    ordered = sorted(
        (s for s in clipped if s is not None), key=lambda s: (-len(s), not s.id_, s.start)
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


registry.misc.register("minutes.prefer_named_spans.v1", func=make_span_filter)


class EntityFixer:
    """Pipeline component applying :func:`fixed_spans` to each Doc."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        """Replace the Doc's entities by their fixed versions."""
        doc.ents = filter_spans(list(fixed_spans(doc)))
        return doc


@Language.factory("minutes_entities")
def make_entity_fixer(nlp: Language, name: str) -> EntityFixer:
    """Build the entity fixer (no settings)."""
    return EntityFixer(name)
