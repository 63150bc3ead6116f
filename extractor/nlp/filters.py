"""Judging one entity span: its bounds, and whether (and under which label) to keep it.

Rule spans (patterns, gazetteer, user files) are trusted: they are only trimmed. Statistical
spans are also judged:

- bounds: a leading "the", an office before a body ("Executive of X Council"), a meeting
  word after a body ("Parish Council Meeting"), section numbers ("11.6"), a list letter
  opening a text ("B. Aster Legal Affairs Committee"; not for people: "J. Smith"), a
  leading possessive, titles (PERSON), handles and edge punctuation are trimmed; a span
  stops at a colon or a spaced dash ("Catherine Holmes: Reply", "Peter King - Email");
- any label: URLs, e-mail addresses, handles and paths are no entities;
- PERSON: needs a lower-case letter and no digit; after "in", "within", "near" or "village
  of" it is a PLACE; a lower-case word that is no name particle
  ("waste bin") rules it out; a span ending in a body's head word or holding a possessive is an
  ORG ("Harbour Lane Women's Aid"); a span opening with a foreign article ("Die Zeitung"),
  ending in a software, role, meeting or event word ("Maven Compiler Plugin", "St Andrew's
  Churchwarden", "Abdera Status", "Hackathon") or naming a well-known product ("Jira") is
  none; one ending in a street or
  venue word, followed by a place
  noun ("Brookfield station") or opening with "St" is a PLACE ("Mill Lane", "St Aidan"); a
  lone role, meeting or topic word ("Clerk", "Agenda"), a month or a day name is no person,
  nor is a span holding a role word ("Parish Clerk");
- ORG: generic references ("the Council"), lone role/meeting/topic words ("Chair", "Cabinet"),
  spans without a head word ending in a document, topic or meeting word ("Certificate of
  Lawful Use", "Matters Arising"), spans ending in a role word ("Neighbourhood Policing
  Inspector"), a portfolio before a role
  ("Community Safety Manager") or after one ("Director of Children's Services"), topic lists
  ("Substance Misuse & Criminal Justice"), spans across a spaced dash, and spans ending in a
  number ("Presentation 1") are dropped; so are, without a head word, names of software and
  specifications (a camel-case word "IntersectionObserver", a version "V2", a leading technical
  acronym "CSS Properties", a vendor's product "Google Translate") and events ("… Summit"),
  and a department placed inside a body ("Floods Department at Norfolk County Council") or
  after a body named by its kind only ("Borough Council Environmental Protection Office"); a
  time ("10:30am Pacific"), a well-known software product ("Chrome"), a lone letter, a
  lower-case word that joins no name ("Java than Groovy") or a leading role ("VP
  Marketing") rules a span out; "Co." before a capitalised word is an Irish county, so a
  PLACE; so is a head-less name opening with "St" after "at" or "in" ("at St Aidan's"); a
  span ending in a venue word ("… Community Centre",
  "Control Room"), followed by a place noun, or a head-less name after "in" is a PLACE.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from extractor.nlp.nonames import (
    DOCUMENT_ENDS,
    irish_county,
    not_a_name,
    product,
    technical_or_event,
)
from extractor.nlp.rules import GENERIC, MODEL_ORG_HEADS, ORG_HEADS, PROGRAMME_HEADS, TITLES
from extractor.nlp.vocab import (
    ARTICLES,
    DAY_NAMES,
    DEPARTMENT_HEADS,
    EVENT_HEADS,
    MEETING_WORDS,
    MONTH_NAMES,
    NAME_PARTICLES,
    PERSON_PLACE_HEADS,
    PLACE_HEADS,
    ROLE_WORDS,
    SOFTWARE_HEADS,
    THING_HEADS,
    TOPIC_WORDS,
)

EDGE_PUNCT = frozenset("&-–—,;:.’'\"‘“”()[]|/")
DASHES = frozenset({"-", "–", "—"})
HEADS = ORG_HEADS | PROGRAMME_HEADS
LONE_WORDS = ROLE_WORDS | MEETING_WORDS | TOPIC_WORDS | MONTH_NAMES | DAY_NAMES | GENERIC
"""Words that alone are never an ORG or a PERSON."""

KIND_HEADS = frozenset({"council", "police", "constabulary", "authority"})
"""Body words that, after nothing but kind words, make a reference to a body by its kind."""
BODY_KINDS = KIND_HEADS | frozenset(
    {"the", "borough", "county", "district", "city", "parish", "town", "unitary", "local"}
)

PLACE_NOUNS = frozenset(
    {"village", "town", "city", "parish", "county", "borough", "ward", "district"}
)
"""Nouns that, followed by "of", introduce a place's name ("the village of Magdalene")."""
LAST_NOT_ORG = THING_HEADS | TOPIC_WORDS | frozenset({"arising", "business", "meeting", "meetings"})
"""Last words that make a head-less statistical span a thing or a topic, not a body."""

