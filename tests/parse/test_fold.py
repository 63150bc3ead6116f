import re

import pytest

from extractor.parse.fold import folded, mentions


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Apologies", "apologies"), ("İS", "is"), ("ıs", "is"), ("ſee", "see"), ("\u212aEY", "key")],
)
def test_folded_maps_the_letters_re_ignorecase_equates(text: str, expected: str) -> None:
    assert folded(text) == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Apologies were received", True),
        ("APOLOGİES", True),
        ("No word here", False),
        ("", False),
    ],
)
def test_mentions(text: str, found: bool) -> None:
    assert mentions(text, ("apolog", "regrets")) is found


def test_every_char_matching_an_ascii_letter_case_blind_folds_to_it() -> None:
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    chars = (chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    for char in filter(ascii_letter.fullmatch, chars):
        assert re.fullmatch(folded(char), char, re.IGNORECASE)
