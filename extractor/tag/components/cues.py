"""Context cues that name an organisation where neither the rules nor the model found one.

Two cues, each a fixed phrase around capitalised words:

- **a list introduced by a class noun**: "organisations such as WREN", "funders including
  Awards for All and the Lottery" — the lexico-syntactic hyponym pattern "NP such as NP, NP and
  NP" of M.A. Hearst, "Automatic acquisition of hyponyms from large text corpora", COLING 1992;
  each capitalised name of the list is an organisation;
- **an acronym before a meeting word** at the start of a text or after "the": "TAG
  Teleconference", "the PCC meeting" — the body whose meeting it is (not in a line written
  all in capitals: "DRAFT MINUTES").

Common acronyms (CCTV, AGM), generic words ("the Council") and lone role or meeting words are
never taken. Spans found here count as rule spans.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from extractor.lexicon import (
    CLASS_NOUNS,
    COMMON_ACRONYMS,
    GENERIC,
    MEETING_NOUNS,
    MEETING_WORDS,
    ROLE_WORDS,
    TECH_ACRONYMS,
)

NOT_BODY = COMMON_ACRONYMS | TECH_ACRONYMS
_LONE = GENERIC | ROLE_WORDS | MEETING_WORDS
_JOINERS = frozenset({",", "and", "or", "&", "the"})


def _acronym(token: Token) -> bool:
    text = token.text
    return 2 <= len(text) <= 6 and text.isupper() and text.isalpha() and text not in NOT_BODY


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.lower_ not in ("the", "and", "or")


def _cue_end(doc: Doc, i: int) -> int | None:
    """Index after "such as" / "including" when ``doc[i]`` is a class noun, else None."""
    if doc[i].lower_ not in CLASS_NOUNS:
        return None
    if i + 2 < len(doc) and doc[i + 1].lower_ == "such" and doc[i + 2].lower_ == "as":
        return i + 3
    if i + 1 < len(doc) and doc[i + 1].lower_ == "including":
        return i + 2
    return None


def _listed_names(doc: Doc, start: int) -> Iterator[tuple[int, int]]:
    """Token bounds of each capitalised name in the list starting at ``start``."""
    i = start
    while i < len(doc):
        if doc[i].lower_ in _JOINERS:
            i += 1
            continue
        if not _capitalised(doc[i]):
            return
        begin = i
        while i < len(doc) and (_capitalised(doc[i]) or doc[i].lower_ in ("of", "for", "&")):
            i += 1
        while i > begin and not _capitalised(doc[i - 1]):
            i -= 1
        name = doc[begin:i]
        if len(name) > 1 or (name[0].lower_ not in _LONE and name.text not in NOT_BODY):
            yield begin, i


def listed_organisations(doc: Doc, at: Iterable[int] | None = None) -> Iterator[Span]:
    """ORG spans for the names listed after "organisations such as" and the like.

    ``at``, when given, holds (in order) every index of a class noun; only those are tried.
    """
    for i in range(len(doc)) if at is None else at:
        start = _cue_end(doc, i)
        if start is not None:
            for s, e in _listed_names(doc, start):
                yield Span(doc, s, e, label="ORG")


def meeting_bodies(doc: Doc, at: Iterable[int] | None = None) -> Iterator[Span]:
    """ORG spans for an acronym before a meeting word, at a text's start or after "the".

    ``at``, when given, holds (in order) every index of a meeting noun; only those are tried.
    """
    for i in range(len(doc) - 1) if at is None else (j - 1 for j in at if j > 0):
        word = doc[i + 1]
        if word.lower_ not in MEETING_NOUNS or word.is_upper:
            continue
        at_start = i == 0 or doc[i - 1].lower_ == "the"
        if at_start and _acronym(doc[i]) and doc[i].lower_ not in MEETING_WORDS:
            yield Span(doc, i, i + 1, label="ORG")


def cue_spans(doc: Doc, *, at: Iterable[int] | None = None) -> list[Span]:
    """Every span the cues of this module find in ``doc``, in document order.

    ``at``, when given, holds (in order) every index of a word of :data:`CLASS_NOUNS` or
    :data:`MEETING_NOUNS` (found by a matcher); the cues are only tried there.
    """
    if at is None:
        listed, meetings = listed_organisations(doc), meeting_bodies(doc)
    else:
        lowers = [(i, doc[i].lower_) for i in at]
        listed = listed_organisations(doc, [i for i, w in lowers if w in CLASS_NOUNS])
        meetings = meeting_bodies(doc, [i for i, w in lowers if w in MEETING_NOUNS])
    return sorted([*listed, *meetings], key=lambda s: s.start)
