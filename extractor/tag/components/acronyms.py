"""The ``minutes_acronyms`` spaCy component: the acronym definitions a Doc makes, labelled.

Definitions are found by :func:`extractor.parse.acronyms.find_pairs` (the Schwartz-Hearst
algorithm); this module stores them in the Doc's ``acronym_pairs`` attribute
(:mod:`extractor.tag.attrs`), drops those whose long form is a person, and gives each the ORG or
PROGRAMME label of the entity its long form overlaps.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.core import EntityLabel
from extractor.parse import DEFINITION_MARK, AcronymPair, find_initials, find_pairs
from extractor.tag._speed.memo import WordMemo
from extractor.tag.attrs import ATTRS

__all__ = ["AcronymDetector", "AcronymPair", "make_acronym_detector"]

_NAMED = ("ORG", "PROGRAMME")


def holds_mark(word: str) -> bool:
    """Whether a word holds an opening bracket or quote, which every definition needs."""
    return DEFINITION_MARK.search(word) is not None


def _labelled(doc: Doc, pair: AcronymPair) -> AcronymPair:
    """Label a pair with the ORG/PROGRAMME entity overlapping its long form.

    The entities of the long and short forms are set to exactly those forms with that label.
    """
    long_span = doc.char_span(pair.long_start, pair.long_end, alignment_mode="expand")
    short_span = doc.char_span(pair.short_start, pair.short_end, alignment_mode="expand")
    if long_span is None or short_span is None:
        return pair
    ents = list(doc.ents)
    labels = [
        e.label_
        for e in ents
        if e.start < long_span.end and long_span.start < e.end and e.label_ in _NAMED
    ]
    if not labels:
        return pair
    label: EntityLabel = "ORG" if labels[0] == "ORG" else "PROGRAMME"
    for target in (long_span, short_span):
        if any(
            e.start <= target.start and target.end <= e.end and len(e) > len(target) for e in ents
        ):
            continue
        ents = [e for e in ents if e.end <= target.start or target.end <= e.start]
        ents.append(Span(doc, target.start, target.end, label=label))
    doc.ents = sorted(ents, key=lambda e: e.start)
    return replace(pair, label=label)


class AcronymDetector:
    """Pipeline component: the Doc's ``acronym_pairs`` lists the definitions it makes.

    Its ``initials`` lists the people's initials it defines (see
    :func:`extractor.parse.acronyms.find_initials`); both are :data:`~extractor.tag.attrs.ATTRS`.

    A pair whose long form is a PERSON entity is dropped (initials, not an acronym); a pair
    whose long form overlaps an ORG or PROGRAMME entity gets that label (see :func:`_labelled`).
    """

    def __init__(self, nlp: Language, name: str, *, max_length: int) -> None:
        self.name = name
        self.max_length = max_length
        strings = nlp.vocab.strings
        self._marks = WordMemo(lambda orth: holds_mark(strings[orth]))

    def marked(self, doc: Doc) -> bool:
        """Whether some word of ``doc`` holds a mark; each distinct word is tested only once.

        Most texts hold none, and answering from the words is much cheaper than reading the
        Doc's text.
        """
        return any(self._marks.of(doc))

    def __call__(self, doc: Doc) -> Doc:
        """Find the definitions of ``doc`` and store them on it."""
        found = doc._
        if not self.marked(doc):
            found.set(ATTRS.acronym_pairs, [])
            found.set(ATTRS.initials, [])
            return doc
        text = doc.text[: self.max_length]
        pairs = find_pairs(text)
        if pairs:
            people = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
            pairs = [
                p
                for p in pairs
                if not any(s <= p.long_start and p.long_end <= e for s, e in people)
            ]
        found.set(ATTRS.acronym_pairs, [_labelled(doc, p) for p in pairs])
        found.set(ATTRS.initials, find_initials(text))
        return doc


@Language.factory("minutes_acronyms", default_config={"max_length": 100_000})
def make_acronym_detector(nlp: Language, name: str, max_length: int) -> AcronymDetector:
    """Build the acronym detector; ``max_length`` caps the characters scanned per Doc."""
    return AcronymDetector(nlp, name, max_length=max_length)
