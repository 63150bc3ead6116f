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

from extractor.lexicon import (
    ARTICLES,
    BODY_KINDS,
    DEPARTMENT_HEADS,
    DOCUMENT_ENDS,
    EVENT_HEADS,
    GENERIC,
    KIND_HEADS,
    LONE_WORDS,
    MEETING_WORDS,
    MODEL_ORG_HEADS,
    NAME_PARTICLES,
    NON_HEAD_ROLE_WORDS,
    ORG_HEADS,
    PERSON_PLACE_HEADS,
    PLACE_HEADS,
    PLACE_NOUNS,
    PORTFOLIO_ROLE_WORDS,
    PROGRAMME_HEADS,
    ROLE_WORDS,
    SOFTWARE_HEADS,
    THING_HEADS,
    TITLES,
    TOPIC_WORDS,
)
from extractor.tag.components.not_names import (
    Words,
    irish_county,
    not_a_name,
    product,
    technical_or_event,
    words_of,
)

EDGE_PUNCT = frozenset("&-–—,;:.’'\"‘“”()[]|/")
DASHES = frozenset({"-", "–", "—"})
HEADS = ORG_HEADS | PROGRAMME_HEADS
_LONE_ORG = LONE_WORDS | HEADS
_LONE_PERSON = LONE_WORDS | MODEL_ORG_HEADS
_PERSON_ENDS_NOT = ROLE_WORDS | MEETING_WORDS | EVENT_HEADS
_POSSESSIVE = ("’s", "'s")


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
        text = token.text
        if text in (":", "|") or (text in DASHES and _spaced(token)):
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
    while start < end:
        token = doc[start]
        text, lower = token.text, token.lower_
        if not (
            lower in ("the", "’s", "'s")
            or text.startswith("@")
            or text in EDGE_PUNCT
            or (label != "DATE" and text[:1].isdigit() and _NUMBERING.match(text) is not None)
            or (label != "PERSON" and start == 0 and _LETTERING.match(text) is not None)
            or (label == "PERSON" and lower.rstrip(".") in TITLES)
        ):
            break
        start += 1
    if label == "ORG" and end - start > 3 and doc[start].lower_ in OFFICE_OPENERS:
        start = _after_office(doc, start, end)
    while label == "ORG" and end - start > 1 and doc[end - 1].lower_ in DOCUMENT_ENDS:
        if doc[end - 2].lower_ not in ORG_HEADS:
            break
        end -= 1
    while start < end:
        token = doc[end - 1]
        text = token.text
        if not (
            text in EDGE_PUNCT
            or text.startswith("@")
            or token.lower_ in ("and", "’s", "'s", "of", "for")
        ):
            break
        end -= 1
    return start, end


def linkish(span: Span, words: Words | None = None) -> bool:
    """Whether the span is or holds a URL, an e-mail address, a handle or a path.

    Each of these holds a ".", an "@" or a "/", so a text without any is none.
    """
    tokens, texts, _, text = words or words_of(span)
    if "." not in text and "@" not in text and "/" not in text:
        return False
    return any(
        t.like_url or t.like_email or _LINKISH.search(x) for t, x in zip(tokens, texts, strict=True)
    )


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


def department_of_body(span: Span, words: Words | None = None) -> bool:
    """Whether the span is a department of a body: "Floods Department at NCC".

    Also a department written after a body named only by its kind ("Borough Council
    Environmental Protection Office"): an internal part of an unnamed body, not a named one.
    """
    if (words.lowers[-1] if words else span[-1].lower_) not in DEPARTMENT_HEADS:
        return False
    doc, end = span.doc, span.end
    placed = end + 1 < len(doc) and doc[end].lower_ in ("at", "within")
    return (placed and doc[end + 1].text[:1].isupper()) or _unnamed_body_prefix(span)


