from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from extractor.core.config import DateOrder, Options
from extractor.core.document import Segmented
from extractor.core.errors import InternalError, NoMinutesError
from extractor.core.models import Minutes
from extractor.pipeline import convert_many
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
