"""Cheap tests that rule a case-insensitive regular expression out before it runs.

A pattern compiled with ``re.IGNORECASE`` matches a literal word only where the text holds that
word in some mix of cases. Python's ``re`` also lets a few non-ASCII letters stand for ASCII
ones (dotted and dotless I, the long s; the Kelvin sign lower-cases to k), so the text is
folded with those first. A word such a pattern must match is then, in lower case, a substring
of the folded text: when none of a pattern's required words is, the pattern cannot match.
"""

from __future__ import annotations

from collections.abc import Iterable

_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def folded(text: str) -> str:
    """``text`` in lower case, with the letters ``re`` treats as i or s turned into them."""
    if not text.isascii() and ("ı" in text or "ſ" in text or "İ" in text):
        text = text.translate(_FOLD)
    return text.lower()


def mentions(text: str, words: Iterable[str]) -> bool:
    """Tell whether ``text`` holds any of the lower-case ASCII ``words``, case ignored."""
    return any(map(folded(text).__contains__, words))
