import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from extractor.core import (
    BudgetError,
    ConfigError,
    DateOrder,
    InternalError,
    Limits,
    Minutes,
    NoMinutesError,
    Options,
    Segmented,
)
from extractor.pipeline import (
    Result,
    acronyms_for,
    convert,
    convert_data,
    convert_many,
    fingerprint,
    nlp_for,
)
from extractor.segment import segment as real_segment
from extractor.tag import tag_documents as real_tag

BLANK = Options(model="blank")
MINUTES = "Board meeting\nTuesday 9 April 2024\n\n## Finance\n- {text}\n"


def _files(folder: Path, texts: list[str]) -> list[Path]:
    paths = []
    for i, text in enumerate(texts):
        path = folder / f"m{i}.md"
        path.write_text(MINUTES.format(text=text) if text else "", encoding="utf-8")
        paths.append(path)
    return paths


def _poisoned_tagger(monkeypatch: pytest.MonkeyPatch) -> None:
    def tag_documents(nlp: Any, docs: Iterable[Segmented], **kwargs: Any) -> Iterator[Minutes]:
        docs = list(docs)
        if any("POISON" in item.text for d in docs for s in d.minutes.sections for item in s.items):
            raise ValueError("tagger bug")
        return real_tag(nlp, docs, **kwargs)

    monkeypatch.setattr("extractor.pipeline.tag_documents", tag_documents)


def test_a_tagging_failure_costs_only_its_own_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _poisoned_tagger(monkeypatch)
    paths = _files(tmp_path, ["Budget agreed.", "POISON here.", "", "Hall repainted."])
    results = list(convert_many(paths, options=BLANK))
    assert [r.path for r in results] == paths
    assert [r.ok for r in results] == [True, False, False, True]
    assert isinstance(results[1].error, InternalError)
    assert results[1].error.message == (
        "internal error (ValueError: tagger bug); please report it with this file"
    )
    assert isinstance(results[1].error.__cause__, ValueError)
    assert isinstance(results[2].error, NoMinutesError)
    assert results[3].text is not None and "Hall repainted." in results[3].text


def test_an_unexpected_reader_failure_is_an_internal_error_for_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def segment(raw: Any, *, date_order: DateOrder = "auto") -> Segmented:
        if raw.path.endswith("m0.md"):
            raise KeyError("oops")
        return real_segment(raw, date_order=date_order)

    monkeypatch.setattr("extractor.pipeline.segment", segment)
    first, second = convert_many(_files(tmp_path, ["One.", "Two."]), options=BLANK)
    assert isinstance(first.error, InternalError) and first.error.path == str(tmp_path / "m0.md")
    assert second.ok


def _dictionary(folder: Path, name: str, entries: dict[str, str]) -> Path:
    path = folder / name
    path.write_text(json.dumps(entries), encoding="utf-8")
    return path


def test_the_acronym_dictionary_of_the_options_reaches_the_tagger(tmp_path: Path) -> None:
    dictionary = _dictionary(tmp_path, "a.json", {"NHS": "National Health Service"})
    options = replace(BLANK, acronym_dict=dictionary)
    assert acronyms_for(options) == {"NHS": "National Health Service"}
    assert acronyms_for(BLANK) == {}
    paths = _files(tmp_path, ["The Newtown Board and NHS agreed."])
    for opts, expected in ((options, "National Health Service"), (BLANK, None)):
        (result,) = convert_many(paths, options=opts)
        assert result.minutes is not None
        mentions = result.minutes.sections[0].items[0].entities
        assert [e.expansion for e in mentions if e.text == "NHS"] == [expected]
        assert result.minutes.acronyms == []


def test_a_bad_acronym_dictionary_is_a_config_error(tmp_path: Path) -> None:
    options = replace(BLANK, acronym_dict=_dictionary(tmp_path, "bad.json", {}).with_suffix(".x"))
    (tmp_path / "bad.x").write_text("no tab here\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="ABBR<TAB>long form"):
        list(convert_many(_files(tmp_path, ["Budget agreed."]), options=options))


@pytest.mark.parametrize(
    ("entries", "same"),
    [
        ({}, True),
        ({"ASB": "anti-social behaviour"}, False),
        ({"ASB": "antisocial behaviour"}, False),
    ],
    ids=["empty", "one-entry", "another-long-form"],
)
def test_the_fingerprint_follows_the_acronym_dictionary(
    tmp_path: Path, entries: dict[str, str], same: bool
) -> None:
    nlp = nlp_for(BLANK)
    plain = fingerprint(nlp, BLANK)
    options = replace(BLANK, acronym_dict=_dictionary(tmp_path, "d.json", entries))
    assert (fingerprint(nlp, options) == plain) is same
    other = replace(BLANK, acronym_dict=_dictionary(tmp_path, "e.json", {"ASB": "a b"}))
    assert (fingerprint(nlp, options) == fingerprint(nlp, other)) is (entries == {"ASB": "a b"})


def test_convert_refuses_a_result_with_neither_document_nor_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (path,) = _files(tmp_path, ["Budget agreed."])
    monkeypatch.setattr(
        "extractor.pipeline.convert_many", lambda paths, options: iter([Result(path=path)])
    )
    with pytest.raises(InternalError, match="neither a document nor an error"):
        convert(path, options=BLANK)


SEVERAL = (
    "Minutes of Meeting 1\nDate: 5 March 2024\n\n## Finance\n- Budget agreed.\n\n"
    "Minutes of Meeting 2\nDate: 2 April 2024\n\n## Finance\n- Accounts approved.\n"
)


def test_a_file_of_several_meetings_gives_one_document_each(tmp_path: Path) -> None:
    path = tmp_path / "year.md"
    path.write_text(SEVERAL, encoding="utf-8")
    (result,) = convert_many([path], options=BLANK)
    assert result.ok and len(result.meetings) == 2
    documents = [json.loads(text) for _, text in result.outputs()]
    assert [n for n, _ in result.outputs()] == [1, 2]
    assert [d["meeting"]["date"] for d in documents] == ["2024-03-05", "2024-04-02"]
    assert [d["source"]["span"] for d in documents] == [
        {"first": {"line": 1}, "last": {"line": 5}},
        {"first": {"line": 7}, "last": {"line": 11}},
    ]
    assert result.minutes is result.meetings[0][0] and result.text == result.meetings[0][1]
    assert convert(path, options=BLANK).meeting.date == "2024-03-05"


def test_a_file_of_one_meeting_has_one_unnumbered_output(tmp_path: Path) -> None:
    (result,) = convert_many(_files(tmp_path, ["Budget agreed."]), options=BLANK)
    assert result.meetings == [] and [n for n, _ in result.outputs()] == [None]
    assert "span" not in json.loads(result.outputs()[0][1])["source"]


def test_a_document_over_the_tagger_budget_is_refused_before_tagging() -> None:
    text = MINUTES.format(text="The budget was agreed after a long discussion.")
    options = replace(BLANK, limits=Limits(tagger_chars=40))
    result = next(convert_data([("m.md", text.encode())], options=options))
    assert isinstance(result.error, BudgetError)
    assert "tagger_chars" in result.error.one_line()
    assert next(convert_data([("m.md", text.encode())], options=BLANK)).ok
