"""The order of a document's numeric dates, decided once from the document's own evidence."""

from __future__ import annotations

import pytest

from extractor.core import DateOrder
from extractor.parse.date_order import writes_month_first


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["Date: 03/05/2018", "payment made on 12/23/2017"], True),
        (["Date: 03/05/2018", "payment made on 23/12/2017"], False),
        (["Date: 03/05/2018", "review on 04/06/2018"], False),
        (["12/23/2014 and 24/12/2014"], False),
        (["9/24/2014", "1/14/2015", "25/1/2015", "March 2014"], True),
        (["Meeting 2014-12-23", "then 03/05/2018"], False),
        (["Tuesday 5 March 2024 (05/03/2024)"], False),
        (["Tuesday March 5, 2024 (03/05/2024)"], True),
        (["Tuesday March 5 (03/05/2024)"], True),
        (["March 5, 2023 and 03/05/2024"], False),
        (["node 1.14.15 and 1.16.12"], False),
        (["on 12.23.2017"], True),
        (["45/12/2018 is no date, nor is 12/45/2018"], False),
        ([], False),
    ],
)
def test_the_documents_evidence_decides(texts: list[str], expected: bool) -> None:
    assert writes_month_first(texts) is expected


@pytest.mark.parametrize(
    ("order", "expected"),
    [("day-first", False), ("month-first", True), ("auto", True)],
)
def test_a_setting_other_than_auto_skips_the_vote(order: DateOrder, expected: bool) -> None:
    assert writes_month_first(["paid on 12/23/2017"], order=order) is expected
    assert writes_month_first(["paid on 03/05/2018"], order=order) is (order == "month-first")
