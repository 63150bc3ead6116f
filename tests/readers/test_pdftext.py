import pytest

from extractor.readers import read_data
from extractor.readers.lines import split_lines
from extractor.readers.pdftext import pdf_text_pages
from extractor.segment import segment

WRAPPED = [
    "The council discussed the state of the footpaths across the parish and agreed",
    "that the clerk should write to the county council about the damaged stiles near",
    "the old mill, and report back at the next meeting of the council in the autumn.",
]


def page(body: list[str], number: int, header: str = "Parish Council minutes") -> list[str]:
    return [header, "", *body, "", f"Page {number} of 3"]


def test_form_feeds_split_pages_and_furniture_is_dropped() -> None:
    pages = [page(["1. Apologies", "", WRAPPED[0]], 1), page(WRAPPED[1:], 2), page(["Closed."], 3)]
    text = "\n\f".join("\n".join(p) for p in pages) + "\n"
    blocks = read_data(text.encode(), name="minutes.txt").blocks
    texts = [b.text for b in blocks]
    assert texts == ["Apologies", " ".join(WRAPPED), "Closed."]
    assert blocks[1].origin.line == 5 and blocks[1].origin.page is None
    start, end = blocks[1].origin.start, blocks[1].origin.end
    assert start is not None and end is not None
    assert text[start:end].startswith(WRAPPED[0]) and text[start:end].endswith(WRAPPED[2])


def test_rule_and_number_page_breaks_in_double_spaced_markdown() -> None:
    lines = ["MINUTES", "OF", "PROCEEDINGS", "Councillors **Foley** and Galvin attended the meet-"]
    lines += ["ing in the hall.", "---", "2", "1\\. Adoption of Minutes", *WRAPPED]
    lines += ["---", "3", "Closed at 9pm."]
    text = "\n\n".join(lines) + "\n"
    blocks = read_data(text.encode(), name="minutes.md").blocks
    assert [b.text for b in blocks] == [
        "MINUTES OF PROCEEDINGS",
        "Councillors Foley and Galvin attended the meeting in the hall.",
        "Adoption of Minutes",
        " ".join(WRAPPED),
        "Closed at 9pm.",
    ]
    assert blocks[2].kind == "list_item" and blocks[2].marker == "1."


@pytest.mark.parametrize(
    "text",
    [
        "Minutes\n\n---\n\nNotes here.\n",
        "Minutes\n\n---\n2\nOne break only.\n",
        "Page 3 of the report was discussed.\nPage 1\nPage 5\nPage 2\n",
        "Attendees\n***\nJane\n___\nBob\n",
    ],
    ids=["rule", "one-break", "out-of-order-pages", "rules-without-numbers"],
)
def test_other_text_is_not_pdf_text(text: str) -> None:
    assert pdf_text_pages(split_lines(text)) is None


def test_page_lines_in_order_split_pages() -> None:
    text = "A.\nPage 1\nB.\nPage 2\nC.\nPage 3\n"
    pages = pdf_text_pages(split_lines(text))
    assert pages is not None
    assert [[line.text for line in p] for p in pages] == [
        ["A.", "Page 1"],
        ["B.", "Page 2"],
        ["C.", "Page 3"],
    ]


def test_a_number_that_ends_a_sentence_is_not_a_list_marker() -> None:
    full = "Staff affected by the reductions were told. Action was scheduled for February"
    first = [*WRAPPED, "", full, "24.", "", "Resolved."]
    text = "\n".join(page(first, 1)) + "\n\f" + "\n".join(page(["Closed."], 2)) + "\n"
    texts = [b.text for b in read_data(text.encode(), name="m.txt").blocks]
    assert texts == [" ".join(WRAPPED), f"{full} 24.", "Resolved.", "Closed."]


def test_an_agenda_number_on_its_own_line_numbers_the_next_line_in_markdown() -> None:
    lines = ["MINUTES OF THE MEETING", *WRAPPED, "1.", "Adoption of Minutes"]
    lines += ["Circulated, copy of the draft Minutes.", "---", "2", "2. Policing Issues"]
    lines += [*WRAPPED, "---", "3", "Closed at 9pm."]
    text = "\n\n".join(lines) + "\n"
    found = read_data(text.encode(), name="minutes.md").blocks
    assert [(b.kind, b.marker, b.text) for b in found][1:4] == [
        ("paragraph", None, " ".join(WRAPPED)),
        ("list_item", "1.", "Adoption of Minutes"),
        ("paragraph", None, "Circulated, copy of the draft Minutes."),
    ]


@pytest.mark.parametrize("name", ["minutes.md", "minutes.txt"])
def test_without_page_breaks_an_empty_numbered_item_reads_as_before(name: str) -> None:
    text = "Minutes of the meeting\n\nEveryone was welcomed.\n\n1.\n\nAdoption of Minutes\n"
    found = read_data(text.encode(), name=name).blocks
    assert [(b.kind, b.marker, b.text) for b in found] == [
        ("paragraph", None, "Minutes of the meeting"),
        ("paragraph", None, "Everyone was welcomed."),
        ("paragraph", None, "Adoption of Minutes"),
    ]


LINK = "[Original file](https://example.org/documents/01%202022-10-12%20Minutes.pdf)"
CAPS_TITLE = [
    "MINUTES", "OF", "PROCEEDINGS", "AT", "MEETING", "OF", "THE",
    "MUNICIPAL DISTRICT OF NEWCASTLE WEST JOINT POLICING SUB COMMITTEE HELD IN THE",
    "COUNCIL OFFICES, NEWCASTLE WEST, ON WEDNESDAY, 12TH OCTOBER, 2022, AT 12.00 NOON.",
]  # fmt: skip


@pytest.mark.parametrize("link", [LINK, "https://example.org/documents/minutes.pdf"])
@pytest.mark.parametrize("name", ["minutes.md", "minutes.txt"])
def test_a_link_line_above_a_pdf_text_is_not_its_title(link: str, name: str) -> None:
    lines = [link, "---", "1", *CAPS_TITLE, "1.", "Adoption of Minutes", *WRAPPED, "---", "2"]
    lines += ["2. Policing Issues", *WRAPPED, "---", "3", "Closed at 9pm."]
    raw = read_data(("\n\n".join(lines) + "\n").encode(), name=name)
    assert raw.blocks[0].link and not any(b.link for b in raw.blocks[1:])
    minutes = segment(raw).minutes
    assert minutes.meeting.title == (
        "PROCEEDINGS AT MEETING OF THE MUNICIPAL DISTRICT OF NEWCASTLE WEST JOINT POLICING SUB "
        "COMMITTEE"
    )
    assert minutes.meeting.date == "2022-10-12"
    assert [s.heading for s in minutes.sections][-2:] == [
        "1. Adoption of Minutes",
        "2. Policing Issues",
    ]
