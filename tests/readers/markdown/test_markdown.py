import pytest

from extractor.core import Block
from extractor.readers import read_data
from extractor.readers.markdown import parse_markdown
from extractor.readers.markdown.tables import is_delimiter_row, split_cells
from extractor.segment import segment


def blocks_of(source: str) -> list[Block]:
    return parse_markdown(source)[0]


def summary(blocks: list[Block]) -> list[tuple[str, str, int]]:
    return [(b.kind, b.text, b.level) for b in blocks]


def test_atx_and_setext_headings() -> None:
    blocks = blocks_of(
        "# Title #\n\nBoard Meeting\n=============\n\nFinances\n--------\n###### Deep\n#hashtag\n"
    )
    assert summary(blocks) == [
        ("heading", "Title", 1),
        ("heading", "Board Meeting", 1),
        ("heading", "Finances", 2),
        ("heading", "Deep", 6),
        ("paragraph", "#hashtag", 0),
    ]


def test_dashes_under_a_multi_line_paragraph_are_a_rule() -> None:
    blocks = blocks_of("Remote:\nAnn Example (AE)\n-----\nNext\n")
    assert summary(blocks) == [
        ("paragraph", "Remote: Ann Example (AE)", 0),
        ("paragraph", "Next", 0),
    ]
    assert blocks[1].gap_before


def test_rules_and_blank_lines_set_gap_before() -> None:
    blocks = blocks_of("One\n\n---\n\nTwo\n***\nThree\n")
    assert [b.text for b in blocks] == ["One", "Two", "Three"]
    assert [b.gap_before for b in blocks] == [False, True, True]


def test_lazy_continuation_joins_but_structure_lines_do_not() -> None:
    source = "A paragraph\nthat wraps.\n- item one\ncontinues lazily\n- item two\n# Heading\ntext\n"
    assert summary(blocks_of(source)) == [
        ("paragraph", "A paragraph that wraps.", 0),
        ("list_item", "item one continues lazily", 0),
        ("list_item", "item two", 0),
        ("heading", "Heading", 1),
        ("paragraph", "text", 0),
    ]


def test_hard_breaks_join_with_a_space() -> None:
    assert [b.text for b in blocks_of("First line  \nsecond\\\nthird\n")] == [
        "First line second third"
    ]


def test_nested_list_levels() -> None:
    source = (
        "* Board - Chair\n  * no updates\n    * deeper\n* Treasurer\n1. numbered\n   a) lettered\n"
    )
    blocks = blocks_of(source)
    assert [(b.marker, b.level, b.numbered) for b in blocks] == [
        ("*", 0, False),
        ("*", 1, False),
        ("*", 2, False),
        ("*", 0, False),
        ("1.", 0, True),
        ("a)", 1, True),
    ]


def test_heading_resets_list_nesting() -> None:
    blocks = blocks_of("  - indented\n## Topic\n    - deeper start\n")
    assert [b.level for b in blocks if b.kind == "list_item"] == [0, 0]


@pytest.mark.parametrize(
    ("line", "marker", "text", "bold"),
    [
        ("1\\. Apologies", "1.", "Apologies", False),
        ("**2\\. Minutes of Last Meeting**", "2.", "Minutes of Last Meeting", True),
        ("4.1 Playing Field Report", "4.1", "Playing Field Report", False),
        ("• Word bullet kept as text", "•", "Word bullet kept as text", False),
    ],
)
def test_minutes_numbering_in_markdown(line: str, marker: str, text: str, bold: bool) -> None:
    (block,) = blocks_of(line + "\n")
    assert (block.kind, block.marker, block.text, block.bold) == ("list_item", marker, text, bold)


def test_bold_only_paragraph() -> None:
    (block,) = blocks_of("**DRAFT**\n")
    assert block.bold and block.text == "DRAFT" and block.kind == "paragraph"


def test_inline_markup_is_cleaned_in_items() -> None:
    (block,) = blocks_of("* **Recording**:  <https://example.org/v>\n")
    assert block.text == "Recording: https://example.org/v"


def test_task_list_boxes_are_dropped() -> None:
    (block,) = blocks_of("- [x] Send the letter\n")
    assert block.text == "Send the letter"


