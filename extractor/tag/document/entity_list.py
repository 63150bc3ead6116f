"""The document's ``entities`` list: each name counted once per label, short names folded.

A shortened name ("Partnership Plan") that ends exactly one longer name of its label
("Community Safety Partnership Plan") is counted under the longer one; a PERSON mention that
points at a full name (``canonical``) is counted under that name.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from extractor.core import DocumentEntity, EntityLabel, EntityMention
from extractor.tag.document.evidence import key


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
    entries: dict[tuple[str, str], _Entry] = {}
    for item_id, mentions in texts:
        for m in mentions:
            folded = folds.get((key(m.text), m.label)) if folds else None
            if folded is not None and m.canonical is None:
                m.canonical = folded
            if m.label == "PERSON" and m.canonical:
                folded = m.canonical
            _count(entries, m, folded or m.text, item_id)
    return [
        DocumentEntity(
            text=e.text,
            label=e.label,
            value=e.value,
            expansion=e.expansion,
            canonical=e.canonical,
            count=e.count,
            items=e.items,
        )
        for e in entries.values()
    ]


@dataclass(slots=True)
class _Entry:
    """One entry of the ``entities`` list while the mentions are counted (plain data)."""

    text: str
    label: EntityLabel
    value: str | None
    expansion: str | None
    canonical: str | None
    count: int
    items: list[str]


def _count(
    entries: dict[tuple[str, str], _Entry],
    mention: EntityMention,
    name: str,
    item_id: str | None,
) -> None:
    """Add one mention of ``name`` to its entry, making the entry on first sight."""
    entry = (key(name), mention.label)
    found = entries.get(entry)
    if found is None:
        entries[entry] = _Entry(
            text=name,
            label=mention.label,
            value=mention.value,
            expansion=mention.expansion,
            canonical=mention.canonical if mention.canonical != name else None,
            count=1,
            items=[item_id] if item_id else [],
        )
        return
    found.count += 1
    found.value = found.value or mention.value
    found.expansion = found.expansion or mention.expansion
    if item_id and item_id not in found.items:
        found.items.append(item_id)
