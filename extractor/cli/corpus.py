"""The ``index``, ``search``, ``export`` and ``report`` commands: from JSON to search and charts.

Registered in :mod:`extractor.cli`. Each takes converted ``.json`` files, folders or globs
(``search`` takes the database instead); a JSON file that is not minutes gets a one-line warning
on stderr and is skipped. Results go to stdout, summaries and warnings to stderr.
"""

from __future__ import annotations

import contextlib
import json
import sys
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from extractor.cli.common import err, fail
from extractor.core import ExtractorError
from extractor.corpus import Hit, LoadedMinutes, Skipped, collect_json, iter_minutes

_MARKS = ("\x02", "\x03")
MAX_RESULTS = 100_000
"""Most results ``search --limit`` asks for (SQLite cannot take an unbounded number)."""


class Label(StrEnum):
    """Entity labels ``--label`` accepts."""

    ORG = "ORG"
    PERSON = "PERSON"
    PLACE = "PLACE"
    DATE = "DATE"
    PROGRAMME = "PROGRAMME"


class SearchFormat(StrEnum):
    """How search results are written."""

    table = "table"
    json = "json"


class ExportFormat(StrEnum):
    """Export formats."""

    opensearch_bulk = "opensearch-bulk"


Paths = Annotated[list[str], typer.Argument(help="Converted .json files, folders or globs.")]
Db = Annotated[Path, typer.Option("--db", help="SQLite database file.")]


def _documents(paths: list[str]) -> list[LoadedMinutes]:
    """Read the documents, warning once per file that is not minutes JSON."""
    try:
        files = collect_json(paths)
    except ExtractorError as e:
        raise fail(e.one_line()) from None
    documents: list[LoadedMinutes] = []
    for result in iter_minutes(files):
        if isinstance(result, Skipped):
            err.print(f"warning: {result.path}: skipped, {result.reason}", markup=False)
        else:
            documents.append(result)
    return documents


def index(
    paths: Paths,
    db: Db = Path("minutes.db"),
    rebuild: Annotated[
        bool,
        typer.Option(
            help="Build a new database from these files and put it in place of --db when done."
        ),
    ] = False,
) -> None:
    """Load converted minutes into a SQLite database with a full-text index, for search.

    Indexing a JSON file again replaces its rows; the same JSON bytes found elsewhere are not
    indexed twice. Files that are not minutes JSON are skipped with a warning. Each run checks
    the database (SQLite integrity, orphan rows, the search index) and says what it repaired.

    Example: extractor index output/ --db minutes.db
    """
    from extractor.corpus import check_index, index_document, open_index

    try:
        files = collect_json(paths)
    except ExtractorError as e:
        raise fail(e.one_line()) from None
    missing = [path for path in files if not path.exists()]
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise fail(f"{missing[0]}: no such file or folder{more}")
    target = db.with_name(f".{db.name}.rebuild") if rebuild else db
    if rebuild:
        _remove_database(target)
    try:
        conn = open_index(target)
    except ExtractorError as e:
        raise fail(e.one_line()) from None
    counts = {"added": 0, "replaced": 0, "unchanged": 0, "skipped": 0}
    try:
        health = check_index(conn, db=db)
        for result in iter_minutes(files):
            if isinstance(result, Skipped):
                err.print(f"warning: {result.path}: skipped, {result.reason}", markup=False)
                counts["skipped"] += 1
                continue
            counts[index_document(conn, result).status] += 1
        total = conn.execute("SELECT count(*) FROM meetings").fetchone()[0]
    except ExtractorError as e:
        conn.close()
        if rebuild:
            _remove_database(target)
        raise fail(e.one_line(), code=1) from None
    conn.close()
    if rebuild:
        try:
            target.replace(db)
        except OSError as e:
            _remove_database(target)
            raise fail(f"{db}: cannot put the rebuilt database in place: {e}", code=1) from None
    if health.orphans or health.rebuilt_search:
        rows = "row" if health.orphans == 1 else "rows"
        repaired = f"removed {health.orphans} {rows} whose meeting, section or item was gone"
        err.print(
            f"warning: {db}: {repaired}"
            + ("; rebuilt the search index" if health.rebuilt_search else ""),
            markup=False,
        )
    done = ", ".join(f"{n} {status}" for status, n in counts.items())
    err.print(f"{db}: {done}; {total} meetings in the index; integrity check passed", markup=False)


def _remove_database(path: Path) -> None:
    """Delete a database file and the journal files SQLite may keep beside it."""
    for name in (path.name, f"{path.name}-journal", f"{path.name}-wal", f"{path.name}-shm"):
        with contextlib.suppress(FileNotFoundError):
            (path.parent / name).unlink()


