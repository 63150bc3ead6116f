from __future__ import annotations

from pathlib import Path

import pytest

from extractor.core import (
    Block,
    InputError,
    NoMinutesError,
    NoTextLayerError,
    Options,
    schema_errors,
)
from extractor.pipeline import convert
from extractor.readers import read_data
from tests.readers.pdf.build import Page, Text, build_pdf, paragraph

LONG = "The council discussed the state of the footpaths across the parish and agreed that the"
LONG2 = "clerk should write to the county council about the damaged stiles near the old mill and"
SHORT = "report back at the next meeting."
SHARED = Path(__file__).resolve().parents[4] / "shared" / "corpus"


def blocks(pages: list[Page], **kwargs: object) -> list[Block]:
    return read_data(build_pdf(pages, **kwargs), name="minutes.pdf").blocks  # type: ignore[arg-type]


def test_larger_bold_line_is_a_heading_and_bold_line_a_bold_hint() -> None:
    page = Page(
        [
            Text(72, 780, "Parish Council Minutes", 18, bold=True),
            Text(72, 740, "1. Apologies", bold=True),
            Text(72, 726, "None were received."),
            Text(72, 700, "Present", bold=True),
        ]
    )
    found = blocks([page])
    assert [(b.kind, b.level, b.bold, b.text) for b in found] == [
        ("heading", 1, True, "Parish Council Minutes"),
        ("list_item", 0, True, "Apologies"),
        ("paragraph", 0, False, "None were received."),
        ("paragraph", 0, True, "Present"),
    ]
    assert found[1].marker == "1." and found[1].numbered


def test_hard_wrapped_lines_rejoin_into_one_paragraph() -> None:
    page = Page(paragraph(72, 780, [LONG, LONG2, SHORT]) + paragraph(72, 720, ["Next item."]))
    found = blocks([page])
    assert [b.text for b in found] == [f"{LONG} {LONG2} {SHORT}", "Next item."]
    assert found[1].gap_before


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("agreed that the next meet-", "ing would be held in the hall.", "meeting would"),
        ("agreed to write to North-", "Yorkshire Council about the verge.", "North-Yorkshire"),
    ],
)
def test_hyphenated_words_rejoin(first: str, second: str, joined: str) -> None:
    lines = [f"The council discussed the footpaths across the parish at length and {first}", second]
    (block,) = blocks([Page(paragraph(72, 780, lines))])
    assert joined in block.text
    assert "- " not in block.text


def test_a_hyphenated_word_the_document_writes_whole_keeps_its_hyphen() -> None:
    lines = [
        "A well-known issue: the council discussed the footpaths across the parish and the well-",
        "known stiles near the mill, agreeing to act.",
    ]
    (block,) = blocks([Page(paragraph(72, 780, lines))])
    assert "the well-known stiles" in block.text


def test_running_headers_and_page_numbers_are_dropped_and_pages_join() -> None:
    bodies = [["Item 1: the council met on 5 March.", LONG], [LONG2, SHORT], ["Item 2: none."]]
    pages = [
        Page(
            [
                Text(72, 810, "Burton Parish Council minutes"),
                *paragraph(72, 760, body),
                Text(290, 30, f"Page {n} of 3"),
            ]
        )
        for n, body in enumerate(bodies, start=1)
    ]
    found = blocks(pages)
    texts = [b.text for b in found]
    assert not any("Burton Parish" in t or "Page" in t for t in texts)
    assert f"{LONG} {LONG2} {SHORT}" in texts
    joined = next(b for b in found if b.text.startswith(LONG))
    assert (joined.origin.page, joined.origin.line) == (1, 3)


def test_origins_name_the_page_and_the_line() -> None:
    pages = [Page(paragraph(72, 780, ["First page."])), Page(paragraph(72, 780, ["A.", "B."]))]
    found = blocks(pages)
    assert [(b.origin.page, b.origin.line) for b in found] == [(1, 1), (2, 1), (2, 2)]


def test_two_columns_are_read_column_by_column() -> None:
    left = [f"Left column line {n} of the text here." for n in range(6)]
    right = [f"Right column line {n} of the text here." for n in range(6)]
    page = Page(
        [
            Text(72, 800, "A heading across the whole width of the page for both columns."),
            *paragraph(50, 760, left, step=20),
            *paragraph(320, 760, right, step=20),
        ]
    )
    text = " ".join(b.text for b in blocks([page]))
    starts = [text.index(line) for line in left + right]
    assert starts == sorted(starts)


def test_right_aligned_cells_stay_on_their_row() -> None:
    page = Page([Text(72, 780, "Write to the county council."), Text(520, 780, "JD")])
    assert [b.text for b in blocks([page])] == ["Write to the county council. JD"]


def test_bullets_become_list_items_with_hanging_wraps() -> None:
    page = Page(
        [
            Text(
                72, 780, "\u2022 Instillation of the new archive cupboard in the village hall, with"
            ),
            Text(84, 766, "shelving."),
            Text(72, 752, "\u2022 Council finances"),
        ]
    )
    found = blocks([page])
    assert [(b.kind, b.text) for b in found] == [
        (
            "list_item",
            "Instillation of the new archive cupboard in the village hall, with shelving.",
        ),
        ("list_item", "Council finances"),
    ]


