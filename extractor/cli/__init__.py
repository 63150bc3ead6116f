"""The command line: a thin layer over the library that turns its errors into one-line messages.

This package is the only one that prints. Each command lives in its own module and is
registered here; heavy imports (spaCy) happen inside the commands that need them.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Annotated

import typer

from extractor import __version__
from extractor.cli.convert import convert
from extractor.cli.corpus import export, index, report, search
from extractor.cli.validate import validate
from extractor.core import schema_text

app = typer.Typer(
    name="extractor",
    help="Meeting minutes (.docx, .odt, .rtf, .txt, .md, .pdf) to structured, validated JSON.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


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
    """Meeting minutes (.docx, .odt, .rtf, .txt, .md, .pdf) to structured, schema-validated JSON."""


def schema() -> None:
    """Print the JSON Schema every output document validates against.

    Example: extractor schema > minutes.schema.json
    """
    sys.stdout.write(schema_text())


app.command("convert")(convert)
app.command("validate")(validate)
app.command("schema")(schema)
app.command("index")(index)
app.command("search")(search)
app.command("export")(export)
app.command("report")(report)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``extractor`` command and ``python -m extractor``."""
    app(args=list(argv) if argv is not None else None, prog_name="extractor")
