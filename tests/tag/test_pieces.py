from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.core import Limits, Options
from extractor.pipeline import convert_data
from extractor.tag import load_nlp
from extractor.tag.pieces import FURNITURE_RUN, PIECE_CHARS, pieces, tagger_view

BLANK = Options(model="blank")
HEADER = "Community Safety Forum\n5 March 2024\n\n"


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("Budget (agreed) -- noted", "Budget (agreed) -- noted"),
        ("x" + "#" * (FURNITURE_RUN - 1) + "y", "x" + "#" * (FURNITURE_RUN - 1) + "y"),
        ("x" + "#" * FURNITURE_RUN + "y", "x" + " " * FURNITURE_RUN + "y"),
        ("(" * 80 + "Ann" + ")" * 80, " " * 80 + "Ann" + " " * 80),
        ("A " + "**_" * 30 + " B", "A " + " " * 90 + " B"),
    ],
)
def test_tagger_view_blanks_furniture_runs_only(text: str, view: str) -> None:
    assert tagger_view(text) == view


@given(st.text(alphabet=st.sampled_from("ab (#_*-.\n"), max_size=400))
def test_tagger_view_keeps_length_and_every_word_character(text: str) -> None:
    view = tagger_view(text)
    assert len(view) == len(text)
    assert all(v == t for v, t in zip(view, text, strict=True) if t.isalnum() or v != " ")


@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=3000), st.integers(10, 500))
def test_pieces_cover_the_text_in_order_within_the_limit(text: str, limit: int) -> None:
    found = pieces(text, limit)
    assert "".join(piece for _, piece in found) == text
    assert all(len(piece) <= limit for _, piece in found)
    assert [offset for offset, _ in found] == [
        sum(len(piece) for _, piece in found[:i]) for i in range(len(found))
    ]


def test_pieces_cut_after_a_sentence_end() -> None:
    text = "One sentence here. " * 20
    assert all(piece.endswith(". ") for _, piece in pieces(text, 100)[:-1])


@pytest.mark.parametrize("length", [1_000, 4_000, 16_000])
def test_a_punctuation_run_costs_the_tokenizer_one_token(length: int) -> None:
    """The work grows with the run's length no more than a space run's: one token for it."""
    doc = load_nlp("blank")(tagger_view("(" * length + "x" + ")" * length))
    assert len(doc) <= 3


@pytest.mark.parametrize("run", ["(" * 4000 + "x" + ")" * 4000, "#" * 10_000, "**_" * 5000])
def test_a_long_run_converts_with_its_text_and_offsets_exact(run: str) -> None:
    text = f"{HEADER}- {run} Met on 5 March 2024.\n"
    result = next(convert_data([("m.txt", text.encode())], options=BLANK))
    assert result.minutes is not None, result.error
    items = [item for section in result.minutes.sections for item in section.items]
    assert any(run in item.text for item in items)
    for item in items:
        for mention in item.entities:
            assert item.text[mention.start : mention.end] == mention.text


def test_a_line_longer_than_spacys_maximum_is_tagged_in_pieces() -> None:
    """A 1.2 MB line under the budgets is no "E088" internal error; late entities keep offsets."""
    words = "the council noted the report. " * (1_200_000 // 30)
    text = f"{HEADER}- {words}The next meeting is on 7 May 2024.\n"
    limits = Limits(line_chars=2_000_000)
    result = next(convert_data([("m.txt", text.encode())], options=replace(BLANK, limits=limits)))
    assert result.minutes is not None, result.error
    item = result.minutes.sections[0].items[0]
    assert len(item.text) > 2 * PIECE_CHARS
    dates = [m for m in item.entities if m.label == "DATE"]
    assert dates and dates[-1].start > PIECE_CHARS
    assert all(item.text[m.start : m.end] == m.text for m in item.entities)
