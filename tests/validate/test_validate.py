import json
from pathlib import Path

import pytest
from docx import Document

from extractor.core import ConfigError, ExtractorError
from extractor.validate import check_path, collect_targets, rule_codes
from extractor.validate.rules import RULES

HEAD = "Riverside Residents Forum\nTuesday 5 March 2024, 7-9pm at the Community Hall\n\n"
SECTION = (
    "Councillor Jane Doe, Riverside Borough Council\n"
    "· The new play area opens in April.\n"
    "· Street lighting on Mill Lane will be repaired.\n\n"
)
OTHER = SECTION.replace("Councillor Jane Doe", "Inspector Tom Lee").replace("play", "skate")
NEXT = "The next meeting takes place on Tuesday 7 May 2024.\n"
CLEAN = HEAD + SECTION + NEXT

# (rule code, minutes that trigger it, the line it is reported on, similar minutes that do not)
CASES = [
    ("no-title", "Tuesday 5 March 2024\n\n" + SECTION + NEXT, 1, CLEAN),
    ("no-date", "Minutes of the Riverside Residents Forum\n\n" + SECTION, 1, CLEAN),
    (
        "bad-date",
        HEAD.replace("Tuesday 5 March", "Thursday 31 February") + SECTION + NEXT,
        2,
        HEAD.replace("Tuesday 5 March", "Thursday 29 February") + SECTION + NEXT,
    ),
    (
        "bad-date",
        HEAD + SECTION + "· The hall is booked from Februarary 1.\n\n" + NEXT,
        8,
        HEAD + SECTION + "· The hall is booked from February 1.\n\n" + NEXT,
    ),
    ("weekday-mismatch", HEAD.replace("Tuesday", "Monday") + SECTION + NEXT, 2, CLEAN),
    (
        "next-meeting-not-after",
        HEAD + SECTION + NEXT.replace("7 May", "6 February"),
        8,
        CLEAN,
    ),
    (
        "empty-section",
        HEAD + "Inspector Tom Lee, Metropolitan Police\n\n" + SECTION + NEXT,
        4,
        HEAD + OTHER + SECTION + NEXT,
    ),
    (
        "content-before-first-section",
        HEAD + "The chair welcomed everyone and thanked the hosts.\n\n" + SECTION + NEXT,
        4,
        CLEAN,
    ),
    (
        "speaker-without-name",
        HEAD + SECTION + OTHER.replace("Inspector Tom Lee", "Head of Community Safety") + NEXT,
        8,
        HEAD + SECTION + OTHER + NEXT,
    ),
    (
        "unexpanded-acronym",
        HEAD + SECTION + "· The ASB team met twice.\n\n" + NEXT,
        8,
        HEAD
        + SECTION
        + "· The Anti-Social Behaviour (ASB) team met.\n· The ASB team met.\n\n"
        + NEXT,
    ),
    ("duplicate-section", HEAD + SECTION + SECTION + NEXT, 8, HEAD + SECTION + OTHER + NEXT),
    (
        "empty-item",
        HEAD + SECTION.rstrip("\n") + "\n·\n\n" + NEXT,
        7,
        HEAD + SECTION.rstrip("\n") + "\n·\n  continued on the next line\n\n" + NEXT,
    ),
    (
        "no-sections",
        "The committee discussed the budget.\nThe hall needs repairs by Tuesday 5 March 2024.\n",
        1,
        CLEAN,
    ),
]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _codes(path: Path) -> list[str]:
    return [f.code for f in check_path(path).findings]


@pytest.mark.parametrize(("code", "bad", "line", "good"), CASES)
def test_rule_triggers_at_its_line_and_not_on_the_fixed_text(
    tmp_path: Path, code: str, bad: str, line: int, good: str
) -> None:
    found = [f for f in check_path(_write(tmp_path / "bad.txt", bad)).findings if f.code == code]
    assert [(f.line, f.severity) for f in found][:1] == [(line, RULES[code].severity)]
    assert code not in _codes(_write(tmp_path / "good.txt", good))


def test_clean_minutes_have_no_findings(tmp_path: Path) -> None:
    assert check_path(_write(tmp_path / "m.txt", CLEAN)).findings == []


def test_several_meetings_are_checked_one_by_one_at_the_file_lines(tmp_path: Path) -> None:
    one = "Riverside Residents Forum\nDate: 5 March 2024\n\n" + SECTION
    two = "Riverside Residents Forum\nDate: Monday 2 April 2024\n\n" + OTHER
    findings = check_path(_write(tmp_path / "m.txt", one + two)).findings
    line = (one + two).splitlines().index("Date: Monday 2 April 2024") + 1
    assert [(f.code, f.line, f.message.split(":")[0]) for f in findings] == [
        ("weekday-mismatch", line, "meeting 2 of 2")
    ]


def test_a_meeting_without_a_title_is_reported_at_its_first_line(tmp_path: Path) -> None:
    one = "Riverside Residents Forum\nDate: 5 March 2024\n\n" + SECTION
    two = "Date: 2 April 2024\n\n" + OTHER
    findings = check_path(_write(tmp_path / "m.txt", one + two)).findings
    first = len(one.splitlines()) + 1
    assert ("no-title", first) in [(f.code, f.line) for f in findings]


