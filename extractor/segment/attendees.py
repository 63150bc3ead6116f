"""Attendee and apology lists: "Present: …", "Apologies: …", "Regrets:", roster lines.

Only explicit lists count (CONVENTIONS.md). Each entry is read as "Name (Role, Organisation)",
"Name - Role", "ORG: Name (Role), Name (Role)" or a bare name; office words are dropped from the
name, bracketed initials ("Pam Bullas (PB)") are ignored and "6 members of the public" is no
person.
"""

from __future__ import annotations

import re
from typing import Literal

from extractor.core import Person
from extractor.lexicon import ATTENDANCE_LABEL_WORDS as _LABEL_WORDS
from extractor.parse import is_org_like, is_role_like, mentions, take_name
from extractor.segment.speakers import split_role_org

ListKind = Literal["attendees", "apologies", "absent"]

_LABEL = re.compile(r"^(?P<label>[^:]{1,60}?)\s*(?::-|:|\s{3,})\s*(?P<rest>.*)$", re.DOTALL)
_APOLOGY_SENTENCE = re.compile(
    r"\bapologies(?:\s+for\s+absence)?\s+(?:were|have\s+been|had\s+been)\s+(?:received|"
    r"given|sent)\s+(?:from|by)\s+(?P<rest>.+?)(?:(?<!\b[A-Z])\.(?:\s|$)|$)",
    re.IGNORECASE,
)
_APOLOGY_WORDS = re.compile(r"\b(?:apolog\w*|regrets)\b", re.IGNORECASE)
_ABSENT_WORDS = re.compile(r"\babsent\b", re.IGNORECASE)
_ATTEND_WORDS = re.compile(
    r"\b(?:present|attendance|attendees|attending|guests?|remote|participants|roll\s+call)\b",
    re.IGNORECASE,
)
_BARE_LABEL = re.compile(
    r"^(?:[\w’' ]{0,30}\s)?(?:present|attendance|attendees|attending|in\s+attendance(?:\s+were)?|"
    r"those\s+present|regrets|apologies(?:\s+for\s+absence)?|absent|guests?|remote|roll\s+call|"
    r"participants)"
    r"(?:\s+(?:notes|list|were))?$",
    re.IGNORECASE,
)
_MEMBERS = re.compile(
    r"^(?:(?:team|board|committee|council|group|panel|forum|trust)\s+)?members$", re.IGNORECASE
)
_THOSE = re.compile(
    r"^(?P<label>those\s+(?:attending|present))\s+(?P<rest>[A-Z].*)$", re.IGNORECASE | re.DOTALL
)
_PARENS = re.compile(r"\(([^()]*)\)")
_HANDLE = re.compile(r"\s*@[\w.-]+")
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
_SPLIT_OR_BRACKET = re.compile(r"[()]|" + _SPLIT.pattern)
_DASH = re.compile(r"\s+[–—-]\s+")
_AFTER_BRACKET = re.compile(r"(?<=\))\s*[,;]?\s*(?:\band\b\s*)?")
_ORG_PREFIX = re.compile(r"^(?P<org>[^:()]{2,60}):\s+(?P<rest>.+)$")
_SENTENCES = re.compile(
    r"[.!?](?<=[a-z]{2}.)(?<!\bProf.)(?<!\bRevd.)(?<!\bRev.)(?<!\bCllr.)(?<!\bSupt.)(?<!\bInsp.)"
    r"(?<!\bMrs.)(?<!\bSgt.)\s+[A-Z]"
)
"""A sentence break, not the full stop of a title ("Prof. Ann Lee"); the stop comes first in
the pattern, so a search skips quickly to the next one."""
_INLINE_LABEL = re.compile(
    r"(?<=[.;])\s+(?=(?:also\s+)?(?:absent|apologies|regrets|present|in\s+attendance)\b"
    r"[^:.]{0,40}:)",
    re.IGNORECASE,
)
_ROLE_BEFORE = re.compile(
    r"^(?:(?:council|board|committee|city|town|parish|school)\s+)?(?:members?|trustees?|"
    r"governors?|directors?)\s+(?=[A-Z][a-z])",
    re.IGNORECASE,
)
"""A membership word before a name in a list ("Council Member Ruth Abbott")."""
_IN_THE_CHAIR = re.compile(r"^in\s+the\s+chair\b", re.IGNORECASE)
_ACRONYM = re.compile(r"\b[A-Z]{2,6}s?\b")
_LABEL_PREFIX = re.compile(r"^[^:()]{2,60}:\s+")
_NOT_PERSON = re.compile(
    r"^(?:\d|none\b|nil\b|n/a\b|no\s|all\b|members?\s+of\s+the\s+public)|members of the public",
    re.IGNORECASE,
)


def is_apology_sentence(text: str) -> bool:
    """Tell whether ``text`` reports apologies ("Apologies were received from …")."""
    return bool(_APOLOGY_SENTENCE.search(text))


