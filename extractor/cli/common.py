"""What every command shares: the stderr console, exit statuses and how a usage error exits."""

from __future__ import annotations

import typer
from rich.console import Console

err = Console(stderr=True, highlight=False, soft_wrap=True)
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def fail(message: str, *, code: int = EXIT_USAGE) -> typer.Exit:
    """Print ``error: message`` on one line and return the exit to raise."""
    err.print(f"error: {message}", markup=False)
    return typer.Exit(code)