def test_several_dates_that_cannot_be_split_are_a_whole_file_warning(tmp_path: Path) -> None:
    one = "Riverside Residents Forum\nDate: 5 March 2024\n\n" + SECTION
    two = "Riverside Residents Forum\nDate: 5 March 2024\n\n" + OTHER
    [found] = [f for f in check_path(_write(tmp_path / "m.txt", one + two)).findings]
    assert (found.code, found.severity, found.line) == ("multiple-meetings", "warning", None)


def test_bad_meeting_date_is_not_also_reported_missing(tmp_path: Path) -> None:
    text = HEAD.replace("Tuesday 5 March", "31 February") + SECTION + NEXT
    codes = _codes(_write(tmp_path / "m.txt", text))
    assert "bad-date" in codes and "no-date" not in codes


def test_ignore_switches_rules_off(tmp_path: Path) -> None:
    path = _write(tmp_path / "m.txt", HEAD.replace("Tuesday", "Monday") + SECTION + SECTION)
    assert {"weekday-mismatch", "duplicate-section"} <= set(_codes(path))
    report = check_path(path, ignore=frozenset({"weekday-mismatch", "duplicate-section"}))
    assert report.findings == []


@pytest.mark.parametrize(
    ("content", "message"), [(b"", "the file is empty"), (b"\x00\x01\x02" * 100, "binary")]
)
def test_unreadable_input_is_a_finding(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "m.txt"
    path.write_bytes(content)
    [found] = check_path(path).findings
    assert (found.code, found.severity) == ("unreadable", "error")
    assert message in found.message and "\n" not in found.message


def _docx(path: Path, *, empty_bullet: bool) -> Path:
    document = Document()
    document.add_heading("Riverside Residents Forum", level=1)
    document.add_paragraph("Tuesday 5 March 2024, 7-9pm at the Community Hall")
    document.add_heading("Councillor Jane Doe, Riverside Borough Council", level=2)
    document.add_paragraph("The new play area opens in April.", style="List Bullet")
    document.add_paragraph("" if empty_bullet else "Lighting is fixed.", style="List Bullet")
    document.add_heading("Inspector Tom Lee, Metropolitan Police", level=2)
    document.save(str(path))
    return path


@pytest.mark.parametrize(("empty_bullet", "expected"), [(True, [4, 5]), (False, [5])])
def test_docx_findings_name_the_paragraph(
    tmp_path: Path, empty_bullet: bool, expected: list[int]
) -> None:
    findings = check_path(_docx(tmp_path / "m.docx", empty_bullet=empty_bullet)).findings
    assert [f.paragraph for f in findings] == expected
    assert all(f.line is None for f in findings)
    assert findings[-1].code == "empty-section"
    assert [f.code for f in findings[:-1]] == ["empty-item"] * (len(expected) - 1)


def _minutes_json(title: str) -> dict[str, object]:
    return {
        "schema_version": "1.0.0",
        "source": {"path": "m.txt", "format": "txt", "sha256": "0" * 64, "encoding": "utf-8"},
        "meeting": {"title": title, "date": "2024-03-05"},
    }


def test_valid_json_passes_and_broken_json_gives_schema_findings(tmp_path: Path) -> None:
    document = _minutes_json("Forum")
    good = _write(tmp_path / "good.json", json.dumps(document))
    assert check_path(good).findings == []
    document["meeting"] = {"title": "Forum", "date": "5 March"}
    document["colour"] = "blue"
    bad = check_path(_write(tmp_path / "bad.json", json.dumps(document))).findings
    assert [f.code for f in bad] == ["schema", "schema"]
    assert any("colour" in f.message for f in bad)
    assert any("$.meeting.date" in f.message for f in bad)


def test_json_that_does_not_parse_is_unreadable_at_its_line(tmp_path: Path) -> None:
    [found] = check_path(_write(tmp_path / "x.json", '{\n  "a": 1,\n}\n')).findings
    assert (found.code, found.line) == ("unreadable", 3)


def test_collect_targets_walks_folders_for_minutes_and_json(tmp_path: Path) -> None:
    for name in ("a.txt", "b.md", "c.json", "d.pptx", ".hidden/e.txt", "sub/f.docx"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in collect_targets([str(tmp_path)])]
    assert found == ["a.txt", "b.md", "c.json", "sub/f.docx"]
    globbed = collect_targets([str(tmp_path / "*.json"), str(tmp_path / "c.json")])
    assert [p.name for p in globbed] == ["c.json"]


@pytest.mark.parametrize("argument", ["nothing-*.txt", ""])
def test_collect_targets_without_inputs_is_a_usage_error(tmp_path: Path, argument: str) -> None:
    arguments = [str(tmp_path / argument)] if argument else []
    with pytest.raises(ExtractorError):
        collect_targets(arguments)


def test_rule_codes_accepts_known_codes_and_comma_lists() -> None:
    assert rule_codes(["no-date,empty-item", "schema"]) == {"no-date", "empty-item", "schema"}
    with pytest.raises(ConfigError, match="unknown rule code 'no-dates'"):
        rule_codes(["no-dates"])
