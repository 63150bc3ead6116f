"""One word list per concept: no two lists of the lexicon written out word by word nearly agree.

A list built from other lists (``ROLE_WORDS - GROUP_ROLE_WORDS``, ``ORG_HEADS | OF_ONLY_HEADS``)
says how it relates to them and is not compared; two lists written out separately that share
most of their words are one concept defined twice, and drift apart.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections.abc import Mapping
from itertools import combinations
from pathlib import Path

import pytest

import extractor.lexicon as lexicon
from extractor.lexicon import wordset

OVERLAP = 0.8
"""Share of the smaller list's words above which two lists count as one concept."""

BUILDERS = frozenset({"wordset", "frozenset", "set", "tuple", "sorted"})
"""Names that build a list from words rather than from other lists."""

MIN_WORDS = 3
"""Lists shorter than this ("open") share their words with others by chance."""


def is_written_out(value: ast.expr) -> bool:
    """Tell whether an assigned value names no other list: its words are written in it."""
    return all(node.id in BUILDERS for node in ast.walk(value) if isinstance(node, ast.Name))


def written_lists() -> dict[str, frozenset[str]]:
    """The lexicon's module-level lists that are written out word by word, by module.NAME."""
    found: dict[str, frozenset[str]] = {}
    for info in pkgutil.iter_modules(lexicon.__path__):
        module = importlib.import_module(f"{lexicon.__name__}.{info.name}")
        tree = ast.parse(Path(str(module.__file__)).read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                target, value = node.target, node.value
            else:
                continue
            if not isinstance(target, ast.Name) or not target.id.isupper():
                continue
            words = getattr(module, target.id)
            if is_written_out(value) and isinstance(words, frozenset | tuple | list):
                found[f"{info.name}.{target.id}"] = frozenset(words)
    return found


def near_duplicates(lists: Mapping[str, frozenset[str]]) -> set[tuple[str, str]]:
    """Pairs of lists sharing more than :data:`OVERLAP` of the smaller one's words."""
    return {
        (a, b)
        for (a, x), (b, y) in combinations(sorted(lists.items()), 2)
        if min(len(x), len(y)) >= MIN_WORDS and len(x & y) > OVERLAP * min(len(x), len(y))
    }


@pytest.mark.parametrize(
    ("lists", "expected"),
    [
        (
            {
                "people.A": wordset("chair clerk head lead officer"),
                "people.B": wordset("clerk head lead officer chair mayor"),
            },
            {("people.A", "people.B")},
        ),
        (
            {
                "people.A": wordset("chair clerk head lead officer"),
                "people.B": wordset("chair clerk head vicar rector"),
            },
            set(),
        ),
        ({"people.A": wordset("chair clerk"), "bodies.B": wordset("council board")}, set()),
        ({"people.A": wordset("chair"), "people.B": wordset("chair clerk head")}, set()),
    ],
)
def test_near_duplicates_are_found(
    lists: dict[str, frozenset[str]], expected: set[tuple[str, str]]
) -> None:
    assert near_duplicates(lists) == expected


@pytest.mark.parametrize(
    ("source", "written"),
    [
        ('wordset("chair clerk head")', True),
        ('frozenset({"chair", "clerk"})', True),
        ('wordset("chair") | wordset("clerk")', True),
        ("ROLE_WORDS - GROUP_ROLE_WORDS", False),
        ('ORG_HEADS & wordset("council police")', False),
    ],
)
def test_lists_built_from_others_are_told_apart(source: str, written: bool) -> None:
    assert is_written_out(ast.parse(source, mode="eval").body) is written


def test_every_list_is_read() -> None:
    lists = written_lists()
    assert "people.ROLE_WORDS" in lists and "bodies.ORG_HEADS" in lists
    assert "people.PERSON_ROLE_WORDS" not in lists


def test_no_concept_is_written_out_twice() -> None:
    assert near_duplicates(written_lists()) == set()
