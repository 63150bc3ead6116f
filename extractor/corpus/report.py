"""A one-page HTML dashboard of converted minutes: plotly charts and a table of the meetings.

The page is self-contained: plotly.js is inlined once (``include_plotlyjs=True`` on the first
chart), there are no external styles, fonts or scripts, so it opens without a network. Each
meeting links to its JSON file by a path relative to the page.

Counts come from the documents' own aggregates: an entity "mention" is one occurrence counted
in the document-level ``entities`` list (title, headings, items, attendees and the next-meeting
line); organisations and programmes are grouped by canonical name, else expansion, else text.
"""

from __future__ import annotations

import html
import importlib
import os
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote

from extractor.corpus import LoadedMinutes

LABEL_ORDER: Final = ("ORG", "PERSON", "PLACE", "DATE", "PROGRAMME")
_TOP: Final = 15
_STYLE: Final = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;
padding:1rem 2rem;color:#1f2328}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin:1.6rem 0 .3rem}
.summary{color:#57606a}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid #d0d7de;padding:.3rem .5rem;text-align:left}
td.n{text-align:right}th{background:#f6f8fa}
"""


@dataclass(frozen=True, slots=True)
class MeetingRow:
    """One meeting's line in the dashboard, with a short unique label for chart axes."""

    label: str
    title: str
    date: str | None
    link: str
    sections: int
    items: int
    priorities: int
    actions: int
    decisions: int


def mentions_over_time(docs: Sequence[LoadedMinutes]) -> dict[str, dict[str, int]]:
    """Entity mentions per label per meeting date (``{label: {date: count}}``); undated skipped."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for loaded in docs:
        day = loaded.minutes.meeting.date
        if day is None:
            continue
        for entity in loaded.minutes.entities:
            counts[entity.label][day] += entity.count
    return {label: dict(sorted(counts[label].items())) for label in LABEL_ORDER if label in counts}


def top_names(
    docs: Sequence[LoadedMinutes], label: str, *, limit: int = _TOP
) -> list[tuple[str, int, int]]:
    """The most mentioned names of a label: ``(name, mentions, meetings)``, most first."""
    mentions: Counter[str] = Counter()
    meetings: Counter[str] = Counter()
    for loaded in docs:
        seen: set[str] = set()
        for entity in loaded.minutes.entities:
            if entity.label != label:
                continue
            name = " ".join((entity.canonical or entity.expansion or entity.text).split())
            mentions[name] += entity.count
            seen.add(name)
        meetings.update(seen)
    ranked = sorted(mentions.items(), key=lambda pair: (-pair[1], pair[0].casefold()))
    return [(name, count, meetings[name]) for name, count in ranked[:limit]]


def speakers_by_organisation(
    docs: Sequence[LoadedMinutes], *, limit: int = _TOP
) -> list[tuple[str, int]]:
    """Organisations by how many distinct speakers spoke for them, most first."""
    speakers: dict[str, set[str]] = defaultdict(set)
    spellings: dict[str, str] = {}
    for loaded in docs:
        people = [s.speaker for s in loaded.minutes.sections]
        people += [i.speaker for s in loaded.minutes.sections for i in s.items]
        for person in people:
            if person is None or not person.organisation or not person.name:
                continue
            organisation = " ".join(person.organisation.split())
            key = organisation.casefold()
            spellings.setdefault(key, organisation)
            speakers[key].add(" ".join((person.canonical or person.name).split()).casefold())
    ranked = sorted(speakers.items(), key=lambda pair: (-len(pair[1]), pair[0]))
    return [(spellings[key], len(names)) for key, names in ranked[:limit]]


def meeting_rows(docs: Sequence[LoadedMinutes], *, page: Path) -> list[MeetingRow]:
    """One row per meeting, by date (undated last), linking to its JSON relative to ``page``."""
    ordered = sorted(docs, key=lambda d: (d.minutes.meeting.date or "9999", str(d.path)))
    rows: list[MeetingRow] = []
    used: Counter[str] = Counter()
    for loaded in ordered:
        doc = loaded.minutes
        title = doc.meeting.title or loaded.path.stem
        short = title if len(title) <= 32 else title[:31].rstrip() + "…"
        label = f"{doc.meeting.date or 'undated'} {short}"
        used[label] += 1
        if used[label] > 1:
            label = f"{label} ({used[label]})"
        relative = os.path.relpath(loaded.path.resolve(), page.resolve().parent)
        rows.append(
            MeetingRow(
                label=label,
                title=title,
                date=doc.meeting.date,
                link=quote(Path(relative).as_posix()),
                sections=len(doc.sections),
                items=sum(len(s.items) for s in doc.sections),
                priorities=len(doc.priorities),
                actions=len(doc.action_items),
                decisions=len(doc.decisions),
            )
        )
    return rows


def build_report(
    docs: Sequence[LoadedMinutes], *, page: Path, title: str = "Minutes dashboard"
) -> str:
    """The whole HTML page for ``docs``, to be written at ``page`` (links are relative to it)."""
    go: Any = importlib.import_module("plotly.graph_objects")
    rows = meeting_rows(docs, page=page)
    figures = [
        ("Entity mentions by label over time", _timeline(go, mentions_over_time(docs))),
        ("Top organisations", _bars(go, top_names(docs, "ORG"), "mentions")),
        ("Top programmes", _bars(go, top_names(docs, "PROGRAMME"), "mentions")),
        ("Speakers by organisation", _bars(go, speakers_by_organisation(docs), "speakers")),
        ("Priorities, actions and decisions per meeting", _per_meeting(go, rows)),
    ]
    charts = []
    for position, (heading, figure) in enumerate(figures):
        div = figure.to_html(
            full_html=False,
            include_plotlyjs=position == 0,
            config={"displaylogo": False, "responsive": True},
            div_id=f"chart-{position + 1}",
        )
        charts.append(f'<section class="chart"><h2>{html.escape(heading)}</h2>{div}</section>')
    dated = sorted(r.date for r in rows if r.date)
    span = f", {dated[0]} to {dated[-1]}" if dated else ""
    summary = (
        f"{len(rows)} meetings{span}; {sum(r.items for r in rows)} items, "
        f"{sum(r.priorities for r in rows)} priorities, {sum(r.actions for r in rows)} actions, "
        f"{sum(r.decisions for r in rows)} decisions."
    )
    undated = len(rows) - len(dated)
    if undated:
        summary += f" {undated} undated meetings are left out of the timeline."
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f'<h1>{html.escape(title)}</h1>\n<p class="summary">{html.escape(summary)}</p>\n'
        + "\n".join(charts)
        + f"\n<section><h2>Meetings</h2>\n{_table(rows)}\n</section>\n</body>\n</html>\n"
    )


def _layout(figure: Any, *, height: int, empty: bool) -> Any:
    """Shared look; an annotation in place of an empty chart."""
    figure.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 36, "b": 10},
        template="plotly_white",
        legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
    )
    if empty:
        figure.add_annotation(text="no data", showarrow=False, font={"size": 16})
        figure.update_xaxes(visible=False)
        figure.update_yaxes(visible=False)
    return figure


def _timeline(go: Any, series: dict[str, dict[str, int]]) -> Any:
    """Stacked bars of mentions per label, one slot per meeting date (meetings are irregular)."""
    dates = sorted({day for by_date in series.values() for day in by_date})
    figure = go.Figure(
        [
            go.Bar(x=dates, y=[by_date.get(day, 0) for day in dates], name=label)
            for label, by_date in series.items()
        ]
    )
    figure.update_layout(barmode="stack")
    figure.update_xaxes(type="category", tickangle=-45, automargin=True)
    figure.update_yaxes(title_text="mentions")
    return _layout(figure, height=380, empty=not series)


def _bars(go: Any, ranked: Sequence[tuple[Any, ...]], measure: str) -> Any:
    """Horizontal bars, largest on top; a third value (meetings) goes in the hover text."""
    names = [str(row[0]) for row in reversed(ranked)]
    values = [row[1] for row in reversed(ranked)]
    extra = [f"{row[2]} meetings" if len(row) > 2 else "" for row in reversed(ranked)]
    figure = go.Figure(
        go.Bar(
            x=values,
            y=names,
            orientation="h",
            customdata=extra,
            hovertemplate=f"%{{y}}: %{{x}} {measure} %{{customdata}}<extra></extra>",
        )
    )
    figure.update_xaxes(title_text=measure)
    figure.update_yaxes(automargin=True)
    return _layout(figure, height=max(240, 28 * len(names) + 80), empty=not ranked)


def _per_meeting(go: Any, rows: Sequence[MeetingRow]) -> Any:
    """Grouped bars of priorities, actions and decisions for each meeting, by date."""
    labels = [r.label for r in rows]
    figure = go.Figure(
        [
            go.Bar(name="priorities", x=labels, y=[r.priorities for r in rows]),
            go.Bar(name="actions", x=labels, y=[r.actions for r in rows]),
            go.Bar(name="decisions", x=labels, y=[r.decisions for r in rows]),
        ]
    )
    figure.update_layout(barmode="group")
    figure.update_xaxes(tickangle=-45, automargin=True)
    empty = not any(r.priorities or r.actions or r.decisions for r in rows)
    return _layout(figure, height=460, empty=empty)


def _table(rows: Sequence[MeetingRow]) -> str:
    """The meetings table, each title linking to its JSON file."""
    head = (
        "<tr><th>Date</th><th>Meeting</th><th>Sections</th><th>Items</th>"
        "<th>Priorities</th><th>Actions</th><th>Decisions</th></tr>"
    )
    body = [
        f"<tr><td>{html.escape(r.date or '')}</td>"
        f'<td><a href="{html.escape(r.link)}">{html.escape(r.title)}</a></td>'
        f'<td class="n">{r.sections}</td><td class="n">{r.items}</td>'
        f'<td class="n">{r.priorities}</td><td class="n">{r.actions}</td>'
        f'<td class="n">{r.decisions}</td></tr>'
        for r in rows
    ]
    return (
        f'<table id="meetings">\n<thead>{head}</thead>\n<tbody>\n'
        + "\n".join(body)
        + ("\n</tbody>\n</table>")
    )
