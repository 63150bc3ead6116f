from __future__ import annotations

import pytest

from extractor.parse.names import (
    is_org_like,
    is_person,
    is_role_like,
    starts_with_office,
    take_name,
)


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Councillor Ohid Ahmed", "Ohid Ahmed", "Councillor"),
        ("Acting Superintendent P. Brennan", "P. Brennan", "Acting Superintendent"),
        ("Antoine du Hamel", "Antoine du Hamel", None),
        ("Mr Manley", "Manley", "Mr"),
        ("Kátia Nakamura", "Kátia Nakamura", None),
        ("Ms. A. Lenihan", "A. Lenihan", "Ms."),
        ("Kevin A. McGrail", "Kevin A. McGrail", None),
        ("Glenn ten Cate", "Glenn ten Cate", None),
        ("Sorcha mac Lochlainn", "Sorcha mac Lochlainn", None),
        ("José Ortega y Gasset", "José Ortega y Gasset", None),
    ],
)
def test_person_names(text: str, name: str, title: str | None) -> None:
    found = is_person(text)
    assert found is not None and (found.name, found.title) == (name, title)


@pytest.mark.parametrize(
    "text",
    ["Tower Hamlets Council", "THIFF Steering Group member", "The new plan", "Manley", "Mr N."],
)
def test_not_person_names(text: str) -> None:
    assert is_person(text) is None


def test_single_name_allowed_on_request() -> None:
    found = take_name("Tess", allow_single=True)
    assert found is not None and found.name == "Tess"


def test_lexicons() -> None:
    assert is_org_like("East London Central Synagogue") and not is_org_like("Leon Silver")
    assert is_role_like("Senior Policy Officer") and not is_role_like("Met Police")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Cllr Amy Chen", True), ("dr. Roe", True), ("Amy Chen", False), ("", False), ("Cllr:", True)],
)
def test_starts_with_office(text: str, expected: bool) -> None:
    assert starts_with_office(text) is expected
