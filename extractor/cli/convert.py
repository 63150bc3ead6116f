"""The ``extractor convert`` command: batch conversion with progress, logs and a summary.

Registered in :mod:`extractor.cli`. Progress goes to standard error: a rich progress bar on a
terminal, one plain line per file elsewhere (or with ``--quiet`` only failures), or one JSON
object per file with ``--json-log``.
"""

from __future__ import annotations

import json
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from extractor.cli.common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    ConfigOption,
    DateOrderOption,
    LimitOption,
    MaxBytesOption,
    err,
    fail,
)
from extractor.core import (
    KNOWN_EXTENSIONS,
    ExtractorError,
    InputError,
    check_date_order,
    load_config,
    merge_options,
    parse_limit_flags,
)
from extractor.files import InputFile, Walk, collect_inputs, describe_skipped

KNOWN = ", ".join(KNOWN_EXTENSIONS)


class RateColumn(ProgressColumn):
    """Files per second so far."""

    def render(self, task: Task) -> Text:
        """Show the task's speed in files/s."""
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} files/s" if speed else "", style="progress.data.speed")


def convert(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders or globs of .docx/.odt/.rtf/.txt/.md/.pdf.")
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="Output folder.")] = Path("output"),
    keep_extension: Annotated[
        bool, typer.Option(help="Name outputs <stem>.<ext>.json so a.txt and a.docx do not clash.")
    ] = False,
    force: Annotated[
        bool, typer.Option(help="Convert every input, even those whose output is up to date.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Worker processes (default: one per core)."),
    ] = None,
    jsonl: Annotated[
        Path | None, typer.Option(help="Also write every document into this JSON Lines file.")
    ] = None,
    engine: Annotated[
        Literal["local", "dask"], typer.Option(help="Run here (local) or on a Dask cluster.")
    ] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address for --engine dask (tcp://HOST:PORT).")
    ] = None,
    model: Annotated[
        str | None, typer.Option(help="spaCy model: auto, blank (rules only) or a package name.")
    ] = None,
    patterns: Annotated[
        list[Path] | None, typer.Option("--patterns", help="Extra entity pattern file (JSONL).")
    ] = None,
    acronyms: Annotated[
        Path | None, typer.Option("--acronyms", help="Acronym dictionary (JSON or TSV).")
    ] = None,
    max_bytes: MaxBytesOption = None,
    limit: LimitOption = None,
    date_order: DateOrderOption = None,
    config: ConfigOption = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Only errors and the summary.")
    ] = False,
    json_log: Annotated[
        bool, typer.Option(help="Log one JSON object per file on stderr (for log collectors).")
    ] = False,
    debug: Annotated[bool, typer.Option(help="Show tracebacks for failures.")] = False,
    follow_symlinks: Annotated[
        bool, typer.Option(help="Convert links in input folders that lead outside them.")
    ] = False,
) -> None:
    """Convert minutes to JSON, one file per input, mirroring folders under the output folder.

    Inputs whose output is already up to date (same bytes, same pipeline) are skipped; use
    --force to redo them. Exit status: 0 all converted, 1 some failed, 2 usage error.

    Example: extractor convert minutes/ notes/*.docx -o output/ --jsonl output/all.jsonl
    """
    from extractor.batch import BatchSettings, default_jobs, run_batch
    from extractor.pipeline import acronyms_for, nlp_for, pipeline_warnings

    passed_over: list[Path] = []
    try:
        walk = Walk(follow_symlinks=follow_symlinks)
        inputs = collect_inputs(
            paths, keep_extension=keep_extension, skipped=passed_over, walk=walk
        )
        order = None if date_order is None else check_date_order(date_order, name="--date-order")
        options = merge_options(
            load_config(config),
            model=model,
            patterns=tuple(patterns or ()),
            acronym_dict=acronyms,
            max_bytes=max_bytes,
            date_order=order,
            limits=parse_limit_flags(limit or []),
        )
        nlp = nlp_for(options)
        acronyms_for(options)  # a bad dictionary is a usage error before any work starts
    except ExtractorError as e:
        raise fail(e.one_line()) from None
    if engine == "dask" and not scheduler:
        raise fail("--engine dask needs --scheduler tcp://HOST:PORT")
    for notice in pipeline_warnings(nlp):
        err.print(f"warning: {notice}", markup=False)
    for link, searched in walk.skipped:
        err.print(
            f"warning: {link}: skipped, a link to a file outside {searched} "
            "(--follow-symlinks converts it)",
            markup=False,
        )
    settings = BatchSettings(
        output=output,
        force=force,
        jobs=jobs or default_jobs(len(inputs)),
        engine=engine,
        scheduler=scheduler,
        jsonl=jsonl,
    )
    counts: Counter[str] = Counter()
    for folder in _empty_folders(paths, inputs):
        counts["failed"] += 1
        problem = InputError(f"is a folder with no minutes in it (looked for {KNOWN})", path=folder)
        _log("failed", folder, problem, quiet=quiet, as_json=json_log)
    plain = quiet or json_log or not err.is_terminal
    try:
        with _progress(len(inputs), enabled=not plain) as advance:
            for event in run_batch(inputs, options=options, settings=settings):
                counts[event.status] += 1
                _log(event.status, str(event.item.path), event.error, quiet=quiet, as_json=json_log)
                if event.error is not None and debug:
                    err.print(Text("".join(traceback.format_exception(event.error))))
                advance()
    except ExtractorError as e:
        raise fail(e.one_line()) from None
    except KeyboardInterrupt:
        err.print(f"interrupted: {_summary(counts)}; written files are complete", markup=False)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    if passed_over:
        err.print(describe_skipped(passed_over), markup=False)
    err.print(_summary(counts), markup=False)
    raise typer.Exit(EXIT_FAILED if counts["failed"] else EXIT_OK)


def _empty_folders(arguments: list[str], inputs: list[InputFile]) -> list[str]:
    """Folders named on the command line that gave no input: nothing in them is minutes."""
    folders = [Path(argument) for argument in arguments if Path(argument).is_dir()]
    return [
        str(folder)
        for folder in folders
        if not any(item.path.is_relative_to(folder) for item in inputs)
    ]


def _summary(counts: Counter[str]) -> str:
    """``41 converted, 2 failed`` (and how many were skipped as up to date, if any)."""
    line = f"{counts['converted']} converted, {counts['failed']} failed"
    return f"{line}, {counts['skipped']} up to date" if counts["skipped"] else line


def _log(
    status: str, path: str, error: ExtractorError | None, *, quiet: bool, as_json: bool
) -> None:
    """Report one file: failures always; the rest unless ``quiet`` or on a progress bar."""
    if as_json:
        record = {"path": path, "status": status, "error": error.message if error else None}
        err.print(json.dumps(record, ensure_ascii=False), markup=False, highlight=False)
    elif error is not None:
        err.print(f"error: {error.one_line()}", markup=False)
    elif not quiet and not err.is_terminal:
        err.print(f"{status} {path}", markup=False)


@contextmanager
def _progress(total: int, *, enabled: bool) -> Iterator[Callable[[], None]]:
    """A progress bar with files done, rate and ETA on a terminal; a no-op elsewhere."""
    if not enabled or total < 2:
        yield lambda: None
        return
    columns = (
        TextColumn("[bold]converting"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err) as progress:
        task = progress.add_task("convert", total=total)
        yield lambda: progress.advance(task)
