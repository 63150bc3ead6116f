"""Acronyms the minutes use but never spell out, for the ``unexpanded-acronym`` check.

An acronym counts as expanded when the document defines it anywhere: "Long Form (ABBR)",
"ABBR (Long Form)", "ABBR …, which focuses on ‘long form’", a glossary line "ABBR: Long Form"
(or ``–``, ``-``, ``=``) or a glossary table row. Definitions are recognised with the
Schwartz-Hearst long-form test of :mod:`extractor.parse.acronyms`. This module (like that one)
is spaCy-free so that ``extractor validate`` never imports a statistical model.

Not reported: abbreviations every reader knows (:data:`COMMON`), all-capital words minutes use
as labels (:data:`LABELS`), Roman numerals, lines written all in capitals, and all-capital
surnames after a first name ("John SMITH").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.lexicon import CAPITAL_LABELS as LABELS
from extractor.lexicon import KNOWN_ABBREVIATIONS as COMMON
from extractor.lexicon import REFERENCE_WORDS as _LABEL_WORDS
from extractor.parse import BRACKETS, QUOTED, WORD, initials_of, long_form_window, spells_out

_TOKEN = re.compile(r"(?<![\w&’'-])(?P<short>[A-Z][A-Z&]{1,7})(?:s|['’]s)?(?![\w&-])")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_GLOSSARY = re.compile(r"^\s*(?P<short>[A-Z][A-Za-z&]{1,9})\s*(?::|=|[–—-])\s*(?P<long>\S.+)$")


def defined_acronyms(text: str, cells: Sequence[str] = ()) -> set[str]:
    """Short forms that ``text`` (or a table row's ``cells``) defines."""
    found: set[str] = set()
    for match in BRACKETS.finditer(text):
        inside = match.group(1)
        before = text[: match.start()].rstrip()
        if _TOKEN.fullmatch(inside):
            words = WORD.findall(before)[-long_form_window(inside) :]
            if spells_out(inside, " ".join(words)) or _initials_of_name(inside, before):
                found.add(inside)
        elif (
            (tail := _TOKEN.search(before[-10:]))
            and before.endswith(tail.group(0))
            and spells_out(tail["short"], inside)
        ):
            found.add(tail["short"])
    for quote in QUOTED.finditer(text):
        initials = initials_of(quote.group(1))
        window = text[max(0, quote.start() - 200) : quote.start()]
        found.update(t["short"] for t in _TOKEN.finditer(window) if t["short"].lower() == initials)
    glossary = _GLOSSARY.match(text)
    if glossary and spells_out(glossary["short"], glossary["long"]):
        found.add(glossary["short"])
    if len(cells) >= 2 and _TOKEN.fullmatch(cells[0].strip()) and spells_out(cells[0], cells[1]):
        found.add(cells[0].strip())
    return found


def _initials_of_name(short: str, before: str) -> bool:
    """Spot a person's initials in brackets: "Jack Steinberg (JBS)", "Kat Marchán (KZM)"."""
    name = re.search(r"((?:[A-Z][\w’'-]+\.?\s+){1,3}[A-Z][\w’'-]+)\s*$", before)
    return name is not None and name.group(1)[0] == short[0]


def _emphasis(short: str, lower_words: set[str]) -> bool:
    """Tell an all-capital ordinary word ("NOW", "WHEREAS") by its lower-case use elsewhere."""
    return len(short) >= 3 and short.lower() in lower_words


def _shouting(text: str) -> bool:
    """Tell lines written in capitals ("MINUTES OF THE ANNUAL MEETING") from others."""
    words = [w for w in WORD.findall(text) if any(c.isalpha() for c in w)]
    caps = [w for w in words if w.isupper() and len(w) > 1]
    return len(caps) >= 3 and len(caps) * 2 > len(words)


def _surname(text: str, start: int, short: str) -> bool:
    """Spot "John SMITH": an all-capital word with a vowel right after a capitalised one."""
    before = text[:start].split()
    return (
        len(short) >= 4
        and bool(before)
        and before[-1][:1].isupper()
        and before[-1][1:].islower()
        and any(v in short for v in "AEIOU")
    )


def _label(text: str, match: re.Match[str]) -> bool:
    """Spot enumerators and references: "AB. Aster …", "See Attachment AB"."""
    if match.start() == 0 and text[match.end() : match.end() + 1] in (".", ")"):
        return True
    before = text[: match.start()].split()
    return bool(before) and before[-1].lower().strip(".,:") in _LABEL_WORDS


def unexpanded_acronyms(texts: Sequence[tuple[str, Sequence[str]]]) -> list[tuple[str, int]]:
    """(acronym, index of the text it first occurs in) for each acronym never defined.

    ``texts`` are (text, table cells) pairs in document order.
    """
    defined: set[str] = set()
    for text, cells in texts:
        defined |= defined_acronyms(text, cells)
    lower_words = {w.lower() for text, _ in texts for w in WORD.findall(text) if not w.isupper()}
    first: dict[str, int] = {}
    for index, (text, _) in enumerate(texts):
        if _shouting(text):
            continue
        for match in _TOKEN.finditer(text):
            short = match["short"]
            if (
                short in defined
                or short in COMMON
                or short in LABELS
                or _ROMAN.match(short)
                or _emphasis(short, lower_words)
                or _label(text, match)
                or _surname(text, match.start(), short)
            ):
                continue
            first.setdefault(short, index)
    return sorted(first.items(), key=lambda pair: pair[1])
