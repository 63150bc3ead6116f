import pytest

from extractor.core import Block, Origin, RawDocument
from extractor.segment import segment, split_meetings


def doc(*lines: str | tuple[str, bool]) -> RawDocument:
    blocks = []
    for i, line in enumerate(lines):
        text, bold = line if isinstance(line, tuple) else (line, False)
        kind = "list_item" if text.startswith("- ") else "paragraph"
        blocks.append(Block(text.removeprefix("- "), kind, Origin(paragraph=i), bold=bold))
    return RawDocument(path="m.docx", format="docx", sha256="0" * 64, encoding=None, blocks=blocks)


WEEKS = doc(
    ("Team Members", True),
    "Ann Lee",
    "Bo Chan",
    ("Weekly minutes: week 6", True),
    "Date: 9 February, 2012",
    "Present: Ann Lee, Bo Chan",
    "- Finalising the database layout",
    "We discussed the layout.",
    ("Team Members", True),
    "Ann Lee",
    "Bo Chan",
    ("Weekly minutes: week 7", True),
    "Date: 15 February, 2012",
    "- Reviewing the diagrams",
    "Meeting closed at 9pm",
    ("Minutes of Meeting # 3", True),
    "Date: 22 February, 2012",
    "- Testing",
)


def test_each_meeting_starts_at_its_title_lines_and_keeps_its_blocks() -> None:
    parts = split_meetings(WEEKS)
    assert [p.blocks[0].text for p in parts] == [
        "Team Members",
        "Team Members",
        "Minutes of Meeting # 3",
    ]
    assert [(p.span[0].paragraph, p.span[1].paragraph) for p in parts if p.span] == [
        (0, 7),
        (8, 14),
        (15, 17),
    ]
    assert sum(len(p.blocks) for p in parts) == len(WEEKS.blocks)


def test_each_part_segments_to_its_own_meeting_with_its_span() -> None:
    minutes = [segment(part).minutes for part in split_meetings(WEEKS)]
    assert [m.meeting.date for m in minutes] == ["2012-02-09", "2012-02-15", "2012-02-22"]
    assert "multiple-meetings" not in {w.code for m in minutes for w in m.warnings}
    span = minutes[1].source.span
    assert span is not None and span.model_dump() == {
        "first": {"paragraph": 8},
        "last": {"paragraph": 14},
    }
    assert (
        "span" not in segment(doc("Minutes", "Date: 1 May 2024", "- x")).minutes.source.model_dump()
    )


@pytest.mark.parametrize(
    "raw",
    [
        doc("Minutes", "Date: 1 May 2024", "- one", "Date: 1 May 2024", "- two"),
        doc("Minutes", "Date: 1 May 2024", "- one", "Date: 8 May 2024", "Time: 7pm"),
        doc("Minutes", "Date: 1 May 2024", "- one", "Next: 8 May 2024"),
        doc("Minutes", "Date: 1 May 2024", "- one"),
    ],
    ids=["same-date", "second-has-no-content", "one-dated-line", "single"],
)
def test_a_file_that_is_not_several_meetings_stays_whole(raw: RawDocument) -> None:
    assert split_meetings(raw) == [raw]


def test_reader_warnings_go_with_their_meeting() -> None:
    raw = doc("Minutes", "Date: 1 May 2024", "- one", "Minutes", "Date: 8 May 2024", "- two")
    raw.warnings = [("w", "whole file", None), ("v", "in the second", raw.blocks[5].origin)]
    first, second = split_meetings(raw)
    assert [w[0] for w in first.warnings] == ["w"]
    assert [w[0] for w in second.warnings] == ["w", "v"]
