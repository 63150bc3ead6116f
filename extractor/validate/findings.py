"""What ``extractor validate`` reports, and the text, JSON and GitHub forms it is written in.

A :class:`Finding` is one problem at one place: a rule code, a severity, a message and a
location (a 1-based line for text files, a 0-based body-block index for .docx, the same numbers
the JSON output uses in ``source``). The formatters return strings; only the CLI prints them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from extractor.core import printable

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem a rule found in one file, and where."""

    path: str
    code: str
    severity: Severity
    message: str
    line: int | None = None
    """1-based line in a text file."""
    paragraph: int | None = None
    """0-based body-block index in a .docx (paragraphs and tables counted in order)."""

    def location(self) -> str:
        """``path:12``, ``path:paragraph 5`` or just ``path`` when the place is the whole file."""
        if self.line is not None:
            return f"{self.path}:{self.line}"
        if self.paragraph is not None:
            return f"{self.path}:paragraph {self.paragraph}"
        return self.path

    def as_dict(self) -> dict[str, str | int | None]:
        """Render the finding as a JSON object (``line``/``paragraph`` null when unknown)."""
        return {
            "path": self.path,
            "line": self.line,
            "paragraph": self.paragraph,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
        }


@dataclass(slots=True)
class FileReport:
    """Every finding for one checked file."""

    path: str
    findings: list[Finding] = field(default_factory=list)

    def failed(self, *, strict: bool) -> bool:
        """Tell whether the file fails: any error, or with ``strict`` any finding at all."""
        return any(f.severity == "error" or strict for f in self.findings)


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts over a whole run."""

    files: int
    failed: int
    errors: int
    warnings: int

    @classmethod
    def of(cls, reports: Sequence[FileReport], *, strict: bool) -> Summary:
        """Count files, failed files, errors and warnings in ``reports``."""
        findings = [f for report in reports for f in report.findings]
        return cls(
            files=len(reports),
            failed=sum(report.failed(strict=strict) for report in reports),
            errors=sum(f.severity == "error" for f in findings),
            warnings=sum(f.severity == "warning" for f in findings),
        )

    def line(self) -> str:
        """``3 files checked: 1 failed, 2 errors, 1 warning``."""
        return (
            f"{_count(self.files, 'file')} checked: {self.failed} failed, "
            f"{_count(self.errors, 'error')}, {_count(self.warnings, 'warning')}"
        )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def format_text(findings: Sequence[Finding]) -> str:
    """Compiler-style lines: ``path:line: severity: message [code]``, one per finding.

    A .docx finding reads ``path:paragraph N: …``; a finding about the whole file ``path: …``.
    """
    return "".join(
        f"{printable(f.location())}: {f.severity}: {printable(_one_line(f.message))} [{f.code}]\n"
        for f in findings
    )


def format_json(reports: Sequence[FileReport], *, strict: bool) -> str:
    """One JSON object: ``findings`` (flat list), ``files`` (status per file) and ``summary``."""
    summary = Summary.of(reports, strict=strict)
    document = {
        "findings": [f.as_dict() for report in reports for f in report.findings],
        "files": [
            {
                "path": report.path,
                "status": "failed" if report.failed(strict=strict) else "passed",
                "errors": sum(f.severity == "error" for f in report.findings),
                "warnings": sum(f.severity == "warning" for f in report.findings),
            }
            for report in reports
        ],
        "summary": {
            "files": summary.files,
            "failed": summary.failed,
            "errors": summary.errors,
            "warnings": summary.warnings,
            "strict": strict,
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _escape_data(text: str) -> str:
    """Escape a workflow-command message (GitHub Actions rules for ``%``, CR and LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """Escape a workflow-command property value: as for messages, plus ``:`` and ``,``."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: Sequence[Finding]) -> str:
    """GitHub Actions annotations: ``::error file=…,line=…,title=CODE::message``.

    A .docx finding has no line, so its paragraph number opens the message instead.
    """
    lines: list[str] = []
    for f in findings:
        props = [f"file={_escape_property(f.path)}"]
        message = _one_line(f.message)
        if f.line is not None:
            props.append(f"line={f.line}")
        elif f.paragraph is not None:
            message = f"paragraph {f.paragraph}: {message}"
        props.append(f"title={_escape_property(f.code)}")
        lines.append(f"::{f.severity} {','.join(props)}::{_escape_data(message)}\n")
    return "".join(lines)
