from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.segment.speakers import (
    _bracketed_name,
    has_header_shape,
    parse_speaker,
    split_role_org,
)

HEADERS = [
    (
        "Councillor Ohid Ahmed, London Borough of Tower Hamlets",
        ("Ohid Ahmed", "Councillor", "Councillor", "London Borough of Tower Hamlets", None),
    ),
    (
        "THIFF Steering Group member, Leon Silver, East London Central Synagogue",
        ("Leon Silver", None, "THIFF Steering Group member", "East London Central Synagogue", None),
    ),
    (
        "Charles Griggs, Head of Community Safety at London Borough of Tower Hamlets",
        (
            "Charles Griggs",
            None,
            "Head of Community Safety",
            "London Borough of Tower Hamlets",
            None,
        ),
    ),
    (
        "Superintendent Andy Port, Neighbourhood Policing Lead, Met Police – see Presentation 2",
        (
            "Andy Port",
            "Superintendent",
            "Neighbourhood Policing Lead",
            "Met Police",
            "see Presentation 2",
        ),
    ),
    (
        "Jane Roe – Clerk, Stoke Parish Council",
        ("Jane Roe", None, "Clerk", "Stoke Parish Council", None),
    ),
    (
        "Ms Jacqueline Murfitt (Environmental Protection Officer, West Norfolk Borough Council)",
        (
            "Jacqueline Murfitt",
            "Ms",
            "Environmental Protection Officer",
            "West Norfolk Borough Council",
            None,
        ),
    ),
    (
        "Bellwether Housing: Susan Boyd (CEO)",
        ("Susan Boyd", None, "CEO", "Bellwether Housing", None),
    ),
    (
        "Compression Dictionary Transport - Patrick Meenan (remote)",
        ("Patrick Meenan", None, None, None, None),
    ),
    ("A. Chairman [Brett]", ("Brett", None, "Chairman", None, None)),
    ("Peter King, Parish Clerk", ("Peter King", None, "Parish Clerk", None, None)),
    ("Councillor Ohid Ahmed:", ("Ohid Ahmed", "Councillor", "Councillor", None, None)),
    (
        "Dr Jane Roe, Chair, Hillside Surgery PPG",
        ("Jane Roe", "Dr", "Chair", "Hillside Surgery PPG", None),
    ),
    (
        "Dana Belmont, Executive Director of the Chief Tecumseh Club",
        ("Dana Belmont", None, "Executive Director of the Chief Tecumseh Club", None, None),
    ),
    (
        "Sam Hill, Youth Justice Service (See presentation one)",
        ("Sam Hill", None, None, "Youth Justice Service", "See presentation one"),
    ),
    (
        "Inspector Jo Bloggs, Metropolitan Police Service",
        ("Jo Bloggs", "Inspector", "Inspector", "Metropolitan Police Service", None),
    ),
    (
        "Mr Ray Thompson (Editor, Village Pump)",
        ("Ray Thompson", "Mr", "Editor", "Village Pump", None),
    ),
    (
        "Tom Adeyemi, Chief Officer, Healthwatch Northdale",
        ("Tom Adeyemi", None, "Chief Officer", "Healthwatch Northdale", None),
    ),
    (
        "Eastfield Homes: Gary Lund (Neighbourhood Officer)",
        ("Gary Lund", None, "Neighbourhood Officer", "Eastfield Homes", None),
    ),
    (
        "Jane Roe, Churchwarden, Westshire Fire Brigade",
        ("Jane Roe", None, "Churchwarden", "Westshire Fire Brigade", None),
    ),
    ("Jane Roe (Headteacher)", ("Jane Roe", None, "Headteacher", None, None)),
    ("Jane Roe, Caretaker", ("Jane Roe", None, "Caretaker", None, None)),
    (
        "Superintendent Jo Bloggs, Commander, Westshire Constabulary",
        ("Jo Bloggs", "Superintendent", "Commander", "Westshire Constabulary", None),
    ),
    ("Jane Roe – VP", ("Jane Roe", None, "VP", None, None)),
    (
        "Major Jo Bloggs, Westshire Council",
        ("Jo Bloggs", "Major", "Major", "Westshire Council", None),
    ),
    (
        "Bishop Jo Bloggs (Diocese of Northdale)",
        ("Jo Bloggs", "Bishop", "Bishop", "Diocese of Northdale", None),
    ),
    (
        "Captain Jane Roe, Westshire Fire Brigade",
        ("Jane Roe", "Captain", "Captain", "Westshire Fire Brigade", None),
    ),
    ("Jane Roe (Northdale Bowls League)", ("Jane Roe", None, None, "Northdale Bowls League", None)),
    (
        "Senator Jo Bloggs, State Parliament",
        ("Jo Bloggs", "Senator", "Senator", "State Parliament", None),
    ),
    ("Jo Bloggs (Friends of Hill Park)", ("Jo Bloggs", None, None, "Friends of Hill Park", None)),
]


