from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.matcher import Matcher

from extractor.tag._speed.flags import compile_flags
from extractor.tag.patterns import load_patterns, shipped_pattern_files
from extractor.tag.patterns.shapes import shape_patterns

TEXTS = [
    "Cllr Jane Roe thanked the Safer Neighbourhood Board and Westshire Local Transport Plan.",
    "The ACAS Code of Practice on Disciplinary and Grievance Procedures was noted by Mr Ferrie.",
    "Healthwatch Westshire met on Tuesday, 5th of March 2024 and 12/03/2024; THE COUNCIL agreed.",
    "Friends of Hill Park Ltd, NHS England Midlands, Operation Bluebell and Sarah's Law — ok.",
    "the department for education and UPPER CASE WORDS, café, naïve, Mr O'Neill-Smith’s plan",
]


def _patterns() -> list[dict[str, Any]]:
    rules = shape_patterns()
    for path in shipped_pattern_files():
        rules.extend(load_patterns(path))
    return rules


def _matches(nlp: Any, patterns: list[dict[str, Any]], text: str) -> list[tuple[int, int, int]]:
    matcher = Matcher(nlp.vocab, validate=False)
    for number, pattern in enumerate(patterns):
        matcher.add(str(number), [pattern["pattern"]])
    return sorted(matcher(nlp(text)))


@pytest.mark.parametrize("text", TEXTS)
def test_flag_patterns_match_exactly_what_the_conditions_match(text: str) -> None:
    nlp = spacy.blank("en")
    plain = _matches(nlp, _patterns(), text)
    flagged = compile_flags(nlp.vocab, _patterns())
    assert plain
    assert _matches(nlp, flagged, text) == plain


def test_conditions_become_one_flag_and_the_rest_stays() -> None:
    nlp = spacy.blank("en")
    pattern = [
        {"TEXT": {"REGEX": "^[A-Z]"}, "LOWER": {"NOT_IN": ["the"]}, "OP": "?"},
        {"ORTH": "Act"},
        {"LOWER": {"REGEX": "^x"}},
    ]
    (compiled,) = compile_flags(nlp.vocab, [{"label": "ORG", "pattern": pattern}])
    first, second, third = compiled["pattern"]
    assert first["OP"] == "?" and len(first) == 2
    (flag,) = [name for name in first if name.startswith("FLAG")]
    assert nlp.vocab["Board"].check_flag(int(flag[4:]))
    assert not nlp.vocab["The"].check_flag(int(flag[4:]))
    assert second == {"ORTH": "Act"}
    assert third == {"LOWER": {"REGEX": "^x"}}


def test_phrase_patterns_and_shared_conditions() -> None:
    nlp = spacy.blank("en")
    token = {"TEXT": {"REGEX": "^[A-Z]"}}
    phrase = {"label": "ORG", "pattern": "Home Office"}
    compiled = compile_flags(nlp.vocab, [phrase, {"label": "ORG", "pattern": [token, dict(token)]}])
    assert compiled[0] == phrase
    first, second = compiled[1]["pattern"]
    assert first == second


def test_runs_out_of_flags_gracefully() -> None:
    nlp = spacy.blank("en")
    patterns = [{"label": "ORG", "pattern": [{"ORTH": {"IN": [f"w{i}"]}}]} for i in range(60)]
    compiled = compile_flags(nlp.vocab, patterns)
    assert compiled[-1] == patterns[-1]
    assert any(name.startswith("FLAG") for name in compiled[0]["pattern"][0])
