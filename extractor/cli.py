"""The command line: a thin layer over the library that turns its errors into one-line messages.

This is the only module that prints.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)

from extractor import __version__
from extractor.emit import write_atomic
from extractor.errors import ExtractorError
from extractor.inputs import InputFile, collect_inputs
from extractor.config import load_config, merge_options
from extractor.schema import schema_text

if TYPE_CHECKING:
    from extractor.pipeline import Result

app = typer.Typer(
    name="extractor",
    help="Meeting minutes (.docx, .txt, .md) to structured, schema-validated JSON.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _version(value: bool) -> None:
    if value:
        typer.echo(f"extractor {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Meeting minutes (.docx, .txt, .md) to structured, schema-validated JSON."""


def _fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    err.print(f"error: {message}", markup=False)
    return typer.Exit(code)


@app.command()
def convert(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or globs of .docx/.txt/.md.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Output folder.")] = Path("output"),
    keep_extension: Annotated[
        bool, typer.Option(help="Name outputs <stem>.<ext>.json so a.txt and a.docx do not clash.")
    ] = False,
    model: Annotated[
        str | None, typer.Option(help="spaCy model: auto, blank (rules only) or a package name.")
    ] = None,
    patterns: Annotated[
        list[Path] | None, typer.Option("--patterns", help="Extra entity pattern file (JSONL).")
    ] = None,
    acronyms: Annotated[
        Path | None, typer.Option("--acronyms", help="Acronym dictionary (JSON or TSV).")
    ] = None,
    max_bytes: Annotated[
        int | None, typer.Option(help="Refuse inputs larger than this many bytes (default 20 MB).")
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(help="TOML settings file (default: [tool.extractor] in pyproject.toml)."),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Only errors and the summary.")
    ] = False,
    debug: Annotated[bool, typer.Option(help="Show tracebacks for failures.")] = False,
) -> None:
    """Convert minutes to JSON, one file per input, mirroring folders under the output folder.

    Example: extractor convert minutes/ notes/*.docx -o output/
    """
    from extractor.pipeline import convert_many, nlp_for, pipeline_notices

    try:
        inputs = collect_inputs(paths, keep_extension=keep_extension)
        options = merge_options(
            load_config(config),
            model=model,
            patterns=tuple(patterns or ()),
            acronym_dict=acronyms,
            max_bytes=max_bytes,
        )
        nlp = nlp_for(options)
    except ExtractorError as e:
        raise _fail(e.one_line()) from None
    for notice in pipeline_notices(nlp):
        err.print(f"warning: {notice}", markup=False)
    converted = failed = 0
    by_path = {item.path: item for item in inputs}
    try:
        with _progress(len(inputs), enabled=not quiet) as advance:
            for result in convert_many(by_path, options=options, nlp=nlp):
                if _write(result, by_path[result.path], output, debug=debug):
                    converted += 1
                    if not quiet and not err.is_terminal:
                        err.print(f"converted {result.path}", markup=False)
                else:
                    failed += 1
                advance()
    except KeyboardInterrupt:
        err.print(
            f"interrupted: {converted} converted, {failed} failed; written files are complete"
        )
        raise typer.Exit(EXIT_INTERRUPTED) from None
    err.print(f"{converted} converted, {failed} failed", markup=False)
    raise typer.Exit(EXIT_FAILED if failed else EXIT_OK)


def _write(result: Result, item: InputFile, output: Path, *, debug: bool) -> bool:
    """Write one result's JSON, or report its error; True when a file was written."""
    if result.error is None and result.text is not None:
        try:
            write_atomic(output / item.relative_output, result.text)
            return True
        except ExtractorError as e:
            result.error = e
    assert result.error is not None
    err.print(f"error: {result.error.one_line()}", markup=False)
    if debug:
        err.print("".join(traceback.format_exception(result.error)), markup=False)
    return False


@contextmanager
def _progress(total: int, *, enabled: bool) -> Iterator[Callable[[], None]]:
    """A rich progress bar on a terminal; a no-op elsewhere (logs stay one line per file)."""
    if not (enabled and err.is_terminal and total > 1):
        yield lambda: None
        return
    columns = (
        TextColumn("[bold]converting"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("convert", total=total)
        yield lambda: progress.advance(task)


@app.command()
def schema() -> None:
    """Print the JSON Schema every output document validates against.

    Example: extractor schema > minutes.schema.json
    """
    sys.stdout.write(schema_text())


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``extractor`` command and ``python -m extractor``."""
    app(args=list(argv) if argv is not None else None, prog_name="extractor")
