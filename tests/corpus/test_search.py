import sqlite3
from pathlib import Path

import pytest

from extractor.core import EntityMention, Meeting, Minutes, SearchError, Section, SourceRef, Speaker
from extractor.corpus import read_minutes
from extractor.corpus.index import index_document, open_index
from extractor.corpus.search import SearchFilters, date_bound, name_matches, search
from tests.corpus.search_docs import indexed, item, source, write


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    return indexed(tmp_path_factory.mktemp("search"))


def ids(conn: sqlite3.Connection, query: str, **filters: str) -> list[str]:
    hits = search(conn, query, filters=SearchFilters(**filters))
    return [f"{h.meeting_date}/{h.item_id}" for h in hits]


def test_hits_carry_meeting_speaker_and_a_highlighted_snippet(conn: sqlite3.Connection) -> None:
    [hit] = search(conn, "lighting")
    assert hit.meeting_title == "Riverside Community Safety Forum"
    assert (hit.meeting_date, hit.speaker, hit.organisation) == (
        "2024-03-05",
        "Jane Doe",
        "Riverside Borough Council",
    )
    assert hit.snippet == "Street <mark>lighting</mark> on Mill Lane will be repaired."
    assert hit.json_path.endswith("forum-2024-03-05.json") and hit.item_id == "s1.i2"


def test_porter_stemming_and_custom_marks(conn: sqlite3.Connection) -> None:
    [hit] = search(conn, "repair", marks=("[", "]"))
    assert "[repaired]" in hit.snippet


def test_ranked_by_bm25_best_first(conn: sqlite3.Connection) -> None:
    hits = search(conn, "youth")
    assert len(hits) == 5
    assert [h.score for h in hits] == sorted(h.score for h in hits)


def test_limit(conn: sqlite3.Connection) -> None:
    assert len(search(conn, "youth", limit=2)) == 2


@pytest.mark.parametrize(
    ("org", "expected"),
    [
        # entity text, the expansion of an acronym mention, and the document's acronym list
        ("Community Safety Partnership", ["2024-03-05/s1.i1", "2024-03-05/s2.i1"]),
        ("CSP", ["2024-03-05/s2.i1"]),
        # the section speaker's organisation, as whole words ignoring case
        ("metropolitan police", ["2024-03-05/s2.i1"]),
        # an utterance's own speaker organisation
        ("Hillside Youth Club", ["2023-06-01/s1.i2"]),
        ("Police Serv", []),
    ],
)
def test_org_filter(conn: sqlite3.Connection, org: str, expected: list[str]) -> None:
    assert sorted(ids(conn, "youth", org=org)) == expected


def test_org_filter_matches_canonical_names(conn: sqlite3.Connection) -> None:
    assert ids(conn, "cameras", org="Safer Streets Fund") == []  # a PROGRAMME, not an ORG
    assert ids(conn, "cameras", label="PROGRAMME") == ["2024-03-05/s2.i2"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"label": "date"}, ["2024-03-05/s1.i1"]),
        ({"speaker": "Sam Patel"}, ["2024-03-05/s2.i1"]),
        ({"speaker": "amy"}, ["2023-06-01/s1.i2"]),
        ({"since": "2024"}, ["2024-03-05/s1.i1", "2024-03-05/s2.i1"]),
        ({"until": "2023-06"}, ["2023-06-01/s1.i1", "2023-06-01/s1.i2"]),
        ({"since": "2023-06-02", "until": "2024-03-04"}, []),
    ],
)
def test_filters(conn: sqlite3.Connection, filters: dict[str, str], expected: list[str]) -> None:
    assert sorted(ids(conn, "youth", **filters)) == expected


@pytest.mark.parametrize("query", ["anti-social", '"unbalanced', "speaker: jane", "", "AND"])
def test_bad_query_is_one_line_search_error(conn: sqlite3.Connection, query: str) -> None:
    with pytest.raises(SearchError) as caught:
        search(conn, query)
    assert "\n" not in caught.value.one_line()


def test_quoted_punctuation_works(conn: sqlite3.Connection) -> None:
    assert ids(conn, '"Mill Lane"') == ["2024-03-05/s1.i2"]


@pytest.mark.parametrize(
    ("value", "end", "expected"),
    [
        ("2024", False, "2024-01-01"),
        ("2024", True, "2024-12-31"),
        ("2024-02", True, "2024-02-29"),
        ("2023-02", False, "2023-02-01"),
        ("2024-03-05", True, "2024-03-05"),
    ],
)
def test_date_bound(value: str, end: bool, expected: str) -> None:
    assert date_bound(value, end=end) == expected


@pytest.mark.parametrize("value", ["yesterday", "2024-13", "2023-02-29", "24-01-01"])
def test_bad_date_bound(value: str) -> None:
    with pytest.raises(SearchError, match="not a date"):
        date_bound(value, end=False)


@pytest.mark.parametrize(
    ("haystack", "needle", "expected"),
    [
        ("Metropolitan Police Service", "police", True),
        ("Metropolitan  Police\nService", "Police Service", True),
        ("CSPX Ltd", "CSP", False),
        ("St. Barnabas Church", "St. Barnabas", True),
        (None, "x", False),
    ],
)
def test_name_matches(haystack: str | None, needle: str, expected: bool) -> None:
    assert name_matches(haystack, needle) is expected


def test_org_filter_matches_the_canonical_name_of_a_heading_organisation(
    tmp_path: Path,
) -> None:
    heading = "PC Ann Lee, Met Police"
    start = heading.index("Met Police")
    minutes = Minutes(
        source=source("met.txt"),
        meeting=Meeting(title="Ward panel", date="2024-02-01"),
        sections=[
            Section(
                id="s1",
                heading=heading,
                speaker=Speaker(name="Ann Lee", title="PC", organisation="Met Police"),
                source=SourceRef(line=3),
                entities=[
                    EntityMention(
                        text="Met Police",
                        label="ORG",
                        start=start,
                        end=start + len("Met Police"),
                        canonical="Metropolitan Police Service",
                    )
                ],
                items=[item("s1.i1", "Burglaries fell by a third.")],
            )
        ],
    )
    connection = open_index(tmp_path / "m.db")
    index_document(connection, read_minutes(write(tmp_path / "met.json", minutes)))
    found = ids(connection, "burglaries", org="Metropolitan Police Service")
    assert found == ["2024-02-01/s1.i1"]
    assert ids(connection, "burglaries", org="Greater Manchester Police") == []
