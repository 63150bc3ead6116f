"""Tests for the per-word memo shared by the spaCy components."""

from __future__ import annotations

import pytest
import spacy

from extractor.tag._speed.memo import WordMemo


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("the cat and the hat", ["and", "cat", "hat", "the"]),
        ("", []),
        ("Board board BOARD", ["BOARD", "Board", "board"]),
    ],
)
def test_of_gives_one_value_per_distinct_word(text: str, values: list[str]) -> None:
    nlp = spacy.blank("en")
    memo: WordMemo[str] = WordMemo(lambda orth: nlp.vocab.strings[orth])
    assert sorted(memo.of(nlp.make_doc(text))) == values


def test_each_word_is_computed_once() -> None:
    nlp = spacy.blank("en")
    calls: list[int] = []

    def compute(orth: int) -> int:
        calls.append(orth)
        return len(nlp.vocab.strings[orth])

    memo = WordMemo(compute)
    for _ in range(3):
        assert sorted(memo.of(nlp.make_doc("a bb a ccc"))) == [1, 2, 3]
    assert len(calls) == 3


def test_the_memo_starts_afresh_beyond_its_limit() -> None:
    nlp = spacy.blank("en")
    memo = WordMemo(lambda orth: orth, limit=2)
    list(memo.of(nlp.make_doc("one two three four")))
    assert 1 <= len(memo) <= 2
    assert memo[nlp.vocab.strings["one"]] == nlp.vocab.strings["one"]
