"""Parse a section header line into a :class:`Speaker` (name, office, role, organisation).

Header forms handled (see corpus CONVENTIONS.md): "Name, Role, Org"; "Role, Name, Org";
"Name, Role at Org"; "Name – Role, Org"; "Name (Role, Organisation)"; "ORG: Name (Role)";
"Topic – Presenter"; "Topic [Name]"; "Office Name". A trailing "– see Presentation 2" or
"(See presentation one)" becomes :attr:`Speaker.reference`; a trailing colon or full stop is
ignored. A bare name with nothing else is not enough: without a model "Resumable Uploads" and
"Leon Silver" look alike, so such a line gives None.
"""

from __future__ import annotations

import re

from extractor.core import Speaker
from extractor.lexicon import FORMS_OF_ADDRESS
from extractor.parse import (
    is_initials,
    is_org_like,
    is_person,
    is_role_like,
    mentions,
    starts_with_office,
)

_REFERENCE = re.compile(
    r"\s*(?:[–—-]\s*|\(\s*)(?P<ref>see\s+(?:the\s+)?(?:presentations?|slides?|appendix|annex|"
    r"attached|paper|report)\b[^()]*?)\s*\)?\s*[.:]?\s*$",
    re.IGNORECASE,
)
_ANNOTATION = re.compile(
    r"\s*\((?:remote|online|virtual|in person|by phone|via \w+|apologies)\)", re.IGNORECASE
)
_PARENS = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<inside>[^()]+)\)$")
_ORG_PREFIX = re.compile(r"^(?P<org>[^:]+):\s+(?P<rest>.+)$")
_DASH = re.compile(r"\s+[–—-]+\s+")
_AT = re.compile(r"\s+at\s+(?=[A-Z])")
_OF = re.compile(r"\s+(?:of|for)\s+")
_ENUMERATOR = re.compile(r"^(?:[A-Z]|\d+|[ivx]+)[.)]\s+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_STRUCTURE_MARKS = re.compile(r"[,(\[:\-–—]")
"""Characters every header form but "Office Name" needs (commas, brackets, labels, dashes)."""
_JOINED = re.compile(r"\s+(?:and|&)\s+|\b(?:from|by)\s+")


def _org(text: str | None) -> str | None:
    """The organisation part without surrounding punctuation and a leading "the" (None if empty)."""
    if not text:
        return None
    text = _LEADING_THE.sub("", text.strip(" ,;:"))
    return text or None


def split_role_org(parts: list[str]) -> tuple[str | None, str | None]:
    """Assign the comma parts after (or around) a name to role and organisation."""
    parts = [p.strip() for p in parts if p.strip()]
    if not parts:
        return None, None
    first = parts[0]
    at = _AT.search(first)
    if at:
        org = ", ".join([first[at.end() :], *parts[1:]])
        return first[: at.start()] or None, _org(org)
    if len(parts) == 1:
        head = _OF.split(first, maxsplit=1)[0]
        if is_role_like(head) or (is_role_like(first) and not is_org_like(first)):
            return first, None
        return None, _org(first)
    if is_org_like(first) and not is_role_like(first) and is_role_like(parts[1]):
        return ", ".join(parts[1:]), _org(first)
    return first, _org(", ".join(parts[1:]))


def _speaker(
    name: str, title: str | None, role: str | None, org: str | None, ref: str | None
) -> Speaker:
    """Build the speaker; a title that is an office rather than a form of address is the role."""
    if role is None and title and title.split()[-1].lower().strip(".") not in FORMS_OF_ADDRESS:
        role = title
    return Speaker(name=name, title=title, role=role, organisation=org, reference=ref)


def _from_parens(text: str, ref: str | None) -> Speaker | None:
    """Read "Name (Role, Organisation)"; None when the brackets hold no role or body."""
    match = _PARENS.match(text) if "(" in text else None
    if not match:
        return None
    person = is_person(match["name"], allow_single=True)
    if person is None:
        return None
    inside = match["inside"].strip()
    if "," not in inside and not (is_role_like(inside) or is_org_like(inside)):
        return None
    if is_initials(inside) and not is_role_like(inside):
        return None
    role, org = split_role_org(inside.split(",", 1))
    return _speaker(person.name, person.title, role, org, ref)


def _from_dash(text: str, ref: str | None) -> Speaker | None:
    """Read "Topic – Presenter" or "Name – Role, Organisation"."""
    if "-" not in text and "–" not in text and "—" not in text:
        return None
    pieces = _DASH.split(text, maxsplit=1)
    if len(pieces) != 2:
        return None
    left, right = pieces
    presenter = is_person(right, allow_single=True) or _parens_person(right)
    if presenter is not None:
        return Speaker(name=presenter.name, title=presenter.title, reference=ref)
    person = is_person(left)
    if person is None or not (is_role_like(right) or is_org_like(right)):
        return None
    role, org = split_role_org(right.split(","))
    return _speaker(person.name, person.title, role, org, ref)


def _parens_person(text: str) -> Speaker | None:
    """A named speaker from "Name (Role)" text, or None."""
    found = _from_parens(text, None)
    return found if found is not None and found.name else None


def _names_someone(part: str) -> bool:
    """Tell whether a comma part holds another person (the line is a list of people)."""
    if is_person(part) is not None:
        return True
    pieces = _JOINED.split(part)
    found = [is_person(piece) for piece in pieces]
    return any(person is not None and person.title for person in found)


def _from_commas(text: str, ref: str | None) -> Speaker | None:
    """Read "Name, Role, Organisation" (or "Role, Name, …"); None for a list of people."""
    parts = [p.strip() for p in text.split(",")]
    for k, part in enumerate(parts):
        person = is_person(part)
        if person is None:
            continue
        before, after = parts[:k], parts[k + 1 :]
        others = [*before, *after]
        if not before and len(after) == 2 and is_role_like(after[0]):
            others = [after[0]]
        if any(_names_someone(p) for p in others):
            return None
        if any(not p[:1].isupper() for p in [*before, *after]):
            return None
        if before and (not is_role_like(", ".join(before)) or len(" ".join(before).split()) > 8):
            return None
        if before:
            role: str | None = ", ".join(before)
            org = _org(", ".join(after))
        else:
            role, org = split_role_org(after)
        if not (role or org or person.title):
            return None
        return _speaker(person.name, person.title, role, org, ref)
    return None


def _bracketed_name(text: str) -> tuple[str, str] | None:
    r"""``(topic, name)`` of a line ending in a bracketed name: "Youth services [Ann Lee]".

    The name runs from the first "[" after which no "]" comes before the final one, as
    ``^(.*?)\s*\[([^\]]+)\]$`` would read it, but in one pass: that pattern costs the
    square of the length on a long run of "[".
    """
    if not text.endswith("]"):
        return None
    start = text.find("[", text.rfind("]", 0, len(text) - 1) + 1)
    if start < 0 or start == len(text) - 2:
        return None
    return text[:start].rstrip(), text[start + 1 : -1]


def has_header_shape(text: str) -> bool:
    """Tell whether ``text`` has what every header form needs: a mark, or an office first.

    Without one, :func:`parse_speaker` gives None, whatever else the text holds.
    """
    return _STRUCTURE_MARKS.search(text) is not None or starts_with_office(text)


def parse_speaker(header: str) -> Speaker | None:
    """Read the speaker a header line names, or None when it names nobody (a topic heading).

    >>> parse_speaker("Councillor Ohid Ahmed, London Borough of Tower Hamlets").role
    'Councillor'
    """
    text = " ".join(header.split())
    if not has_header_shape(text):
        return None
    ref: str | None = None
    found = _REFERENCE.search(text) if mentions(text, ("see",)) else None
    if found:
        ref = found["ref"].strip()
        text = text[: found.start()]
    if "(" in text:
        text = _ANNOTATION.sub("", text)
    text = text.strip().rstrip(":.;,–—-").strip()
    if not text:
        return None
    if not _STRUCTURE_MARKS.search(text) and not starts_with_office(text):
        return None  # one plain phrase names a speaker only as "Office Name"
    bracketed = _bracketed_name(text)
    if bracketed:
        topic = _ENUMERATOR.sub("", bracketed[0]).strip(" -–:")
        role = topic if topic and is_role_like(topic) else None
        return Speaker(name=bracketed[1].strip(), role=role, reference=ref)
    prefixed = _ORG_PREFIX.match(text) if ":" in text else None
    if prefixed and (
        len(prefixed["org"].split()) > 1 or is_person(prefixed["org"], allow_single=True) is None
    ):
        inner = _from_parens(prefixed["rest"], ref)
        if inner is not None:
            if inner.organisation is None:
                inner = inner.model_copy(update={"organisation": _org(prefixed["org"])})
            return inner
    for parse in (_from_parens, _from_dash, _from_commas):
        speaker = parse(text, ref)
        if speaker is not None:
            return speaker
    if "," not in text:
        return None  # _from_commas has read the line as one part already
    person = is_person(text)
    if person is not None and person.title:
        return _speaker(person.name, person.title, None, None, ref)
    return None
