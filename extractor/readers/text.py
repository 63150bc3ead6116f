"""Plain-text minutes (.txt): lines become paragraphs or list items, wrapped lines rejoin.

Plain text has no markup, so the reader infers structure from typing habits: a marker opens a
list item (nesting follows relative indentation), a blank line or a rule line separates blocks,
and a line without a marker joins the block above it only when it reads as a wrap of that
line: it is indented under the item's text (a hanging indent), it continues a sentence the
previous line left open (starts in lower case, no terminal punctuation before it), or the
previous line stops on a comma or a word that cannot end a sentence. In a hard-wrapped file
(fixed-width text such as mailing-list minutes, recognised by many lower-case wraps) a line
that follows a full-width line also continues it, whatever its case.
"""

from __future__ import annotations

from itertools import pairwise

from extractor.core import Block
from extractor.lexicon import OPEN_ENDINGS
from extractor.readers.assemble import Assembler, Pending
from extractor.readers.lines import Line, ends_sentence, is_rule_line, normalise_spaces, split_lines
from extractor.readers.markers import parse_marker

WRAP_EVIDENCE = 0.08
"""Share of lines that must be lower-case wraps before a file counts as hard-wrapped."""
FULL_LINE = 0.8
"""In a hard-wrapped file, a line at least this share of the wrap width was broken by it."""


def parse_text(text: str) -> list[Block]:
    """Return the blocks of decoded plain text, in order, with line and offset origins."""
    lines = split_lines(text)
    full_width = _full_width(lines)
    assembler = Assembler(clean=_clean)
    for line in lines:
        _feed(assembler, line, full_width=full_width)
    return assembler.finish()


def _full_width(lines: list[Line]) -> int | None:
    """Return the width from which a line counts as hard-wrapped, or None if not wrapped.

    The wrap width is the 90th percentile of line widths; a file counts as hard-wrapped when
    at least :data:`WRAP_EVIDENCE` of its lines (and three or more) are lower-case wraps.
    """
    widths = sorted(len(line.text.rstrip().expandtabs(4)) for line in lines if not line.is_blank())
    if len(widths) < 10:
        return None
    wraps = sum(
        1
        for before, line in pairwise(lines)
        if not before.is_blank()
        and line.text.strip()[:1].islower()
        and not ends_sentence(before.text)
        and parse_marker(line.text) is None
    )
    if wraps < 3 or wraps < WRAP_EVIDENCE * len(widths):
        return None
    return int(widths[int(0.9 * (len(widths) - 1))] * FULL_LINE)


def _feed(assembler: Assembler, line: Line, *, full_width: int | None) -> None:
    """Route one physical line to the assembler."""
    if line.is_blank() or is_rule_line(line.text):
        assembler.blank()
        return
    marker = parse_marker(line.text)
    if marker is not None:
        assembler.open_item(line, marker, marker.text)
        return
    content = line.text.strip()
    pending = assembler.pending
    if pending is not None and (
        continues(pending, line, content) or _hard_wrapped(pending, line, full_width)
    ):
        pending.add(line, content)
    else:
        assembler.open_paragraph(line, content)


def continues(block: Pending, line: Line, content: str) -> bool:
    """Tell whether the unmarked ``line`` is a wrap of ``block`` rather than a new paragraph."""
    previous = block.last_text.rstrip()
    if not previous:
        return True
    if previous.endswith(":"):
        return False
    if block.kind == "list_item" and line.indent >= block.text_column > block.indent:
        return True
    if block.kind == "paragraph" and line.indent > block.indent:
        return block.last is block.first or line.indent == block.last.indent
    if content[:1].islower() and not ends_sentence(previous):
        return True
    last_word = previous.rsplit(None, 1)[-1].lower()
    return previous.endswith(",") or last_word in OPEN_ENDINGS


def _hard_wrapped(block: Pending, line: Line, full_width: int | None) -> bool:
    """Tell whether ``block``'s last line filled the wrap width and ``line`` sits under it."""
    if full_width is None or block.last_text.rstrip().endswith(":"):
        return False
    previous = block.last.text.rstrip().expandtabs(4)
    return len(previous) >= full_width and line.indent >= min(block.indent, block.text_column)


def _clean(raw: str) -> tuple[str, bool]:
    """Plain text needs no unescaping: just normalise spaces. Nothing is marked bold."""
    return normalise_spaces(raw), False
