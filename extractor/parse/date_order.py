"""The order of a document's numeric dates: day first (UK) unless the document shows otherwise.

"03/05/2018" is 3 May in UK minutes and March 5 in US ones. A document settles it itself when
one of its numeric dates can only be read one way: "12/23/2014" (no 23rd month) is month first,
"23/12/2014" day first. The order with more such evidence wins; without any, or on a tie,
dates stay day first. Each date of a month-first document is rewritten day first before it is
normalised, so one normaliser serves both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_NUMERIC = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$")


def month_first(dates: Iterable[str]) -> bool:
    """Whether the numeric dates among ``dates`` (as written) are written month first."""
    day_first = month_first_votes = 0
    for text in dates:
        match = _NUMERIC.match(text.strip())
        if match is None:
            continue
        first, second = int(match[1]), int(match[3])
        if first > 12 >= second:
            day_first += 1
        elif second > 12 >= first:
            month_first_votes += 1
    return month_first_votes > day_first


def day_first(text: str) -> str:
    """A month-first numeric date rewritten day first ("9/24/2014" → "24/9/2014")."""
    match = _NUMERIC.match(text.strip())
    if match is None:
        return text
    return f"{match[3]}{match[2]}{match[1]}{match[2]}{match[4]}"
