"""Meeting minutes (.docx, .odt, .rtf, .txt, .md, .pdf) to structured, schema-validated JSON.

The public API is loaded lazily, so that commands which never tag text (``validate``,
``schema``) do not pay for importing spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["ExtractorError", "Minutes", "Options", "Result", "convert", "convert_many"]

if TYPE_CHECKING:
    from extractor.core import ExtractorError, Minutes, Options
    from extractor.pipeline import Result, convert, convert_many

_HOMES = {
    "ExtractorError": "extractor.core.errors",
    "Minutes": "extractor.core.models",
    "Options": "extractor.core.config",
    "Result": "extractor.pipeline",
    "convert": "extractor.pipeline",
    "convert_many": "extractor.pipeline",
}


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'extractor' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(home), name)
