"""Document-level evidence about names: one decision per name for the whole document.

A statistical tagger labels each text on its own; a reader of minutes does not. These
functions work on plain data (the tagged texts of one document) after every text has been
tagged, and apply what the whole document says about a name:

- **structure**: names the segmenter read as people (speakers, transcript speakers, attendees,
  apologies) are PERSON wherever they occur; their organisations are ORG;
- **rules over model**: a name a rule labelled somewhere keeps that label everywhere; a name
  the model labels differently in different places takes its most frequent label;
- **lists**: in a run of three or more texts that are bare names ("Leona So"), mostly tagged
  PERSON, every line is a PERSON;
- **initials**: initials a document defines for a person ("Pam Bullas (PB)") are PERSON
  mentions whose ``expansion`` is the name;
- **short forms of people**: "Mehta" or "Dr Mehta" after "Anjali Mehta" is the same person
  (``canonical`` is the full name); a lone word the model took for an ORG or PLACE that is
  part of exactly one person's name ("Vinit" from "Vinit Kumar") is that person;
- **common words**: a statistical name of at most two words, each of which the document also
  writes in lower case ("Alcohol Abuse", "Application"), is a capitalised common phrase;
- **places named like people**: a "person" ending in a place word that is also a surname
  ("Ashcombe Park") is a PLACE when the document writes that word in lower case ("the park");
- **internal departments**: "Planning Services" where the document writes "planning";
- **places of bodies**: a name the model calls ORG or PERSON that a body of the document is
  "of" ("Kellingford" of "London Borough of Kellingford") is a PLACE;
- **name parts**: a lone word the model calls PERSON that only ever occurs inside the names of
  bodies, programmes or places ("Northmere" of "Northmere Council") is no person; nor is a
  longer "person" that opens the name of a body or programme ("Lower Fenwick" of "Lower Fenwick
  Community Car Scheme") or whose first word opens names that go on differently ("Aster
  Hive" beside "Aster Cloud" and "Aster Lens Project").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from extractor.core import EntityLabel, EntityMention, Minutes
from extractor.lexicon import (
    DEPARTMENT_HEADS,
    MEETING_WORDS,
    MINOR_WORDS,
    ORG_HEADS,
    PERSON_PLACE_HEADS,
    PLACE_HEADS,
    PROGRAMME_HEADS,
    ROLE_WORDS,
    TOPIC_WORDS,
)

_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_NAMED = ("ORG", "PROGRAMME", "PLACE")
_ANY_ADDRESS = re.compile(r"[./@:](?:(?<=\w[./@:])(?=\w)|(?<=(?<!\S)@))")
"""An address (``./@:`` between word characters) or a handle (``@`` opening a word); the
pattern opens on the punctuation so that a search skips quickly to the candidates."""
_CHUNK_REST = re.compile(r"\S*")
SURNAME_PLACE_WORDS = PLACE_HEADS - PERSON_PLACE_HEADS - {"hall", "green", "st"}
"""Place words that also end people's names ("Park", "Field", "Mill"); "Hall" and "Green"
are left out: "the village hall" and "the green" are written in nearly every parish's minutes,
and both are common surnames."""
_PLACE_OF = re.compile(
    r"\b(?:Borough|City|County|District|Town|Village|Parish|Council|University) of (?:the )?"
    r"([A-Z][\w’'-]*(?: (?:and )?[A-Z][\w’'-]*)*)"
)
_NOT_IN_NAMES = ROLE_WORDS | MEETING_WORDS | TOPIC_WORDS
_NAME_LINE = re.compile(r"^[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){1,3}$")


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """Return the comparison key of a name: case, apostrophes and spacing folded."""
    text = text.replace("’", "'").replace("‘", "'").replace("\u00a0", " ")
    return " ".join(text.casefold().split())


@dataclass(slots=True)
class Evidence:
    """What a document's structure says about names: known people and organisations."""

    people: set[str] = field(default_factory=set)
    organisations: set[str] = field(default_factory=set)


