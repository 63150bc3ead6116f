"""Spans that name no body or person, whatever the statistical model says.

Software and specifications (camel-case words, versions, technical acronyms, vendors'
products, "… Plugin"), events ("… Summit"), well-known software products named alone
("Jira"), and "organisations" written as no body's name is: a time, an abbreviation, a
lower-case word that joins no name, a meeting's document or business as last word, a role
first. Also: "Co. Wicklow" is an Irish county, a place.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from extractor.nlp.rules import MODEL_ORG_HEADS
from extractor.nlp.vocab import (
    COMPANY_SUFFIXES,
    EVENT_HEADS,
    NAME_JOINERS,
    ROLE_MODIFIERS,
    ROLE_WORDS,
    SOFTWARE_HEADS,
    SOFTWARE_PRODUCTS,
    SOFTWARE_VENDORS,
    TECH_ACRONYMS,
)

_CAMEL = re.compile(r"^(?!Mc|Mac)[A-Za-z][a-z]+[A-Z]|^[A-Z]{2,}[A-Z][a-z]{2,}")
"""A camel-case word ("IntersectionObserver", "hrefTranslate"); not "McDonald" or "MacLeod"."""
DOCUMENT_ENDS = frozenset(
    {"agenda", "minutes", "meeting", "meetings", "notes", "report", "reports", "review"}
    | {"summary", "update", "updates", "status"}
)
"""Last words of a meeting's documents and business; no body's name ends in one."""
ABBREVIATIONS = frozenset({"e.g.", "i.e.", "eg", "ie", "etc", "etc.", "viz."})
_JOINERS = NAME_JOINERS | COMPANY_SUFFIXES
_TIME = re.compile(r"^\d{1,2}[:.]\d{2}(?:[ap]\.?m\.?)?$|^\d{1,2}[ap]\.?m\.?$", re.IGNORECASE)
_VERSION = re.compile(r"^[vV]\d+(?:\.\d+)*$")


def technical_or_event(span: Span) -> bool:
    """Whether a head-less name is software, a specification or an event, not a body.

    Software: a camel-case word, a version, a leading technical acronym, a vendor's name
    followed by more words ("Google Translate", "Microsoft Teams") or a last word such as
    "Plugin" or "API".
    """
    return (
        any(_CAMEL.match(t.text) or _VERSION.match(t.text) for t in span)
        or span[0].text in TECH_ACRONYMS
        or (len(span) > 1 and span[0].lower_ in SOFTWARE_VENDORS)
        or span[-1].lower_ in SOFTWARE_HEADS
        or span[-1].lower_ in EVENT_HEADS
    )


def product(span: Span) -> bool:
    """Whether the span is or ends in a well-known software product.

    "Jira", "Integrated Javascript".
    """
    return span[-1].lower_ in SOFTWARE_PRODUCTS and (len(span) == 1 or span[-1].is_title)


def not_a_name(span: Span) -> bool:
    """Whether a model "organisation" is written as no body's name is.

    A time, a lone letter, an abbreviation ("E.g. X"), a lower-case word that is no joiner
    ("Java than Groovy", "PL communities"), a last word naming a meeting's document ("Board
    of Directors Meeting Minutes", "Grammar Review"), a role first ("VP Marketing"), a lone
    role modifier ("Joint"), or, without a head word, a number inside ("Unit 1 Test Case").
    """
    has_head = bool(MODEL_ORG_HEADS.intersection(t.lower_ for t in span))
    return (
        len(span.text) < 2
        or span[-1].lower_ in DOCUMENT_ENDS
        or any(_TIME.match(t.text) or t.lower_ in ABBREVIATIONS for t in span)
        or any(t.is_lower and t.is_alpha and t.lower_ not in _JOINERS for t in span)
        or (span[0].lower_ in ROLE_WORDS and not has_head)
        or (len(span) == 1 and span[0].lower_ in ROLE_MODIFIERS)
        or (not has_head and any(t.like_num for t in span[1:-1]))
    )


def irish_county(span: Span) -> bool:
    """Whether the span holds "Co." before a capitalised word: an Irish county ("Co. Wicklow")."""
    return any(t.text == "Co." and t.i + 1 < span.end and span.doc[t.i + 1].is_title for t in span)