def test_an_agenda_number_on_its_own_line_numbers_the_title_below_it() -> None:
    page = Page(
        [
            *paragraph(72, 780, [LONG, "report back at the next meeting of the council."]),
            Text(72, 750, "1."),
            Text(72, 730, "Adoption of Minutes"),
            Text(72, 710, "Circulated, the draft minutes."),
        ]
    )
    assert [(b.kind, b.marker, b.text) for b in blocks([page])] == [
        ("paragraph", None, f"{LONG} report back at the next meeting of the council."),
        ("list_item", "1.", "Adoption of Minutes"),
        ("paragraph", None, "Circulated, the draft minutes."),
    ]


def test_scanned_page_gives_a_warning_naming_it() -> None:
    document = read_data(
        build_pdf([Page(paragraph(72, 780, ["Minutes."])), Page(image=True)]), name="m.pdf"
    )
    ((code, message, origin),) = document.warnings
    assert code == "scanned-pages" and "page 2 " in message and origin is not None
    assert origin.page == 2


@pytest.mark.parametrize(
    ("data", "error", "text"),
    [
        (build_pdf([Page(image=True), Page(image=True)]), NoTextLayerError, "run OCR on it first"),
        (build_pdf([Page()]), NoMinutesError, "no text"),
        (build_pdf([Page(paragraph(72, 780, ["x"]))], encrypted=True), InputError, "is encrypted"),
        (build_pdf([Page(paragraph(72, 780, ["x"]))])[:200], InputError, "not a valid PDF"),
        (build_pdf([]), InputError, "not a valid PDF"),
        (b"%PDF-1.4\n garbage", InputError, "not a valid PDF"),
        (b"plain text with a pdf name", InputError, "not a valid PDF"),
    ],
    ids=["scanned", "blank", "encrypted", "truncated", "zero-pages", "garbage", "not-pdf"],
)
def test_bad_pdfs_give_one_clear_error(data: bytes, error: type[Exception], text: str) -> None:
    with pytest.raises(error) as caught:
        read_data(data, name="bad.pdf")
    message = str(caught.value)
    assert text in message and "\n" not in message


def test_size_page_and_character_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    data = build_pdf([Page(paragraph(72, 780, ["Minutes of the meeting."]))] * 2)
    with pytest.raises(InputError, match="size limit"):
        read_data(data, name="m.pdf", max_bytes=100)
    monkeypatch.setattr("extractor.readers.pdf.MAX_PAGES", 1)
    with pytest.raises(InputError, match="page limit"):
        read_data(data, name="m.pdf")
    monkeypatch.setattr("extractor.readers.pdf.MAX_PAGES", 10)
    monkeypatch.setattr("extractor.readers.pdf.MAX_CHARS", 30)
    with pytest.raises(InputError, match="characters"):
        read_data(data, name="m.pdf")


def test_file_name_titles_are_not_metadata() -> None:
    page = Page(paragraph(72, 780, ["Minutes."]))
    named = read_data(build_pdf([page], info_title="Parish Council"), name="m.pdf")
    assert named.metadata == {"title": "Parish Council"}
    for junk in ("Microsoft Word - 16-02-10.docx", "Minutes_of_AGM_2008", "localhost:1/a.md#"):
        assert "title" not in read_data(build_pdf([page], info_title=junk), name="m.pdf").metadata


def test_a_pdf_converts_with_page_and_line_sources(tmp_path: Path) -> None:
    pages = [
        Page(
            [
                Text(72, 780, "Parish Council Minutes 5 March 2024", 16, bold=True),
                Text(72, 740, "1. Apologies", bold=True),
                Text(72, 726, "None were received."),
            ]
        ),
        Page([Text(72, 780, "2. Planning", bold=True), Text(72, 766, "No applications.")]),
    ]
    path = tmp_path / "minutes.pdf"
    path.write_bytes(build_pdf(pages))
    data = convert(path, options=Options(model="blank")).model_dump(mode="json")
    assert not schema_errors(data)
    assert data["source"]["format"] == "pdf"
    sources = [item["source"] for s in data["sections"] for item in s["items"]]
    assert {"page": 2, "line": 2} in sources


def _shared_pdfs() -> list[Path]:
    return sorted(p for name in ("pdf", "pool") for p in (SHARED / name).glob("*.pdf"))


@pytest.mark.skipif(not _shared_pdfs(), reason="the shared corpus is not present")
@pytest.mark.parametrize("path", _shared_pdfs(), ids=lambda p: p.name)
def test_every_shared_pdf_converts(path: Path) -> None:
    minutes = convert(path, options=Options(model="blank"))
    assert minutes.sections
    assert not schema_errors(minutes.model_dump(mode="json"))


def test_a_pdf_saved_as_text_is_told_to_take_the_pdf_extension() -> None:
    with pytest.raises(InputError, match=r"is a PDF, not text minutes; give it the \.pdf"):
        read_data(build_pdf([Page(paragraph(72, 780, ["Minutes."]))]), name="minutes.txt")


def test_a_line_that_is_only_an_address_is_marked_as_a_link() -> None:
    address = "https://example.org/minutes/2025-03-03.pdf"
    page = Page([Text(72, 780, address), *paragraph(72, 740, [LONG, LONG2, SHORT])])
    assert [(b.text, b.link) for b in blocks([page])] == [
        (address, True),
        (f"{LONG} {LONG2} {SHORT}", False),
    ]