def structural_evidence(minutes: Minutes) -> Evidence:
    """People and organisations named by speakers, transcript speakers and attendee lists."""
    found = Evidence()
    speakers = [s.speaker for s in minutes.sections]
    speakers += [i.speaker for s in minutes.sections for i in s.items]
    for speaker in speakers:
        if speaker is not None and speaker.name:
            found.people.add(key(speaker.name))
        if speaker is not None and speaker.organisation:
            found.organisations.add(key(speaker.organisation))
    for person in [*minutes.attendees, *minutes.apologies]:
        found.people.add(key(person.name))
        if person.organisation:
            found.organisations.add(key(person.organisation))
    return found


def lower_case_words(texts: Iterable[str]) -> set[str]:
    """Words the document writes in lower case at least once (addresses and handles aside)."""
    document = "\n".join(texts)
    # No word runs over white space, so reading each distinct chunk once finds the same words;
    # a chunk holding an address holds it wherever it stands, so it is left out everywhere.
    chunks = set(document.split()).difference(_addressed(document))
    return set(filter(str.islower, set(_WORD.findall("\n".join(chunks)))))


def _addressed(document: str) -> set[str]:
    """The white-space delimited chunks of ``document`` that hold an address or a handle."""
    found: set[str] = set()
    end = 0
    for match in _ANY_ADDRESS.finditer(document):
        start = match.start()
        if start < end:
            continue
        while start and not document[start - 1].isspace():
            start -= 1
        rest = _CHUNK_REST.match(document, match.start())
        end = rest.end() if rest else match.end()
        found.add(document[start:end])
    return found


def common_phrase(text: str, lower_words: set[str]) -> bool:
    """Whether a name of at most two words is made of words the document writes in lower case."""
    words = [w.lower() for w in _WORD.findall(text) if w.lower() not in MINOR_WORDS]
    return 0 < len(words) <= 2 and all(w in lower_words for w in words)


def internal_department(text: str, lower_words: set[str]) -> bool:
    """A body's internal department: "Planning Services", "NCC Highways Department".

    The name ends in a department word and its other words, acronyms aside, are words the
    document also writes in lower case.
    """
    words = text.split()
    if len(words) < 2 or words[-1].lower() not in DEPARTMENT_HEADS:
        return False
    rest = [w.lower() for w in words[:-1] if not w.isupper()]
    return bool(rest) and all(w in lower_words for w in rest)


def surname_place(text: str, lower_words: set[str]) -> bool:
    """Whether a "person" ending in a place word that is also a surname is a place.

    "Ashcombe Park" where the document also writes "the park": "Park", "Field" or "Mill" end
    people's names too, so only the document's own lower-case use decides.
    """
    words = text.split()
    last = words[-1].lower() if words else ""
    return len(words) >= 2 and last in SURNAME_PLACE_WORDS and last in lower_words


def person_names(mentions: Iterable[EntityMention]) -> dict[str, list[str]]:
    """Each word of a multi-word PERSON name → the full names it occurs in (as written)."""
    parts: dict[str, list[str]] = {}
    for text in dict.fromkeys(m.text for m in mentions if m.label == "PERSON"):
        words = text.split()
        if len(words) < 2:
            continue
        for word in {words[0], words[-1]}:
            names = parts.setdefault(key(word), [])
            if all(key(n) != key(text) for n in names):
                names.append(text)
    return parts


def name_part_words(mentions: Iterable[EntityMention]) -> set[str]:
    """Words that occur inside the names of bodies, programmes and places."""
    return {key(w) for m in mentions if m.label in _NAMED for w in m.text.split()}


def body_openings(mentions: Iterable[EntityMention]) -> dict[str, set[str]]:
    """Each leading part of a multi-word ORG or PROGRAMME name → the names it opens (keys)."""
    openings: dict[str, set[str]] = {}
    for text in {m.text for m in mentions if m.label in ("ORG", "PROGRAMME")}:
        words = text.split()
        for size in range(1, len(words)):
            openings.setdefault(key(" ".join(words[:size])), set()).add(key(text))
    return openings


