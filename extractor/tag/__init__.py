"""The tag stage: entities, dates and acronyms for segmented minutes, batched through spaCy.

:func:`tag_documents` streams: it takes a bounded window of documents, runs one
``nlp.pipe(..., as_tuples=True)`` over every text of the window (each document's
:func:`text_plan`: item texts, section headings, the extra header lines and a title that came
from elsewhere), writes the mentions into the items and sections the plan names, completes
each document with :func:`extractor.tag.document.finalise` (given the people and
organisations the segmenter found) and yields the finished
:class:`~extractor.core.models.Minutes` in input order. Memory depends on the window, not on how
many documents pass through.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from itertools import islice
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc

from extractor.core import EntityMention, Item, Minutes, Section, Segmented
from extractor.tag.attrs import ATTRS
from extractor.tag.document import TaggedText, finalise
from extractor.tag.document.evidence import structural_evidence
from extractor.tag.load import (
    load_nlp,
    pipeline_fingerprint,
    pipeline_warnings,
    read_acronym_dict,
)
from extractor.tag.pieces import pieces, tagger_view


def _title(segmented: Segmented) -> list[str]:
    """The meeting title when no extra text holds it (e.g. it came from front matter)."""
    title = segmented.minutes.meeting.title
    if not title or any(title in text for text, _ in segmented.extra_texts):
        return []
    return [title]


Role = Literal["extra", "title", "heading", "item"]


@dataclass(frozen=True, slots=True)
class PlannedText:
    """One text a document sends to spaCy, and where its mentions go once it is tagged.

    ``owner`` is the section (for its heading) or the item whose ``entities`` receive them;
    the extra header lines and a title from elsewhere have none, so their mentions count only
    towards the document's entities.
    """

    text: str
    role: Role
    owner: Section | Item | None = None

    @property
    def item_id(self) -> str | None:
        """The id of the item the text is, or None for any other text."""
        return self.owner.id if isinstance(self.owner, Item) else None


def text_plan(segmented: Segmented) -> list[PlannedText]:
    """Every text of a document, in document order, each with where its mentions go.

    The extra header lines come first, then the title when no extra line holds it, then each
    section's heading followed by its items.
    """
    plan = [PlannedText(text, "extra") for text, _ in segmented.extra_texts]
    plan.extend(PlannedText(title, "title") for title in _title(segmented))
    for section in segmented.minutes.sections:
        plan.append(PlannedText(section.heading, "heading", section))
        plan.extend(PlannedText(item.text, "item", item) for item in section.items)
    return plan


def document_texts(segmented: Segmented) -> list[str]:
    """The texts :func:`tag_documents` sends to spaCy for a document, in the order it sends them."""
    return [planned.text for planned in text_plan(segmented)]


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


def _finish(
    segmented: Segmented,
    plan: list[PlannedText],
    tagged: list[TaggedText],
    user: Mapping[str, str],
) -> Minutes:
    """Complete a document's mentions and put them, its entities and acronyms in place."""
    minutes = segmented.minutes
    entities, acronyms = finalise(
        tagged,
        meeting_year=_meeting_year(minutes),
        month_first=segmented.month_first,
        user_acronyms=user,
        evidence=structural_evidence(minutes),
    )
    for planned, text in zip(plan, tagged, strict=True):
        if planned.owner is not None:
            planned.owner.entities = text.mentions
    minutes.entities = entities
    minutes.acronyms = acronyms
    return minutes


def _tag_window(
    nlp: Language, window: list[Segmented], batch_size: int, user: Mapping[str, str]
) -> Iterator[Minutes]:
    """Tag every text of a window of documents in one ``nlp.pipe`` stream, in order.

    spaCy sees each text's :func:`~extractor.tag.pieces.tagger_view`, cut into
    :func:`~extractor.tag.pieces.pieces` when it is long; what it finds is put back together
    with offsets into the text as written.
    """
    plans = [text_plan(seg) for seg in window]
    tagged: list[list[TaggedText]] = [[] for _ in window]
    stream = (
        (piece, (d, t, offset))
        for d, plan in enumerate(plans)
        for t, p in enumerate(plan)
        for offset, piece in pieces(tagger_view(p.text))
    )
    for doc, (d, t, offset) in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        planned = plans[d][t]
        found = doc._
        written = planned.text[offset : offset + len(doc.text)]
        part = TaggedText(
            planned.text,
            planned.item_id,
            mentions_of(doc, written),
            list(found.get(ATTRS.acronym_pairs) or []),
            ruled=set(found.get(ATTRS.rule_ents) or ()),
            initials=list(found.get(ATTRS.initials) or []),
        )
        if offset == 0:
            tagged[d].append(part)
        else:
            _extend(tagged[d][-1], part, offset)
    for seg, plan, texts in zip(window, plans, tagged, strict=True):
        yield _finish(seg, plan, texts, user)


def _extend(whole: TaggedText, part: TaggedText, offset: int) -> None:
    """Add what a later piece of a text found, its offsets moved by the piece's ``offset``."""
    whole.mentions.extend(
        m.model_copy(update={"start": m.start + offset, "end": m.end + offset})
        for m in part.mentions
    )
    whole.pairs.extend(
        replace(
            pair,
            short_start=pair.short_start + offset,
            short_end=pair.short_end + offset,
            long_start=pair.long_start + offset,
            long_end=pair.long_end + offset,
        )
        for pair in part.pairs
    )
    whole.ruled.update((start + offset, end + offset) for start, end in part.ruled)
    whole.initials.extend(part.initials)


def tag_documents(
    nlp: Language,
    docs: Iterable[Segmented],
    *,
    batch_size: int = 256,
    acronym_dict: Mapping[str, str] | None = None,
) -> Iterator[Minutes]:
    """Tag segmented documents with ``nlp`` (from :func:`~extractor.tag.load.load_nlp`).

    Yields one finished :class:`Minutes` per input, in order. ``acronym_dict`` (ABBR → long
    form, e.g. from :func:`~extractor.tag.load.read_acronym_dict`) fills ``expansion`` on
    mentions of acronyms a document never expands.
    """
    user = dict(acronym_dict or {})
    window_docs = max(1, batch_size // 8)
    iterator = iter(docs)
    while window := list(islice(iterator, window_docs)):
        yield from _tag_window(nlp, window, batch_size, user)


__all__ = [
    "Language",
    "PlannedText",
    "document_texts",
    "load_nlp",
    "mentions_of",
    "pipeline_fingerprint",
    "pipeline_warnings",
    "read_acronym_dict",
    "tag_documents",
    "text_plan",
]
