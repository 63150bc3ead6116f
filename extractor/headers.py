"""Decide which blocks open sections, choosing one header style per document.

1. Heading blocks (Word Heading styles, Markdown headings) and speaker header lines (a short
   line naming a person with a role, office or organisation) open sections whenever present;
   in such a document a title-like line that names no speaker is an item.
2. Without headings, numbered title-like lines ("4.1 Playing Field Report", "1. Apologies")
   open sections too, provided at least two do (three beside speaker header lines) and a
   numbered line is not part of a run of short numbered points with nothing between them.
   Bold-only short paragraphs open sections when there are neither headings nor speakers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.document import Block
from extractor.models import Speaker
from extractor.speakers import parse_speaker
from extractor.timeparse import find_date, parse_time_range

_NUMBER = re.compile(r"^(?P<num>\d+(?:\.\d+)+\.?|\d+[.:)]|[A-Z][.)])\s+(?P<title>\S.*)$")
_SENTENCE = re.compile(r"[a-z]{2,}[.!?]\s+\S")
_AGENDA_TOPIC = re.compile(
    r"^\W*(?:any\s+other\s+(?:competent\s+)?business|a\.?o\.?b\.?|matters\s+arising|"
    r"declarations?\s+of\s+(?:pecuniary\s+)?interests?|public\s+(?:participation|questions|"
    r"question\s+time|forum)|open\s+forum|correspondence|actions?\s+arising|"
    r"(?:approval\s+of\s+)?(?:the\s+)?minutes\s+of\s+the\s+(?:last|previous)\s+meeting|"
    r"welcome\s+(?:and|&)\s+introductions|close\s+of\s+(?:the\s+)?meeting)\W*$",
    re.IGNORECASE,
)
"""Standard agenda items that stand alone on a line as topic headings in any minutes."""
MAX_HEADER_WORDS = 40
AGENDA_MIN = 3
"""Numbered agenda titles needed before they open sections beside speaker header lines."""


@dataclass(frozen=True, slots=True)
class Header:
    """A block that opens a section: its heading as written and the speaker it names."""

    index: int
    heading: str
    speaker: Speaker | None


def speaker_header(block: Block) -> Speaker | None:
    """Return the speaker of a header line ("Name, Role, Org"), or None when it is not one."""
    if block.kind not in ("paragraph", "heading"):
        return None
    text = " ".join(block.text.split())
    if len(text.split()) > MAX_HEADER_WORDS or _SENTENCE.search(text):
        return None
    if find_date(text) is not None or parse_time_range(text)[0] is not None:
        return None
    speaker = parse_speaker(text)
    if speaker is None or not speaker.name:
        return None
    if block.kind == "heading" or speaker.role or speaker.organisation or speaker.title:
        return speaker
    return None


def numbered_title(block: Block) -> tuple[int, str, str] | None:
    """(depth, number, title) of a short numbered title line, or None."""
    if block.kind == "list_item" and block.numbered and block.marker:
        number, title = block.marker, block.text
    elif block.kind == "paragraph":
        match = _NUMBER.match(block.text.strip())
        if match is None:
            return None
        number, title = match["num"], match["title"]
    else:
        return None
    title = " ".join(title.split()).rstrip(" -–—:").strip()
    if not title or not title[0].isupper() or title.endswith((".", "?", "!", ";", ",")):
        return None
    if len(title.split()) > 16 or len(title) > 140 or _SENTENCE.search(title):
        return None
    depth = len(re.findall(r"\d+", number)) or 2
    return depth, number, title


def is_agenda_topic(block: Block) -> bool:
    """Tell whether ``block`` is a standard agenda item on its own ("Any other business")."""
    return block.kind == "paragraph" and bool(_AGENDA_TOPIC.match(block.text))


def _bold_title(block: Block) -> bool:
    text = block.text.strip()
    return (
        block.kind == "paragraph"
        and block.bold
        and 0 < len(text.split()) <= 12
        and not text.endswith((".", ","))
    )


def _heading_text(block: Block) -> str:
    if block.kind == "list_item" and block.marker:
        return f"{block.marker} {block.text.strip()}"
    return block.text.strip()


def _numbered_headers(blocks: list[Block], order: list[int]) -> list[int]:
    depths = [(numbered_title(blocks[i]) or (0, "", ""))[0] for i in order]
    found: list[int] = []
    for pos, i in enumerate(order):
        depth = depths[pos]
        if not depth:
            continue
        before = depths[pos - 1] if pos else 0
        after = depths[pos + 1] if pos + 1 < len(depths) else 0
        if depth not in (before, after) or blocks[i].bold:
            found.append(i)
    return found


def find_headers(blocks: list[Block], order: list[int]) -> list[Header]:
    """Return the section headers among the blocks at ``order`` (indices of unconsumed blocks)."""
    chosen: dict[int, Speaker | None] = {}
    for i in order:
        block = blocks[i]
        if block.kind == "heading":
            chosen[i] = parse_speaker(block.text)
            continue
        speaker = speaker_header(block)
        if speaker is not None:
            chosen[i] = speaker
    if any(blocks[i].kind == "heading" for i in chosen):
        return [Header(i, _heading_text(blocks[i]), chosen[i]) for i in sorted(chosen)]
    numbered = set(_numbered_headers(blocks, order))
    candidates = numbered | {i for i in order if not chosen and _bold_title(blocks[i])}
    if len(candidates) >= (AGENDA_MIN if chosen else 2):
        for i in sorted(candidates - set(chosen)):
            info = numbered_title(blocks[i])
            chosen[i] = parse_speaker(info[2] if info else blocks[i].text)
    if chosen:
        chosen.update({i: None for i in order if is_agenda_topic(blocks[i]) and i not in chosen})
    return [Header(i, _heading_text(blocks[i]), chosen[i]) for i in sorted(chosen)]
