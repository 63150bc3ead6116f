"""Names that say only what kind of thing they are: "Neighbourhood Plan", "Working Group".

A careful reader does not list a kind as an entity: "the Neighbourhood Plan" of whichever
parish, "the Sub Committee" of whichever body, a "place" that is a heading or a common noun.
Plain-text tests, used once the whole document has been tagged.
"""

from __future__ import annotations

import re

from extractor.lexicon import (
    BODY_KIND_WORDS,
    GENERIC_PLAN_WORDS,
    MEETING_WORDS,
    ORG_HEADS,
    ROLE_WORDS,
    TOPIC_WORDS,
)

_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_NOT_IN_NAMES = ROLE_WORDS | MEETING_WORDS | TOPIC_WORDS


def generic_plan(text: str) -> bool:
    """Whether a "plan" is named only by its kind: "Neighbourhood Plan", "Test Case Plan".

    Such a name is a type of document ("the Neighbourhood Plan" of whichever parish); a named
    plan carries a place, a body or a topic ("Hollowmere Neighbourhood Plan").
    """
    words = [w.lower() for w in _WORD.findall(text)]
    return (
        len(words) >= 2 and words[-1] == "plan" and all(w in GENERIC_PLAN_WORDS for w in words[:-1])
    )


def generic_body(text: str) -> bool:
    """Whether a body is named only by its kind: "Sub Committee", "Working Group".

    A named body carries a topic, a place or a body's name ("Fellowship Working Group").
    """
    words = [w.lower() for w in _WORD.findall(text)]
    return (
        len(words) >= 2 and words[-1] in ORG_HEADS and all(w in BODY_KIND_WORDS for w in words[:-1])
    )


def no_place(text: str) -> bool:
    """Whether a model "place" is no place name.

    All lower case ("south village"), a lone role, meeting or topic word ("Policy"), or a
    span ending in a meeting word ("Village Hall Report") or a role word ("LA Governor").
    """
    words = text.split()
    if not words or not any(c.isupper() for c in text):
        return True
    last = words[-1].lower()
    return (len(words) == 1 and last in _NOT_IN_NAMES) or last in MEETING_WORDS | ROLE_WORDS
