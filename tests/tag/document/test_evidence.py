"""Document-level evidence about names, on plain data."""

from __future__ import annotations

import pytest

from extractor.core import (
    EntityMention,
    Meeting,
    Minutes,
    Person,
    Section,
    SourceFile,
    SourceRef,
    Speaker,
)
from extractor.tag.document.evidence import (
    Evidence,
    body_openings,
    common_phrase,
    internal_department,
    key,
    lower_case_words,
    majority_labels,
    name_line,
    named_places,
    opens_body_name,
    relabel,
    resolve_person,
    structural_evidence,
    surname_place,
)


def mention(text: str, label: str = "PERSON") -> EntityMention:
    return EntityMention(text=text, label=label, start=0, end=len(text))


def test_structural_evidence_reads_speakers_and_attendees() -> None:
    minutes = Minutes(
        source=SourceFile(path="m.txt", format="txt", sha256="0" * 64),
        meeting=Meeting(),
        attendees=[Person(name="Felix Grant", organisation="Age UK")],
        sections=[
            Section(
                id="s1",
                heading="Jo Roe, Newtown Council",
                source=SourceRef(line=1),
                speaker=Speaker(name="Jo Roe", organisation="Newtown Council"),
            )
        ],
    )
    found = structural_evidence(minutes)
    assert found.people == {"felix grant", "jo roe"}
    assert found.organisations == {"age uk", "newtown council"}


def test_lower_case_words_skip_addresses() -> None:
    words = lower_case_words(["see translate.google.com and @alice", "the alcohol was stolen"])
    assert "google" not in words and "alice" not in words
    assert {"alcohol", "stolen", "the"} <= words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "plain words, Capitals and hyphen-ated ones",
            {"plain", "words", "and", "hyphen-ated", "ones"},
        ),
        ("mail jo@example.org today", {"mail", "today"}),
        ("@handle first then words", {"first", "then", "words"}),
        ("tab\t@handle and\u00a0@other here", {"tab", "and", "here"}),
        ("an email@ sign and x@ y", {"an", "email", "sign", "and", "x", "y"}),
        ("time 10:30 and ratio a:b, e.g. this", {"time", "and", "ratio", "this"}),
    ],
)
def test_lower_case_words_per_whitespace_chunk(text: str, expected: set[str]) -> None:
    assert lower_case_words([text]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Alcohol Abuse", True),
        ("Application", True),
        ("Tesco", False),
        ("Safer Alcohol Abuse Team", False),
    ],
)
def test_common_phrase(text: str, expected: bool) -> None:
    assert common_phrase(text, {"alcohol", "abuse", "application", "safer", "team"}) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Planning Services", True),
        ("NCC Planning Department", True),
        ("Westshire Fire Service", False),
        ("Planning Committee", False),
    ],
)
def test_internal_department(text: str, expected: bool) -> None:
    assert internal_department(text, {"planning"}) is expected


def test_structure_and_rules_decide_labels() -> None:
    evidence = Evidence(people={"felix grant"}, organisations={"healthwatch northmere"})
    assert (
        relabel(mention("Felix Grant", "PROGRAMME"), ruled=True, evidence=evidence, rule_labels={})
        == "PERSON"
    )
    assert (
        relabel(mention("Healthwatch Northmere"), ruled=False, evidence=evidence, rule_labels={})
        == "ORG"
    )
    assert (
        relabel(
            mention("Tesco", "PLACE"),
            ruled=False,
            evidence=Evidence(),
            rule_labels={"tesco": "ORG"},
        )
        == "PLACE"
    )
    assert (
        relabel(mention("Tesco"), ruled=False, evidence=Evidence(), rule_labels={"tesco": "ORG"})
        == "ORG"
    )


def test_majority_label_of_model_mentions() -> None:
    votes = majority_labels(
        [
            (mention("Google", "PLACE"), False),
            (mention("Google", "ORG"), False),
            (mention("Google", "ORG"), False),
        ]
    )
    assert votes == {"google": "ORG"}


