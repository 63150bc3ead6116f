import pytest

from extractor.core import Block
from extractor.readers.text import parse_text


def texts(blocks: list[Block]) -> list[str]:
    return [block.text for block in blocks]


def test_header_bullets_and_paragraphs() -> None:
    blocks = parse_text(
        "Forum Meeting Notes\n"
        "\n"
        "Jane Doe, Head of Parks, Example Council\n"
        "· Parks are busy in summer. \n"
        "· Funding is tight\n"
        "Presented the parks plan\n"
    )
    assert texts(blocks) == [
        "Forum Meeting Notes",
        "Jane Doe, Head of Parks, Example Council",
        "Parks are busy in summer.",
        "Funding is tight",
        "Presented the parks plan",
    ]
    assert [b.kind for b in blocks] == [
        "paragraph",
        "paragraph",
        "list_item",
        "list_item",
        "paragraph",
    ]
    assert blocks[1].gap_before and not blocks[2].gap_before
    assert blocks[2].marker == "·" and not blocks[2].numbered


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # lower-case wrap after an open line joins
        (
            "1. What are your hopes in 10 years’ \ntime? \n2. Next",
            ["What are your hopes in 10 years’ time?", "Next"],
        ),
        ("3. What can the sector \norganisations do?", ["What can the sector organisations do?"]),
        # a capitalised line after a finished bullet is a new paragraph
        (
            "· Shoplifting is up.\nTrust in the police – a survey",
            ["Shoplifting is up.", "Trust in the police – a survey"],
        ),
        # hanging indent under the item text joins whatever the case
        (
            "- Feb: draft budget from Officer input\n     (President)",
            ["Feb: draft budget from Officer input (President)"],
        ),
        ("1. First point\n   Continues Here", ["First point Continues Here"]),
        # a trailing comma or function word leaves the sentence open
        (
            "· Partners include the council,\nPolice and NHS",
            ["Partners include the council, Police and NHS"],
        ),
        (
            "· Tower Hamlets Community &\nVoluntary Sector",
            ["Tower Hamlets Community & Voluntary Sector"],
        ),
        # a lead-in ending in a colon never swallows the next line
        ("Priorities:\nTackling crime", ["Priorities:", "Tackling crime"]),
        # a blank line always separates
        ("· An item\n\nand then", ["An item", "and then"]),
        # a marker line always starts a new item
        ("· one\n· two", ["one", "two"]),
        # paragraph wraps follow the same rules
        (
            "The meeting began at 10:34\nwhen a quorum was present.",
            ["The meeting began at 10:34 when a quorum was present."],
        ),
        ("Rich Bowen\nDoug Cutting", ["Rich Bowen", "Doug Cutting"]),
        # a marker alone on its line takes the next line as its text
        ("1.\nApologies", ["Apologies"]),
    ],
)
def test_continuation_lines(source: str, expected: list[str]) -> None:
    assert texts(parse_text(source)) == expected


def test_nested_levels_follow_relative_indentation() -> None:
    blocks = parse_text(
        "1. Reports\n    a) Chair\n\t- detail\n    b) Clerk\n2. Any other business\n"
    )
    assert [(b.marker, b.level) for b in blocks] == [
        ("1.", 0),
        ("a)", 1),
        ("-", 1),
        ("b)", 1),
        ("2.", 0),
    ]


def test_deeper_tab_indent_nests() -> None:
    blocks = parse_text("· top\n\t· sub\n\t\t· subsub\n· top again\n")
    assert [b.level for b in blocks] == [0, 1, 2, 0]


def test_paragraph_at_list_column_ends_the_list() -> None:
    blocks = parse_text("  · a\n    · b\nPlain text.\n    · c\n")
    assert [b.level for b in blocks] == [0, 1, 0, 0]


def test_origins_point_at_lines_and_offsets() -> None:
    source = "Title\r\n\r\n  · item one\r\n    continued here\r\n"
    blocks = parse_text(source)
    item = blocks[1]
    assert item.origin.line == 3
    assert item.text == "item one continued here"
    assert item.origin.start is not None and item.origin.end is not None
    assert source[item.origin.start : item.origin.end] == "· item one\r\n    continued here"


def test_lone_cr_line_endings() -> None:
    assert texts(parse_text("One.\rTwo.\r")) == ["One.", "Two."]


def test_rule_lines_are_dropped_and_leave_a_gap() -> None:
    blocks = parse_text("Directed Sponsorship\n--------------\nBody text.\n")
    assert texts(blocks) == ["Directed Sponsorship", "Body text."]
    assert blocks[1].gap_before


def test_numbered_clause_heading() -> None:
    (block,) = parse_text("4.1 Playing Field Report")
    assert (block.kind, block.marker, block.numbered, block.text) == (
        "list_item",
        "4.1",
        True,
        "Playing Field Report",
    )


def test_markdown_syntax_is_not_interpreted_in_text() -> None:
    blocks = parse_text("# Not a heading\n**not bold**\n")
    assert texts(blocks) == ["# Not a heading", "**not bold**"]
    assert all(b.kind == "paragraph" and not b.bold for b in blocks)


def test_hard_wrapped_file_rejoins_capitalised_wraps() -> None:
    width_line = "x" * 60
    wraps = [
        ("the Annual", "Members Meeting was suggested and the board", "agreed to hold it."),
        ("on to the", "next item which we discussed at length with", "everyone present."),
        ("some more", "text here that wraps onto another line for", "the reader."),
        ("and final", "words for this example of a hard-wrapped", "report."),
    ]
    paragraphs = [f"    {width_line} {a}\n    {b}\n    {c}" for a, b, c in wraps]
    blocks = parse_text("\n\n".join(paragraphs) + "\n")
    assert len(blocks) == 4
    assert "Annual Members Meeting" in blocks[0].text


def test_nbsp_and_tabs_become_spaces_in_text() -> None:
    (block,) = parse_text("·\u00a0Item\twith\u00a0spaces")
    assert block.text == "Item with spaces"
