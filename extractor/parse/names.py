"""Person-name, role and organisation cues for header and attendee lines, without a model.

A person-like name is a run of one to four capitalised tokens (initials, hyphens and apostrophes
allowed, lower-case particles such as "de" or "van" inside), optionally after an office or
honorific ("Councillor", "Supt", "Dr"). Two small curated lexicons tell organisation words
("Council", "Police", "Synagogue") and role words ("Officer", "Chair", "member") from names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.lexicon import NAME_PARTICLES as PARTICLES
from extractor.lexicon import OFFICES, ORG_WORDS
from extractor.lexicon import PERSON_ROLE_WORDS as ROLE_WORDS
from extractor.lexicon import STOP_CAPS as _STOP_CAPS

_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|[A-Z]\.?|Mc\w+|O['’]\w+)$")
_INITIALS = re.compile(r"^[A-Z]{1,4}$")


@dataclass(frozen=True, slots=True)
class NameSplit:
    """A person-like name found at the start of a phrase, with the office words before it."""

    title: str | None
    name: str
    rest: str


_STRIP = ".,;:()[]'’"
_ENDS_NAME = ORG_WORDS | ROLE_WORDS


def _clean(word: str) -> str:
    return word.lower().strip(_STRIP)


def is_org_like(text: str) -> bool:
    """Tell whether ``text`` contains an organisation word ("Council", "Police", "Trust")."""
    return any(w.strip(_STRIP) in ORG_WORDS for w in text.lower().split())


def is_role_like(text: str) -> bool:
    """Tell whether ``text`` contains a role word ("Officer", "Chair", "member", "Head of")."""
    return any(w.strip(_STRIP) in ROLE_WORDS for w in text.lower().split())


def is_initials(text: str) -> bool:
    """Tell whether ``text`` is initials such as "PB" or "VYG" (not a role, not an acronym)."""
    return bool(_INITIALS.match(text.strip()))


def _is_initial(word: str) -> bool:
    """Tell whether ``word`` is one capital and a full stop ("J.")."""
    return len(word) == 2 and word[1] == "." and "A" <= word[0] <= "Z"


def _name_token(word: str, key: str) -> bool:
    """Tell whether ``word`` (``key`` is its :func:`_clean` form) can be part of a name."""
    if len(word) == 2 and word[1] == "." and "A" <= word[0] <= "Z":
        return True
    if key in _STOP_CAPS or not _TOKEN.match(word):
        return False
    core = word.strip(".")
    if len(core) > 1 and core.isupper():
        return False
    return not any(map(str.isdigit, word))


def starts_with_office(text: str) -> bool:
    """Tell whether the first word of ``text`` is an office or honorific word ("Cllr")."""
    words = text.split(None, 1)
    return bool(words) and _clean(words[0]) in OFFICES


def split_office(words: list[str]) -> tuple[list[str], list[str]]:
    """Split leading office/honorific words ("Acting Superintendent") from the rest."""
    i = _office_words(words)
    return words[:i], words[i:]


def _office_words(words: list[str]) -> int:
    """How many leading ``words`` are office or honorific words."""
    i = 0
    for word in words:
        if word.lower().strip(_STRIP) not in OFFICES or word.endswith(":"):
            break
        i += 1
    return i


def take_name(text: str, *, allow_single: bool = False) -> NameSplit | None:
    """Read a person-like name at the start of ``text``; None when it does not start with one.

    A single-token name is accepted only after an office word or when ``allow_single``.
    Organisation and role words end the name, so "Tower Hamlets Council" is not a person.
    """
    words = text.split()
    offices = _office_words(words)
    name: list[str] = []
    for word in words[offices:] if offices else words:
        bare = word.rstrip(",;:")
        key = bare.lower().strip(_STRIP)
        if key in _ENDS_NAME:
            break
        if _name_token(bare, key) or (name and bare.lower() in PARTICLES):
            name.append(bare)
            if bare != word or len(name) == 4:
                break
            continue
        break
    while name and name[-1].lower() in PARTICLES:
        name.pop()
    if not name:
        return None
    if len(name) == 1 and not offices and (not allow_single or _INITIALS.match(name[0])):
        return None
    if all(_is_initial(w) for w in name):
        return None
    consumed = offices + len(name)
    title = " ".join(w.strip(".") if len(w) > 3 else w for w in words[:offices]) or None
    remainder = " ".join(words[consumed:])
    return NameSplit(title=title, name=" ".join(name).strip(",;:"), rest=remainder)


def is_person(text: str, *, allow_single: bool = False) -> NameSplit | None:
    """Return the name split when the whole of ``text`` is a person-like name, else None."""
    found = take_name(text.strip(), allow_single=allow_single)
    if found is None or found.rest.strip(" ,;:."):
        return None
    return found
