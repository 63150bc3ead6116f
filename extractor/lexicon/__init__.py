"""The closed word lists of the whole tool, by topic; data only, no logic.

Takes nothing and gives frozensets (and a few tuples) of words. Every stage that consults a
closed class of words (role words, titles, body and programme head words, months, weekdays,
function words ...) reads it from here, so that one list serves them all. Each list is general
vocabulary of minutes, not names from any particular set of minutes. Everything is lower case
except the acronyms.

- :mod:`.people`: honorifics, titles, offices, role words, particles, forms of address
- :mod:`.bodies`: organisation and programme head words, class nouns, suffixes, kinds of body
- :mod:`.places`: place head words and place nouns
- :mod:`.meetings`: the words of a meeting's business: labels, topics, things, events, openers
- :mod:`.calendar`: months and weekdays
- :mod:`.software`: software vendors, products and well-known abbreviations
- :mod:`.function_words`: articles, prepositions, conjunctions, name joiners
"""

from __future__ import annotations

from extractor.lexicon._build import wordset
from extractor.lexicon.bodies import (
    BODY_KIND_WORDS,
    BODY_KINDS,
    CLASS_NOUN_STEMS,
    CLASS_NOUNS,
    COMPANY_SUFFIXES,
    DEPARTMENT_HEADS,
    GENERIC,
    GENERIC_PLAN_WORDS,
    INSTITUTION_TITLES,
    KIND_HEADS,
    LOWER_PROGRAMME_HEADS,
    MODEL_ORG_HEADS,
    OF_ONLY_HEADS,
    ORG_HEADS,
    ORG_MARKERS,
    ORG_NOUNS,
    ORG_OF_HEADS,
    ORG_WORDS,
    PROGRAMME_HEADS,
    PROGRAMME_NOUNS,
)
from extractor.lexicon.calendar import DAY_NAMES, MONTH_NAMES, MONTHS, WEEKDAYS
from extractor.lexicon.function_words import (
    ARTICLES,
    CLASS_NOUN_FOLLOWERS,
    FUNCTION_WORDS,
    MINOR_WORDS,
    NAME_JOINERS,
    NOT_NAMES,
    OPEN_ENDINGS,
    STOP_CAPS,
)
from extractor.lexicon.meetings import (
    ATTENDANCE_LABEL_WORDS,
    CAPITAL_LABELS,
    DOCUMENT_ENDS,
    EVENT_HEADS,
    FRONT_MATTER_KEYS,
    ITEM_LABELS,
    LONE_WORDS,
    MEETING_NOUNS,
    MEETING_WORDS,
    OUTCOME_WORDS,
    REFERENCE_WORDS,
    SENTENCE_OPENERS,
    SESSION_WORDS,
    THING_HEADS,
    TOPIC_WORDS,
)
from extractor.lexicon.people import (
    COMPANY_OFFICES,
    COMPANY_ROLE_WORDS,
    FORMS_OF_ADDRESS,
    GROUP_ROLE_WORDS,
    HONORIFICS,
    NAME_PARTICLES,
    NON_HEAD_ROLE_WORDS,
    OFFICE_QUALIFIERS,
    OFFICE_TITLES,
    OFFICES,
    PERSON_ROLE_WORDS,
    PORTFOLIO_ROLE_WORDS,
    ROLE_MODIFIERS,
    ROLE_WORDS,
    TITLES,
)
from extractor.lexicon.places import PERSON_PLACE_HEADS, PLACE_HEADS, PLACE_NOUNS
from extractor.lexicon.software import (
    COMMON_ACRONYMS,
    KNOWN_ABBREVIATIONS,
    SOFTWARE_HEADS,
    SOFTWARE_PRODUCTS,
    SOFTWARE_VENDORS,
    TECH_ACRONYMS,
)

__all__ = [
    "ARTICLES",
    "ATTENDANCE_LABEL_WORDS",
    "BODY_KINDS",
    "BODY_KIND_WORDS",
    "CAPITAL_LABELS",
    "CLASS_NOUNS",
    "CLASS_NOUN_FOLLOWERS",
    "CLASS_NOUN_STEMS",
    "COMMON_ACRONYMS",
    "COMPANY_OFFICES",
    "COMPANY_ROLE_WORDS",
    "COMPANY_SUFFIXES",
    "DAY_NAMES",
    "DEPARTMENT_HEADS",
    "DOCUMENT_ENDS",
    "EVENT_HEADS",
    "FORMS_OF_ADDRESS",
    "FRONT_MATTER_KEYS",
    "FUNCTION_WORDS",
    "GENERIC",
    "GENERIC_PLAN_WORDS",
    "GROUP_ROLE_WORDS",
    "HONORIFICS",
    "INSTITUTION_TITLES",
    "ITEM_LABELS",
    "KIND_HEADS",
    "KNOWN_ABBREVIATIONS",
    "LONE_WORDS",
    "LOWER_PROGRAMME_HEADS",
    "MEETING_NOUNS",
    "MEETING_WORDS",
    "MINOR_WORDS",
    "MODEL_ORG_HEADS",
    "MONTHS",
    "MONTH_NAMES",
    "NAME_JOINERS",
    "NAME_PARTICLES",
    "NON_HEAD_ROLE_WORDS",
    "NOT_NAMES",
    "OFFICES",
    "OFFICE_QUALIFIERS",
    "OFFICE_TITLES",
    "OF_ONLY_HEADS",
    "OPEN_ENDINGS",
    "ORG_HEADS",
    "ORG_MARKERS",
    "ORG_NOUNS",
    "ORG_OF_HEADS",
    "ORG_WORDS",
    "OUTCOME_WORDS",
    "PERSON_PLACE_HEADS",
    "PERSON_ROLE_WORDS",
    "PLACE_HEADS",
    "PLACE_NOUNS",
    "PORTFOLIO_ROLE_WORDS",
    "PROGRAMME_HEADS",
    "PROGRAMME_NOUNS",
    "REFERENCE_WORDS",
    "ROLE_MODIFIERS",
    "ROLE_WORDS",
    "SENTENCE_OPENERS",
    "SESSION_WORDS",
    "SOFTWARE_HEADS",
    "SOFTWARE_PRODUCTS",
    "SOFTWARE_VENDORS",
    "STOP_CAPS",
    "TECH_ACRONYMS",
    "THING_HEADS",
    "TITLES",
    "TOPIC_WORDS",
    "WEEKDAYS",
    "wordset",
]
