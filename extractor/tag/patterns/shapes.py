"""Name-shape patterns: SpanRuler token patterns built from the vocabularies.

Each builder returns spaCy SpanRuler patterns (dicts with ``label`` and a token ``pattern``).
They describe how names of bodies, programmes and people are written in minutes in general:

- ``Capitalised words + head`` — "Safer Neighbourhood Board", "Hollowmere Village Hall Trust",
  "Westshire Local Transport Plan"; "of" may stand inside ("City of York Council"); a title
  may open a name given after its holder ("Chief Tecumseh Club");
- ``… head of/for Capitalised words`` — "Department for Education", "Borough Council of King's
  Lynn and West Norfolk", "Friends of Hill Park", "Council for Voluntary Service";
- ``Capitalised words + Ltd/plc/Inc/...`` — companies;
- ``Capitalised words + body head + venue word`` — "St Aidan's Church Hall", "Parish Council
  Room": a PLACE, the venue of a body;
- ``Capitalised words + programme/initiative/scheme`` in lower case — "Safer Neighbourhoods
  initiative", "Family Hubs and Start for Life programme";
- ``X Code of Practice [of/on Y]`` — named codes ("ACAS Code of Practice");
- ``Healthwatch X`` — the statutory local consumer body of every English local authority;
- ``Title + name`` — "Cllr Jane Roe", "PCSO Eugenia Venour", "Mr Ferrie" (the title is trimmed
  later, the name kept).
"""

from __future__ import annotations

from typing import Any

from extractor.lexicon import (
    COMPANY_SUFFIXES,
    DAY_NAMES,
    DEPARTMENT_HEADS,
    FUNCTION_WORDS,
    HONORIFICS,
    INSTITUTION_TITLES,
    LOWER_PROGRAMME_HEADS,
    MEETING_WORDS,
    MONTH_NAMES,
    ORG_HEADS,
    ORG_OF_HEADS,
    PLACE_HEADS,
    PROGRAMME_HEADS,
    ROLE_MODIFIERS,
    ROLE_WORDS,
    SESSION_WORDS,
)

Pattern = dict[str, Any]
Token = dict[str, Any]


INTERNAL = DEPARTMENT_HEADS - {"service", "services", "office"}
"""Heads of a body's internal parts; a name does not run through them."""

FIRST_STOP = sorted(
    FUNCTION_WORDS
    | ROLE_WORDS
    | ROLE_MODIFIERS
    | MEETING_WORDS
    | HONORIFICS
    | MONTH_NAMES
    | INTERNAL
    | SESSION_WORDS
    | {"code"}
)
"""Words that cannot begin a body's or programme's name ("Open Forum" is a meeting's session;
a bare "Code of Practice" is no name)."""

INNER_STOP = sorted(
    (FUNCTION_WORDS - {"and", "of", "for"})
    | (HONORIFICS - {"chief", "major"})
    | MONTH_NAMES
    | DAY_NAMES
    | INTERNAL
    | {"annual"}
)
"""Words that cannot stand inside a name: a name runs up to them ("… Annual Parish Council
Meeting" names the parish council's meeting)."""

NAME_STOP = sorted(
    FUNCTION_WORDS
    | ROLE_WORDS
    | MEETING_WORDS
    | HONORIFICS
    | MONTH_NAMES
    | DAY_NAMES
    | ORG_HEADS
    | PROGRAMME_HEADS
    | {"executive"}
)
"""Words that cannot be part of a person's name after a title (a head word makes a body's
name: "Chief Tecumseh Club"; "Chief Executive" is an office)."""

CAP = r"^[A-Z][\w’'\-\.]*$"
PERSON_WORD = r"^[A-Z][a-zà-ÿ]*(?:[’'\-]?[A-Z]?[a-zà-ÿ]+)+$"


def _first() -> Token:
    return {"TEXT": {"REGEX": CAP}, "LOWER": {"NOT_IN": FIRST_STOP}}


