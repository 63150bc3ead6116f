import re
from pathlib import Path

import pytest

from extractor.core import DocumentEntity
from extractor.corpus import LoadedMinutes, read_minutes
from extractor.corpus.report import (
    build_report,
    meeting_rows,
    mentions_over_time,
    speakers_by_organisation,
    top_names,
)
from tests.corpus.search_docs import forum, write, write_all


@pytest.fixture
def docs(tmp_path: Path) -> list[LoadedMinutes]:
    return [read_minutes(p) for p in write_all(tmp_path / "out")]


def test_mentions_over_time_by_label_and_date(docs: list[LoadedMinutes]) -> None:
    assert mentions_over_time(docs) == {}
    docs[0].minutes.entities = [
        DocumentEntity(text="CSP", label="ORG", count=3),
        DocumentEntity(text="April 2024", label="DATE", value="2024-04", count=1),
    ]
    assert mentions_over_time(docs) == {"ORG": {"2024-03-05": 3}, "DATE": {"2024-03-05": 1}}


def test_top_names_prefer_canonical_then_expansion(tmp_path: Path) -> None:
    docs = []
    for number in range(2):
        minutes = forum()
        minutes.source.sha256 = f"{number:064d}"
        minutes.entities = [
            DocumentEntity(
                text="CSP", label="ORG", expansion="Community Safety Partnership", count=2
            ),
            DocumentEntity(text="Community Safety Partnership", label="ORG", count=1),
            DocumentEntity(text="the Met", label="ORG", canonical="Metropolitan Police", count=1),
            DocumentEntity(text="Safer Streets", label="PROGRAMME", count=4),
        ]
        docs.append(read_minutes(write(tmp_path / f"{number}.json", minutes)))
    assert top_names(docs, "ORG") == [
        ("Community Safety Partnership", 6, 2),
        ("Metropolitan Police", 2, 2),
    ]
    assert top_names(docs, "PROGRAMME", limit=1) == [("Safer Streets", 8, 2)]


def test_speakers_by_organisation_counts_distinct_people(docs: list[LoadedMinutes]) -> None:
    assert speakers_by_organisation(docs) == [
        ("Hillside Youth Club", 1),
        ("Metropolitan Police Service", 1),
        ("Riverside Borough Council", 1),
    ]


def test_meeting_rows_are_dated_first_with_relative_links(
    tmp_path: Path, docs: list[LoadedMinutes]
) -> None:
    rows = meeting_rows(docs, page=tmp_path / "site" / "report.html")
    assert [r.date for r in rows] == ["2023-06-01", "2024-03-05", None]
    assert rows[0].link == "../out/2023/parish-2023-06-01.json"
    assert rows[2].label == "undated notes"
    assert (rows[1].priorities, rows[1].actions, rows[1].decisions, rows[1].items) == (1, 1, 1, 4)


def test_duplicate_labels_are_made_unique(tmp_path: Path) -> None:
    paths = [write(tmp_path / f"{n}.json", forum()) for n in ("a", "b")]
    rows = meeting_rows([read_minutes(p) for p in paths], page=tmp_path / "r.html")
    assert len({r.label for r in rows}) == 2


def test_page_is_self_contained_with_charts_and_links(
    tmp_path: Path, docs: list[LoadedMinutes]
) -> None:
    page = build_report(docs, page=tmp_path / "report.html", title="Council <minutes>")
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n")
    assert "<title>Council &lt;minutes&gt;</title>" in page
    assert page.count("Plotly.newPlot") == 5 and len(re.findall(r'id="chart-\d"', page)) == 5
    assert len(page) > 1_000_000  # plotly.js inlined once
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"https?:", page)
    assert 'href="out/forum-2024-03-05.json">Riverside Community Safety Forum</a>' in page
    assert "1 undated meetings are left out of the timeline" in page
