from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.core import ConfigError
from extractor.tag.patterns import gazetteer_patterns, not_initial_names


def write(path: Path, *entries: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    return path


def test_ids_are_plain_names_and_not_initial_names_are_listed_apart(tmp_path: Path) -> None:
    gazetteer = write(
        tmp_path / "g.jsonl",
        {"name": "Prevent", "label": "PROGRAMME", "not_initial": True},
        {"name": "Met Office", "label": "ORG", "aliases": ["the Met Office"]},
    )
    assert [p["id"] for p in gazetteer_patterns(gazetteer)] == ["Prevent", *["Met Office"] * 2]
    assert not_initial_names(gazetteer) == {"Prevent"}


def test_the_shipped_gazetteer_ids_are_names() -> None:
    patterns = gazetteer_patterns()
    assert all(not p["id"].startswith("!") for p in patterns)
    assert "Prevent" in not_initial_names() <= {p["id"] for p in patterns}


@pytest.mark.parametrize("entry", [{"label": "ORG"}, {"name": "X", "label": "THING"}])
def test_an_entry_without_name_or_label_is_refused(tmp_path: Path, entry: dict[str, str]) -> None:
    with pytest.raises(ConfigError, match="without name or label"):
        not_initial_names(write(tmp_path / "g.jsonl", entry))
