import io
from dataclasses import replace

import docx
import pytest

from extractor.core import BudgetError, Limits
from extractor.readers import read_data

MINUTES = "Board meeting\nTuesday 9 April 2024\n\n## Finance\n- The budget was agreed.\n"


def _docx(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "limits", "budget"),
    [
        ("m.md", MINUTES.encode(), Limits(lines=4), "lines"),
        ("m.txt", MINUTES.encode(), Limits(lines=4), "lines"),
        ("m.md", MINUTES.encode(), Limits(line_chars=20), "line_chars"),
        ("m.md", MINUTES.encode(), Limits(blocks=2), "blocks"),
        ("m.docx", _docx(["Board meeting", "x" * 50]), Limits(line_chars=40), "line_chars"),
        ("m.docx", _docx(["Board meeting"] * 10), Limits(blocks=9), "blocks"),
        ("m.docx", _docx(["Board meeting"]), Limits(xml_bytes=10_000), "xml_bytes"),
        ("m.docx", _docx(["Board meeting"] * 10), Limits(xml_elements=500), "xml_elements"),
    ],
)
def test_an_input_over_a_budget_is_refused_naming_it(
    name: str, data: bytes, limits: Limits, budget: str
) -> None:
    with pytest.raises(BudgetError) as raised:
        read_data(data, name=name, limits=limits)
    line = raised.value.one_line()
    assert raised.value.limit == budget
    assert f"over the {budget} budget" in line and f"--limit {budget}=N" in line
    assert line.startswith(f"{name}: ") and "\n" not in line


@pytest.mark.parametrize(
    ("name", "data"),
    [("m.md", MINUTES.encode()), ("m.docx", _docx(["Board meeting"] * 10))],
)
def test_an_input_at_its_budgets_is_read(name: str, data: bytes) -> None:
    raw = read_data(data, name=name)
    exact = replace(
        Limits(),
        blocks=len(raw.blocks),
        line_chars=max(len(block.text) for block in raw.blocks),
    )
    assert read_data(data, name=name, limits=exact).blocks == raw.blocks


def test_xml_bytes_is_checked_before_inflating() -> None:
    """The declared size decides: a part that would inflate past the budget is never read."""
    bomb = _docx(["Board meeting " * 200_000])
    with pytest.raises(BudgetError, match="xml_bytes"):
        read_data(bomb, name="m.docx", limits=Limits(xml_bytes=1_000_000))
