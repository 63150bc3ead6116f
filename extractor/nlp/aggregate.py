"""Document-level decisions once every text of a document has been tagged.

Works on plain data, no spaCy objects: the mentions of each text (item, heading or extra
line) and the acronym pairs found in them. It applies the document's acronym definitions to
every text, gives DATE mentions their EDTF values, drops acronyms the model called ORG with too
little evidence, and builds the distinct, counted ``entities`` list and the ``acronyms`` list.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from extractor.models import Acronym, DocumentEntity, EntityMention
from extractor.nlp.acronyms import AcronymPair
from extractor.nlp.dates import edtf_value

NOT_ORG_ACRONYMS = frozenset(
    [
        "CCTV",
        "ASB",
        "AOB",
        "FAQ",
        "PDF",
        "ICT",
        "IT",
        "HR",
        "TBC",
        "TBA",
        "AGM",
        "EGM",
        "CEO",
        "CFO",
        "COO",
        "CTO",
        "MP",
        "MEP",
        "MSP",
        "OBE",
        "MBE",
        "CBE",
        "ID",
        "UK",
        "USA",
        "US",
        "GB",
        "EU",
        "UN",
        "GP",
        "A&E",
        "SEND",
        "SEN",
        "EHCP",
        "KPI",
        "KPIS",
        "ETA",
        "DIY",
        "LGBT",
        "LGBTQ",
        "BAME",
        "BME",
        "ESOL",
        "COVID",
        "TV",
        "PR",
        "NB",
        "PS",
        "AM",
        "PM",
        "GDP",
        "VAT",
        "ASAP",
        "FYI",
        "RSVP",
        "DOB",
        "URL",
        "API",
        "IOT",
        "AI",
        "ICU",
    ]
)
"""Common acronyms that name things, topics or roles, never an organisation by themselves."""

_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,5}$")


def norm(text: str) -> str:
    """Return the key two mentions share when they name the same thing as written."""
    text = text.replace("’", "'").replace("‘", "'").replace("\u00a0", " ")
    return " ".join(text.casefold().split())


@dataclass(slots=True)
class TaggedText:
    """One tagged text of a document: where it goes and what the pipeline found in it."""

    text: str
    item_id: str | None
    mentions: list[EntityMention]
    pairs: list[AcronymPair] = field(default_factory=list)


def _definitions(texts: Sequence[TaggedText]) -> dict[str, AcronymPair]:
    found: dict[str, AcronymPair] = {}
    for tagged in texts:
        for pair in tagged.pairs:
            found.setdefault(pair.short, pair)
    return found


def _add_acronym_mentions(tagged: TaggedText, defined: Mapping[str, AcronymPair]) -> None:
    """Mentions of labelled defined acronyms the pipeline did not mark in this text."""
    for short, pair in defined.items():
        if pair.label is None:
            continue
        for match in re.finditer(rf"(?<![\w&]){re.escape(short)}(?![\w&])", tagged.text):
            start, end = match.span()
            if all(m.end <= start or end <= m.start for m in tagged.mentions):
                tagged.mentions.append(
                    EntityMention(text=short, label=pair.label, start=start, end=end)
                )
    tagged.mentions.sort(key=lambda m: m.start)


def _expand(
    mention: EntityMention, defined: Mapping[str, AcronymPair], user: Mapping[str, str]
) -> None:
    pair = defined.get(mention.text)
    if pair is not None:
        mention.expansion = pair.long
        if pair.label is not None:
            mention.label = pair.label
    elif mention.text in user:
        mention.expansion = user[mention.text]


def _weak_acronyms(texts: Sequence[TaggedText], defined: Mapping[str, AcronymPair]) -> set[str]:
    """Undefined acronyms tagged ORG once only and never heading a longer name."""
    counts: dict[str, int] = {}
    prefixes: set[str] = set()
    for tagged in texts:
        for m in tagged.mentions:
            if m.label == "ORG" and _ACRONYM.match(m.text) and m.canonical is None:
                counts[m.text] = counts.get(m.text, 0) + 1
            elif m.label in ("ORG", "PROGRAMME") and " " in m.text:
                prefixes.add(m.text.split()[0])
    return {
        a
        for a, n in counts.items()
        if a not in defined and (a in NOT_ORG_ACRONYMS or (n < 2 and a not in prefixes))
    }


def _fold_targets(texts: Sequence[TaggedText]) -> dict[tuple[str, str], str]:
    """Shortened names ("Partnership Plan") that end exactly one longer name of their label."""
    names: dict[tuple[str, str], str] = {}
    for tagged in texts:
        for m in tagged.mentions:
            if m.label in ("ORG", "PROGRAMME"):
                names.setdefault((norm(m.text), m.label), m.text)
    folds: dict[tuple[str, str], str] = {}
    for key in names:
        text, label = key
        if len(text.split()) < 2:
            continue
        longer = [n for n, lab in names if lab == label and n.endswith(" " + text)]
        if len(longer) == 1:
            folds[key] = names[(longer[0], label)]
    return folds


def finalise(
    texts: Sequence[TaggedText],
    *,
    meeting_year: int | None,
    user_acronyms: Mapping[str, str],
) -> tuple[list[DocumentEntity], list[Acronym]]:
    """Complete each text's mentions in place; return the document's entities and acronyms."""
    defined = _definitions(texts)
    for tagged in texts:
        _add_acronym_mentions(tagged, defined)
    weak = _weak_acronyms(texts, defined)
    folds = _fold_targets(texts)
    entities: dict[tuple[str, str], DocumentEntity] = {}
    for tagged in texts:
        tagged.mentions[:] = [
            m for m in tagged.mentions if not (m.label == "ORG" and m.text in weak)
        ]
        for m in tagged.mentions:
            _expand(m, defined, user_acronyms)
            if m.label == "DATE":
                m.value = edtf_value(m.text, meeting_year)
            folded = folds.get((norm(m.text), m.label))
            if folded is not None and m.canonical is None:
                m.canonical = folded
            _count(entities, m, folded or m.text, tagged.item_id)
    acronyms = [Acronym(short=p.short, long=p.long) for p in defined.values()]
    return list(entities.values()), acronyms


def _count(
    entities: dict[tuple[str, str], DocumentEntity],
    mention: EntityMention,
    name: str,
    item_id: str | None,
) -> None:
    key = (norm(name), mention.label)
    entity = entities.get(key)
    if entity is None:
        entities[key] = DocumentEntity(
            text=name,
            label=mention.label,
            value=mention.value,
            expansion=mention.expansion,
            canonical=mention.canonical if mention.canonical != name else None,
            count=1,
            items=[item_id] if item_id else [],
        )
        return
    entity.count += 1
    entity.value = entity.value or mention.value
    entity.expansion = entity.expansion or mention.expansion
    if item_id and item_id not in entity.items:
        entity.items.append(item_id)
