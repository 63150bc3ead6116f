"""Decide which blocks open sections, choosing one header style per document.

1. Heading blocks (Word Heading styles, Markdown headings) and speaker header lines (a short
   line naming a person with a role, office or organisation) open sections whenever present;
   in such a document a title-like line that names no speaker is an item.
2. Without headings, numbered title-like lines ("4.1 Playing Field Report", "1. Apologies")
   open sections too, provided at least two do (three beside speaker header lines) and a
   numbered line is not part of a run of short numbered points with nothing between them.
   Bold-only short paragraphs open sections when there are neither headings nor speakers.
3. Failing all of those, all-capitals title lines standing apart ("NEW BUSINESS") open
   sections, provided at least two do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.core import Block, Speaker
from extractor.lexicon import SENTENCE_OPENERS as _SENTENCE_OPENERS
from extractor.parse import find_date, is_person, parse_time_range
from extractor.segment.speakers import has_header_shape, parse_speaker

_NUMBER = re.compile(r"^(?P<num>\d+(?:\.\d+)+\.?|\d+[.:)]|[A-Z][.)])\s+(?P<title>\S.*)$")
_ITEM = re.compile(
    r"^(?:agenda\s+)?item\s+(?P<num>\d+(?:\.\d+)*)\s*(?:[.:)]|\s[-–—])\s*(?P<title>\S.*)$",
    re.IGNORECASE,
)
"""A numbered agenda item: "Item 2: Apologies", "AGENDA ITEM 5 – Finance"."""
_SENTENCE = re.compile(r"[.!?](?<=[a-z]{2}[.!?])\s+\S")
"""A sentence end inside the text (a longer word before the stop is found at its last two).