def test_tables_give_one_row_per_block() -> None:
    source = (
        "Intro\n\n"
        "Date | Fund | Amount\n"
        "--- | :---: | ---:\n"
        "10/21 | Combined | $6.45\n"
        "| Park | `x` \\| y | $2 |\n"
        "\nAfter\n"
    )
    blocks = blocks_of(source)
    rows = [b for b in blocks if b.kind == "table_row"]
    assert [b.cells for b in rows] == [
        ("Date", "Fund", "Amount"),
        ("10/21", "Combined", "$6.45"),
        ("Park", "x | y", "$2"),
    ]
    assert [b.table_header for b in rows] == [True, False, False]
    assert rows[1].text == "10/21 | Combined | $6.45"
    assert [(b.origin.line, b.origin.table, b.origin.row) for b in rows] == [
        (3, 0, 0),
        (5, 0, 1),
        (6, 0, 2),
    ]
    assert blocks[-1].text == "After"


def test_pipe_in_text_without_delimiter_row_is_not_a_table() -> None:
    (block,) = blocks_of("Vote: 5 | 2\n")
    assert block.kind == "paragraph"


def test_html_comments_are_dropped_across_lines() -> None:
    source = (
        "<!-- START toc -->\n- [Topic](#topic)\n<!-- END\nstill comment -->\n"
        "Text <!-- inline --> here\n"
    )
    assert [b.text for b in blocks_of(source)] == ["Topic", "Text here"]


def test_fenced_code_keeps_raw_lines() -> None:
    blocks = blocks_of("```\n**raw** line\n\n# not heading\n```\nafter\n")
    assert summary(blocks) == [
        ("paragraph", "**raw** line", 0),
        ("paragraph", "# not heading", 0),
        ("paragraph", "after", 0),
    ]


def test_blockquote_markers_are_removed() -> None:
    assert [b.text for b in blocks_of("> Quoted *text*\n> - item\n")] == ["Quoted text", "item"]


def test_front_matter_becomes_metadata_not_blocks() -> None:
    blocks, metadata = parse_markdown(
        '---\ntitle: "Parish Meeting"\ndate: "2013-05-23"\n---\n\nBody\n'
    )
    assert metadata == {"title": "Parish Meeting", "date": "2013-05-23"}
    assert [b.text for b in blocks] == ["Body"]
    assert blocks[0].origin.line == 6


def test_origin_offsets_cover_the_block() -> None:
    source = "# Head\n\n- item\n  wrapped\n"
    blocks = blocks_of(source)
    item = blocks[1]
    assert item.origin.start is not None and item.origin.end is not None
    assert source[item.origin.start : item.origin.end] == "- item\n  wrapped"


def test_delimiter_rows_and_cell_splitting() -> None:
    assert is_delimiter_row("|---|:--:|")
    assert is_delimiter_row("------------ | -------------")
    assert not is_delimiter_row("-----")
    assert split_cells("| a | b \\| c |") == ["a", "b | c"]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "Ann Lee: first point.\nBob Roe: second point.\n",
            ["Ann Lee: first point.", "Bob Roe: second point."],
        ),
        ("dbaron: yes\ntorgo: no\n", ["dbaron: yes", "torgo: no"]),
        ("Date: 5 May 2024\nTime: 7pm\n", ["Date: 5 May 2024", "Time: 7pm"]),
        ("**Date:** 5 May 2024\n**Venue:** Hall\n", ["Date: 5 May 2024", "Venue: Hall"]),
        (
            "A paragraph that wraps\nonto a second line.\n",
            ["A paragraph that wraps onto a second line."],
        ),
        (
            "The ratio was 3:1 and\nthe vote: carried.\n",
            ["The ratio was 3:1 and the vote: carried."],
        ),
    ],
)
def test_labelled_lines_start_their_own_paragraph(source: str, expected: list[str]) -> None:
    blocks, _ = parse_markdown(source)
    assert [b.text for b in blocks] == expected


