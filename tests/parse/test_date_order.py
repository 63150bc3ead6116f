"""The order of a document's numeric dates."""

from __future__ import annotations

import pytest

from extractor.parse.date_order import day_first, month_first


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        (["12/23/2014", "10/01/2014"], True),
        (["23/12/2014", "10/01/2014"], False),
        (["10/01/2014", "03/05/2018"], False),
        (["12/23/2014", "24/12/2014"], False),
        (["9/24/2014", "1/14/2015", "25/1/2015", "March 2014"], True),
        (["2014-12-23"], False),
    ],
)
def test_month_first(dates: list[str], expected: bool) -> None:
    assert month_first(dates) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("9/24/2014", "24/9/2014"), ("10.01.14", "01.10.14"), ("March 2014", "March 2014")],
)
def test_day_first(text: str, expected: str) -> None:
    assert day_first(text) == expected