The stop comes first in the pattern, so a search skips quickly to the next one."""
_AGENDA_TOPIC = re.compile(
    r"^\W*(?:any\s+other\s+(?:competent\s+)?business|a\.?o\.?b\.?|matters\s+arising|"
    r"declarations?\s+of\s+(?:pecuniary\s+)?interests?|public\s+(?:participation|questions|"
    r"question\s+time|forum)|open\s+forum|correspondence|actions?\s+arising|"
    r"(?:approval\s+of\s+)?(?:the\s+)?minutes\s+of\s+the\s+(?:last|previous)\s+meeting|"
    r"welcome\s+(?:and|&)\s+introductions|close\s+of\s+(?:the\s+)?meeting)\W*$",
    re.IGNORECASE,
)
"""Standard agenda items that stand alone on a line as topic headings in any minutes."""
_AGENDA_LABEL = re.compile(r"^\W*(?:the\s+)?agenda(?:\s+items?)?\s*:?\s*$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_TOC_LEADER = ".…·_-"
_NOT_WORD = re.compile(r"[^\w\s]")
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
    words = block.text.split()
    text = " ".join(words)
    if len(words) > MAX_HEADER_WORDS or not has_header_shape(text) or _has_sentence_end(text):
        return None
    if find_date(text) is not None or parse_time_range(text)[0] is not None:
        return None
    speaker = parse_speaker(text)
    if speaker is None or not speaker.name:
        return None
    if block.kind == "heading" or speaker.role or speaker.organisation or speaker.title:
        return speaker
    return None


def _has_sentence_end(text: str) -> bool:
    """Tell whether a sentence ends inside ``text`` (a word, a stop, then more text)."""
    return ("." in text or "!" in text or "?" in text) and bool(_SENTENCE.search(text))


def _numbered(text: str) -> re.Match[str] | None:
    """The number and title of a numbered line ("Item 2: …" or "4.1 …"), or None."""
    text = text.strip()
    return _ITEM.match(text) or _NUMBER.match(text)


def numbered_title(block: Block) -> tuple[int, str, str] | None:
    """(depth, number, title) of a short numbered title line, or None."""
    if block.kind == "list_item" and block.numbered and block.marker:
        number, title = block.marker, block.text
    elif block.kind == "paragraph":
        match = _numbered(block.text)
        if match is None:
            return None
        number, title = match["num"], match["title"]
    else:
        return None
    title = " ".join(title.split()).rstrip(" -–—:").strip()
    if not title or not title[0].isupper() or title.endswith((".", "?", "!", ";", ",")):
        return None
    if len(title.split()) > 16 or len(title) > 140 or _has_sentence_end(title):
        return None
    depth = len(_DIGITS.findall(number)) or 2
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


def _caps_title(block: Block) -> bool:
    """An all-capitals title line standing apart ("ROLL CALL", "NEW BUSINESS")."""
    text = block.text.strip()
    words = text.split()
    return (
        block.kind == "paragraph"
        and block.gap_before
        and 0 < len(words) <= 8
        and text.isupper()
        and any(len(w) >= 3 and w.isalpha() for w in words)
        and not text.endswith((".", ",", ";"))
        and find_date(text) is None
    )


def _heading_text(block: Block) -> str:
    if block.kind == "list_item" and block.marker:
        return f"{block.marker} {block.text.strip()}"
    return block.text.strip()


def _raw_depth(block: Block) -> int:
    """Numbering depth of any numbered line, title-like or not (0 when unnumbered)."""
    if block.kind == "list_item" and block.numbered and block.marker:
        number = block.marker
    else:
        match = _numbered(block.text) if block.kind == "paragraph" else None
        if match is None:
            return 0
        number = match["num"]
    return len(_DIGITS.findall(number)) or 2


def _in_sequence(number: str, last: str | None) -> bool:
    """Tell whether a lettered number ("C.") may follow the last lettered header accepted."""
    letter = number[0]
    if letter in "Aa":
        return True
    return (
        last is not None and last.isupper() == letter.isupper() and 0 < ord(letter) - ord(last) <= 2
    )


def _numbered_headers(blocks: list[Block], order: list[int]) -> list[int]:
    """Numbered title lines that open sections: not runs of points, lettered ones in sequence.

    A lettered line next to another lettered point ("a) …" then "b) …") is a list point even
    when its sibling is no title.
    """
    infos = [numbered_title(blocks[i]) for i in order]
    titled = [info[0] if info else 0 for info in infos]
    raw = [_raw_depth(blocks[i]) for i in order]
    found: list[int] = []
    last_letter: str | None = None
    for pos, i in enumerate(order):
        info = infos[pos]
        if info is None:
            continue
        number = info[1]
        depths = raw if number[:1].isalpha() else titled
        before = depths[pos - 1] if pos else 0
        after = depths[pos + 1] if pos + 1 < len(depths) else 0
        if info[0] in (before, after) and not blocks[i].bold:
            continue
        if number[:1].isalpha():
            if not _in_sequence(number, last_letter):
                continue
            last_letter = number[0]
        else:
            last_letter = None
        found.append(i)
    return found


def _topic_line(blocks: list[Block], order: list[int], pos: int) -> bool:
    """Tell whether the block at ``order[pos]`` is an unnumbered topic line between agenda items.

    Such a line stands apart (blank line before it), is short, starts with a capital, has no
    closing punctuation, colon, date or bare name, and is followed by a prose paragraph.
    """
    block = blocks[order[pos]]
    text = block.text.strip().strip("\"“”'‘’ ")
    if block.kind != "paragraph" or not block.gap_before or not text[:1].isupper():
        return False
    if len(text.split()) > 8 or ":" in text or text.endswith((".", ",", ";", "?", "!", "-")):
        return False
    words = text.split()
    if (
        words[0].lower() in _SENTENCE_OPENERS
        or sum(w.isalpha() for w in words) * 3 < len(words) * 2
    ):
        return False
    if find_date(text) is not None or is_person(text) is not None:
        return False
    nxt = blocks[order[pos + 1]] if pos + 1 < len(order) else None
    return (
        nxt is not None
        and nxt.kind == "paragraph"
        and numbered_title(nxt) is None
        and len(nxt.text.split()) >= 8
    )


def find_headers(blocks: list[Block], order: list[int]) -> list[Header]:
    """Return the section headers among the blocks at ``order`` (indices of unconsumed blocks).

    A paragraph that is only a link points elsewhere and never opens a section.
    """
    chosen: dict[int, Speaker | None] = {}
    order = [i for i in order if not blocks[i].link]
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
    if not chosen and len(candidates) < 2:
        candidates = {i for i in order if _caps_title(blocks[i])}
    if len(candidates) >= (AGENDA_MIN if chosen else 2):
        if not chosen and numbered:
            start = min(numbered)
            later = [pos for pos, i in enumerate(order) if i > start]
            candidates |= {order[pos] for pos in later if _topic_line(blocks, order, pos)}
        for i in sorted(candidates - set(chosen)):
            info = numbered_title(blocks[i])
            chosen[i] = parse_speaker(info[2] if info else blocks[i].text)
    if chosen:
        chosen.update({i: None for i in order if is_agenda_topic(blocks[i]) and i not in chosen})
    return [Header(i, _heading_text(blocks[i]), chosen[i]) for i in sorted(chosen)]


def _toc_key(text: str) -> str:
    text = _without_page_number(text)
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


def _without_page_number(text: str) -> str:
    """``text`` without a trailing page number and the dot leader or spaces before it."""
    end = len(text.rstrip())
    while end and text[end - 1].isdecimal():
        end -= 1
    while end and (text[end - 1].isspace() or text[end - 1] in _TOC_LEADER):
        end -= 1
    return text[:end]


def toc_lines(blocks: list[Block], indices: list[int], headers: list[Header]) -> set[int]:
    """Lines among ``indices`` before the first header that list the agenda, not content.

    Either lines that repeat later headings (a table of contents: trailing page numbers and dot
    leaders ignored, at least two needed) or an "Agenda:" line with the list under it.
    """
    if not headers:
        return set()
    first = headers[0].index
    keys = {_toc_key(blocks[h.index].text) for h in headers} - {""}
    found = {i for i in indices if i < first and _toc_key(blocks[i].text) in keys}
    return (found if len(found) >= 2 else set()) | _agenda_list(blocks, indices, first)


def _agenda_list(blocks: list[Block], indices: list[int], first: int) -> set[int]:
    """An "Agenda:" line before the first header and the list items that follow it."""
    before = [i for i in indices if i < first]
    for pos, i in enumerate(before):
        if blocks[i].kind == "list_item" or not _AGENDA_LABEL.match(blocks[i].text):
            continue
        items = []
        for j in before[pos + 1 :]:
            if blocks[j].kind != "list_item":
                break
            items.append(j)
        if items:
            return {i, *items}
    return set()
