"""Meeting minutes (.docx, .txt, .md) to structured, schema-validated JSON."""

from __future__ import annotations

__version__ = "0.1.0"