def opens_body_name(name: str, openings: Mapping[str, set[str]]) -> bool:
    """Whether a multi-word "person" is no person: it opens a body's or programme's name.

    Either the whole name opens one ("Lower Fenwick" of "Lower Fenwick Community Car Scheme", a
    place or the body itself), or its first word opens names that go on differently ("Aster
    Hive" beside "Aster Cloud" and "Aster Lens Project"; not "David" beside "David Lloyd
    Club" and "David Lloyd Leisure").
    """
    words = name.split()
    if len(words) < 2:
        return False
    following = {n.split()[1] for n in openings.get(key(words[0]), ())}
    return key(name) in openings or len(following) >= 2


def named_places(mentions: Iterable[EntityMention]) -> set[str]:
    """Keys of the places that names of bodies are "of": "London Borough of Kellingford".

    The capitalised words after "Borough / City / County / District / Town / Village /
    Parish / Council / University of [the]" up to a head word, each part of an "and" list
    ("King's Lynn and West Norfolk") on its own.
    """
    found: set[str] = set()
    for text in {m.text for m in mentions if m.label in _NAMED}:
        for match in _PLACE_OF.finditer(text):
            words: list[str] = []
            for word in match.group(1).split():
                if word.lower() in ORG_HEADS | PROGRAMME_HEADS | DEPARTMENT_HEADS:
                    break
                words.append(word)
            found.update(key(part) for part in " ".join(words).split(" and ") if part)
    return found


def relabel(
    mention: EntityMention,
    *,
    ruled: bool,
    evidence: Evidence,
    rule_labels: Mapping[str, EntityLabel],
    label: EntityLabel | None = None,
) -> EntityLabel:
    """The label the document's evidence gives a mention.

    ``label``: the mention's label so far, when it differs from ``mention.label``.
    """
    name = key(mention.text)
    current = mention.label if label is None else label
    if name in evidence.people:
        return "PERSON"
    if current == "PERSON" and name in evidence.organisations:
        return "ORG"
    if not ruled and current in ("ORG", "PERSON") and name in rule_labels:
        return rule_labels[name]
    return current


def majority_labels(mentions: Iterable[tuple[EntityMention, bool]]) -> dict[str, EntityLabel]:
    """The most frequent model label (ORG, PERSON or PLACE) of each name tagged more than once."""
    votes: dict[str, dict[EntityLabel, int]] = {}
    for m, ruled in mentions:
        if not ruled and m.label in ("ORG", "PERSON", "PLACE"):
            tally = votes.setdefault(key(m.text), {})
            tally[m.label] = tally.get(m.label, 0) + 1
    order = {"ORG": 2, "PERSON": 1, "PLACE": 0}
    return {
        name: max(tally, key=lambda label: (tally[label], order[label]))
        for name, tally in votes.items()
        if len(tally) > 1
    }


def head_words(text: str) -> set[str]:
    """The body and programme head words ("Council", "Fund") a text holds."""
    return {w.lower() for w in text.split()} & (ORG_HEADS | PROGRAMME_HEADS)


def name_line(text: str) -> bool:
    """Whether a whole text is a bare name of two to four capitalised words ("Leona So").

    A line holding a role, meeting or topic word ("Team Members", "Apologies Received") is
    a heading, not a name.
    """
    if not _NAME_LINE.match(text.strip()):
        return False
    return not any(w.lower() in _NOT_IN_NAMES for w in text.split())


def resolve_person(
    mention: EntityMention, people: Mapping[str, Sequence[str]], *, ruled: bool
) -> bool:
    """Point a one-word mention of a person at the full name; False when it is not one."""
    if " " in mention.text.strip() or mention.label not in ("PERSON", "ORG", "PLACE"):
        return mention.label == "PERSON"
    names = people.get(key(mention.text), [])
    if len(names) != 1 or (ruled and mention.label != "PERSON"):
        return mention.label == "PERSON"
    mention.label = "PERSON"
    mention.canonical = names[0]
    return True