@pytest.mark.parametrize(
    ("text", "label", "canonical"),
    [
        ("Mehta", "PERSON", "Anjali Mehta"),
        ("Vinit", "ORG", "Vinit Kumar"),
        ("Kumar", "PLACE", "Vinit Kumar"),
    ],
)
def test_short_forms_point_at_the_full_name(text: str, label: str, canonical: str) -> None:
    people = {"mehta": ["Anjali Mehta"], "vinit": ["Vinit Kumar"], "kumar": ["Vinit Kumar"]}
    found = mention(text, label)
    assert resolve_person(found, people, ruled=False)
    assert (found.label, found.canonical) == ("PERSON", canonical)


def test_ambiguous_short_form_stays_as_written() -> None:
    found = mention("Smith")
    assert resolve_person(found, {"smith": ["Jo Smith", "Al Smith"]}, ruled=False)
    assert found.canonical is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leona So", True),
        ("Vinit Kumar", True),
        ("Board members", False),
        ("Jo", False),
        ("Team Members", False),
        ("Apologies Received", False),
    ],
)
def test_name_line(text: str, expected: bool) -> None:
    assert name_line(text) is expected


def test_key_folds_case_and_apostrophes() -> None:
    assert key("St Aidan’s  Church") == key("st aidan's church")


def test_key_folds_opening_quotes_and_no_break_spaces() -> None:
    assert key("‘Safer\u00a0Streets’") == key("'safer streets'")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Lower Fenwick", True),
        ("Aster Hive", True),
        ("Jo Smith", False),
        ("Kellingford", False),
        ("David Smith", False),
    ],
)
def test_opens_body_name(name: str, expected: bool) -> None:
    names = [
        mention("David Lloyd Club", "ORG"),
        mention("David Lloyd Leisure", "ORG"),
        mention("Lower Fenwick Community Car Scheme", "PROGRAMME"),
        mention("Aster Cloud", "ORG"),
        mention("Aster Lens Project", "PROGRAMME"),
        mention("Kellingford Council", "ORG"),
        mention("Jo Smith", "PERSON"),
    ]
    assert opens_body_name(name, body_openings(names)) is expected


def test_named_places_of_bodies() -> None:
    names = [
        mention("London Borough of Kellingford", "ORG"),
        mention("Borough Council of King’s Lynn and West Norfolk", "ORG"),
        mention("City of York Council", "ORG"),
        mention("University of Leeds", "ORG"),
        mention("Department of Health", "ORG"),
        mention("Friends of Hill Park", "PERSON"),
    ]
    assert named_places(names) == {"kellingford", "king's lynn", "west norfolk", "york", "leeds"}


@pytest.mark.parametrize(
    ("text", "lower", "expected"),
    [
        ("Ashcombe Park", {"park"}, True),
        ("Jenny Park", set(), False),
        ("Park", {"park"}, False),
        ("Ferry Feed Mill", {"mill"}, True),
        ("Jo Smith", {"smith"}, False),
        ("John Hall", {"hall"}, False),
    ],
)
def test_surname_place(text: str, lower: set[str], expected: bool) -> None:
    assert surname_place(text, lower) is expected


def test_relabel_takes_the_label_decided_so_far() -> None:
    tesco = mention("Tesco", "PLACE")
    rules = {"tesco": "PROGRAMME"}
    assert relabel(tesco, ruled=False, evidence=Evidence(), rule_labels=rules) == "PLACE"
    assert (
        relabel(tesco, ruled=False, evidence=Evidence(), rule_labels=rules, label="ORG")
        == "PROGRAMME"
    )


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["see a.b here", "a.b"], {"see", "here"}),
        (["word twice", "word once"], {"word", "twice", "once"}),
        (["mail jo@x.org", "jo@x.org again and jo"], {"mail", "again", "and", "jo"}),
        (["https://x.org/path,then", "then"], {"then"}),
    ],
)
def test_lower_case_words_over_several_texts(texts: list[str], expected: set[str]) -> None:
    assert lower_case_words(texts) == expected


def test_lower_case_words_keep_texts_apart() -> None:
    assert lower_case_words(["ends with-", "start", "see a.b", "x"]) == {
        "ends",
        "with-",
        "start",
        "see",
        "x",
    }
