"""Names that say only what kind of thing they are."""

from __future__ import annotations

import pytest

from extractor.tag.document.generic import generic_body, generic_plan, no_place


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Neighbourhood Plan", True),
        ("Project Plan", True),
        ("Integration Test Plan", True),
        ("Business Continuity Plan", True),
        ("Hollowmere Neighbourhood Plan", False),
        ("Tower Hamlets Partnership Plan", False),
        ("Action Fund", False),
        ("Plan", False),
    ],
)
def test_generic_plan(text: str, expected: bool) -> None:
    assert generic_plan(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sub Committee", True),
        ("Working Group", True),
        ("Joint Steering Group", True),
        ("Fellowship Working Group", False),
        ("Parish Council", False),
        ("Committee", False),
    ],
)
def test_generic_body(text: str, expected: bool) -> None:
    assert generic_body(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("south village", True),
        ("Policy", True),
        ("Village Hall Report", True),
        ("LA Governor", True),
        ("Mill Lane", False),
        ("Downham Market", False),
    ],
)
def test_no_place(text: str, expected: bool) -> None:
    assert no_place(text) is expected
