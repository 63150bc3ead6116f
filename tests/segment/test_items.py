from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.core import Block, BlockKind, Origin
from extractor.segment import items
from extractor.segment.items import (
    _has_contact,
    classify,
    is_signature_line,
    is_transcript,
    make_item,
    opens_decision,
    utterance_prefix,
)


def block(text: str, kind: BlockKind = "paragraph", *, numbered: bool = False) -> Block:
    marker = ("1." if numbered else "·") if kind == "list_item" else None
    return Block(text=text, kind=kind, origin=Origin(line=3), marker=marker, numbered=numbered)


BULLET = block("A point", "list_item")


@pytest.mark.parametrize(
    ("b", "following", "transcript", "kind"),
    [
        (block("A point", "list_item"), None, False, "bullet"),
        (block("Tackling crime", "list_item", numbered=True), None, False, "numbered"),
        (block("Plain statement."), None, False, "paragraph"),
        (block("The plan has the following priorities:"), BULLET, False, "lead_in"),
        (block("Extracts from the presentation"), BULLET, False, "caption"),
        (block("Figure 1: Analysis of complaints"), None, False, "caption"),
        (block("ACTION: Clerk to write to the council"), None, False, "action"),
        (block("Decision: the budget was approved"), None, False, "decision"),
        (block("RESOLVED that the accounts be adopted."), None, False, "decision"),
        (block("It was agreed by all that CC chairs."), None, False, "decision"),
        (block("MBS: Can we get consensus?"), None, True, "utterance"),
        (block("MBS: Can we get consensus?"), None, False, "paragraph"),
        (block("Coming up: the Duty starts"), None, True, "paragraph"),
        (
            Block("a | b", "table_row", Origin(paragraph=2), cells=("a", "b")),
            None,
            False,
            "table_row",
        ),
    ],
)
def test_item_kinds(b: Block, following: Block | None, transcript: bool, kind: str) -> None:
    assert classify(b, following=following, transcript=transcript) == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mike Bishop: understands sorting", ("Mike Bishop", "understands sorting")),
        ("dbaron: more OK with this", ("dbaron", "more OK with this")),
        ("MB: Seems beyond the scope", ("MB", "Seems beyond the scope")),
        ("Note: bring papers", None),
        ("Action: Jo to call", None),
        ("3.1 Finance: A proposal was made", None),
        ("Comment in chat from Robin: hello", None),
    ],
)
def test_utterance_prefix(text: str, expected: tuple[str, str] | None) -> None:
    assert utterance_prefix(text) == expected


def test_transcript_needs_several_lines() -> None:
    lines = [block(f"Martin: point {n}") for n in range(3)]
    assert is_transcript(lines) and not is_transcript(lines[:2])


def test_utterance_item_carries_speaker_and_text() -> None:
    item = make_item(block("Marius: yes, maybe"), item_id="s1.i1", following=None, transcript=True)
    assert item.kind == "utterance" and item.text == "yes, maybe"
    assert item.speaker is not None and item.speaker.name == "Marius"
    assert item.source.line == 3


def test_list_item_keeps_marker_and_level() -> None:
    b = Block("Deep point", "list_item", Origin(paragraph=4), level=2, marker="a)", numbered=True)
    item = make_item(b, item_id="s2.i3", following=None, transcript=False)
    assert (item.kind, item.marker, item.level, item.source.paragraph) == ("numbered", "a)", 2, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Signed: ______________", True),
        ("Chairman’s signature ………………… Date …………………", True),
        ("Dated:", True),
        ("Jo Roe", True),
        ("Cathaoirleach", True),
        ("Clerk: Jo Roe - Email: clerk@example.org Telephone: 01234 567890", True),
        ("This concluded the meeting.", False),
        ("Rachel Ng: I will circulate the draft.", False),
        ("The meeting closed at 8.05pm.", False),
    ],
)
def test_signature_lines(text: str, expected: bool) -> None:
    assert is_signature_line(text) is expected


def _chars_matching(letters: str, flags: int) -> set[str]:
    pattern = re.compile(f"[{letters}]", flags)
    chars = (chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    return set(filter(pattern.fullmatch, chars))


@pytest.mark.parametrize(
    ("initials", "letters", "flags"),
    [
        (items._ACTION_INITIALS, "at", re.IGNORECASE),
        (items._DECISION_INITIALS, "droa", re.IGNORECASE),
        (items._DECISION_INITIALS, "RI", 0),
    ],
)
def test_initials_hold_every_character_the_patterns_can_open_with(
    initials: frozenset[str], letters: str, flags: int
) -> None:
    assert _chars_matching(letters, flags) <= initials


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RESOLVED that the accounts be approved", True),
        ("Resolved, that the clerk writes", True),
        ("It was agreed to meet again", True),
        ("resolved that lower case is no opening", False),
        ("The council RESOLVED to act", False),
        ("", False),
    ],
)
def test_opens_decision(text: str, expected: bool) -> None:
    assert opens_decision(text) is expected


_OLD_CONTACT = re.compile(r"\S+@\S+\.\w+|\b(?:tel|telephone|phone|mobile)\b\W", re.IGNORECASE)


@given(st.text(alphabet=st.sampled_from("ab@.: \tTel"), max_size=40))
def test_contact_detection_reads_as_the_whole_line_pattern_did(text: str) -> None:
    """Token by token, as the pattern it replaced (quadratic on a long run) matched."""
    assert _has_contact(text) == (_OLD_CONTACT.search(text) is not None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [(":" * 40_000 + "@x.org", False), ("Clerk: Jo Roe - Email: clerk@x.org", True)],
)
def test_contact_detection_on_long_and_real_lines(text: str, expected: bool) -> None:
    assert _has_contact(text) is expected
