from __future__ import annotations

import pytest

from extractor.parse.acronyms import (
    best_long_form,
    find_initials,
    find_pairs,
    initials_of,
    long_form_window,
    looks_like_initials,
    spells_out,
)


@pytest.mark.parametrize(
    ("text", "short", "long"),
    [
        (
            "The multi-agency Community Safety Partnership (CSP)",
            "CSP",
            "Community Safety Partnership",
        ),
        (
            "Tower Hamlets Community & Voluntary Sector ( THCVS)",
            "THCVS",
            "Tower Hamlets Community & Voluntary Sector",
        ),
        (
            "we met the CSP (Community Safety Partnership) today",
            "CSP",
            "Community Safety Partnership",
        ),
        (
            "the council are in the ADDER programme, which focuses on ‘addiction, disruption, "
            "diversion, enforcement and recovery’.",
            "ADDER",
            "addiction, disruption, diversion, enforcement and recovery",
        ),
        ("Support from the Anti-Social Behaviour (ASB) team", "ASB", "Anti-Social Behaviour"),
        ("The Youth Offending Team (YOT) met", "YOT", "Youth Offending Team"),
        ("appoint a Data Protection Officer (DPO) under", "DPO", "Data Protection Officer"),
    ],
)
def test_schwartz_hearst_pairs(text: str, short: str, long: str) -> None:
    pairs = find_pairs(text)
    assert [(p.short, p.long) for p in pairs] == [(short, long)]
    pair = pairs[0]
    assert text[pair.short_start : pair.short_end] == short
    assert text[pair.long_start : pair.long_end] == long


@pytest.mark.parametrize(
    "text",
    [
        "Pam Bullas (PB) welcomed everyone",
        "Yulia Startsev (YSV) presented",
        "Presented the Community Safety Plan (See presentation one)",
        "The new Partnership Plan (2023-2028)",
        "bring a pen (or two)",
    ],
)
def test_no_pair(text: str) -> None:
    assert find_pairs(text) == []


def test_best_long_form_is_the_shortest_suffix() -> None:
    candidate = "the multi-agency Community Safety Partnership"
    assert candidate[best_long_form("CSP", candidate) or 0 :] == "Community Safety Partnership"
    assert best_long_form("XYZ", candidate) is None


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("CSP", "Community Safety Partnership", True),
        ("THCVS", "Tower Hamlets Community & Voluntary Sector", True),
        ("CSP", "Safety Community", False),
        ("AB", "AB", False),
    ],
)
def test_spells_out(short: str, long: str, expected: bool) -> None:
    assert spells_out(short, long) is expected


@pytest.mark.parametrize(
    ("short", "words"), [("AB", 4), ("CSP", 6), ("THCVS", 10), ("ABCDEFG", 12)]
)
def test_long_form_window(short: str, words: int) -> None:
    assert long_form_window(short) == words


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("PB", "Pam Bullas", True),
        ("CSP", "Community Safety Partnership", False),
        ("ASB", "Anti-Social Behaviour", False),
        ("THCVS", "Tower Hamlets Community & Voluntary Sector", False),
        ("VRU", "Violence Reduction Unit", False),
        ("YOT", "Youth Offending Team", False),
    ],
)
def test_looks_like_initials(short: str, long: str, expected: bool) -> None:
    assert looks_like_initials(short, long) is expected


@pytest.mark.parametrize(
    ("phrase", "initials"),
    [
        ("addiction, disruption, diversion, enforcement and recovery", "adder"),
        ("Society for People with Disabilities", "spd"),
    ],
)
def test_initials_skip_minor_words(phrase: str, initials: str) -> None:
    assert initials_of(phrase) == initials


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "PRESENT:- Pam Bullas (PB), Claire Cann (CC) - Chair and Tom Foy (TF).",
            [("PB", "Pam Bullas"), ("CC", "Claire Cann"), ("TF", "Tom Foy")],
        ),
        ("appoint a Data Protection Officer (DPO) under", []),
        ("The Community Safety Partnership (CSP) met", []),
        ("a pen (or two)", []),
    ],
)
def test_find_initials(text: str, expected: list[tuple[str, str]]) -> None:
    assert find_initials(text) == expected


@pytest.mark.parametrize("text", ["Safer Neighbourhood Board SNB", "no brackets or quotes here"])
def test_text_without_a_bracket_or_quote_defines_nothing(text: str) -> None:
    assert find_pairs(text) == []
    assert find_initials(text) == []
