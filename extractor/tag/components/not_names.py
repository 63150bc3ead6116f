"""Spans that name no body or person, whatever the statistical model says.

Software and specifications (camel-case words, versions, technical acronyms, vendors'
products, "… Plugin"), events ("… Summit"), well-known software products named alone
("Jira"), and "organisations" written as no body's name is: a time, an abbreviation, a
lower-case word that joins no name, a meeting's document or business as last word, a role
first. Also: "Co. Wicklow" is an Irish county, a place.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Span, Token

from extractor.lexicon import (
    COMPANY_SUFFIXES,
    DOCUMENT_ENDS,
    EVENT_HEADS,
    MODEL_ORG_HEADS,
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
ABBREVIATIONS = frozenset({"e.g.", "i.e.", "eg", "ie", "etc", "etc.", "viz."})
_JOINERS = NAME_JOINERS | COMPANY_SUFFIXES
_TIME = re.compile(r"^\d{1,2}[:.]\d{2}(?:[ap]\.?m\.?)?$|^\d{1,2}[ap]\.?m\.?$", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
"""Any digit: a time (:data:`_TIME`) needs one."""
_VERSION = re.compile(r"^[vV]\d+(?:\.\d+)*$")


class Words(NamedTuple):
    """A span's tokens, their texts and lower-case forms, and its text, read once for all checks.

    Each ``Token`` of a span is a new Python object on every access, so the many checks on one
    span share these lists instead of walking the span again.
    """

    tokens: list[Token]
    texts: list[str]
    lowers: list[str]
    text: str


def words_of(span: Span) -> Words:
    """Read the tokens, texts, lower-case forms and text of a non-empty span once."""
    tokens = list(span)
    texts = [t.text for t in tokens]
    text = "".join([t.text_with_ws for t in tokens[:-1]]) + texts[-1] if tokens else ""
    return Words(tokens, texts, [t.lower_ for t in tokens], text)


def technical_or_event(span: Span, words: Words | None = None) -> bool:
    """Whether a head-less name is software, a specification or an event, not a body.

    Software: a camel-case word, a version, a leading technical acronym, a vendor's name
    followed by more words ("Google Translate", "Microsoft Teams") or a last word such as
    "Plugin" or "API".
    """
    texts, lowers = (words or words_of(span))[1:3]
    return (
        any(_CAMEL.match(text) or _VERSION.match(text) for text in texts)
        or texts[0] in TECH_ACRONYMS
        or (len(texts) > 1 and lowers[0] in SOFTWARE_VENDORS)
        or lowers[-1] in SOFTWARE_HEADS
        or lowers[-1] in EVENT_HEADS
    )


def product(span: Span, words: Words | None = None) -> bool:
    """Whether the span is or ends in a well-known software product.

    "Jira", "Integrated Javascript".
    """
    tokens, _, lowers, _ = words or words_of(span)
    return lowers[-1] in SOFTWARE_PRODUCTS and (len(tokens) == 1 or tokens[-1].is_title)


def not_a_name(span: Span, words: Words | None = None) -> bool:
    """Whether a model "organisation" is written as no body's name is.

    A time, a lone letter, an abbreviation ("E.g. X"), a lower-case word that is no joiner
    ("Java than Groovy", "PL communities"), a last word naming a meeting's document ("Board
    of Directors Meeting Minutes", "Grammar Review"), a role first ("VP Marketing"), a lone
    role modifier ("Joint"), or, without a head word, a number inside ("Unit 1 Test Case").
    """
    tokens, texts, lowers, text = words or words_of(span)
    has_head = not MODEL_ORG_HEADS.isdisjoint(lowers)
    return (
        len(text) < 2
        or lowers[-1] in DOCUMENT_ENDS
        or (_DIGIT.search(text) is not None and any(_TIME.match(x) for x in texts))
        or not ABBREVIATIONS.isdisjoint(lowers)
        or any(
            t.is_lower and t.is_alpha and lower not in _JOINERS
            for t, lower in zip(tokens, lowers, strict=True)
        )
        or (lowers[0] in ROLE_WORDS and not has_head)
        or (len(tokens) == 1 and lowers[0] in ROLE_MODIFIERS)
        or (not has_head and any(t.like_num for t in tokens[1:-1]))
    )


def irish_county(span: Span, words: Words | None = None) -> bool:
    """Whether the span holds "Co." before a capitalised word: an Irish county ("Co. Wicklow")."""
    tokens, texts = (words or words_of(span))[:2]
    return "Co." in texts and any(
        text == "Co." and i + 1 < len(tokens) and tokens[i + 1].is_title
        for i, text in enumerate(texts)
    )
