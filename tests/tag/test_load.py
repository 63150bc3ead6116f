from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.core import ConfigError, ModelError
from extractor.tag.load import (
    load_nlp,
    pipeline_fingerprint,
    pipeline_warnings,
    read_acronym_dict,
)
from extractor.tag.patterns import gazetteer_patterns, load_patterns, shipped_pattern_files
from extractor.tag.patterns.shapes import shape_patterns


def test_blank_is_cached_and_rules_only() -> None:
    nlp = load_nlp("blank")
    assert load_nlp("blank") is nlp
    assert "ner" not in nlp.pipe_names
    assert nlp.pipe_names[-2:] == ["minutes_entities", "minutes_acronyms"]
    assert pipeline_warnings(nlp) == []
    assert pipeline_fingerprint(nlp).startswith("blank-")


def test_missing_model_says_what_to_install() -> None:
    with pytest.raises(ModelError, match="install"):
        load_nlp("xx_no_such_model")


def test_auto_without_any_model_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    import extractor.tag.load as pipeline

    monkeypatch.setattr(pipeline, "OFFICIAL_MODEL", "xx_missing_a")
    monkeypatch.setattr(pipeline, "FALLBACK_MODEL", "xx_missing_b")
    pipeline._build.cache_clear()
    try:
        nlp = load_nlp("auto")
        assert pipeline_warnings(nlp) == [pipeline.RULES_ONLY]
    finally:
        pipeline._build.cache_clear()


def test_user_patterns_and_fingerprint(tmp_path: Path) -> None:
    extra = tmp_path / "mine.jsonl"
    extra.write_text(json.dumps({"label": "ORG", "pattern": "Widget Makers"}) + "\n")
    nlp = load_nlp("blank", patterns=[extra])
    assert [(e.text, e.label_) for e in nlp("Widget Makers said").ents] == [
        ("Widget Makers", "ORG")
    ]
    assert pipeline_fingerprint(nlp) != pipeline_fingerprint(load_nlp("blank"))


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        (
            {"label": "PERSON", "pattern": [{"ORTH": "Felix"}, {"ORTH": "Grant"}]},
            "Felix Grant asked Newtown Council",
            [("Felix Grant", "PERSON"), ("Newtown Council", "ORG")],
        ),
        (
            {"label": "ORG", "pattern": "Prevent"},
            "We fund Prevent.",
            [("Prevent", "ORG")],
        ),
        (
            {"label": "PROGRAMME", "pattern": "Community Chest", "id": "Community Chest Fund"},
            "bid to the Hensworth Community Chest",
            [("Community Chest", "PROGRAMME")],
        ),
    ],
)
def test_user_patterns_override_built_in_rules(
    tmp_path: Path, pattern: dict[str, object], text: str, expected: list[tuple[str, str]]
) -> None:
    extra = tmp_path / "mine.jsonl"
    extra.write_text(json.dumps(pattern) + "\n")
    nlp = load_nlp("blank", patterns=[extra])
    assert nlp.pipe_names.index("minutes_user_rules") == 1
    found = [(e.text, e.label_) for e in nlp(text).ents]
    assert all(item in found for item in expected)


def test_bad_pattern_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"label": "THING", "pattern": "x"}\n')
    with pytest.raises(ConfigError, match="label"):
        load_patterns(bad)


@pytest.mark.parametrize(
    ("name", "content"),
    [("a.json", '{"ASB": "anti-social behaviour"}'), ("a.tsv", "ASB\tanti-social behaviour\n")],
)
def test_acronym_dictionary(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    assert read_acronym_dict(path) == {"ASB": "anti-social behaviour"}


def test_shipped_files_load() -> None:
    assert {p.name for p in shipped_pattern_files()} >= {"dates.jsonl", "programmes.jsonl"}
    assert shape_patterns()
    for path in shipped_pattern_files():
        assert load_patterns(path)
    names = {p["id"] for p in gazetteer_patterns()}
    assert "Metropolitan Police Service" in names
