import json

import pytest

from extractor.validate.findings import (
    FileReport,
    Finding,
    Summary,
    format_github,
    format_json,
    format_text,
)

TEXT = Finding("m.txt", "no-date", "error", "no meeting date found", line=2)
DOCX = Finding("m.docx", "empty-item", "warning", "a list item with\nno text", paragraph=4)
WHOLE = Finding("m.md", "multiple-meetings", "warning", "the document holds 2 meetings")


@pytest.mark.parametrize(
    ("finding", "expected"),
    [
        (TEXT, "m.txt:2: error: no meeting date found [no-date]\n"),
        (DOCX, "m.docx:paragraph 4: warning: a list item with no text [empty-item]\n"),
        (WHOLE, "m.md: warning: the document holds 2 meetings [multiple-meetings]\n"),
    ],
)
def test_text_format_is_one_compiler_style_line(finding: Finding, expected: str) -> None:
    assert format_text([finding]) == expected


@pytest.mark.parametrize(
    ("finding", "expected"),
    [
        (TEXT, "::error file=m.txt,line=2,title=no-date::no meeting date found\n"),
        (DOCX, "::warning file=m.docx,title=empty-item::paragraph 4: a list item with no text\n"),
        (
            Finding("a,b:c.txt", "bad-date", "error", "100% wrong", line=1),
            "::error file=a%2Cb%3Ac.txt,line=1,title=bad-date::100%25 wrong\n",
        ),
    ],
)
def test_github_format_escapes_properties_and_data(finding: Finding, expected: str) -> None:
    assert format_github([finding]) == expected


@pytest.mark.parametrize(("strict", "failed"), [(False, 1), (True, 2)])
def test_strict_makes_warnings_fail(strict: bool, failed: int) -> None:
    reports = [FileReport("m.txt", [TEXT]), FileReport("m.docx", [DOCX]), FileReport("ok.txt")]
    summary = Summary.of(reports, strict=strict)
    assert (summary.files, summary.failed, summary.errors, summary.warnings) == (3, failed, 1, 1)


def test_summary_line_counts_in_words() -> None:
    reports = [FileReport("m.txt", [TEXT]), FileReport("ok.txt")]
    assert Summary.of(reports, strict=False).line() == (
        "2 files checked: 1 failed, 1 error, 0 warnings"
    )


def test_json_format_has_findings_files_and_summary() -> None:
    reports = [FileReport("m.txt", [TEXT]), FileReport("m.docx", [DOCX])]
    document = json.loads(format_json(reports, strict=False))
    assert document["findings"][1] == {
        "path": "m.docx",
        "line": None,
        "paragraph": 4,
        "severity": "warning",
        "code": "empty-item",
        "message": "a list item with\nno text",
    }
    assert [f["status"] for f in document["files"]] == ["failed", "passed"]
    assert document["summary"] == {
        "files": 2,
        "failed": 1,
        "errors": 1,
        "warnings": 1,
        "strict": False,
    }
