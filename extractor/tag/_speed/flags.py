"""Lexeme flags in place of per-token Python predicates in SpanRuler token patterns.

spaCy's Matcher evaluates ``REGEX``, ``IN`` and ``NOT_IN`` conditions by calling Python for
every token it tries, and it tries the first token of every pattern at every position. When a
condition reads only the token's text or its lower-case form, its value depends on the word
alone, so it can be computed once per vocabulary entry and stored as one of the lexeme's
boolean flags (``FLAG19`` to ``FLAG63``), which the Matcher checks in compiled code.
:func:`compile_flags` rewrites patterns that way; matches are the same, only cheaper.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Any

from spacy.attrs import FLAG19, FLAG63, IDS, LOWER
from spacy.vocab import Vocab

Pattern = dict[str, Any]
Check = Callable[[str], bool]
_FIELDS = {"TEXT": "text", "ORTH": "text", "LOWER": "lower"}


def _condition(attr: str, condition: Any, lower: Callable[[str], str]) -> tuple[int, Check] | None:
    """(cost rank, test of a word) for one ``{"REGEX"|"IN"|"NOT_IN": ...}`` condition, if pure.

    Tests on the text itself rank before tests that need the lower-case form.
    """
    field = _FIELDS.get(attr.upper())
    if field is None or not isinstance(condition, dict) or len(condition) != 1:
        return None
    ((operator, value),) = condition.items()
    if operator == "REGEX" and isinstance(value, str) and field == "text":
        search = re.compile(value).search
        return 0, lambda text: search(text) is not None
    if operator not in ("IN", "NOT_IN") or not isinstance(value, list):
        return None
    if not all(isinstance(v, str) for v in value):
        return None
    words = frozenset(value)
    if field == "text":
        if operator == "IN":
            return 0, words.__contains__
        return 0, lambda text: text not in words
    if operator == "IN":
        return 1, lambda text: lower(text) in words
    return 1, lambda text: lower(text) not in words


def _getter(tests: list[Check]) -> Check:
    if len(tests) == 1:
        return tests[0]
    if len(tests) == 2:
        first, second = tests
        return lambda text: first(text) and second(text)
    return lambda text: all(test(text) for test in tests)


class _Flags:
    """Flag bits of one vocabulary, one per distinct set of conditions."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        getters: dict[int, Callable[[str], Any]] = getattr(vocab, "lex_attr_getters", {})
        self.lower: Callable[[str], str] = getters.get(LOWER, str.lower)
        self.free = [b for b in range(FLAG19, FLAG63 + 1) if b not in getters]
        self.known: dict[str, int] = {}

    def flag(self, conditions: dict[str, Any]) -> int | None:
        """The flag for ``conditions`` (added to the vocabulary once), or None if impossible."""
        key = json.dumps(conditions, sort_keys=True)
        if key in self.known:
            return self.known[key]
        tests = [_condition(attr, value, self.lower) for attr, value in conditions.items()]
        if not self.free or any(test is None for test in tests):
            return None
        ordered = [test for _, test in sorted((t for t in tests if t), key=lambda t: t[0])]
        bit = self.vocab.add_flag(_getter(ordered), self.free.pop(0))
        self.known[key] = bit
        return bit


def _token(spec: dict[str, Any], flags: _Flags) -> dict[str, Any]:
    conditions = {k: v for k, v in spec.items() if isinstance(v, dict)}
    if not conditions:
        return spec
    bit = flags.flag(conditions)
    if bit is None:
        return spec
    names = {v: k for k, v in IDS.items()}
    rest = {k: v for k, v in spec.items() if k not in conditions}
    return {names[bit]: True, **rest}


def compile_flags(vocab: Vocab, patterns: Sequence[Pattern]) -> list[Pattern]:
    """``patterns`` with each token's text conditions replaced by one lexeme flag of ``vocab``.

    Phrase patterns and conditions on other attributes stay as they are; when the vocabulary
    runs out of free flag bits the remaining tokens keep their conditions too.
    """
    flags = _Flags(vocab)
    compiled: list[Pattern] = []
    for pattern in patterns:
        tokens = pattern.get("pattern")
        if isinstance(tokens, list):
            pattern = {**pattern, "pattern": [_token(t, flags) for t in tokens]}
        compiled.append(pattern)
    return compiled