def _inner(*, with_of: bool) -> Token:
    joins = "&|and|of|’s|'s|-|’|'" if with_of else "&|and|’s|'s|-|’|'"
    return {
        "TEXT": {"REGEX": rf"^([A-Z][\w’'\-\.]*|{joins})$"},
        "LOWER": {"NOT_IN": INNER_STOP},
        "OP": "*",
    }


def _head(words: frozenset[str] | list[str], *, capital: bool = True) -> Token:
    token: Token = {"LOWER": {"IN": sorted(words)}}
    if capital:
        token["TEXT"] = {"REGEX": "^[A-Z]"}
    return token


def head_final(label: str, heads: frozenset[str]) -> list[Pattern]:
    """``Capitalised words + head``; one word before the head at least.

    The first word may be a title when the body is named after its holder ("Chief Tecumseh
    Club", "Sir John Cass Foundation"); the longer span then beats the titled person.
    """
    titled = {"LOWER": {"IN": sorted(INSTITUTION_TITLES)}, "TEXT": {"REGEX": "^[A-Z]"}}
    name = {"TEXT": {"REGEX": CAP}, "LOWER": {"NOT_IN": FIRST_STOP}}
    return [
        {"label": label, "pattern": [_first(), _inner(with_of=True), _head(heads)]},
        {"label": label, "pattern": [titled, name, _inner(with_of=False), _head(heads)]},
    ]


def venues() -> list[Pattern]:
    """``Capitalised words + body head + venue word``: "St Aidan's Church Hall", a place.

    The longer span beats the body's name inside it ("St Aidan's Church").
    """
    return [
        {
            "label": "PLACE",
            "pattern": [
                _first(),
                _inner(with_of=True),
                _head(ORG_HEADS),
                _head(PLACE_HEADS - {"st"}),
            ],
        }
    ]


def head_of_tail() -> list[Pattern]:
    """``[Capitalised words] head of/for [the] Capitalised words`` as one body's name."""
    tail_word = {"TEXT": {"REGEX": CAP}, "LOWER": {"NOT_IN": INNER_STOP}}
    joined = {
        "TEXT": {"REGEX": r"^([A-Z][\w’'\-\.]*|&|and|’s|'s)$"},
        "LOWER": {"NOT_IN": INNER_STOP},
    }
    tail = [
        {"LOWER": {"IN": ["of", "for"]}},
        {"LOWER": "the", "OP": "?"},
        tail_word,
        {**joined, "OP": "*"},
        tail_word,
    ]
    short_tail = [{"LOWER": {"IN": ["of", "for"]}}, {"LOWER": "the", "OP": "?"}, tail_word]
    lead = [{**_first(), "OP": "?"}, _inner(with_of=False)]
    return [
        {"label": "ORG", "pattern": [*lead, _head(ORG_OF_HEADS), *tail]},
        {"label": "ORG", "pattern": [*lead, _head(ORG_OF_HEADS), *short_tail]},
    ]


def companies() -> list[Pattern]:
    """Capitalised words followed by a legal-form suffix (Ltd, plc, Inc ...)."""
    return [
        {
            "label": "ORG",
            "pattern": [_first(), _inner(with_of=False), _head(COMPANY_SUFFIXES, capital=False)],
        }
    ]


def lower_programmes() -> list[Pattern]:
    """``Capitalised words + programme/initiative/scheme/grant`` where the head is in lower case.

    A body's head word may stand inside the name ("Free School Meals grant") but not last
    ("the Youth Council scheme" is the council's scheme, not a named one).
    """
    inner = {"NOT_IN": sorted(INNER_STOP)}
    not_org = {"NOT_IN": sorted(set(INNER_STOP) | ORG_HEADS)}
    return [
        {
            "label": "PROGRAMME",
            "pattern": [
                {"TEXT": {"REGEX": CAP}, "LOWER": {"NOT_IN": sorted(set(FIRST_STOP) | ORG_HEADS)}},
                {
                    "TEXT": {"REGEX": r"^([A-Z][\w’'\-]*|&|and|for|of)$"},
                    "LOWER": inner,
                    "OP": "*",
                },
                {"TEXT": {"REGEX": CAP}, "LOWER": not_org},
                {"ORTH": {"IN": LOWER_PROGRAMME_HEADS}},
            ],
        }
    ]


