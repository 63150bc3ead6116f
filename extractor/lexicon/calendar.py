"""Calendar words: month and weekday names, in calendar order, and their abbreviations.

:data:`MONTHS` and :data:`WEEKDAYS` are the one copy of each; every other calendar list (and the
date grammar of :mod:`extractor.parse.dates`) is built from them.
"""

from __future__ import annotations

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
"""The months, January first; a month's number is its index plus one."""

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
"""The weekdays, Monday first, as :meth:`datetime.date.weekday` counts them."""

MONTH_ABBREVIATIONS_BEYOND_THREE = ("sept",)
"""Abbreviations other than a month's first three letters."""

WEEKDAY_ABBREVIATIONS_BEYOND_THREE = ("tues", "thur", "thurs")
"""Abbreviations other than a weekday's first three letters."""

MONTH_NAMES = frozenset(
    [*MONTHS, *(month[:3] for month in MONTHS), *MONTH_ABBREVIATIONS_BEYOND_THREE]
)
"""Every written form of a month: its name and its abbreviations ("sep", "sept")."""

DAY_NAMES = frozenset(
    [*WEEKDAYS, *(day[:3] for day in WEEKDAYS), *WEEKDAY_ABBREVIATIONS_BEYOND_THREE]
)
"""Every written form of a weekday: its name and its abbreviations ("tue", "tues")."""