def department_of_role(span: Span, words: Words | None = None) -> bool:
    """Whether the span is the department of a role: "Director of Children's Services"."""
    doc, start = span.doc, span.start
    return (
        (words.lowers[-1] if words else span[-1].lower_) in DEPARTMENT_HEADS
        and start >= 2
        and doc[start - 1].lower_ in ("of", "for")
        and doc[start - 2].lower_ in ROLE_WORDS
    )


def person_label(span: Span, words: Words | None = None) -> str | None:
    """PERSON, ORG or PLACE for a statistical PERSON span, or None to drop it."""
    read = words or words_of(span)
    tokens, texts, lowers, text = read
    if not any(c.islower() for c in text) or any(c.isdigit() for c in text):
        return None
    kept = [
        (t, x, lower)
        for t, x, lower in zip(tokens, texts, lowers, strict=True)
        if not t.is_punct and lower not in _POSSESSIVE
    ]
    if any(
        x[0].islower() and lower not in NAME_PARTICLES and _starts_word(t) for t, x, lower in kept
    ):
        return None
    last, first = lowers[-1], lowers[0]
    if first in ARTICLES and tokens[0].is_title:
        return None
    if last in _PERSON_ENDS_NOT or product(span, read):
        return None
    if first.rstrip(".") in ("st", "saint") or _place_context(span):
        return "PLACE"
    if (len(tokens) > 1 and last in PERSON_PLACE_HEADS) or _before_place_noun(span):
        return "PLACE"
    if len(tokens) > 1 and (last in ORG_HEADS or any(w in _POSSESSIVE for w in lowers[:-1])):
        return "ORG"
    if last in PROGRAMME_HEADS or last in SOFTWARE_HEADS:
        return None
    if len(kept) == 1 and kept[0][2] in _LONE_PERSON:
        return None
    if any(lower in ROLE_WORDS for _, _, lower in kept):
        return None
    return "PERSON"


def _portfolio(span: Span, has_head: bool, last: str) -> bool:
    """A role's portfolio: "Head of Community Safety", "Community Safety Manager"."""
    doc, start = span.doc, span.start
    after_role = (
        start >= 2
        and doc[start - 1].lower_ in ("of", "for")
        and doc[start - 2].lower_ in PORTFOLIO_ROLE_WORDS
    )
    if after_role and (not has_head or last in DEPARTMENT_HEADS):
        return True
    return not has_head and span.end < len(doc) and doc[span.end].lower_ in ROLE_WORDS


def org_label(span: Span, words: Words | None = None) -> str | None:
    """ORG or PLACE for a statistical ORG span, or None to drop it."""
    read = words or words_of(span)
    tokens, texts, lowers, text = read
    last, size = lowers[-1], len(tokens)
    if text.lower() in GENERIC or (size == 1 and last in _LONE_ORG):
        return None
    if not_a_name(span, read) or product(span, read):
        return None
    if irish_county(span, read):
        return "PLACE"
    if not DASHES.isdisjoint(texts) and any(
        x in DASHES and i > 0 and _spaced(tokens[i]) for i, x in enumerate(texts)
    ):
        return None
    if last in NON_HEAD_ROLE_WORDS or tokens[-1].like_num or department_of_body(span, read):
        return None
    has_head = not MODEL_ORG_HEADS.isdisjoint(lowers)
    if not has_head and (
        "and" in lowers
        or "&" in lowers
        or last in LAST_NOT_ORG
        or lowers[0] in THING_HEADS
        or technical_or_event(span, read)
    ):
        return None
    if _portfolio(span, has_head, last):
        return None
    doc = span.doc
    if span.start == 0 and size == 1 and tokens[0].is_title and len(doc) >= 4:
        return None
    if (size > 1 and last in PLACE_HEADS) or _before_place_noun(span):
        return "PLACE"
    before = doc[span.start - 1].lower_ if span.start else ""
    if not has_head and lowers[0].rstrip(".") in ("st", "saint") and before in ("at", "in"):
        return "PLACE"
    after_in = before in ("in", "near")
    if after_in and (size == 1 or not has_head):
        return "PLACE"
    return "ORG"