def list_label(text: str) -> tuple[ListKind, str] | None:
    """When ``text`` opens with an attendance label, its kind and the text after the label.

    >>> list_label("Apologies: Jane Roe")
    ('apologies', 'Jane Roe')
    """
    if not mentions(text, _LABEL_WORDS):
        return None
    sentence = _APOLOGY_SENTENCE.search(text)
    if sentence:
        return "apologies", sentence["rest"]
    stripped = text.strip()
    match = _LABEL.match(stripped) or _THOSE.match(stripped)
    if match is None and (_BARE_LABEL.match(stripped) or _MEMBERS.match(stripped)):
        match = _LABEL.match(stripped + ":")
    if match is None:
        return None
    label = match["label"]
    if len(label.split()) > 7 or not label[:1].isalpha():
        return None
    if _APOLOGY_WORDS.search(label):
        return "apologies", match["rest"]
    if _ABSENT_WORDS.search(label):
        return "absent", match["rest"]
    if _ATTEND_WORDS.search(label) or _MEMBERS.match(label):
        return "attendees", match["rest"]
    return None


def labelled_parts(kind: ListKind, text: str) -> list[tuple[ListKind, str]]:
    """The lists one line holds: "A, B. Absent: C" after "Present:" gives A, B and absent C."""
    parts = _INLINE_LABEL.split(text)
    found: list[tuple[ListKind, str]] = [(kind, parts[0])]
    for part in parts[1:]:
        found.append(list_label(part) or (kind, part))
    return found


def _split_top(text: str) -> list[str]:
    """Split on commas, semicolons, "and", "&" outside brackets."""
    parts: list[str] = []
    depth = 0
    start = 0
    for m in _SPLIT_OR_BRACKET.finditer(text):
        token = m.group(0)
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(text[start : m.start()])
            start = m.end()
    parts.append(text[start:])
    return [p.strip(" .") for p in parts if p.strip(" .")]


def _person(chunk: str, org: str | None) -> Person | None:
    chunk = _ROLE_BEFORE.sub("", _HANDLE.sub("", chunk).strip())
    role: str | None = None
    inside = _PARENS.search(chunk)
    if inside:
        content = inside.group(1).strip()
        chunk = (chunk[: inside.start()] + chunk[inside.end() :]).strip()
        initials = content.isupper() and len(content) <= 4 and " " not in content
        named = take_name(content)
        if named is not None and named.title and not named.rest and not take_name(chunk):
            return Person(name=named.name, role=chunk.strip(" ,") or None, organisation=org)
        if content and not (initials and not is_role_like(content)):
            role, in_org = split_role_org(content.split(",", 1))
            if in_org and _IN_THE_CHAIR.match(in_org):
                role, in_org = content, None
            org = in_org or org
    dash = _DASH.split(chunk, maxsplit=1)
    if len(dash) == 2 and is_role_like(dash[1]):
        chunk, role = dash[0], role or dash[1]
    found = take_name(chunk, allow_single=True)
    if found is None:
        return None
    return Person(name=found.name, role=role, organisation=org)


def _short_person(chunk: str) -> bool:
    bare = _PARENS.sub("", _HANDLE.sub("", chunk)).strip()
    found = take_name(bare, allow_single=True)
    return found is not None and len(found.rest.split()) <= 3 and len(bare.split()) <= 8


def _titled_in_brackets(text: str) -> bool:
    named = take_name(text.strip())
    return named is not None and named.title is not None and not named.rest


def _chunks(text: str) -> list[str]:
    """Split a list line into one chunk per person.

    Where several entries read "Role, Department (Mr. Name)", each entry ends at its closing
    bracket, so the commas inside the role do not split it.
    """
    groups = _PARENS.findall(text)
    if sum(_titled_in_brackets(g) for g in groups) < 2:
        return _split_top(text)
    parts = _AFTER_BRACKET.split(text)
    chunks: list[str] = []
    for part in parts:
        inside = _PARENS.search(part)
        chunks.extend(
            [part] if inside and _titled_in_brackets(inside.group(1)) else _split_top(part)
        )
    return [c.strip(" .,") for c in chunks if c.strip(" .,")]


def parse_people(text: str) -> list[Person]:
    """Read the people a list line names ("Ms Jane Roe (Clerk), Cllr John Doe and 3 others")."""
    org: str | None = None
    prefix = _ORG_PREFIX.match(text.strip())
    if prefix:
        org, text = prefix["org"].strip(), prefix["rest"]
    people: list[Person] = []
    after_person = False
    for chunk in _chunks(text):
        if _NOT_PERSON.search(chunk):
            continue
        if after_person and people[-1].organisation is None and _body(chunk):
            people[-1] = people[-1].model_copy(update={"organisation": chunk})
            after_person = False
            continue
        person = _person(chunk, org)
        after_person = person is not None or bool(people and is_role_like(chunk))
        if person is not None:
            people.append(person)
        elif people and people[-1].role is None and is_role_like(chunk):
            people[-1] = people[-1].model_copy(update={"role": chunk})
    return people


def _body(chunk: str) -> bool:
    """Whether a chunk after a person names their body: "Westshire ICB", "Hillside Trust"."""
    return (is_org_like(chunk) and not is_role_like(chunk)) or (
        bool(_ACRONYM.search(chunk)) and take_name(chunk) is None
    )


def is_people_line(text: str) -> bool:
    """Tell whether ``text`` reads as nothing but a list of people (a continuation of a list)."""
    text = text.strip()
    if not text or len(text.split()) > 300 or _SENTENCES.search(text):
        return False
    prefix = _LABEL_PREFIX.match(text)
    chunks = [
        c for c in _split_top(text[prefix.end() if prefix else 0 :]) if not _NOT_PERSON.search(c)
    ]
    if not chunks:
        return False
    named = sum(1 for c in chunks if _short_person(c))
    return named >= max(1, (len(chunks) + 1) // 2)
