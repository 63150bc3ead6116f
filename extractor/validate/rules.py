"""The checks ``extractor validate`` runs on segmented minutes, each with a stable code.

Every rule is a function of a :class:`CheckedDocument` (the read blocks, the segmented
:class:`~extractor.core.models.Minutes` and the empty list items the source holds) that yields
findings. No rule needs a statistical model; dates come from :mod:`extractor.parse.dates`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from extractor.core import Block, Minutes, MinutesWarning, Origin, RawDocument, Section, SourceRef
from extractor.lexicon import OFFICES
from extractor.parse import is_org_like, is_role_like
from extractor.validate.acronyms import unexpanded_acronyms
from extractor.validate.dates import bad_dates, weekday_mismatches
from extractor.validate.findings import Finding, Severity


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's code, its severity and what it means, as the documentation lists them."""

    code: str
    severity: Severity
    summary: str


RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule("unreadable", "error", "the file cannot be read as minutes (or as JSON)"),
        Rule("schema", "error", "a JSON file breaks the published minutes schema"),
        Rule("no-title", "error", "no meeting title found"),
        Rule("no-date", "error", "no meeting date found"),
        Rule("bad-date", "error", "a date that cannot exist (31 February) or a misspelt month"),
        Rule("weekday-mismatch", "error", "a weekday that contradicts its date"),
        Rule("next-meeting-not-after", "error", "the next meeting is not after this one"),
        Rule("duplicate-section", "error", "a section pasted twice (same heading, same items)"),
        Rule("speaker-without-name", "warning", "a speaker header with a role but no name"),
        Rule("empty-section", "warning", "a section header with nothing under it"),
        Rule("empty-item", "warning", "a bullet or number with no text"),
        Rule(
            "content-before-first-section",
            "warning",
            "content between the meeting header and the first section",
        ),
        Rule("multiple-meetings", "warning", "one file holds several meetings"),
        Rule("no-sections", "warning", "no section headers found at all"),
        Rule("unexpanded-acronym", "warning", "an acronym the minutes never spell out"),
    )
}
"""Every rule code, in the order the documentation lists them."""

Where = Origin | SourceRef | MinutesWarning | None


@dataclass(frozen=True, slots=True)
class CheckedDocument:
    """What the rules look at: the read blocks, the segmented minutes, empty list items."""

    path: str
    raw: RawDocument
    minutes: Minutes
    empty_items: tuple[Origin, ...] = ()


def finding(doc: CheckedDocument, code: str, message: str, where: Where) -> Finding:
    """Make a finding of rule ``code`` at ``where`` (block origin, source ref or warning)."""
    return Finding(
        path=doc.path,
        code=code,
        severity=RULES[code].severity,
        message=message,
        line=where.line if where is not None else None,
        paragraph=where.paragraph if where is not None else None,
    )


def _same_place(where: Where, origin: Origin) -> bool:
    return (
        where is not None
        and where.line == origin.line
        and where.paragraph == origin.paragraph
        and (not isinstance(where, SourceRef) or where.row == origin.row)
    )


def _block_at(doc: CheckedDocument, where: Where) -> int | None:
    """Index of the first block that sits at ``where``."""
    return next((i for i, b in enumerate(doc.raw.blocks) if _same_place(where, b.origin)), None)


def _header_region(doc: CheckedDocument) -> list[Block]:
    """Return the blocks before the first titled section (all blocks when there is none)."""
    titled = [s for s in doc.minutes.sections if s.heading]
    first = _block_at(doc, titled[0].source) if titled else None
    return doc.raw.blocks[:first] if first is not None else doc.raw.blocks


def _first_origin(doc: CheckedDocument) -> Origin | None:
    return doc.raw.blocks[0].origin if doc.raw.blocks else None


def check_header(doc: CheckedDocument) -> Iterator[Finding]:
    """``no-title``, ``no-date`` (unless the date is there but impossible) and ``bad-date``."""
    meeting = doc.minutes.meeting
    where: Where = meeting.source or _first_origin(doc)
    if not meeting.title:
        yield finding(doc, "no-title", "no meeting title found", where)
    bad = [(block, message) for block in doc.raw.blocks for message in bad_dates(block.text)]
    header = {id(block) for block in _header_region(doc)}
    if not meeting.date and not any(id(block) in header for block, _ in bad):
        yield finding(doc, "no-date", "no meeting date found in the header", where)
    for block, message in bad:
        yield finding(doc, "bad-date", message, block.origin)


def check_weekdays(doc: CheckedDocument) -> Iterator[Finding]:
    """``weekday-mismatch`` for every dated line whose weekday is wrong."""
    year = date.fromisoformat(doc.minutes.meeting.date).year if doc.minutes.meeting.date else None
    for block in doc.raw.blocks:
        for message in weekday_mismatches(block.text, meeting_year=year):
            yield finding(doc, "weekday-mismatch", message, block.origin)


def check_next_meeting(doc: CheckedDocument) -> Iterator[Finding]:
    """``next-meeting-not-after``: the next meeting's date is on or before this meeting's."""
    meeting, upcoming = doc.minutes.meeting, doc.minutes.next_meeting
    if not (meeting.date and upcoming and upcoming.date) or upcoming.date > meeting.date:
        return
    when = "the same day as" if upcoming.date == meeting.date else "before"
    message = f"the next meeting ({upcoming.date}) is {when} this meeting ({meeting.date})"
    yield finding(doc, "next-meeting-not-after", message, upcoming.source)


_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?\s")


