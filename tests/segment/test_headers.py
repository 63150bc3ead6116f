from __future__ import annotations

import re

import pytest

from extractor.core import Block, BlockKind, Origin
from extractor.segment import headers
from extractor.segment.headers import (
    find_headers,
    is_agenda_topic,
    numbered_title,
    speaker_header,
    toc_lines,
)


def b(text: str, kind: BlockKind = "paragraph", **kw: object) -> Block:
    return Block(text, kind, Origin(line=1), **kw)  # type: ignore[arg-type]


def headings(blocks: list[Block]) -> list[str]:
    return [h.heading for h in find_headers(blocks, list(range(len(blocks))))]


def test_speaker_lines_make_topic_lines_items() -> None:
    blocks = [
        b("Abidah Kamali, Senior Policy Officer, Tower Hamlets Council"),
        b("The new Tower Hamlets Partnership Plan (2023-2028)"),
        b("A point", "list_item", marker="•"),
    ]
    assert headings(blocks) == ["Abidah Kamali, Senior Policy Officer, Tower Hamlets Council"]


def test_numbered_agenda_titles_open_sections_but_short_lists_do_not() -> None:
    blocks = [
        b("4.1 Playing Field Report"),
        b("Trudy Mann gave a brief outline."),
        b("4.2 Community Car Scheme"),
        b("The scheme had been running for 8 months."),
        b("Tackling crime", "list_item", marker="1.", numbered=True),
        b("Reducing reoffending", "list_item", marker="2.", numbered=True),
    ]
    assert headings(blocks) == ["4.1 Playing Field Report", "4.2 Community Car Scheme"]


def test_headings_win_and_name_presenters() -> None:
    blocks = [b("Cookies - Steven Bingler", "heading", level=3), b("Text.")]
    (header,) = find_headers(blocks, [0, 1])
    assert header.speaker is not None and header.speaker.name == "Steven Bingler"


def test_bold_paragraphs_without_other_headers() -> None:
    blocks = [b("Finance", bold=True), b("Text."), b("Any Other Business", bold=True), b("None.")]
    assert headings(blocks) == ["Finance", "Any Other Business"]


def test_numbered_title_and_speaker_header_rules() -> None:
    assert numbered_title(b("9.1 Chairman’s Report -")) == (2, "9.1", "Chairman’s Report")
    assert numbered_title(b("3.1 Finance: A proposal was made. It was agreed.")) is None
    assert speaker_header(b("Monday 31 January 2023, 6-8pm at Bethnal Green")) is None
    assert speaker_header(b("Jo Roe, Clerk", "list_item")) is None


@pytest.mark.parametrize(
    ("topic", "opens"),
    [
        ("Any other business", True),
        ("AOB", True),
        ("Matters arising:", True),
        ("Declarations of interest", True),
        ("Minutes of the previous meeting", True),
        ("Any other business was deferred to the next meeting.", False),
        ("Finance", False),
    ],
)
def test_standard_agenda_topics_open_sections_beside_speaker_headers(
    topic: str, opens: bool
) -> None:
    blocks = [
        b("Jo Roe, Chair, Eastfield Residents’ Association"),
        b("A point", "list_item", marker="•"),
        b(topic),
        b("Another point", "list_item", marker="•"),
    ]
    assert (topic in headings(blocks)) is opens
    assert is_agenda_topic(b(topic)) is opens


def test_a_lone_agenda_topic_does_not_make_sections() -> None:
    assert headings([b("Any other business"), b("None.")]) == []


def agenda(*middle: Block) -> list[Block]:
    return [
        b("5. Noise"),
        b("There were no further comments on this matter at all."),
        b("6. Any other business"),
        *middle,
        b("7. Close"),
    ]


PROSE = "Several members felt that the purpose of the meeting should be discussed."


@pytest.mark.parametrize(
    ("line", "opens"),
    [
        ("Vacancy for Village Representative", True),
        ("The term “justified complaint”", True),
        ("No matters raised", False),
        ("Total £1,701.22 £38.82", False),
        ("Figure 1: Analysis of complaints", False),
        ("Jo Roe", False),
        ("A short remark.", False),
    ],
)
def test_topic_lines_between_numbered_agenda_items(line: str, opens: bool) -> None:
    found = headings(agenda(b(line, gap_before=True), b(PROSE)))
    assert (line in found) is opens
    assert "6. Any other business" in found


