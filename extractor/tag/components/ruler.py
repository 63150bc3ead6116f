"""A SpanRuler that tries a token pattern only on Docs holding every word the pattern needs.

spaCy's Matcher starts every token pattern at every token, so its cost grows with patterns ×
tokens even where a pattern cannot match. Yet most patterns need some word a given text lacks
(a head word, a month, a title). The tokens a pattern cannot do without (neither optional nor
negated) give necessary conditions on single words: equality, ``IN``, ``NOT_IN`` and ``REGEX``
on the text or lower-case form, and lexeme flags (see :mod:`.flags`). They depend on the word
alone, so each vocabulary entry is tested once and its results kept as a bit mask. For a Doc,
the masks of its words say which patterns can match there; a Matcher holding just those is
built once per such set and reused. Conditions on anything else are left out of the test,
which only makes it weaker: the matches are always exactly those of the full Matcher.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from functools import reduce
from operator import or_
from typing import Any

from spacy.attrs import IDS
from spacy.language import Language
from spacy.lexeme import Lexeme
from spacy.matcher import Matcher
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from extractor.tag._speed.memo import WordMemo

LexemeTest = Callable[[Lexeme], bool]
_FIELDS = {"ORTH": "orth_", "TEXT": "orth_", "LOWER": "lower_"}
_CACHE_LIMIT = 4096
"""Most pattern subsets, and Matchers, kept before such a cache starts afresh."""


def _required(spec: dict[str, Any]) -> bool:
    """Whether a token of a pattern must be matched at least once (not optional, not negated)."""
    op = spec.get("OP")
    if op is None or op == "+":
        return True
    if isinstance(op, str) and op.startswith("{") and op.endswith("}"):
        low = op[1:-1].split(",")[0].strip()
        return low.isdigit() and int(low) >= 1
    return False


def _reader(field: str) -> Callable[[Lexeme], str]:
    def read(lex: Lexeme) -> str:
        return str(getattr(lex, field))

    return read


def _regex_test(field: str, pattern: str) -> LexemeTest:
    read, search = _reader(field), re.compile(pattern).search

    def test(lex: Lexeme) -> bool:
        return search(read(lex)) is not None

    return test


def _member_test(field: str, words: frozenset[str], *, inside: bool) -> LexemeTest:
    read = _reader(field)

    def test(lex: Lexeme) -> bool:
        return (read(lex) in words) is inside

    return test


def _flag_test(flag: int, value: bool) -> LexemeTest:
    def test(lex: Lexeme) -> bool:
        return bool(lex.check_flag(flag)) is value

    return test


def _all(tests: list[LexemeTest]) -> LexemeTest:
    def test(lex: Lexeme) -> bool:
        return all(one(lex) for one in tests)

    return test


def _value_tests(field: str, value: Any) -> list[LexemeTest]:
    """Word tests for one attribute value given as a dict of IN, NOT_IN and REGEX."""
    if not isinstance(value, dict):
        return []
    tests: list[LexemeTest] = []
    for operator, operand in value.items():
        if operator == "REGEX" and isinstance(operand, str):
            tests.append(_regex_test(field, operand))
        elif (
            operator in ("IN", "NOT_IN")
            and isinstance(operand, list)
            and all(isinstance(v, str) for v in operand)
        ):
            tests.append(_member_test(field, frozenset(operand), inside=operator == "IN"))
    return tests


def _spec_tests(spec: dict[str, Any]) -> list[LexemeTest]:
    """Tests every word matching ``spec`` passes (conditions on other attributes are skipped)."""
    tests: list[LexemeTest] = []
    for attr, value in spec.items():
        name = attr.upper()
        if name in _FIELDS:
            tests.extend(_value_tests(_FIELDS[name], value))
        elif name.startswith("FLAG") and name in IDS and isinstance(value, bool):
            tests.append(_flag_test(IDS[name], value))
    return tests


class PatternGate:
    """Which token patterns can match a Doc, and a Matcher holding only those.

    A word's mask holds its lexeme flags (bits 0-63) and one bit for each other condition
    (literal words first, then the rest) that some pattern needs.
    """

    def __init__(
        self, vocab: Vocab, patterns: Sequence[tuple[str, list[dict[str, Any]]]], **options: Any
    ) -> None:
        self.vocab = vocab
        self.patterns = list(patterns)
        self.options = options
        self._flags = 0
        self._words: dict[tuple[str, str], int] = {}
        self._tests: list[tuple[int, LexemeTest]] = []
        self._keys: dict[str, int] = {}
        self.needs = [self._need(tokens) for _, tokens in self.patterns]
        self._masks = WordMemo(self._mask)
        self._subsets: dict[int, tuple[int, ...]] = {}
        self._matchers: dict[tuple[int, ...], Matcher] = {}

    def _bit(self, key: str) -> int:
        if key not in self._keys:
            self._keys[key] = 1 << (64 + len(self._keys))
        return self._keys[key]

    def _need(self, tokens: list[dict[str, Any]]) -> int:
        """The mask bits a Doc must have for the pattern ``tokens`` to match in it."""
        need = 0
        for spec in tokens:
            if not _required(spec):
                continue
            rest: dict[str, Any] = {}
            for attr, value in spec.items():
                name = attr.upper()
                if name == "OP":
                    continue
                if name.startswith("FLAG") and name in IDS and value is True:
                    need |= 1 << IDS[name]
                    self._flags |= 1 << IDS[name]
                elif name in _FIELDS and isinstance(value, str):
                    word = (_FIELDS[name], value)
                    bit = self._bit(repr(word))
                    self._words[word] = self._words.get(word, 0) | bit
                    need |= bit
                else:
                    rest[name] = value
            tests = _spec_tests(rest)
            if tests:
                key = json.dumps(rest, sort_keys=True, default=str)
                if key not in self._keys:
                    self._tests.append((self._bit(key), _all(tests)))
                need |= self._keys[key]
        return need

    def _mask(self, orth: int) -> int:
        lex = self.vocab[orth]
        mask = lex.flags & self._flags
        if self._words:
            mask |= self._words.get(("orth_", lex.orth_), 0)
            mask |= self._words.get(("lower_", lex.lower_), 0)
        for bit, test in self._tests:
            if test(lex):
                mask |= bit
        return mask

    def present(self, doc: Doc) -> int:
        """The bit mask of the word conditions some token of ``doc`` meets."""
        return int(reduce(or_, self._masks.of(doc), 0))

    def subset(self, present: int) -> tuple[int, ...]:
        """Indices of the patterns whose needed word conditions are all in ``present``."""
        chosen = self._subsets.get(present)
        if chosen is None:
            if len(self._subsets) > _CACHE_LIMIT:
                self._subsets.clear()
            chosen = tuple(i for i, need in enumerate(self.needs) if need & present == need)
            self._subsets[present] = chosen
        return chosen

    def matcher(self, chosen: tuple[int, ...]) -> Matcher:
        """A Matcher with exactly the patterns ``chosen``, each under its own key."""
        found = self._matchers.get(chosen)
        if found is None:
            if len(self._matchers) > _CACHE_LIMIT:
                self._matchers.clear()
            found = Matcher(self.vocab, **self.options)
            for i in chosen:
                key, tokens = self.patterns[i]
                found.add(key, [tokens])
            self._matchers[chosen] = found
        return found

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match id, start, end) of every match, as the full Matcher would find them."""
        if not self.patterns:
            return []
        chosen = self.subset(self.present(doc))
        if not chosen:
            return []
        return [(m[0], m[1], m[2]) for m in self.matcher(chosen)(doc)]


