from __future__ import annotations

import pytest

from extractor.segment.attendees import (
    is_apology_sentence,
    is_people_line,
    labelled_parts,
    list_label,
    parse_people,
)


@pytest.mark.parametrize(
    ("line", "kind", "names"),
    [
        ("Present: Dan, David, Tess", "attendees", ["Dan", "David", "Tess"]),
        (
            "PRESENT (Seven Councillors):- Pam Bullas (PB), Claire Cann (CC) - Chair"
            " and Tom Foy (TF).",
            "attendees",
            ["Pam Bullas", "Claire Cann", "Tom Foy"],
        ),
        (
            "In attendance: Peter King, Parish Clerk, and 6 members of the public.",
            "attendees",
            ["Peter King"],
        ),
        ("Attendees: Ms Jo Roe (Clerk); Cllr Sam Hill", "attendees", ["Jo Roe", "Sam Hill"]),
        ("Apologies: Mr Manley and Mr White", "apologies", ["Manley", "White"]),
        ("Regrets: Alice", "apologies", ["Alice"]),
        (
            "Apologies were received from Councillor Brian Long. No other apologies.",
            "apologies",
            ["Brian Long"],
        ),
        (
            "Those Attending Mrs M Leamon, Mr J Nicholas-Letch, 5 members of the public",
            "attendees",
            ["M Leamon", "J Nicholas-Letch"],
        ),
        ("Board members in attendance were:", "attendees", []),
        ("Directors Absent: none", "absent", []),
    ],
)
def test_attendee_line_forms(line: str, kind: str, names: list[str]) -> None:
    label = list_label(line)
    assert label is not None and label[0] == kind
    assert [p.name for p in parse_people(label[1])] == names


@pytest.mark.parametrize(
    "line", ["Coming up: the council", "Date: 23 January 2012", "Notetakers: Jo Roe"]
)
def test_not_attendance_labels(line: str) -> None:
    assert list_label(line) is None


def test_role_and_organisation_from_brackets() -> None:
    (person,) = parse_people(
        "Ms Jacqueline Murfitt (Environmental Protection Officer, King's Lynn Borough Council)"
    )
    assert (person.name, person.role, person.organisation) == (
        "Jacqueline Murfitt",
        "Environmental Protection Officer",
        "King's Lynn Borough Council",
    )


def test_initials_are_not_a_role_and_org_prefix_applies_to_all() -> None:
    assert parse_people("Pam Bullas (PB)")[0].role is None
    people = parse_people("Bellwether Housing: Susan Boyd (CEO), Richard Loo (Director)")
    assert [(p.name, p.role, p.organisation) for p in people] == [
        ("Susan Boyd", "CEO", "Bellwether Housing"),
        ("Richard Loo", "Director", "Bellwether Housing"),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Mr Matthew Ferrie (Parish Council representative)", True),
        ("Antoine du Hamel @aduh95 (voting member)", True),
        ("Mr Thompson said that the length of the minutes had been raised", False),
        ("Apologies", False),
        ("Prof. Amira Haddad, Chair", True),
        ("Rev. Tom Hale and Cllr. Ann Lee", True),
        ("The vote was lost. Members noted it", False),
    ],
)
def test_people_line(line: str, expected: bool) -> None:
    assert is_people_line(line) is expected


def test_apology_sentence() -> None:
    assert is_apology_sentence("Apologies have been received from Mr Manley.")
    assert not is_apology_sentence("Apologies: Mr Manley")


@pytest.mark.parametrize(
    ("line", "people"),
    [
        (
            "Director, Community and Culture (Mr. G. Daly), Administrator, Roads (Ms. A. Lenihan)",
            [
                ("G. Daly", "Director, Community and Culture"),
                ("A. Lenihan", "Administrator, Roads"),
            ],
        ),
        ("Jo Roe (Chair), Sam Hill (Clerk)", [("Jo Roe", "Chair"), ("Sam Hill", "Clerk")]),
    ],
)
def test_role_first_entries_with_titled_names_in_brackets(
    line: str, people: list[tuple[str, str]]
) -> None:
    assert [(p.name, p.role) for p in parse_people(line)] == people


@pytest.mark.parametrize(
    ("line", "person"),
    [
        (
            "Jon Kettering, Director of Nursing, Northvale ICB",
            ("Jon Kettering", "Director of Nursing", "Northvale ICB"),
        ),
        ("Louise Grant, Healthwatch Northvale", ("Louise Grant", None, "Healthwatch Northvale")),
        ("Sam Hill, Westshire County Council", ("Sam Hill", None, "Westshire County Council")),
        ("Amira Haddad, Chair", ("Amira Haddad", "Chair", None)),
    ],
)
def test_name_role_and_body_separated_by_commas(
    line: str, person: tuple[str, str | None, str | None]
) -> None:
    [found] = parse_people(line)
    assert (found.name, found.role, found.organisation) == person


def test_a_list_of_plain_names_stays_a_list_of_people() -> None:
    assert [p.name for p in parse_people("Jane Roe, John Doe, Ann Lee")] == [
        "Jane Roe",
        "John Doe",
        "Ann Lee",
    ]


def test_one_line_can_hold_attendees_and_the_absent() -> None:
    parts = labelled_parts("attendees", "Greg Haines, Tom Yu. Absent: Council Member Ruth Abbott.")
    assert parts == [
        ("attendees", "Greg Haines, Tom Yu."),
        ("absent", "Council Member Ruth Abbott."),
    ]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Council Members Greg Haines and Maria Delgado", ["Greg Haines", "Maria Delgado"]),
        ("Board Member Ann Lee, Trustee Sam Hill", ["Ann Lee", "Sam Hill"]),
    ],
)
def test_membership_words_before_names_are_dropped(line: str, names: list[str]) -> None:
    assert [p.name for p in parse_people(line)] == names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Roe, Prof. Ann Lee, Cllr. Bob Hay", True),
        ("Jane Roe, Mrs. Ann Lee", True),
        ("The meeting opened. Jane Roe chaired", False),
        ("Jane Roe and others attended. Bob Hay left", False),
    ],
)
def test_title_stops_are_no_sentence_breaks(text: str, expected: bool) -> None:
    assert is_people_line(text) is expected
