"""The tag stage: entities, dates and acronyms for segmented minutes, batched through spaCy.

:func:`tag_documents` streams: it takes a bounded window of documents, runs one
``nlp.pipe(..., as_tuples=True)`` over every text of the window (item texts, section headings,
the extra header lines and a title that came from elsewhere), writes the mentions into items
and sections, completes each document with :func:`extractor.tag.document.finalise` (given
the people and organisations the segmenter found) and yields the finished
:class:`~extractor.core.models.Minutes` in input order. Memory depends on the window, not on how
many documents pass through.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from extractor.core import EntityMention, Minutes, Segmented
from extractor.tag.document import TaggedText, finalise
from extractor.tag.document.evidence import structural_evidence
from extractor.tag.load import load_nlp, pipeline_acronyms, pipeline_fingerprint, pipeline_warnings


def _title(segmented: Segmented) -> list[str]:
    """The meeting title when no extra text holds it (e.g. it came from front matter)."""
    title = segmented.minutes.meeting.title
    if not title or any(title in text for text, _ in segmented.extra_texts):
        return []
    return [title]


def _texts(segmented: Segmented) -> list[tuple[str, str | None]]:
    """(text, item id) of every text of a document, in document order."""
    minutes = segmented.minutes
    texts: list[tuple[str, str | None]] = [(text, None) for text, _ in segmented.extra_texts]
    texts.extend((title, None) for title in _title(segmented))
    for section in minutes.sections:
        texts.append((section.heading, None))
        texts.extend((item.text, item.id) for item in section.items)
    return texts


def mentions_of(doc: Doc, text: str | None = None) -> list[EntityMention]:
    """Convert the Doc's entities to mentions whose offsets index its text (end exclusive).

    ``text``: the Doc's text when the caller holds it; slicing it is cheaper than asking each
    entity for its words.
    """
    written = doc.text if text is None else text
    mentions = []
    for ent in doc.ents:
        start, end = ent.start_char, ent.end_char
        name = written[start:end]
        ent_id = ent.id_
        mentions.append(
            EntityMention(
                text=name,
                label=ent.label_,
                start=start,
                end=end,
                canonical=ent_id if ent_id and ent_id != name else None,
            )
        )
    return mentions


def _meeting_year(minutes: Minutes) -> int | None:
    """The meeting's year, for dates written without one."""
    return int(minutes.meeting.date[:4]) if minutes.meeting.date else None


def _finish(segmented: Segmented, tagged: list[TaggedText], user: Mapping[str, str]) -> Minutes:
    """Complete a document's mentions and put them, its entities and acronyms in place."""
    minutes = segmented.minutes
    entities, acronyms = finalise(
        tagged,
        meeting_year=_meeting_year(minutes),
        month_first=segmented.month_first,
        user_acronyms=user,
        evidence=structural_evidence(minutes),
    )
    position = len(segmented.extra_texts) + len(_title(segmented))
    for section in minutes.sections:
        section.entities = tagged[position].mentions
        position += 1
        for item in section.items:
            item.entities = tagged[position].mentions
            position += 1
    minutes.entities = entities
    minutes.acronyms = acronyms
    return minutes


def _tag_window(
    nlp: Language, window: list[Segmented], batch_size: int, user: Mapping[str, str]
) -> Iterator[Minutes]:
    """Tag every text of a window of documents in one ``nlp.pipe`` stream, in order."""
    plans = [_texts(seg) for seg in window]
    tagged: list[list[TaggedText]] = [[] for _ in window]
    stream = ((text, (d, t)) for d, plan in enumerate(plans) for t, (text, _) in enumerate(plan))
    for doc, (d, t) in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        text, item_id = plans[d][t]
        found = doc._
        tagged[d].append(
            TaggedText(
                text,
                item_id,
                mentions_of(doc, text),
                list(found.acronym_pairs or []),
                ruled=set(found.rule_ents or ()),
                initials=list(found.initials or []),
            )
        )
    for seg, texts in zip(window, tagged, strict=True):
        yield _finish(seg, texts, user)


def tag_documents(
    nlp: Language,
    docs: Iterable[Segmented],
    *,
    batch_size: int = 256,
    acronym_dict: Mapping[str, str] | None = None,
) -> Iterator[Minutes]:
    """Tag segmented documents with ``nlp`` (from :func:`~extractor.tag.load.load_nlp`).

    Yields one finished :class:`Minutes` per input, in order. ``acronym_dict`` (ABBR → long
    form) fills ``expansion`` on mentions of acronyms a document never expands; without it the
    dictionary loaded with the pipeline is used.
    """
    user = dict(acronym_dict) if acronym_dict is not None else pipeline_acronyms(nlp)
    window_docs = max(1, batch_size // 8)
    iterator = iter(docs)
    while window := list(islice(iterator, window_docs)):
        yield from _tag_window(nlp, window, batch_size, user)


__all__ = [
    "Language",
    "load_nlp",
    "mentions_of",
    "pipeline_fingerprint",
    "pipeline_warnings",
    "tag_documents",
]
