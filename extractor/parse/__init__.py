"""Model-free parsers of short strings, shared by the segmenter, the tagger and the validator.

Takes a string (a line, a name, a date) and gives what it says, or None:

- :mod:`.names`: is this a person's name, an organisation or a role; split an office from a name;
- :mod:`.acronyms`: acronym definitions ("Long Form (LF)", Schwartz–Hearst) and initials;
- :mod:`.dates`: the date grammar (one copy); dates and times in the header's phrasings,
  weekday checks;
- :mod:`.edtf`: ISO 8601-2 (EDTF) values of date mentions;
- :mod:`.date_order`: whether a document writes numeric dates day first or month first;
- :mod:`.fold`: case folding that agrees with ``re.IGNORECASE``, and quick word tests.
"""

from __future__ import annotations

from extractor.parse.acronyms import (
    BRACKETS,
    DEFINITION_MARK,
    QUOTED,
    WORD,
    AcronymPair,
    find_initials,
    find_pairs,
    initials_of,
    long_form_window,
    spells_out,
)
from extractor.parse.date_order import writes_month_first
from extractor.parse.dates import (
    MONTH_STEMS,
    WEEKDAY_STEMS,
    DateMatch,
    DatePatterns,
    alternation,
    date_patterns,
    find_date,
    find_dates,
    month_number,
    parse_time_range,
    weekday_mismatch,
    when_end,
    year_of,
)
from extractor.parse.edtf import edtf_value, is_calendar_date, leading_words
from extractor.parse.fold import folded, mentions
from extractor.parse.names import (
    is_initials,
    is_org_like,
    is_person,
    is_role_like,
    starts_with_office,
    take_name,
)

__all__ = [
    "BRACKETS",
    "DEFINITION_MARK",
    "MONTH_STEMS",
    "QUOTED",
    "WEEKDAY_STEMS",
    "WORD",
    "AcronymPair",
    "DateMatch",
    "DatePatterns",
    "alternation",
    "date_patterns",
    "edtf_value",
    "find_date",
    "find_dates",
    "find_initials",
    "find_pairs",
    "folded",
    "initials_of",
    "is_calendar_date",
    "is_initials",
    "is_org_like",
    "is_person",
    "is_role_like",
    "leading_words",
    "long_form_window",
    "mentions",
    "month_number",
    "parse_time_range",
    "spells_out",
    "starts_with_office",
    "take_name",
    "weekday_mismatch",
    "when_end",
    "writes_month_first",
    "year_of",
]
