"""The one exception hierarchy of the library; the CLI turns each into a one-line message."""

from __future__ import annotations

from pathlib import Path
from typing import Self


class ExtractorError(Exception):
    """Base class: something the user can act on, described in one line.

    ``path`` names the input (or output) the problem is about, when there is one; ``str(err)``
    is the plain-words message without the path, so callers can print ``f"{path}: {err}"``.
    """

    def __init__(self, message: str, *, path: str | Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None

    def one_line(self) -> str:
        """The message as the CLI prints it: ``path: problem`` on a single line."""
        text = " ".join(self.message.split())
        return f"{self.path}: {text}" if self.path else text

    def with_path(self, path: str | Path) -> Self:
        """Fill in ``path`` when whatever raised the error did not know the file; return it."""
        if self.path is None:
            self.path = str(path)
        return self


class InputError(ExtractorError):
    """The input cannot be read as minutes: missing, unreadable, corrupt, binary, empty, too big."""


class UnsupportedFormatError(InputError):
    """The file extension is not one the extractor reads."""


class NoMinutesError(InputError):
    """The input was read but holds nothing that looks like minutes."""


class BudgetError(InputError):
    """The input needs more work than one of its budgets allows (``Limits`` in the config).

    ``limit`` names the budget; build one with :meth:`over`, whose message says how to raise it.
    """

    limit: str = ""

    @classmethod
    def over(cls, what: str, *, limit: str, found: int, allowed: int) -> BudgetError:
        """The error for an input whose ``what`` (e.g. "lines") is ``found``, over ``allowed``."""
        error = cls(
            f"has {found:,} {what}, over the {limit} budget of {allowed:,}; if the file is "
            f"genuine, raise it with --limit {limit}=N ({limit} = N under "
            "[tool.extractor.limits])"
        )
        error.limit = limit
        return error


class OutputError(ExtractorError):
    """An output file could not be written (permissions, disk full, name clash)."""


class SchemaValidationError(ExtractorError):
    """A document does not validate against the published JSON Schema."""


class UsageError(ExtractorError):
    """The command line names no usable input, or its inputs clash."""


class ConfigError(ExtractorError):
    """A configuration value, pattern file or model name is wrong."""


class ModelError(ConfigError):
    """The configured spaCy model cannot be loaded."""


class IndexDatabaseError(ExtractorError):
    """The database cannot be opened, is not an index, or was made by another index version."""


class SearchError(ExtractorError):
    """A query or filter the search cannot run (bad FTS syntax, a date that is not a date)."""


class InternalError(ExtractorError):
    """An unexpected failure inside the extractor while handling one input (a bug to report)."""


def internal_error(error: BaseException, *, path: str | Path | None = None) -> InternalError:
    """Wrap an unexpected exception so the batch goes on; the cause stays attached for --debug."""
    wrapped = InternalError(
        f"internal error ({type(error).__name__}: {error}); please report it with this file",
        path=path,
    )
    wrapped.__cause__ = error
    return wrapped