class GatedSpanRuler(SpanRuler):
    """spaCy's SpanRuler with its token patterns run through a :class:`PatternGate`."""

    _gate: PatternGate | None = None

    def _token_patterns(self) -> list[tuple[str, list[dict[str, Any]]]]:
        return [
            (repr((p["label"], p.get("id", ""))), p["pattern"])
            for p in self._patterns
            if isinstance(p["pattern"], list)
        ]

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:
        """Add patterns as the SpanRuler does (the gate is rebuilt on next use)."""
        self._gate = None
        super().add_patterns(patterns)

    def clear(self) -> None:
        """Remove every pattern."""
        self._gate = None
        super().clear()

    def remove(self, label: str) -> None:
        """Remove the patterns of a label."""
        self._gate = None
        super().remove(label)

    def remove_by_id(self, pattern_id: str) -> None:
        """Remove the patterns of an id."""
        self._gate = None
        super().remove_by_id(pattern_id)

    def match(self, doc: Doc) -> list[Span]:
        """The distinct spans the patterns match, sorted (same result as the SpanRuler)."""
        self._require_patterns()
        if self._gate is None:
            self._gate = PatternGate(
                self.nlp.vocab,
                self._token_patterns(),
                validate=self.validate,
                fuzzy_compare=self.matcher_fuzzy_compare,
            )
        found = self._gate(doc)
        if len(self.phrase_matcher):
            found.extend(self.phrase_matcher(doc))
        spans = {
            Span(
                doc,
                start,
                end,
                label=self._match_label_id_map[key]["label"],
                span_id=self._match_label_id_map[key]["id"],
            )
            for key, start, end in found
            if start != end
        }
        return sorted(spans)

    def set_annotations(self, doc: Doc, matches: list[Span]) -> None:
        """Store the matches as the SpanRuler does; a Doc with nothing to change is left alone.

        That is a Doc without matches, entities or spans under the key: the SpanRuler would
        only mark its tokens as outside any entity, which the statistical NER treats as it
        treats tokens without entity annotation.
        """
        if matches or (self.key is not None and self.key in doc.spans) or doc.ents:
            super().set_annotations(doc, matches)  # type: ignore[no-untyped-call]


@Language.factory(
    "minutes_span_ruler",
    assigns=["doc.spans", "doc.ents"],
    default_config={
        "spans_key": "ruler",
        "annotate_ents": False,
        "ents_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
        "overwrite": True,
    },
)
def make_gated_span_ruler(
    nlp: Language,
    name: str,
    spans_key: str,
    annotate_ents: bool,
    ents_filter: Callable[[Iterable[Span], Iterable[Span]], Iterable[Span]],
    overwrite: bool,
) -> GatedSpanRuler:
    """Build a :class:`GatedSpanRuler` (the SpanRuler settings the pipeline uses)."""
    return GatedSpanRuler(
        nlp,
        name,
        spans_key=spans_key,
        annotate_ents=annotate_ents,
        ents_filter=ents_filter,
        overwrite=overwrite,
    )
