"""Priorities, action items and decisions: read from the built sections and tag their items.

- Priorities: the items of a list introduced by a lead-in naming priorities ("… has the
  following priorities:"), and inline lists labelled as priorities ("three priority areas: A,
  B and C"), in document order.
- Actions: "ACTION: …" items, every item under an "Action items" heading ("Name: task" gives
  the owner), and rows of a table whose columns name an action and an owner or due date.
- Decisions: "Decision: …" / "RESOLVED that …" items, items under a "Decisions" or
  "Conclusion/Resolution" heading, and sentences that record an outcome ("the minutes were
  approved", "the board agreed …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.core import ActionItem, Block, Decision, Item, ItemTag, Priority, Section
from extractor.lexicon import OUTCOME_WORDS as _OUTCOME_WORDS
from extractor.parse import find_date, folded, mentions
from extractor.segment.items import ACTION_PREFIX, DECISION_PREFIX, opens_decision

_PRIORITY_LEAD = re.compile(r"\bpriorit(?:y|ies)\b", re.IGNORECASE)
_PRIORITY_INLINE = re.compile(
    r"\bpriorit(?:y|ies)(?:\s+(?:areas?|themes?|issues?))?\s*(?:are|were|include)?\s*:\s*(?P<list>\S.+)$",
    re.IGNORECASE,
)
_LIST_SPLIT = re.compile(r"\s*(?:,|;)\s*(?:and\s+)?|\s+and\s+")
_ACTION_HEADING = re.compile(
    r"^\W*(?:(?:new|open|outstanding|agreed|summary\s+of)\s+)?action(?:s|\s+(?:items?|points?|"
    r"list|log|plan))?\b",
    re.IGNORECASE,
)
_DECISION_HEADING = re.compile(
    r"^\W*(?:decisions?|resolutions?|conclusions?|outcomes?)(?:\s*(?:/|and|&)\s*(?:decisions?|"
    r"resolutions?|conclusions?|outcomes?))?(?:\s+(?:made|taken|reached))?\W*$",
    re.IGNORECASE,
)
_OWNER_TASK = re.compile(r"^(?P<owner>[^\W\d_][^:]{1,80}?):\s+(?P<task>\S.*)$")
_DUE = re.compile(r"\b(?:by|due(?:\s+date)?|deadline|before)\s*:?\s+(?P<rest>.{4,40})", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_OUTCOME = re.compile(
    r"\b(?:minutes\b[^.]{0,80}\b(?:were|was)\s+(?:\w+\s+)?(?:approved|agreed|adopted|accepted|"
    r"confirmed)|(?:was|were|been)\s+approved\s+(?:unanimously|by\s+general\s+consent)|"
    r"approved\s+by\s+general\s+consent|adopted\s+unanimously|it\s+was\s+(?:\w+\s+)?(?:agreed|"
    r"resolved|decided)|(?:board|committee|panel|council|meeting|group|members|councillors|"
    r"trustees|governors|directors|partners|company)\s+(?:\w+\s+)?"
    r"(?:agreed|approved|resolved|decided|voted)\b|"
    r"(?:board|committee|panel|council|meeting)\s+approves\b|"
    r"\bvoted\s+(?:unanimously\s+)?(?:to|in\s+favour|against)\b|"
    r"\bunanimously\s+(?:agreed|approved|resolved|decided)|"
    r"\bmotions?\s+(?:was\s+|were\s+)?(?:carried|passed|adopted)\b|"
    r"\bcarried\s+unanimously\b)",
    re.IGNORECASE,
)
_BARE_OUTCOME = re.compile(
    r"^(?:(?:\S+\s+){0,3}|(?:it|this|that)\s+(?:\S+\s+){0,4})\S+\s*$", re.IGNORECASE
)
"""An outcome that cannot stand alone ("Motion carried 4-0.", "It was approved."): the sentence
before it goes with it."""
_ACTION_COLUMNS = re.compile(r"\b(?:action|task|to\s+do)", re.I)
_OWNER_COLUMNS = re.compile(r"\b(?:owner|responsible|who|person|lead|assigned)", re.I)
_DUE_COLUMNS = re.compile(r"\b(?:due|deadline|by\s+when|date|when|target)", re.I)


@dataclass(frozen=True, slots=True)
class Placed:
    """An item with the block it came from and, for a table row, its table's column names."""

    item: Item
    block: Block
    columns: tuple[str, ...] = ()


@dataclass(slots=True)
class Structure:
    """What :func:`find_structure` found."""

    priorities: list[Priority]
    actions: list[ActionItem]
    decisions: list[Decision]


def _tag(item: Item, tag: ItemTag) -> None:
    """Add ``tag`` to the item's tags once."""
    if tag not in item.tags:
        item.tags.append(tag)


def split_inline_list(text: str) -> list[str]:
    """Split "A, B and C." into its parts; "&" inside a part ("Misuse & Justice") is kept."""
    parts = _LIST_SPLIT.split(text.strip().rstrip("."))
    return [p.strip(" .") for p in parts if p.strip(" .")]