def search(
    query: Annotated[str, typer.Argument(help='FTS5 query: words, "a phrase", OR, NOT, pre*.')],
    org: Annotated[
        str | None,
        typer.Option(help="Only items mentioning this organisation or said by its people."),
    ] = None,
    label: Annotated[
        Label | None,
        typer.Option(case_sensitive=False, help="Only items with an entity of this label."),
    ] = None,
    speaker: Annotated[str | None, typer.Option(help="Only items by this speaker.")] = None,
    since: Annotated[
        str | None, typer.Option(help="Meetings on or after this date (YYYY[-MM[-DD]]).")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Meetings on or before this date (YYYY[-MM[-DD]]).")
    ] = None,
    db: Db = Path("minutes.db"),
    limit: Annotated[
        int, typer.Option(min=1, max=MAX_RESULTS, help="At most this many results.")
    ] = 20,
    output_format: Annotated[
        SearchFormat, typer.Option("--format", "-f", help="table (rich) or json.")
    ] = SearchFormat.table,
) -> None:
    """Search item text in an index built by `extractor index`, best matches first (BM25).

    --org matches organisations an item mentions (text, canonical name or expansion, so an
    acronym and its long form both work) or its speaker's organisation. No match is not an
    error: exit 0 with "no matches" on stderr (and [] with --format json).

    Example: extractor search "youth violence" --org "Metropolitan Police" --since 2024-01
    """
    from extractor.corpus import SearchFilters, open_index, run_search

    filters = SearchFilters(
        org=org, label=label.value if label else None, speaker=speaker, since=since, until=until
    )
    marks = _MARKS if output_format is SearchFormat.table else ("<mark>", "</mark>")
    try:
        conn = open_index(db, create=False)
        try:
            hits = run_search(conn, query, filters=filters, limit=limit, marks=marks)
        finally:
            conn.close()
    except ExtractorError as e:
        raise fail(e.one_line()) from None
    if output_format is SearchFormat.json:
        sys.stdout.write(json.dumps([asdict(h) for h in hits], ensure_ascii=False, indent=2))
        sys.stdout.write("\n")
    elif hits:
        _print_table(hits)
    if not hits:
        err.print("no matches", markup=False)


def export(
    paths: Paths,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="NDJSON file to write ('-' for stdout).")
    ],
    export_format: Annotated[
        ExportFormat, typer.Option("--format", help="Only opensearch-bulk for now.")
    ] = ExportFormat.opensearch_bulk,
    index_name: Annotated[str, typer.Option("--index", help="Target index name.")] = "minutes",
    mapping: Annotated[
        Path | None, typer.Option(help="Also write the index settings and mappings here.")
    ] = None,
) -> None:
    """Write an OpenSearch/Elasticsearch _bulk body: one document per item, meeting copied in.

    Document ids are stable (source SHA-256 prefix + item id), so sending an export again
    overwrites instead of duplicating. Load with
    curl -H 'Content-Type: application/x-ndjson' -XPOST HOST/_bulk --data-binary @minutes.ndjson

    Example: extractor export output/ --format opensearch-bulk -o minutes.ndjson
    """
    from extractor.corpus import bulk_lines, index_mapping, item_documents, write_bulk
    from extractor.files import write_atomic

    documents = _documents(paths)
    bodies = (body for d in documents for body in item_documents(d, json_path=str(d.path)))
    lines = bulk_lines(bodies, index=index_name)
    try:
        if mapping is not None:
            write_atomic(mapping, json.dumps(index_mapping(), indent=2) + "\n")
        if str(output) == "-":
            count = 0
            for count, line in enumerate(lines, start=1):  # noqa: B007 (count is used after)
                sys.stdout.write(line)
        else:
            count = write_bulk(output, lines)
    except ExtractorError as e:
        raise fail(e.one_line(), code=1) from None
    err.print(
        f"{output}: {count // 2} {export_format.value} documents from {len(documents)} files",
        markup=False,
    )


def report(
    paths: Paths,
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path(
        "report.html"
    ),
    title: Annotated[str, typer.Option(help="Page title.")] = "Minutes dashboard",
) -> None:
    """Write one self-contained HTML dashboard (plotly charts, no network needed to open it).

    Charts: entity mentions by label over time, top organisations and programmes, speakers by
    organisation, priorities/actions/decisions per meeting; then a table linking each meeting
    to its JSON file (relative links, so keep the page beside the output folder).

    Example: extractor report output/ -o report.html
    """
    from extractor.corpus import build_report
    from extractor.files import write_atomic

    documents = _documents(paths)
    if not documents:
        raise fail("no minutes documents to report on")
    try:
        write_atomic(output, build_report(documents, page=output, title=title))
    except ExtractorError as e:
        raise fail(e.one_line(), code=1) from None
    err.print(f"{output}: {len(documents)} meetings", markup=False)


def _print_table(hits: list[Hit]) -> None:
    """Results as a rich table on stdout, matched terms in bold."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=True)
    for name, style in (("date", "cyan"), ("meeting", ""), ("speaker", "green"), ("item", "")):
        table.add_column(name, style=style, overflow="fold")
    for hit in hits:
        snippet = Text()
        for number, part in enumerate(hit.snippet.replace(_MARKS[1], _MARKS[0]).split(_MARKS[0])):
            snippet.append(part, style="bold yellow" if number % 2 else "")
        who = ", ".join(p for p in (hit.speaker, hit.organisation) if p)
        title = f"{hit.meeting_title or Path(hit.json_path).stem} [{hit.item_id}]"
        table.add_row(hit.meeting_date or "", Text(title), Text(who), snippet)
    Console(highlight=False).print(table)