def _is_parent(doc: CheckedDocument, section: Section, following: Section | None) -> bool:
    """Tell whether ``following`` is a subsection of ``section`` (deeper, or "4." → "4.1")."""
    if following is None:
        return False
    number, sub = _NUMBERED.match(section.heading), _NUMBERED.match(following.heading)
    if number and sub and sub.group(1).startswith(number.group(1) + "."):
        return True
    here, there = _block_at(doc, section.source), _block_at(doc, following.source)
    if here is None or there is None:
        return False
    a, b = doc.raw.blocks[here], doc.raw.blocks[there]
    return a.kind == b.kind == "heading" and b.level > a.level


def check_sections(doc: CheckedDocument) -> Iterator[Finding]:
    """``empty-section``, ``duplicate-section`` and ``speaker-without-name``.

    A file of several meetings repeats sections ("Team Members") by design: no duplicates there.
    """
    sections = doc.minutes.sections
    several = any(w.code == "multiple-meetings" for w in doc.minutes.warnings)
    seen: dict[tuple[str, tuple[str, ...]], Section] = {}
    for k, section in enumerate(sections):
        following = sections[k + 1] if k + 1 < len(sections) else None
        heading = " ".join(section.heading.split())
        if not section.items and heading and not _is_parent(doc, section, following):
            yield finding(doc, "empty-section", f"section {heading!r} has no items", section.source)
        key = (heading.casefold(), tuple(" ".join(i.text.split()) for i in section.items))
        if section.items and key in seen and not several:
            first = seen[key].source
            at = f"line {first.line}" if first.line is not None else f"paragraph {first.paragraph}"
            message = f"section {heading!r} repeats the section at {at} (same heading and items)"
            yield finding(doc, "duplicate-section", message, section.source)
        seen.setdefault(key, section)
        if heading and _nameless_speaker(section):
            message = f"the header {heading!r} names a role or organisation but no person"
            yield finding(doc, "speaker-without-name", message, section.source)
    if any(s.speaker is not None and s.speaker.name for s in sections):
        yield from _nameless_header_items(doc)


def _nameless_header_items(doc: CheckedDocument) -> Iterator[Finding]:
    """Lines kept as items because they name no one, though they read as a speaker header.

    In minutes whose sections open with speaker headers, a "Role, Organisation" line followed
    by bullets is a header whose name is missing.
    """
    for section in doc.minutes.sections:
        for item, after in zip(section.items, section.items[1:], strict=False):
            if (
                item.kind in ("paragraph", "caption")
                and after.kind in ("bullet", "numbered")
                and _role_and_org(item.text)
            ):
                message = f"the line {item.text!r} reads as a speaker header but names no person"
                yield finding(doc, "speaker-without-name", message, item.source)


_PARTS = re.compile(r"\s*,\s*|\s+[–—-]\s+|\s+at\s+(?=[A-Z])")


def _nameless_speaker(section: Section) -> bool:
    """Spot a header that reads like "Role, Organisation" (a speaker header) with no name."""
    speaker = section.speaker
    if speaker is not None and speaker.name:
        return False
    if speaker is not None and (speaker.role or speaker.organisation):
        return True
    return _role_and_org(section.heading)


def _role_and_org(text: str) -> bool:
    """Tell whether ``text`` is a short "Role, Organisation" line (a role part and an org part)."""
    heading = re.sub(r"^\s*(?:\d+(?:\.\d+)*\.?|[A-Z][.)])\s+", "", text)
    parts = [p for p in _PARTS.split(heading.strip(" :.")) if p]
    if len(parts) < 2 or len(heading.split()) > 16:
        return False
    roles = [p for p in parts if is_role_like(p) or p.split()[0].lower().strip(".") in OFFICES]
    orgs = [p for p in parts if is_org_like(p) and p not in roles]
    return bool(roles) and bool(orgs)


def check_empty_items(doc: CheckedDocument) -> Iterator[Finding]:
    """``empty-item``: a list marker with no text after it."""
    for origin in doc.empty_items:
        yield finding(doc, "empty-item", "a list item with a marker but no text", origin)


def check_acronyms(doc: CheckedDocument) -> Iterator[Finding]:
    """``unexpanded-acronym``: one finding per acronym, at its first use."""
    texts = [(block.text, block.cells) for block in doc.raw.blocks]
    for short, index in unexpanded_acronyms(texts):
        message = f"the acronym {short!r} is never spelled out in these minutes"
        yield finding(doc, "unexpanded-acronym", message, doc.raw.blocks[index].origin)


def check_recorded(doc: CheckedDocument) -> Iterator[Finding]:
    """Warnings the reader and segmenter recorded under a rule code (``multiple-meetings``, …)."""
    for warning in doc.minutes.warnings:
        if warning.code in RULES:
            yield finding(doc, warning.code, warning.message, warning)


CHECKS: tuple[Callable[[CheckedDocument], Iterator[Finding]], ...] = (
    check_header,
    check_weekdays,
    check_next_meeting,
    check_sections,
    check_empty_items,
    check_acronyms,
    check_recorded,
)


def run_rules(doc: CheckedDocument, *, ignore: frozenset[str] = frozenset()) -> list[Finding]:
    """Every finding of every rule not in ``ignore``, one per (code, place), in document order."""
    found: dict[tuple[str, int | None, int | None], Finding] = {}
    for check in CHECKS:
        for f in check(doc):
            if f.code in ignore:
                continue
            key = (f.code, f.line, f.paragraph)
            if f.code == "bad-date" or f.code == "unexpanded-acronym":
                key = (f"{f.code}:{f.message}", f.line, f.paragraph)
            found.setdefault(key, f)
    return sorted(found.values(), key=sort_key)


def sort_key(f: Finding) -> tuple[int, int, str]:
    """Order findings by place (whole-file findings first), then by code."""
    place = f.line if f.line is not None else f.paragraph
    return (-1 if place is None else place, 0 if place is None else 1, f.code)
