import pytest

from extractor.core import Origin
from extractor.readers.reflow import FlowLine, drop_furniture, is_page_number, reflow


def line(text: str, n: int, **kwargs: object) -> FlowLine:
    values: dict[str, object] = {
        "indent": 0.0,
        "room": 0.0,
        "char_width": 1.0,
        "tolerance": 1.0,
    }
    values.update(kwargs)
    return FlowLine(text=text, origin=Origin(line=n), **values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7", True),
        ("Page 7", True),
        ("page 7 of 9", True),
        ("- 7 -", True),
        ("vii", True),
        ("7/9", True),
        ("7 March", False),
        ("2024 budget", False),
        ("Item 7", False),
    ],
)
def test_page_numbers(text: str, expected: bool) -> None:
    assert is_page_number(text) is expected


def test_running_header_on_most_pages_is_dropped_but_not_elsewhere() -> None:
    pages = [
        [line("Minutes 5 March", 1, edge=True), line("Body one.", 2), line("3", 3, edge=True)],
        [
            line("Minutes 5 March", 1, edge=True),
            line("Minutes 5 March", 2),
            line("4", 3, edge=True),
        ],
    ]
    kept = drop_furniture(pages)
    assert [[x.text for x in page] for page in kept] == [["Body one."], ["Minutes 5 March"]]


def test_a_single_page_keeps_its_edges_except_page_numbers() -> None:
    kept = drop_furniture([[line("Title", 1, edge=True), line("2", 2, edge=True)]])
    assert [x.text for x in kept[0]] == ["Title"]


def test_room_decides_whether_a_line_wraps() -> None:
    lines = [line("Agreed that the clerk", 1, room=2.0), line("Writes.", 2)]
    assert [b.text for b in reflow(lines)] == ["Agreed that the clerk Writes."]
    lines = [line("Agreed.", 1, room=40.0), line("Writes.", 2)]
    assert [b.text for b in reflow(lines)] == ["Agreed.", "Writes."]


def test_larger_lines_are_headings_and_join_when_consecutive() -> None:
    lines = [
        line("Parish Council", 1, size=18.0),
        line("Minutes", 2, size=18.0),
        line("Body text set in the usual size and long enough to count.", 3, size=11.0),
        line("Sub heading", 4, size=14.0, gap_before=True),
    ]
    found = reflow(lines)
    assert [(b.kind, b.level, b.text) for b in found] == [
        ("heading", 1, "Parish Council Minutes"),
        ("paragraph", 0, "Body text set in the usual size and long enough to count."),
        ("heading", 2, "Sub heading"),
    ]


def test_list_nesting_follows_indentation() -> None:
    lines = [
        line("1. First", 1, room=50.0),
        line("a) Inner", 2, indent=4.0, room=50.0),
        line("2. Second", 3, room=50.0),
    ]
    found = reflow(lines)
    assert [(b.level, b.marker) for b in found] == [(0, "1."), (1, "a)"), (0, "2.")]


@pytest.mark.parametrize("marker", ["1.", "2)", "(3)", "•"])
def test_a_marker_alone_after_a_full_sentence_opens_the_item_of_the_next_line(
    marker: str,
) -> None:
    lines = [
        line("At the outset the chair welcomed everyone in", 1, room=1.0),
        line("attendance to the meeting of the committee.", 2, room=1.0),
        line(marker, 3, room=60.0),
        line("Adoption of Minutes", 4, room=40.0, gap_before=True),
        line("Circulated, the draft minutes.", 5, gap_before=True),
    ]
    found = reflow(lines)
    assert [(b.kind, b.marker, b.text) for b in found] == [
        (
            "paragraph",
            None,
            "At the outset the chair welcomed everyone in attendance to the meeting of the "
            "committee.",
        ),
        ("list_item", marker, "Adoption of Minutes"),
        ("paragraph", None, "Circulated, the draft minutes."),
    ]


def test_a_number_that_closes_an_open_sentence_still_ends_it() -> None:
    lines = [line("The work is due in February", 1, room=1.0), line("24.", 2, room=60.0)]
    assert [(b.kind, b.text) for b in reflow(lines)] == [
        ("paragraph", "The work is due in February 24.")
    ]
