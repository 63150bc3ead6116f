"""Turn one content block into an :class:`Item`: its kind, marker, level, text and speaker.

Kinds (DESIGN.md section 3): ``table_row``; ``action`` ("ACTION: …"); ``decision``
("Decision: …", "RESOLVED that …", "It was agreed …"); ``utterance`` (transcript "Name: text"
lines, only in documents where several occur); ``numbered`` / ``bullet`` (list items);
``lead_in`` (ends with ":"); ``caption`` (a short unpunctuated line introducing a list, or
"Figure 1: …"); otherwise ``paragraph``.
"""

from __future__ import annotations

import re
from itertools import islice

from extractor.core import Block, Item, ItemKind, Origin, SourceRef, Speaker
from extractor.lexicon import ITEM_LABELS as _LABELS
from extractor.parse import is_person, is_role_like, take_name

ACTION_PREFIX = re.compile(
    r"^(?:action(?:\s+(?:point|item))?s?|to\s+do)\s*(?:\((?P<owner>[^)]{1,60})\))?\s*"
    r"(?::|[-–—]\s)\s*(?P<text>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
DECISION_PREFIX = re.compile(
    r"^(?:decision|decided|resolved|resolution|agreed|outcome)\s*(?::|[-–—]\s)\s*(?P<text>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
DECISION_OPENING = re.compile(
    r"^(?:RESOLVED\b|Resolved,?\s+that\b|It\s+was\s+(?:\w+\s+)?(?:agreed|resolved|RESOLVED|"
    r"decided)\b)",
)
_DECISION_FIRST = ("R", "I")
"""The letters :data:`DECISION_OPENING` can start with."""
_ACTION_INITIALS = frozenset("aAtT")
"""The first letters of the words :data:`ACTION_PREFIX` opens with (no other character matches)."""
_DECISION_INITIALS = frozenset("dDrRaAoOI")
"""The first letters of :data:`DECISION_PREFIX` and :data:`DECISION_OPENING` texts."""
_UTTERANCE = re.compile(
    r"^(?P<who>[^:()]{1,40}?)\s*(?:\((?P<note>[^)]{1,30})\))?:\s+(?P<said>\S.*)$"
)
_ABBR = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")
_HANDLE = re.compile(r"^[a-z][a-z0-9_.-]{1,24}$")
_FILL_IN = re.compile(r"_{3,}|\.{4,}|…{2,}|(?:…\s*){2,}")
_SIGN_LABEL = re.compile(r"^\W*(?:signed|signature|dated|date)\b\W*$", re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_LONGEST_EMAIL = 254
_PHONE = re.compile(r"\b(?:tel|telephone|phone|mobile)\b\W", re.IGNORECASE)
_CAPTION = re.compile(r"^(?:figure|fig\.|table|chart|graph|image|photo|slide)\s*\d+\b", re.I)


def source_ref(origin: Origin) -> SourceRef:
    """Return the output's source reference (line for text, paragraph and cell for docx)."""
    return SourceRef(
        page=origin.page,
        line=origin.line,
        paragraph=origin.paragraph,
        table=origin.table,
        row=origin.row,
        cell=origin.cell,
    )


def utterance_prefix(text: str) -> tuple[str, str] | None:
    """(speaker, what they said) for a transcript line "Name: text", "ABBR: text", "nick: text"."""
    if ":" not in text:
        return None
    match = _UTTERANCE.match(text.strip())
    if match is None:
        return None
    who = match["who"].strip()
    if who.lower() in _LABELS or who.split()[0].lower() in _LABELS:
        return None
    if _ABBR.match(who) or _HANDLE.match(who):
        return who, match["said"]
    found = take_name(who, allow_single=True)
    if found is None or found.rest or found.title:
        return None
    return who, match["said"]


def _has_contact(text: str) -> bool:
    """Tell whether ``text`` holds an email address or a phone label ("Tel:").

    An address lies within one token, looked for only in tokens with an "@" no longer than an
    address can be: searching a long run of punctuation whole costs the square of its length.
    """
    for token in text.split():
        if "@" in token and len(token) <= _LONGEST_EMAIL and _EMAIL.search(token):
            return True
    return _PHONE.search(text) is not None


def is_signature_line(text: str) -> bool:
    """Tell whether ``text`` belongs to a closing signature block, not to the minutes' content.

    Fill-in lines ("Signed: ______", "Chairman’s signature ……… Date ………"), a bare name or office
    under the signature ("Jo Roe", "Cathaoirleach") and a contact line ("Clerk: Jo Roe - Email:
    clerk@…") qualify.
    """
    text = " ".join(text.split())
    if not text or len(text.split()) > 25:
        return False
    if _FILL_IN.search(text):
        return True
    if _SIGN_LABEL.match(text):
        return True
    head = text.split(":", 1)[0]
    if ":" in text and _has_contact(text) and len(head.split()) <= 3:
        return True
    if is_person(text) is not None:
        return True
    return len(text.split()) <= 3 and is_role_like(text) and text[:1].isupper()


def opens_decision(text: str) -> bool:
    """Tell whether ``text`` opens like a recorded decision ("RESOLVED that …", "It was agreed")."""
    return text.startswith(_DECISION_FIRST) and DECISION_OPENING.match(text) is not None


def is_transcript(blocks: list[Block]) -> bool:
    """Tell whether several paragraphs are "Name: text" lines (a transcript-style document)."""
    lines = (b for b in blocks if b.kind == "paragraph" and utterance_prefix(b.text))
    return sum(1 for _ in islice(lines, 3)) >= 3


def _is_caption(block: Block, following: Block | None) -> bool:
    text = block.text.strip()
    if _CAPTION.match(text):
        return True
    if following is None or following.kind != "list_item":
        return False
    return len(text.split()) <= 8 and not text.endswith((".", ":", ";", "?", "!"))


def classify(block: Block, *, following: Block | None, transcript: bool) -> ItemKind:
    """Return the item kind of ``block``; ``following`` is the next content block, if any."""
    return _classify(block, following, transcript)[0]


def _classify(
    block: Block, following: Block | None, transcript: bool
) -> tuple[ItemKind, tuple[str, str] | None]:
    """The item kind, and for an utterance the speaker and words read from the stripped text."""
    if block.kind == "table_row":
        return "table_row", None
    text = block.text.strip()
    first = text[:1]
    if first in _ACTION_INITIALS and ACTION_PREFIX.match(text):
        return "action", None
    if first in _DECISION_INITIALS and (DECISION_PREFIX.match(text) or opens_decision(text)):
        return "decision", None
    if transcript and block.kind == "paragraph" and (said := utterance_prefix(text)):
        return "utterance", said
    if block.kind == "list_item":
        return ("numbered" if block.numbered else "bullet"), None
    if text.endswith(":"):
        return "lead_in", None
    if block.kind == "paragraph" and _is_caption(block, following):
        return "caption", None
    return "paragraph", None


def make_item(block: Block, *, item_id: str, following: Block | None, transcript: bool) -> Item:
    """Build the item for ``block`` (text, kind, marker, level, source, transcript speaker)."""
    kind, said = _classify(block, following, transcript)
    text = " ".join(block.text.split())
    speaker: Speaker | None = None
    if kind == "utterance":
        found = said if text == block.text.strip() else utterance_prefix(text)
        if found is not None:
            speaker = Speaker(name=found[0])
            text = found[1]
    return Item(
        id=item_id,
        kind=kind,
        marker=block.marker if block.kind == "list_item" else None,
        level=block.level if block.kind == "list_item" else 0,
        text=text,
        source=source_ref(block.origin),
        speaker=speaker,
    )