@pytest.mark.parametrize(("header", "expected"), HEADERS)
def test_header_forms(header: str, expected: tuple[str | None, ...]) -> None:
    speaker = parse_speaker(header)
    assert speaker is not None
    got = (speaker.name, speaker.title, speaker.role, speaker.organisation, speaker.reference)
    assert got == expected


@pytest.mark.parametrize(
    "line",
    [
        "Presented the Tower Hamlets Community Safety Plan (See presentation one)",
        "The new Tower Hamlets Partnership Plan (2023-2028)",
        "Extracts from the presentation",
        "Coming up: The council will have legislated a responsibility",
        "Trust in the police –the police are trialling a survey tool",
        "Apologies have been received from Mr Manley, Mr Moore and Mr White",
        "Resumable Uploads",
        "Thursday, 9 November 2023",
        "Issue 2239 - server-generated token/URI or client token",
        "General Data Protection Regulation (GDPR)",
        "Exported Authenticators (#2604)",
        "Leon Silver",
        "Jo Roe, Sam Hill, Ann Lee",
        "Martin: Sam Hill (Chair)",
    ],
)
def test_lines_naming_no_speaker(line: str) -> None:
    assert parse_speaker(line) is None


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (["Parish Clerk"], ("Parish Clerk", None)),
        (["Met Police"], (None, "Met Police")),
        (["Lead", "the Met Police"], ("Lead", "Met Police")),
        (["Met Police", "Neighbourhood Lead"], ("Neighbourhood Lead", "Met Police")),
        (["Head of Safety at Tower Hamlets Council"], ("Head of Safety", "Tower Hamlets Council")),
    ],
)
def test_split_role_org(parts: list[str], expected: tuple[str | None, str | None]) -> None:
    assert split_role_org(parts) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Roe, Clerk", True),
        ("Jane Roe (Clerk)", True),
        ("Update – Jane Roe", True),
        ("Cllr Jane Roe", True),
        ("Jane Roe", False),
        ("Resumable Uploads", False),
        ("", False),
    ],
)
def test_header_shape(text: str, expected: bool) -> None:
    assert has_header_shape(text) is expected
    if not expected:
        assert parse_speaker(text) is None


_BRACKETED = re.compile(r"^(?P<topic>.*?)\s*\[(?P<name>[^\]]+)\]$")


@given(st.text(alphabet=st.sampled_from("ab []:"), max_size=30))
def test_a_bracketed_name_is_read_as_the_pattern_reads_it(raw: str) -> None:
    """The one-pass reading gives what the pattern it replaced gives (that costs n²)."""
    text = " ".join(raw.split())
    match = _BRACKETED.match(text)
    assert _bracketed_name(text) == ((match["topic"], match["name"]) if match else None)


@pytest.mark.parametrize(
    ("text", "name"), [("[" * 50_000, None), ("Budget " + "[" * 50_000 + "x]", "x")]
)
def test_a_long_run_of_brackets_is_read_in_one_pass(text: str, name: str | None) -> None:
    found = _bracketed_name(text)
    assert (found[1].lstrip("[") if found else None) == name
