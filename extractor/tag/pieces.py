"""What each text looks like to spaCy: furniture runs broken up, long texts cut in pieces.

Both keep the tagger's cost linear in the text's length without changing the text itself:

- :func:`tagger_view` returns a copy of the text of the same length in which every run of
  :data:`FURNITURE_RUN` or more punctuation characters (``####…``, ``((((…``, ``**_**_…``) is
  spaces. spaCy's tokenizer strips suffixes one at a time and searches the whole remaining
  token for each, so one long run costs the square of its length, and even cut short each of
  its characters would be a token for the model; a run that long is furniture (a rule, a
  separator, a fuzzer's noise), never part of a name, date or acronym. Offsets are unchanged,
  so entities found in the view index the original text exactly, and their text is taken
  from the original.
- :func:`pieces` cuts a text longer than :data:`PIECE_CHARS` (far below spaCy's ``max_length``)
  after a sentence end or a line break, else after a space, into pieces tagged one by one;
  each piece's offset re-bases its entities into the whole text.
"""

from __future__ import annotations

import re

FURNITURE_RUN = 50
"""Punctuation characters in a row from which a run is furniture, not text."""
PIECE_CHARS = 100_000
"""Longest text spaCy is given in one Doc; longer texts are tagged in pieces."""

_RUN = re.compile(rf"(?:[^\w\s]|_){{{FURNITURE_RUN},}}")
_SENTENCE_END = re.compile(r"[.!?;]\s|\n")


def tagger_view(text: str) -> str:
    """``text`` with its furniture runs made spaces; same length, same offsets."""
    if len(text) < FURNITURE_RUN:
        return text
    return _RUN.sub(lambda run: " " * len(run.group()), text)


def pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """``(offset, piece)`` pairs that cover ``text`` in order, each at most ``limit`` long.

    A cut falls after the last sentence end or line break in the piece's second half, else
    after its last space, else at ``limit``.
    """
    if len(text) <= limit:
        return [(0, text)]
    found: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        window = text[start + limit // 2 : end]
        cut = _last_boundary(window)
        end = start + limit // 2 + cut if cut else end
        found.append((start, text[start:end]))
        start = end
    found.append((start, text[start:]))
    return found


def _last_boundary(window: str) -> int:
    """Offset just after the last sentence end (else whitespace) in ``window``; 0 if none."""
    last = None
    for last in _SENTENCE_END.finditer(window):  # noqa: B007 (only the last one is wanted)
        pass
    if last is not None:
        return last.end()
    space = max(window.rfind(" "), window.rfind("\t"))
    return space + 1 if space >= 0 else 0
