"""Judging statistical spans: spans set by hand on a blank pipeline stand in for the model's."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractor.tag.load import load_nlp


@pytest.fixture(scope="module")
def blank() -> Language:
    return load_nlp("blank")


def judge(nlp: Language, text: str, span: str, label: str) -> list[tuple[str, str]]:
    """Run the fixer on ``text`` with ``span`` set as a statistical entity of ``label``."""
    doc = nlp.make_doc(text)
    start = text.index(span)
    ent = doc.char_span(start, start + len(span), label=label, alignment_mode="expand")
    assert ent is not None
    doc.ents = [ent]
    doc = nlp.get_pipe("minutes_entities")(doc)
    return [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "Catherine Holmes: Reply to Adam",
            "Catherine Holmes: Reply",
            ("Catherine Holmes", "PERSON"),
        ),
        ("Clerk: Peter King - Email: x", "Peter King - Email", ("Peter King", "PERSON")),
        ("A resident of Mill Lane raised", "Mill Lane", ("Mill Lane", "PLACE")),
        ("around Brookfield station.", "Brookfield", ("Brookfield", "PLACE")),
        ("in the village of Magdalene, there", "Magdalene", ("Magdalene", "PLACE")),
        ("sessions at St Aidan’s restart", "St Aidan", ("St Aidan", "PLACE")),
        ("funds Harbour Lane Women’s Aid, which", "Harbour Lane Women’s Aid", None),
        ("Inspector Cant from Downham Market Police", "Ca", ("Cant", "PERSON")),
    ],
)
def test_person_spans(
    blank: Language, text: str, span: str, expected: tuple[str, str] | None
) -> None:
    found = judge(blank, text, span, "PERSON")
    if expected is None:
        assert found == [(span, "ORG")]
    else:
        assert found == [expected]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The Clerk has applied", "Clerk"),
        ("Agenda: item one", "Agenda"),
        ("near the waste bin, all", "waste bin"),
        ("The Parish Clerk commented", "Parish Clerk"),
        ("in the May edition", "May"),
        ("Board Chief Executive", "Executive"),
        ("I click link to Die Zeitung, why", "Die Zeitung"),
        ("St Andrew’s Churchwarden reported", "St Andrew’s Churchwarden"),
        ("Abdera Status was discussed", "Abdera Status"),
        ("filed it in Jira yesterday", "Jira"),
        ("a Hackathon in May", "Hackathon"),
        ("with Integrated Javascript now", "Integrated Javascript"),
        ("released the Maven Failsafe Plugin", "Maven Failsafe Plugin"),
    ],
)
def test_person_spans_dropped(blank: Language, text: str, span: str) -> None:
    assert judge(blank, text, span, "PERSON") == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Margaret Ellison | Chair; Cabinet Member", "Cabinet"),
        (
            "Daniel Kowalski, Neighbourhood Policing Inspector, Met",
            "Neighbourhood Policing Inspector",
        ),
        ("Helen Marsh, Community Safety Manager at X", "Community Safety"),
        ("Director of Children’s Services", "Children’s Services"),
        ("(see Presentation 1).", "Presentation 1"),
        ("dealing with the Certificate of Lawful Use.", "Certificate of Lawful Use"),
        ("other Matters Arising items", "Matters Arising"),
        ("The flow chart: https://example.org/a.html", "https://example.org/a.html"),
        ("Substance Misuse & Criminal Justice", "Substance Misuse & Criminal Justice"),
        ("IntersectionObserver V2 - @dbaron", "IntersectionObserver V2"),
        ("CSS Properties and Values API Level 1", "CSS Properties"),
        ("Post CfP for DjangoCon Europe 2025", "DjangoCon Europe"),
        ("tickets for the Westshire Digital Summit", "Westshire Digital Summit"),
        ("See the DSF Individual Membership FAQ.", "DSF Individual Membership FAQ"),
        ("written to the Floods Department at Norfolk County Council", "Floods Department"),
        ("through its use of Google Translate?", "Google Translate"),
        ("online via Microsoft Teams", "Microsoft Teams"),
        ("released the Maven Compiler Plugin", "Maven Compiler Plugin"),
        (
            "the Borough Council Environmental Protection Office and",
            "Borough Council Environmental Protection Office",
        ),
        ("meets at 10:30am Pacific", "10:30am Pacific"),
        ("the answer is N", "N"),
        ("more like Java than Groovy", "Java than Groovy"),
        ("VP Brand Management reported", "VP Brand Management"),
        ("the median income (Area Median Income) is", "Area Median Income"),
        ("written in Python today", "Python"),
        ("Board of Directors Meeting Minutes", "Board of Directors Meeting Minutes"),
        ("E.g. Randomo was used", "E.g. Randomo"),
        ("the Joint agreed", "Joint"),
        ("the Unit 1 Test Case results", "Unit 1 Test Case"),
        ("the URLPattern proposal", "URLPattern"),
        ("Mr Dan Oduya (Headteacher) reported", "Headteacher"),
        ("Role", "Role"),
        ("and Client Organizer submitted", "Client Organizer"),
    ],
)
def test_org_spans_dropped(blank: Language, text: str, span: str) -> None:
    assert judge(blank, text, span, "ORG") == []


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("thanked the Marlow Road Community Centre team", "Marlow Road Community Centre", "PLACE"),
        ("call the Control Room on 020", "Control Room", "PLACE"),
        ("opening in Eastgate on 4 March", "Eastgate", "PLACE"),
        ("at THCVS offices, Bethnal Green", "Bethnal Green", "PLACE"),
        ("lower than those measured in King's Lynn and", "King's Lynn", "PLACE"),
        ("a McDonald Foundation grant", "McDonald Foundation", "ORG"),
        ("an account with Acme Bank in Leeds", "Acme Bank", "ORG"),
        ("11.6 Westshire Housing Trust", "11.6 Westshire Housing Trust", "ORG"),
        ("B. Aster Legal Affairs Committee", "B. Aster Legal Affairs Committee", "ORG"),
        ("an incident in Creeslough, Co. Wicklow last", "Creeslough, Co. Wicklow", "PLACE"),
        (
            "Norfolk County Council Highways Department (NCC-HD)",
            "Norfolk County Council Highways Department",
            "ORG",
        ),
        ("Susan Boyd, CEO of BH, talked", "BH", "ORG"),
        ("the Children’s Safeguarding Executive met", "Children’s Safeguarding Executive", "ORG"),
        ("Jo Roe, Founder of Acme Widgets, said", "Acme Widgets", "ORG"),
    ],
)
def test_org_spans_relabelled_or_trimmed(
    blank: Language, text: str, span: str, expected: str
) -> None:
    found = judge(blank, text, span, "ORG")
    assert [label for _, label in found] == [expected]
    assert not found[0][0].startswith(("11.6", "B."))


def test_rule_spans_are_not_judged(blank: Language) -> None:
    assert ("Friends of Hill Park", "ORG") in [
        (e.text, e.label_) for e in blank("Friends of Hill Park").ents
    ]


def test_heading_word_is_trimmed_from_an_action(blank: Language) -> None:
    assert judge(blank, "Katie: Update Foundation page", "Update Foundation", "ORG") == []


def test_a_list_letter_stays_on_a_person(blank: Language) -> None:
    assert judge(blank, "J. Smith said", "J. Smith", "PERSON") == [("J. Smith", "PERSON")]