_NUMBERING = re.compile(r"^\d+(?:\.\d+)*\.?$")
_LETTERING = re.compile(r"^(?:[A-Za-z]|[ivx]{1,4})[.)]$")
"""A list letter or lower-case Roman numeral ("B.", "c)", "iv.") opening a text."""
OFFICE_OPENERS = frozenset({"executive"})
"""Office words that are no role word (they close bodies' names: "Health and Safety
Executive") but open "Executive of X Council", a role before the body."""
_LINKISH = re.compile(r"://|^www\.|@|^/|/\w")


def _starts_word(token: Token) -> bool:
    """Whether the token begins a word (it is not the tail of "Ca|nt")."""
    return token.i == 0 or bool(token.doc[token.i - 1].whitespace_)


def _spaced(token: Token) -> bool:
    """Whether whitespace precedes the token."""
    return token.i > 0 and bool(token.doc[token.i - 1].whitespace_)


def _stop_at_break(doc: Doc, start: int, end: int) -> int:
    """End bound cut at the first colon, pipe or spaced dash inside the span."""
    for i in range(start + 1, end):
        token = doc[i]
        if token.text in (":", "|") or (token.text in DASHES and _spaced(token)):
            return i
    return end


def _after_office(doc: Doc, start: int, end: int) -> int:
    """Start of the body after an office that opens a span ("Executive of X Council" → X)."""
    i = start + 1
    if i < end - 1 and doc[i].lower_ in ("of", "for", "at"):
        i += 1
        if doc[i].lower_ == "the":
            i += 1
        return i if i < end else start
    return start


