"""The ``extractor validate`` command: check minutes in CI before they are published.

Registered in :mod:`extractor.cli` with ``app.command("validate")(validate)``. Findings go to
standard output in the chosen format; the one-line summary goes to standard error.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from extractor.cli.common import ConfigOption, DateOrderOption, MaxBytesOption


class OutputFormat(StrEnum):
    """How findings are written."""

    text = "text"
    json = "json"
    github = "github"


def validate(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Minutes (.docx/.odt/.rtf/.txt/.md/.pdf) or .json: files, folders, globs."
        ),
    ],
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="text (path:line: severity: message [code]), json, or github annotations.",
        ),
    ] = OutputFormat.text,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail on warnings too, not only on errors.")
    ] = False,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", help="Switch a rule off by its code (repeatable; a,b allowed)."),
    ] = None,
    config: ConfigOption = None,
    max_bytes: MaxBytesOption = None,
    date_order: DateOrderOption = None,
) -> None:
    """Check minutes before they are published; exit 1 if any file fails, 2 on usage errors.

    Rules: no-title, no-date, bad-date, weekday-mismatch, next-meeting-not-after,
    duplicate-section (errors); speaker-without-name, empty-section, empty-item,
    content-before-first-section, multiple-meetings, no-sections, unexpanded-acronym
    (warnings); unreadable and, for .json files, schema (errors). --strict makes warnings fail.

    Example: extractor validate minutes/ --strict --ignore unexpanded-acronym --format github
    """
    from extractor.cli.common import EXIT_FAILED, EXIT_OK, err, fail
    from extractor.core import DEFAULT_MAX_BYTES, ExtractorError, check_date_order, load_config
    from extractor.files import describe_skipped
    from extractor.validate import (
        FileReport,
        Summary,
        collect_targets,
        format_github,
        format_json,
        format_text,
        rule_codes,
        validate_paths,
    )

    passed_over: list[Path] = []
    try:
        settings = load_config(config)
        origin = str(settings.path) if settings.path else None
        ignored = rule_codes(settings.ignore, origin=origin) | rule_codes(ignore or ())
        targets = collect_targets(paths, skipped=passed_over)
        order = settings.date_order or "auto"
        if date_order is not None:
            order = check_date_order(date_order, name="--date-order")
    except ExtractorError as e:
        raise fail(e.one_line()) from None
    limit = max_bytes or settings.max_bytes or DEFAULT_MAX_BYTES
    reports: list[FileReport] = []
    for report in validate_paths(targets, max_bytes=limit, ignore=ignored, date_order=order):
        reports.append(report)
        if output_format is OutputFormat.text:
            sys.stdout.write(format_text(report.findings))
        elif output_format is OutputFormat.github:
            sys.stdout.write(format_github(report.findings))
    if output_format is OutputFormat.json:
        sys.stdout.write(format_json(reports, strict=strict))
    summary = Summary.of(reports, strict=strict)
    if passed_over:
        err.print(describe_skipped(passed_over), markup=False)
    if output_format is not OutputFormat.json:
        err.print(summary.line(), markup=False)
    raise typer.Exit(EXIT_FAILED if summary.failed else EXIT_OK)
