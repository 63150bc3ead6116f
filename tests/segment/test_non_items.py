from __future__ import annotations

from extractor.core import Block, BlockKind, Origin
from extractor.segment.non_items import set_aside


def blocks(*texts: str, kind: BlockKind = "paragraph") -> list[Block]:
    return [Block(text=t, kind=kind, origin=Origin(line=n)) for n, t in enumerate(texts, 1)]


def test_fields_lists_next_meeting_and_signature_are_set_aside() -> None:
    aside = set_aside(
        blocks(
            "Riverside Residents Forum",
            "Date: 5 March 2024 Present: Jane Doe, Sam Patel",
            "The new play area opens in April.",
            "Date of next meeting: 7 May 2024",
            "Signed ........ Chair",
        )
    )
    assert aside.used == {1, 3, 4}
    assert aside.next_index == 3
    assert (aside.first_fields, aside.dated_fields) == (1, 1)
    assert [p.name for p in aside.attendees] == ["Jane Doe", "Sam Patel"]


def test_a_dated_next_meeting_line_wins_over_an_undated_one() -> None:
    aside = set_aside(blocks("Next meeting: to be arranged", "Next meeting: Tuesday 7 May 2024"))
    assert aside.next_index == 1


def test_a_list_line_read_by_the_roster_is_not_read_again_as_fields() -> None:
    aside = set_aside(
        blocks(
            "ROLL CALL",
            "Present: Council Members Greg Haines and Tom Yu. Absent: Council Member Ruth Abbott.",
            "The mayor opened the meeting.",
        )
    )
    assert [p.name for p in aside.attendees] == ["Greg Haines", "Tom Yu"]
