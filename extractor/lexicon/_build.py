"""How a word list is written down: one string of whitespace-separated words."""

from __future__ import annotations


def wordset(text: str) -> frozenset[str]:
    """Build a lexicon from a whitespace-separated word list."""
    return frozenset(text.split())