def healthwatch() -> list[Pattern]:
    """``Healthwatch`` and the place it serves (England's statutory local bodies)."""
    return [
        {
            "label": "ORG",
            "pattern": [
                {"ORTH": "Healthwatch"},
                {"TEXT": {"REGEX": r"^[A-Z][a-z]+$"}, "LOWER": {"NOT_IN": INNER_STOP}},
                {"TEXT": {"REGEX": r"^[A-Z][a-z]+$"}, "LOWER": {"NOT_IN": INNER_STOP}, "OP": "?"},
            ],
        }
    ]


def titled_people() -> list[Pattern]:
    """``Title [initials] Name [Name [Name]]``: "Cllr Jane Roe", "Dr J. Smith", "Mr Ferrie"."""
    titles = sorted(HONORIFICS | {f"{t}." for t in HONORIFICS})
    name = {"TEXT": {"REGEX": PERSON_WORD}, "LOWER": {"NOT_IN": NAME_STOP}}
    initial = {"TEXT": {"REGEX": r"^[A-Z]\.?$"}, "OP": "*"}
    return [
        {
            "label": "PERSON",
            "pattern": [
                {"LOWER": {"IN": titles}, "TEXT": {"REGEX": "^[A-Z]"}},
                initial,
                name,
                {**name, "OP": "?"},
                {**name, "OP": "?"},
            ],
        }
    ]


def acts() -> list[Pattern]:
    """``Capitalised words + Act + year``: "Localism Act 2011"."""
    year = {"TEXT": {"REGEX": r"^(1[89]|20)\d\d$"}}
    return [
        {
            "label": "PROGRAMME",
            "pattern": [_first(), _inner(with_of=True), {"ORTH": "Act"}, year],
        }
    ]


def codes_of_practice() -> list[Pattern]:
    """``[Capitalised words] Code of Practice [of/on/for Capitalised words]``: a named code.

    "ACAS Code of Practice", "Code of Practice on Disciplinary and Grievance Procedures"; a bare
    "Code of Practice" is no name.
    """
    code = [{"ORTH": "Code"}, {"LOWER": "of"}, {"ORTH": "Practice"}]
    tail_word = {"TEXT": {"REGEX": CAP}, "LOWER": {"NOT_IN": INNER_STOP}}
    tail = [
        {"LOWER": {"IN": ["of", "on", "for"]}},
        {"LOWER": "the", "OP": "?"},
        {
            "TEXT": {"REGEX": r"^([A-Z][\w’'\-\.]*|&|and)$"},
            "LOWER": {"NOT_IN": INNER_STOP},
            "OP": "*",
        },
        tail_word,
    ]
    lead = [_first(), _inner(with_of=False)]
    return [
        {"label": "PROGRAMME", "pattern": [*lead, *code]},
        {"label": "PROGRAMME", "pattern": [*lead, *code, *tail]},
        {"label": "PROGRAMME", "pattern": [*code, *tail]},
    ]


def shape_patterns() -> list[Pattern]:
    """Every name-shape pattern of the rule layer, bodies first (venues are places)."""
    return [
        *head_final("ORG", ORG_HEADS),
        *head_of_tail(),
        *companies(),
        *healthwatch(),
        *venues(),
        *head_final("PROGRAMME", PROGRAMME_HEADS),
        *acts(),
        *codes_of_practice(),
        *lower_programmes(),
        *titled_people(),
    ]
