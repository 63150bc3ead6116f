from __future__ import annotations

import pytest

from extractor.core import Block, BlockKind, Item, ItemKind, Origin, Section, SourceRef
from extractor.segment.outcomes import Placed, Structure, find_structure, split_inline_list


def placed(
    n: int,
    text: str,
    kind: ItemKind = "paragraph",
    *,
    cells: tuple[str, ...] = (),
    columns: tuple[str, ...] = (),
) -> Placed:
    item = Item(id=f"s1.i{n}", kind=kind, text=text, source=SourceRef(line=n))
    block_kind: BlockKind = "table_row" if kind == "table_row" else "paragraph"
    block = Block(text, block_kind, Origin(line=n), cells=cells)
    return Placed(item=item, block=block, columns=columns)


def run(heading: str, rows: list[Placed], year: int | None = 2023) -> Structure:
    section = Section(id="s1", heading=heading, source=SourceRef(line=1))
    return find_structure([(section, rows)], year=year)


def test_inline_list_keeps_ampersands() -> None:
    assert split_inline_list(
        "Substance Misuse & Criminal Justice, Community Safety and Safer Ops."
    ) == [
        "Substance Misuse & Criminal Justice",
        "Community Safety",
        "Safer Ops",
    ]


def test_priorities_lead_in_and_inline_in_document_order() -> None:
    rows = [
        placed(1, "The presentation focused on three priority areas: A & B, C and D."),
        placed(2, "The plan has the following priorities:", "lead_in"),
        placed(3, "Tackling crime", "numbered"),
        placed(4, "Reducing reoffending", "numbered"),
        placed(5, "The council has invested in CCTV", "bullet"),
        placed(6, "Top three priorities of importance", "numbered"),
    ]
    found = run("Speaker", rows)
    assert [(p.rank, p.text, p.item) for p in found.priorities] == [
        (1, "A & B", "s1.i1"),
        (2, "C", "s1.i1"),
        (3, "D", "s1.i1"),
        (4, "Tackling crime", "s1.i3"),
        (5, "Reducing reoffending", "s1.i4"),
    ]
    assert rows[2].item.tags == ["priority"] and rows[4].item.tags == []


def test_action_lines_and_action_headings() -> None:
    rows = [placed(1, "ACTION: write to the council by 20 March 2023", "action")]
    found = run("Finance", rows)
    assert [(a.text, a.owner, a.due) for a in found.actions] == [
        ("write to the council by 20 March 2023", None, "2023-03-20")
    ]
    rows = [placed(1, "Chaim Kirby: Set up the working group", "bullet")]
    found = run("Action items", rows)
    assert [(a.owner, a.text) for a in found.actions] == [
        ("Chaim Kirby", "Set up the working group")
    ]
    assert rows[0].item.tags == ["action"]


def test_action_table_rows() -> None:
    columns = ("Action items", "Person responsible", "Deadline")
    row = placed(
        1,
        "Make accounts | Sean | April 15, 2022",
        "table_row",
        cells=("Make accounts", "Sean", "April 15, 2022"),
        columns=columns,
    )
    found = run("Conclusions", [row])
    assert [(a.text, a.owner, a.due) for a in found.actions] == [
        ("Make accounts", "Sean", "2022-04-15")
    ]


def test_decisions() -> None:
    rows = [
        placed(1, "Decision: adopt the budget", "decision"),
        placed(2, "Mrs Clements proposed it. The minutes of the last meeting were approved."),
        placed(3, "Nothing was decided here."),
    ]
    found = run("Minutes", rows)
    assert [(d.text, d.item) for d in found.decisions] == [
        ("adopt the budget", "s1.i1"),
        ("The minutes of the last meeting were approved.", "s1.i2"),
    ]
    assert (
        run("Conclusion/Resolution", [placed(1, "Stage 3 acceptance", "bullet")]).decisions[0].text
        == "Stage 3 acceptance"
    )


def test_a_decision_under_an_actions_heading_is_a_decision() -> None:
    rows = [
        placed(1, "Share the plan with the committee", "bullet"),
        placed(2, "The committee agreed to escalate the staffing risk to the Board."),
    ]
    found = run("Actions", rows)
    assert [a.text for a in found.actions] == ["Share the plan with the committee"]
    assert [d.item for d in found.decisions] == ["s1.i2"]
    assert rows[1].item.tags == ["decision"]


@pytest.mark.parametrize(
    ("text", "decision"),
    [
        ("Councillors discussed the application and by a majority voted to object.", True),
        ("The governors unanimously approved the policy.", True),
        ("The company agreed that the gates would be repaired.", True),
        ("Members voted in favour of the motion.", True),
        ("Partners agreed to adopt the strategy.", True),
        ("The clerk voted last year in the election.", False),
        ("Residents agreed with the speaker.", False),
        ("Motion by Haines, second by Yu. Motion carried 4-0.", True),
        ("The amendment was carried unanimously.", True),
        ("The bus carried twenty people.", False),
    ],
)
def test_outcome_sentences(text: str, decision: bool) -> None:
    assert bool(run("Planning", [placed(1, text)]).decisions) is decision


@pytest.mark.parametrize(
    ("text", "decision"),
    [
        (
            "Motion by Haines, second by Yu, to adopt the budget. Motion carried 4-0.",
            "Motion by Haines, second by Yu, to adopt the budget. Motion carried 4-0.",
        ),
        (
            "The proposal was ready for a vote. It has been approved unanimously.",
            "The proposal was ready for a vote. It has been approved unanimously.",
        ),
        (
            "Costs rose. The committee agreed to fund the repairs from reserves.",
            "The committee agreed to fund the repairs from reserves.",
        ),
    ],
)
def test_a_bare_outcome_takes_the_sentence_before_it(text: str, decision: str) -> None:
    [found] = run("Planning", [placed(1, text)]).decisions
    assert found.text == decision
