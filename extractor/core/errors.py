"""The one exception hierarchy of the library; the CLI turns each into a one-line message."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Self

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Characters that must not reach a terminal raw: C0/C1 controls (newline, escape), DEL and
the bidirectional marks and overrides that reorder what follows them."""
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    r"""``text`` safe to print on one terminal line, its control and bidi characters escaped.

    They are written ``\n``, ``\x1b``, ``\u202e``; escaping twice changes nothing more (a
    backslash is left as it is).
    """
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    named = _NAMED.get(ch)
    if named is not None:
        return named
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


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
        """The message as the CLI prints it: ``path: problem`` on a single line.

        Control and bidi characters (a newline or terminal escape in a file name) are escaped.
        """
        text = printable(" ".join(self.message.split()))
        return f"{printable(self.path)}: {text}" if self.path else text

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


class NoTextLayerError(NoMinutesError):
    """The input is a PDF of scanned pages: images with no text layer, so it needs OCR first."""


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