def _due(text: str, year: int | None, month_first: bool) -> str | None:
    """The ISO date after a "by" / "due" / "deadline" phrase in ``text``, or None."""
    match = _DUE.search(text)
    if match is None:
        return None
    found = find_date(match["rest"], default_year=year, month_first=month_first)
    return found.value.isoformat() if found else None


def _priorities(items: list[Item]) -> list[tuple[str, Item]]:
    """(priority, item) pairs: the list under a "Priorities:" lead-in, or an inline list."""
    found: list[tuple[str, Item]] = []
    i = 0
    while i < len(items):
        item = items[i]
        if "priorit" not in folded(item.text):
            i += 1
            continue
        inline = _PRIORITY_INLINE.search(item.text)
        if item.text.endswith(":") and _PRIORITY_LEAD.search(item.text):
            j = i + 1
            first = items[j] if j < len(items) else None
            while (
                first is not None
                and j < len(items)
                and items[j].kind == first.kind
                and first.kind in ("numbered", "bullet")
                and items[j].level >= first.level
            ):
                if items[j].level == first.level:
                    found.append((items[j].text, items[j]))
                    _tag(items[j], "priority")
                j += 1
            i = j
            continue
        if inline:
            parts = split_inline_list(inline["list"])
            if len(parts) >= 2:
                _tag(item, "priority")
                found.extend((p, item) for p in parts)
        i += 1
    return found


def _table_action(placed: Placed, year: int | None, month_first: bool) -> ActionItem | None:
    """An action from a table row whose columns name the action and an owner or due date."""
    cols = [c.strip() for c in placed.columns]
    if not cols or not any(_ACTION_COLUMNS.search(c) for c in cols):
        return None
    if not any(_OWNER_COLUMNS.search(c) or _DUE_COLUMNS.search(c) for c in cols):
        return None
    cells = placed.block.cells
    value: dict[str, str] = {}
    for name, cell in zip(cols, cells, strict=False):
        for key, pattern in (
            ("text", _ACTION_COLUMNS),
            ("owner", _OWNER_COLUMNS),
            ("due", _DUE_COLUMNS),
        ):
            if key not in value and pattern.search(name):
                value[key] = cell.strip()
                break
    text = value.get("text") or next((c for c in cells if c.strip()), "")
    if not text:
        return None
    due = find_date(value.get("due", ""), default_year=year, month_first=month_first)
    return ActionItem(
        text=text,
        owner=value.get("owner") or None,
        due=due.value.isoformat() if due else None,
        item=placed.item.id,
    )


def _action(
    placed: Placed, in_action_section: bool, year: int | None, month_first: bool
) -> ActionItem | None:
    """The action an item records ("ACTION: …", or a line of an actions section), or None.

    A line of an actions section that records a decision ("The committee agreed to …") is
    the decision, not an action.
    """
    item = placed.item
    if item.kind == "table_row":
        return _table_action(placed, year, month_first)
    prefix = ACTION_PREFIX.match(item.text)
    if prefix:
        text = prefix["text"].strip()
        owner = prefix["owner"]
    elif in_action_section and _decision(item, False) is None:
        text, owner = item.text, None
        named = _OWNER_TASK.match(text)
        if named and named["owner"][0].isupper() and len(named["owner"].split()) <= 8:
            owner, text = named["owner"].strip(), named["task"].strip()
    else:
        return None
    return ActionItem(text=text, owner=owner, due=_due(text, year, month_first), item=item.id)


def _decision(item: Item, in_decision_section: bool) -> Decision | None:
    """The decision an item records ("RESOLVED: …", a decisions section, an outcome sentence)."""
    prefix = DECISION_PREFIX.match(item.text)
    if prefix:
        return Decision(text=prefix["text"].strip(), item=item.id)
    if in_decision_section or opens_decision(item.text):
        return Decision(text=item.text, item=item.id)
    if not mentions(item.text, _OUTCOME_WORDS):
        return None
    sentences = _SENTENCE.split(item.text)
    for n, sentence in enumerate(sentences):
        if mentions(sentence, _OUTCOME_WORDS) and _OUTCOME.search(sentence):
            if n and _BARE_OUTCOME.match(sentence):
                sentence = f"{sentences[n - 1]} {sentence}"
            return Decision(text=sentence.strip(), item=item.id)
    return None


def find_structure(
    sections: list[tuple[Section, list[Placed]]], *, year: int | None, month_first: bool = False
) -> Structure:
    """Collect priorities, actions and decisions in document order and tag their items.

    ``year`` completes due dates written without one; ``month_first`` is the document's order
    of numeric dates.
    """
    result = Structure([], [], [])
    for section, placed in sections:
        items = [p.item for p in placed]
        for text, item in _priorities(items):
            result.priorities.append(
                Priority(rank=len(result.priorities) + 1, text=text, item=item.id)
            )
        in_actions = bool(_ACTION_HEADING.match(section.heading))
        in_decisions = bool(_DECISION_HEADING.match(section.heading))
        for p in placed:
            action = _action(p, in_actions, year, month_first)
            if action is not None:
                result.actions.append(action)
                _tag(p.item, "action")
            decision = _decision(p.item, in_decisions) if action is None else None
            if decision is not None:
                result.decisions.append(decision)
                _tag(p.item, "decision")
    return result