def test_topic_lines_need_a_gap_and_prose_after() -> None:
    assert "Permit application" not in headings(agenda(b("Permit application"), b(PROSE)))
    short = agenda(b("Permit application", gap_before=True), b("None."))
    assert "Permit application" not in headings(short)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["A. Finance", "Text here.", "B. Staffing", "Text."], ["A.", "B."]),
        (["A. Finance", "Text here.", "P. Taylor Goetz (ptg):", "Text."], ["A."]),
        (
            [
                "Intro text.",
                "a) The community is adding features",
                "b) Jo Roe made a logo. It is new.",
            ],
            [],
        ),
    ],
)
def test_lettered_titles_follow_their_sequence(lines: list[str], expected: list[str]) -> None:
    blocks = [b("1. Reports"), b("Several reports were received."), *[b(t) for t in lines]]
    found = [h.split()[0] for h in headings(blocks)[1:]]
    assert found == expected


@pytest.mark.parametrize(
    ("contents", "expected"),
    [
        (["Cookies - Jo Roe", "QUERY Method"], {1, 2}),
        (["Cookies - Jo Roe ........ 3", "QUERY Method 4"], {1, 2}),
        (["Cookies - Jo Roe", "Something else"], set()),
    ],
)
def test_tables_of_contents(contents: list[str], expected: set[int]) -> None:
    blocks = [
        b("HTTP WG Minutes", "heading", level=1),
        *[b(t, "list_item", marker="-") for t in contents],
        b("Cookies - Jo Roe", "heading", level=2),
        b("Text."),
        b("QUERY Method", "heading", level=2),
    ]
    headers = find_headers(blocks, list(range(1, len(blocks))))
    assert toc_lines(blocks, list(range(len(blocks))), headers) == expected


def test_agenda_list_before_the_first_header_is_not_content() -> None:
    blocks = [
        b("TAG Teleconference", "heading", level=2),
        b("Agenda:"),
        b("User Activation API - @hober", "list_item", marker="*"),
        b("Trusted Types - @alice", "list_item", marker="*"),
        b("Everyone was welcomed."),
        b("User Activation API", "heading", level=3),
        b("Agenda:"),
        b("A later point", "list_item", marker="*"),
    ]
    headers = find_headers(blocks, list(range(1, len(blocks))))
    assert toc_lines(blocks, list(range(len(blocks))), headers) == {1, 2, 3}


def test_capital_title_lines_open_sections_when_nothing_else_does() -> None:
    blocks = [
        b("CALL TO ORDER", gap_before=True),
        b("The mayor opened the meeting at 7:02 PM."),
        b("NEW BUSINESS", gap_before=True),
        b("The council heard two reports."),
        b("MARCH 4, 2024", gap_before=True),
        b("NOTE.", gap_before=True),
    ]
    assert headings(blocks) == ["CALL TO ORDER", "NEW BUSINESS"]


def test_capital_lines_give_way_to_numbered_titles() -> None:
    blocks = [
        b("1. Apologies"),
        b("None."),
        b("2. Finance"),
        b("The budget is on track."),
        b("URGENT ITEM", gap_before=True),
        b("A late report."),
    ]
    assert headings(blocks) == ["1. Apologies", "2. Finance"]


@pytest.mark.parametrize(
    "text",
    [
        "Finance ........ 12",
        "Finance …… 3 ",
        "Finance\t\u00a012",
        "Item 4 - 5",
        "Item 4 5",
        "Report 2024",
        "12",
        "...",
        "Plain heading",
        "",
    ],
)
def test_page_number_removal_matches_the_dot_leader_pattern(text: str) -> None:
    expected = re.sub(r"[\s.…·_-]*\d*\s*$", "", text, count=1)
    assert headers._without_page_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It rained. Then it stopped", True),
        ("Mr. Smith spoke", False),
        ("Ends here.", False),
        ("Dr. No! Yes", False),
        ("done?  next", True),
        ("", False),
    ],
)
def test_sentence_end_inside_text(text: str, expected: bool) -> None:
    assert headers._has_sentence_end(text) is expected
