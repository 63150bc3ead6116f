"""Name-shape patterns on a blank pipeline (rules only)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.tag.load import load_nlp
from extractor.tag.patterns.shapes import shape_patterns


@pytest.fixture(scope="module")
def blank() -> Language:
    return load_nlp("blank")


def ents(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a grant from the Department for Education today", ("Department for Education", "ORG")),
        (
            "written to Borough Council of King’s Lynn and West Norfolk about it",
            ("Borough Council of King’s Lynn and West Norfolk", "ORG"),
        ),
        ("Friends of Hill Park met", ("Friends of Hill Park", "ORG")),
        ("an account with Bank of America", ("Bank of America", "ORG")),
        (
            "from Catholic Community Services of Western Washington",
            ("Catholic Community Services of Western Washington", "ORG"),
        ),
        (
            "a letter from the Office of the Traffic Commissioner",
            ("Office of the Traffic Commissioner", "ORG"),
        ),
        (
            "Leanne (Hensworth Council for Voluntary Service)",
            ("Hensworth Council for Voluntary Service", "ORG"),
        ),
        ("the Eastside Tenants' Network said", ("Eastside Tenants' Network", "ORG")),
        ("Beckett Park Residents’ Association", ("Beckett Park Residents’ Association", "ORG")),
        (
            "Invoice from Greenways Grounds Maintenance Ltd",
            ("Greenways Grounds Maintenance Ltd", "ORG"),
        ),
        ("Acme Widgets plc reported", ("Acme Widgets plc", "ORG")),
        ("Healthwatch Northmere presented", ("Healthwatch Northmere", "ORG")),
        (
            "the Westshire Local Transport Plan runs",
            ("Westshire Local Transport Plan", "PROGRAMME"),
        ),
        ("the Safer Neighbourhoods initiative", ("Safer Neighbourhoods initiative", "PROGRAMME")),
        (
            "under the Family Hubs and Start for Life programme.",
            ("Family Hubs and Start for Life programme", "PROGRAMME"),
        ),
        (
            "the Universal Infant Free School Meals grant for 2023/24",
            ("Universal Infant Free School Meals grant", "PROGRAMME"),
        ),
        ("bids to the Household Support fund", ("Household Support fund", "PROGRAMME")),
        (
            "projects in the Hartwell Town Centre Masterplan",
            ("Hartwell Town Centre Masterplan", "PROGRAMME"),
        ),
        ("as the Localism Act 2011 allows", ("Localism Act 2011", "PROGRAMME")),
        ("Community Infrastructure Levy receipts", ("Community Infrastructure Levy", "PROGRAMME")),
        ("follow the ACAS Code of Practice now", ("ACAS Code of Practice", "PROGRAMME")),
        (
            "the links to ACAS Code of Practice of Disciplinary and Grievance Procedures was",
            ("ACAS Code of Practice of Disciplinary and Grievance Procedures", "PROGRAMME"),
        ),
        (
            "under the Code of Practice on Noise and Vibration Control for",
            ("Code of Practice on Noise and Vibration Control", "PROGRAMME"),
        ),
        (
            "MINUTES OF THE WEST DEREHAM ANNUAL PARISH COUNCIL MEETING",
            ("PARISH COUNCIL", "ORG"),
        ),
    ],
)
def test_body_and_programme_shapes(blank: Language, text: str, expected: tuple[str, str]) -> None:
    assert expected in ents(blank, text)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Cllr Imran Siddiqui (Northmere Council)", "Imran Siddiqui"),
        ("PCSO Eugenia Venour met residents", "Eugenia Venour"),
        ("Ms Murfitt read a letter", "Murfitt"),
        ("Dr J. Smith chaired", "J. Smith"),
        ("Revd Thomas Okafor, St Barnabas Church", "Thomas Okafor"),
        ("Chief Inspector Smith said", "Smith"),
        ("Councillors Foley, Galvin and Ruddle attended", "Foley"),
        ("Baroness Helena Kennedy spoke", "Helena Kennedy"),
    ],
)
def test_title_and_name_is_a_person_without_the_title(
    blank: Language, text: str, person: str
) -> None:
    assert (person, "PERSON") in ents(blank, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Review of Parish Council", "Review of Parish Council"),
        ("Strategy Division Newtown Council", "Strategy Division Newtown Council"),
        ("Senior Strategy and Policy Officer", "Senior Strategy"),
        ("Annual Parish Council Meeting", "Annual Parish Council"),
        ("Director of Children’s Services", "Children’s Services"),
        ("Mr Chairman thanked everyone", "Chairman"),
        ("17. Open Forum There were no questions", "Open Forum"),
        ("with Open Surgery from 7.00pm", "Open Surgery"),
        ("follow the Code of Practice.", "Code of Practice"),
        ("Project Status", "Project Status"),
        ("the Chief Executive said", "Executive"),
        ("the Project Management Committee (PMC)", "Project Management"),
        ("the Youth Council scheme", "Youth Council scheme"),
        ("- [Executive Director Board Summary](https://x.org)", "Executive Director Board"),
    ],
)
def test_shapes_do_not_swallow_roles_and_headings(blank: Language, text: str, absent: str) -> None:
    assert absent not in [t for t, _ in ents(blank, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leaders from Chief Tecumseh Club spoke", ("Chief Tecumseh Club", "ORG")),
        ("the Sir John Cass Foundation", ("Sir John Cass Foundation", "ORG")),
        ("reports under Project Kraken", ("Project Kraken", "PROGRAMME")),
        ("as part of Operation Sceptre", ("Operation Sceptre", "PROGRAMME")),
        (
            "from the Chief Executive of Harborough District Council were",
            ("Harborough District Council", "ORG"),
        ),
        ("the Health and Safety Executive said", ("Health and Safety Executive", "ORG")),
    ],
)
def test_named_after_a_title_and_named_operations(
    blank: Language, text: str, expected: tuple[str, str]
) -> None:
    assert expected in ents(blank, text)


def test_every_shape_has_a_known_label_and_tokens() -> None:
    patterns = shape_patterns()
    assert {p["label"] for p in patterns} == {"ORG", "PROGRAMME", "PERSON", "PLACE"}
    assert all(isinstance(p["pattern"], list) and p["pattern"] for p in patterns)
