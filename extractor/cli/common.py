"""What every command shares: the stderr console, exit statuses and how a usage error exits.

Also the options several commands take alike (``--config``, ``--max-bytes``, ``--date-order``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from extractor.core import DEFAULT_MAX_BYTES, LIMIT_NAMES, printable


class _SafeConsole(Console):
    """A console that escapes control and bidi characters in every string it prints.

    File names may hold a newline, a terminal escape or a right-to-left override; printed raw
    they would split a one-line message or act on the terminal. Rich objects (a traceback
    under ``--debug``, the progress bar) pass as they are.
    """

    def print(self, *objects: Any, **kwargs: Any) -> None:
        """Print like :meth:`Console.print`, each string made :func:`printable` first."""
        super().print(*(printable(o) if isinstance(o, str) else o for o in objects), **kwargs)


err: Console = _SafeConsole(stderr=True, highlight=False, soft_wrap=True)
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

ConfigOption = Annotated[
    Path | None,
    typer.Option(help="TOML settings file (default: [tool.extractor] in pyproject.toml)."),
]
"""``--config``: the settings file a command reads."""
MaxBytesOption = Annotated[
    int | None,
    typer.Option(
        help="Refuse inputs larger than this many bytes "
        f"(default {DEFAULT_MAX_BYTES // 1_000_000} MB)."
    ),
]
"""``--max-bytes``: the size limit on inputs (None: the config file's, else the default)."""
LimitOption = Annotated[
    list[str] | None,
    typer.Option(
        "--limit",
        metavar="NAME=N",
        help=f"Raise or lower one per-input budget (repeatable); names: {', '.join(LIMIT_NAMES)}.",
    ),
]
"""``--limit NAME=N``: per-input work budgets (None: the config file's, else the defaults)."""
DateOrderOption = Annotated[
    str | None,
    typer.Option(
        help="Numeric dates: auto (each document decides; day first if it cannot), "
        "day-first or month-first."
    ),
]
"""``--date-order``: how numeric dates such as 03/05/2018 are read (None: the config file's)."""


def fail(message: str, *, code: int = EXIT_USAGE) -> typer.Exit:
    """Print ``error: message`` on one line and return the exit to raise."""
    err.print(f"error: {message}", markup=False)
    return typer.Exit(code)
