"""The document's ``entities`` list: each name counted once per label, short names folded.

A shortened name ("Partnership Plan") that ends exactly one longer name of its label
("Community Safety Partnership Plan") is counted under the longer one; a PERSON mention that
points at a full name (``canonical``) is counted under that name.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from extractor.models import DocumentEntity, EntityMention
from extractor.nlp.consistency import key


def fold_targets(mentions: Iterable[EntityMention]) -> dict[tuple[str, str], str]:
    """Map (name key, label) of each shortened ORG or PROGRAMME name to the one it ends."""
    names: dict[tuple[str, str], str] = {}
    for m in mentions:
        if m.label in ("ORG", "PROGRAMME"):
            names.setdefault((key(m.text), m.label), m.text)
    by_last: dict[str, list[tuple[str, str]]] = {}
    for pair in names:
        by_last.setdefault(pair[0].rsplit(" ", 1)[-1], []).append(pair)
    folds: dict[tuple[str, str], str] = {}
    for pair in names:
        text, label = pair
        if len(text.split()) < 2:
            continue
        candidates = by_last[text.rsplit(" ", 1)[-1]]
        longer = [n for n, lab in candidates if lab == label and n.endswith(" " + text)]
        if len(longer) == 1:
            folds[pair] = names[(longer[0], label)]
    return folds


def distinct_entities(
    texts: Iterable[tuple[str | None, Iterable[EntityMention]]],
    folds: Mapping[tuple[str, str], str],
) -> list[DocumentEntity]:
    """Count the mentions of ``(item id, mentions)`` texts into one entry per name and label.

    Sets ``canonical`` on a mention that ``folds`` (from :func:`fold_targets`) points at a
    longer name, when it has none yet.
    """
    entities: dict[tuple[str, str], DocumentEntity] = {}
    for item_id, mentions in texts:
        for m in mentions:
            folded = folds.get((key(m.text), m.label))
            if folded is not None and m.canonical is None:
                m.canonical = folded
            if m.label == "PERSON" and m.canonical:
                folded = m.canonical
            _count(entities, m, folded or m.text, item_id)
    return list(entities.values())


def _count(
    entities: dict[tuple[str, str], DocumentEntity],
    mention: EntityMention,
    name: str,
    item_id: str | None,
) -> None:
    """Add one mention of ``name`` to its entry, making the entry on first sight."""
    entry = (key(name), mention.label)
    entity = entities.get(entry)
    if entity is None:
        entities[entry] = DocumentEntity(
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