def trim(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """Token bounds without the words and marks listed in the module docstring."""
    if label != "DATE":
        end = _stop_at_break(doc, start, end)
    while start < end and (
        doc[start].lower_ in ("the", "’s", "'s")
        or doc[start].text.startswith("@")
        or doc[start].text in EDGE_PUNCT
        or (label != "DATE" and _NUMBERING.match(doc[start].text) is not None)
        or (label != "PERSON" and start == 0 and _LETTERING.match(doc[start].text) is not None)
        or (label == "PERSON" and doc[start].lower_.rstrip(".") in TITLES)
    ):
        start += 1
    if label == "ORG" and end - start > 3 and doc[start].lower_ in OFFICE_OPENERS:
        start = _after_office(doc, start, end)
    while label == "ORG" and end - start > 1 and doc[end - 1].lower_ in DOCUMENT_ENDS:
        if doc[end - 2].lower_ not in ORG_HEADS:
            break
        end -= 1
    while start < end and (
        doc[end - 1].text in EDGE_PUNCT
        or doc[end - 1].text.startswith("@")
        or doc[end - 1].lower_ in ("and", "’s", "'s", "of", "for")
    ):
        end -= 1
    return start, end


def linkish(span: Span) -> bool:
    """Whether the span is or holds a URL, an e-mail address, a handle or a path."""
    return any(t.like_url or t.like_email or _LINKISH.search(t.text) for t in span)


def _before_place_noun(span: Span) -> bool:
    """Whether a place noun follows the span ("Brookfield station", "Furlong Drove")."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in PLACE_HEADS


def _place_context(span: Span) -> bool:
    """Whether the words before the span introduce a place ("in", "within", "village of")."""
    doc, start = span.doc, span.start
    before = doc[start - 1].lower_ if start else ""
    if before in ("in", "within", "near"):
        return True
    return before == "of" and start >= 2 and doc[start - 2].lower_ in PLACE_NOUNS


def _unnamed_body_prefix(span: Span) -> bool:
    """Whether the span opens with a body named only by its kind ("Borough Council", "Police")."""
    for i, token in enumerate(span[:-1]):
        if token.lower_ in BODY_KINDS:
            continue
        return i > 0 and span[i - 1].lower_ in KIND_HEADS
    return False


def department_of_body(span: Span) -> bool:
    """Whether the span is a department of a body: "Floods Department at NCC".

    Also a department written after a body named only by its kind ("Borough Council
    Environmental Protection Office"): an internal part of an unnamed body, not a named one.
    """
    doc, end = span.doc, span.end
    if span[-1].lower_ not in DEPARTMENT_HEADS:
        return False
    placed = end + 1 < len(doc) and doc[end].lower_ in ("at", "within")
    return (placed and doc[end + 1].text[:1].isupper()) or _unnamed_body_prefix(span)


def department_of_role(span: Span) -> bool:
    """Whether the span is the department of a role: "Director of Children's Services"."""
    doc, start = span.doc, span.start
    return (
        span[-1].lower_ in DEPARTMENT_HEADS
        and start >= 2
        and doc[start - 1].lower_ in ("of", "for")
        and doc[start - 2].lower_ in ROLE_WORDS
    )


def person_label(span: Span) -> str | None:
    """PERSON, ORG or PLACE for a statistical PERSON span, or None to drop it."""
    text = span.text
    if not any(c.islower() for c in text) or any(c.isdigit() for c in text):
        return None
    words = [t for t in span if not t.is_punct and t.lower_ not in ("’s", "'s")]
    if any(
        t.text[0].islower() and t.lower_ not in NAME_PARTICLES and _starts_word(t) for t in words
    ):
        return None
    last = span[-1].lower_
    if span[0].lower_ in ARTICLES and span[0].is_title:
        return None
    if last in ROLE_WORDS | MEETING_WORDS | EVENT_HEADS or product(span):
        return None
    if span[0].lower_.rstrip(".") in ("st", "saint") or _place_context(span):
        return "PLACE"
    if (len(span) > 1 and last in PERSON_PLACE_HEADS) or _before_place_noun(span):
        return "PLACE"
    if len(span) > 1 and (last in ORG_HEADS or any(t.lower_ in ("’s", "'s") for t in span[:-1])):
        return "ORG"
    if last in PROGRAMME_HEADS or last in SOFTWARE_HEADS:
        return None
    if len(words) == 1 and words[0].lower_ in LONE_WORDS | MODEL_ORG_HEADS:
        return None
    if any(t.lower_ in ROLE_WORDS for t in words):
        return None
    return "PERSON"


def _portfolio(span: Span, has_head: bool) -> bool:
    """A role's portfolio: "Head of Community Safety", "Community Safety Manager"."""
    doc, start = span.doc, span.start
    after_role = (
        start >= 2
        and doc[start - 1].lower_ in ("of", "for")
        and doc[start - 2].lower_ in ROLE_WORDS
    )
    if after_role and (not has_head or span[-1].lower_ in DEPARTMENT_HEADS):
        return True
    return not has_head and span.end < len(doc) and doc[span.end].lower_ in ROLE_WORDS


def org_label(span: Span) -> str | None:
    """ORG or PLACE for a statistical ORG span, or None to drop it."""
    words = {t.lower_ for t in span}
    last = span[-1].lower_
    if span.text.lower() in GENERIC or (len(span) == 1 and last in LONE_WORDS | HEADS):
        return None
    if not_a_name(span) or product(span):
        return None
    if irish_county(span):
        return "PLACE"
    if any(t.text in DASHES and t.i > span.start and _spaced(t) for t in span):
        return None
    if last in ROLE_WORDS or span[-1].like_num or department_of_body(span):
        return None
    has_head = bool(words & MODEL_ORG_HEADS)
    if not has_head and (
        words & {"and", "&"}
        or last in LAST_NOT_ORG
        or span[0].lower_ in THING_HEADS
        or technical_or_event(span)
    ):
        return None
    if _portfolio(span, has_head):
        return None
    doc = span.doc
    if span.start == 0 and len(span) == 1 and span[0].is_title and len(doc) >= 4:
        return None
    if (len(span) > 1 and last in PLACE_HEADS) or _before_place_noun(span):
        return "PLACE"
    before = doc[span.start - 1].lower_ if span.start else ""
    if not has_head and span[0].lower_.rstrip(".") in ("st", "saint") and before in ("at", "in"):
        return "PLACE"
    after_in = before in ("in", "near")
    if after_in and (len(span) == 1 or not has_head):
        return "PLACE"
    return "ORG"
