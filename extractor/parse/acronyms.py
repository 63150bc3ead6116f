"""Acronym definitions a text makes itself: "Long Form (ABBR)", "ABBR (Long Form)", "ABBR … ‘…’".

The bracket forms follow the algorithm of A.S. Schwartz and M.A. Hearst, "A simple algorithm
for identifying abbreviation definitions in biomedical text", Pacific Symposium on Biocomputing
(PSB) 2003: a short-form candidate sits in (or just before) parentheses; the long-form candidate
is at most ``min(|A| + 5, 2|A|)`` words next to it (:func:`long_form_window`); the long form is
the shortest suffix of the candidate in which every character of the short form is found, right
to left, in order, the first one at the start of a word (:func:`best_long_form`,
:func:`spells_out`). Two additions for minutes: a space inside the brackets is allowed
("Community & Voluntary Sector ( THCVS)"), and an acronym followed by a quoted phrase whose word
initials spell it ("ADDER …, which focuses on ‘addiction, disruption, diversion, enforcement and
recovery’") is a definition too (:func:`initials_of`). A person's initials in brackets ("Pam
Bullas (PB)") are no definition: :func:`looks_like_initials` tells them apart.

This module is spaCy-free: the ``minutes_acronyms`` pipeline component
(:mod:`extractor.tag.components.acronyms`) and the ``unexpanded-acronym`` check of
``extractor validate`` (:mod:`extractor.validate.acronyms`) both build on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from extractor.core import EntityLabel
from extractor.lexicon import (
    MEETING_WORDS,
    MINOR_WORDS,
    MODEL_ORG_HEADS,
    ORG_WORDS,
    PROGRAMME_HEADS,
    ROLE_WORDS,
    TOPIC_WORDS,
)

BRACKETS = re.compile(r"\(\s*([^()]{1,120}?)\s*\)")
"""A bracketed phrase; group 1 is its inside without the padding spaces."""
QUOTED = re.compile(r"[‘'“\"]([^‘’'“”\"]{3,160})[’'”\"]")
"""A quoted phrase; group 1 is its inside."""
WORD = re.compile(r"[\w&’'-]+")
"""A word, with its inner ampersands, apostrophes and hyphens."""
DEFINITION_MARK = re.compile(r"[(‘'“\"]")
"""An opening bracket or quote: a text without one defines no acronym and no initials."""

_CAPS_WORD = re.compile(r"\b([A-Z][A-Za-z&]{1,9})\b")
_CLAUSE_END = re.compile(r"[.;:!?()\[\]]\s")
_NAME_WORDS = (
    MODEL_ORG_HEADS | ORG_WORDS | PROGRAMME_HEADS | ROLE_WORDS | MEETING_WORDS | TOPIC_WORDS
)


@dataclass(frozen=True, slots=True)
class AcronymPair:
    """A definition found in a text: the forms as written and their character offsets."""

    short: str
    long: str
    short_start: int
    short_end: int
    long_start: int
    long_end: int
    label: EntityLabel | None = None
    """ORG or PROGRAMME when the long form is one (then every mention of the short form is)."""


def is_short_form(text: str) -> bool:
    """Tell a plausible acronym: 2-10 characters, at most two words, two or more capitals."""
    if not 2 <= len(text) <= 10 or len(text.split()) > 2 or not text[0].isalnum():
        return False
    return sum(ch.isupper() for ch in text) >= 2 and not any(ch.isdigit() for ch in text[:1])


def best_long_form(short: str, candidate: str) -> int | None:
    """Start offset in ``candidate`` of the shortest long form for ``short`` (Schwartz-Hearst).

    Characters of the short form are matched right to left; the first one must begin a word.
    Returns None when the short form cannot be matched.
    """
    s_index = len(short) - 1
    l_index = len(candidate) - 1
    while s_index >= 0:
        char = short[s_index].lower()
        if not char.isalnum():
            s_index -= 1
            continue
        while l_index >= 0 and (
            candidate[l_index].lower() != char
            or (s_index == 0 and l_index > 0 and candidate[l_index - 1].isalnum())
        ):
            l_index -= 1
        if l_index < 0:
            return None
        l_index -= 1
        s_index -= 1
    return candidate.rfind(" ", 0, l_index + 1) + 1


def spells_out(short: str, long: str) -> bool:
    """Tell whether ``long`` is a long form of ``short`` as a whole (Schwartz-Hearst test).

    The letters and digits of ``short`` occur in ``long`` in order, matched right to left, the
    first one at the start of a word, and ``long`` is longer than ``short``.
    """
    letters = "".join(ch for ch in short if ch.isalnum())
    return best_long_form(letters, long.lower()) is not None and len(long.strip()) > len(short)


def long_form_window(short: str) -> int:
    """Most words a long form of ``short`` may have: ``min(|A| + 5, 2|A|)`` (Schwartz-Hearst)."""
    return min(len(short) + 5, 2 * len(short))


def looks_like_initials(short: str, long: str) -> bool:
    """Tell a person's initials from an acronym of a name.

    The long form is 2-3 capitalised words, none a body, programme, role or meeting word
    (Partnership, Plan, Officer, Report …), and either their initials are exactly ``short``
    ("Pam Bullas (PB)") or ``short`` takes letters from inside the words ("Yulia Startsev
    (YSV)"), which acronyms of hyphenated words ("Anti-Social Behaviour (ASB)") do not.
    """
    words = long.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    if any(w.lower().strip(",.") in _NAME_WORDS for w in words):
        return False
    if "".join(w[0] for w in words) == short:
        return True
    parts = [p for w in words for p in w.split("-") if p]
    return len(short) <= 4 and "".join(p[0] for p in parts).upper() != short.upper()


def _long_candidate(text: str, end: int, short: str) -> tuple[int, str]:
    """Return the words right before ``end`` that may hold the long form, within the same clause."""
    limit = long_form_window(short)
    head = text[:end]
    stops = list(_CLAUSE_END.finditer(head))
    start = stops[-1].end() if stops else 0
    words = list(WORD.finditer(head, start))[-limit:]
    if not words:
        return end, ""
    begin = words[0].start()
    return begin, head[begin:].rstrip()


def _pair(short: str, s_start: int, long: str, l_start: int) -> AcronymPair | None:
    long = long.strip(" ,;:–-")
    if len(long) <= len(short) or short.lower() == long.lower() or looks_like_initials(short, long):
        return None
    if short.lower() in long.lower().split():
        return None
    return AcronymPair(short, long, s_start, s_start + len(short), l_start, l_start + len(long))


def _bracket_pairs(text: str) -> Iterator[AcronymPair]:
    for match in BRACKETS.finditer(text):
        inside, inside_start = match.group(1), match.start(1)
        if is_short_form(inside):
            begin, candidate = _long_candidate(text, match.start(), inside)
            offset = best_long_form(inside, candidate) if candidate else None
            if offset is not None:
                found = _pair(inside, inside_start, candidate[offset:], begin + offset)
                if found:
                    yield found
            continue
        before = _CAPS_WORD.findall(text[: match.start()].rstrip()[-12:])
        short = before[-1] if before else ""
        if short and is_short_form(short) and text[: match.start()].rstrip().endswith(short):
            offset = best_long_form(short, inside)
            if offset == 0:
                s_start = text.rfind(short, 0, match.start())
                found = _pair(short, s_start, inside, inside_start)
                if found:
                    yield found


def find_initials(text: str) -> list[tuple[str, str]]:
    """(initials, name) pairs a text defines for people: "Pam Bullas (PB)", "Tom Foy (TF)"."""
    found: list[tuple[str, str]] = []
    if not DEFINITION_MARK.search(text):
        return found
    for match in BRACKETS.finditer(text):
        short = match.group(1)
        if not (short.isalpha() and short.isupper() and 2 <= len(short) <= 4):
            continue
        candidate = _long_candidate(text, match.start(), short)[1]
        offset = best_long_form(short, candidate) if candidate else None
        if offset is None:
            continue
        long = candidate[offset:].strip(" ,;:–-")
        if looks_like_initials(short, long):
            found.append((short, long))
    return found


def initials_of(phrase: str) -> str:
    """Spell the initial letters of a phrase's words, minor words ("and", "of") left out."""
    words = [w for w in WORD.findall(phrase) if w.lower() not in MINOR_WORDS]
    return "".join(w[0] for w in words).lower()


def _quoted_pairs(text: str) -> Iterator[AcronymPair]:
    for quote in QUOTED.finditer(text):
        phrase = quote.group(1)
        initials = initials_of(phrase)
        if len(initials) < 2:
            continue
        window_start = max(0, quote.start() - 200)
        for word in _CAPS_WORD.finditer(text, window_start, quote.start()):
            short = word.group(1)
            if short.isupper() and short.lower() == initials:
                yield AcronymPair(
                    short, phrase, word.start(), word.end(), quote.start(1), quote.end(1)
                )
                break


def find_pairs(text: str) -> list[AcronymPair]:
    """Every acronym definition in ``text``, in order, each short form once."""
    seen: set[str] = set()
    pairs: list[AcronymPair] = []
    if not DEFINITION_MARK.search(text):
        return pairs
    for pair in sorted([*_bracket_pairs(text), *_quoted_pairs(text)], key=lambda p: p.short_start):
        if pair.short not in seen:
            seen.add(pair.short)
            pairs.append(pair)
    return pairs