@pytest.mark.parametrize(
    "html",
    [
        '<style type="text/css">\n  a[href]:after { content : "" }\n</style>',
        "<STYLE>\nbody { color: red }\n</STYLE>",
        "<style>p { margin: 0 }</style>",
        "<script>\nvar title = 'Not the title';\n</script>",
        '<script src="x.js"></script>',
        "<textarea>\nNot the title\n</textarea>",
        "<!DOCTYPE html>",
        '<?xml version="1.0"?>',
        "<![CDATA[\nNot the title\n]]>",
        "<!--\nNot the title\n-->",
        '<div class="banner">\n</div>',
        '<img src="logo.png" alt="Logo">',
    ],
    ids=[
        "style",
        "style-upper-case",
        "style-one-line",
        "script",
        "script-src",
        "textarea",
        "doctype",
        "processing-instruction",
        "cdata",
        "comment",
        "empty-div",
        "image-tag",
    ],
)
def test_an_html_block_is_never_a_block(html: str) -> None:
    source = f"{html}\nParish Council Meeting\n\n- The budget was agreed.\n"
    assert summary(blocks_of(source)) == [
        ("paragraph", "Parish Council Meeting", 0),
        ("list_item", "The budget was agreed.", 0),
    ]


def test_an_html_block_ends_the_paragraph_before_it() -> None:
    source = "Minutes of the meeting\n<style>\nh1 { font-size: 2em }\n</style>\nAll present.\n"
    assert [b.text for b in blocks_of(source)] == ["Minutes of the meeting", "All present."]


def test_a_style_sheet_left_open_hides_the_rest_but_not_the_earlier_text() -> None:
    assert [b.text for b in blocks_of("Title\n<style>\nbody {}\nNot text\n")] == ["Title"]


def test_markdown_inside_a_style_block_is_not_read() -> None:
    assert blocks_of("<style>\n# Heading\n- item\n| a | b |\n|---|---|\n</style>\n") == []


def test_text_inside_plain_html_wrappers_is_content() -> None:
    source = (
        '<div align="center">\n\n# Board Meeting\n\n</div>\n'
        "<p>The minutes were approved.</p>\n<div>\nJo Roe reported on the budget.\n</div>\n"
    )
    assert summary(blocks_of(source)) == [
        ("heading", "Board Meeting", 1),
        ("paragraph", "The minutes were approved.", 0),
        ("paragraph", "Jo Roe reported on the budget.", 0),
    ]


def test_a_wrapper_line_does_not_join_the_title() -> None:
    blocks = blocks_of(
        '<div class="title">\nParish Council\n</div>\n<div>\nTuesday 2 May\n</div>\n'
    )
    assert [b.text for b in blocks] == ["Parish Council", "Tuesday 2 May"]


def test_html_inside_a_fence_is_kept_as_code() -> None:
    blocks = blocks_of("```\n<style>\n```\nAfter\n")
    assert [b.text for b in blocks] == ["<style>", "After"]


def test_a_style_block_is_not_the_title_of_the_minutes() -> None:

    source = (
        '<style type="text/css">\n  a[href]:after { content : "" }\n</style>\n\n'
        "# Directors' Meeting\n\nDate: April 19, 2023\n\n## Budget\n\n- The budget was agreed.\n"
    )
    minutes = segment(read_data(source.encode(), name="m.md")).minutes
    assert minutes.meeting.title == "Directors' Meeting"
    texts = [item.text for section in minutes.sections for item in section.items]
    assert texts == ["The budget was agreed."]


def test_a_paragraph_that_is_only_a_link_is_marked_and_never_the_title() -> None:
    source = (
        "[Original file](https://example.org/minutes.pdf)\n\n"
        "Parish Council Meeting\n\nMonday 3 March 2025\n\n"
        "See [the agenda](https://example.org/agenda.pdf).\n\n"
        "- [Budget](https://example.org/budget.pdf)\n\n"
        "## [Planning](https://example.org/planning)\n"
    )
    raw = read_data(source.encode(), name="minutes.md")
    assert [(b.kind, b.link) for b in raw.blocks] == [
        ("paragraph", True),
        ("paragraph", False),
        ("paragraph", False),
        ("paragraph", False),
        ("list_item", False),
        ("heading", False),
    ]
    minutes = segment(raw).minutes
    assert minutes.meeting.title == "Parish Council Meeting"
    assert [s.heading for s in minutes.sections] == ["", "Planning"]
