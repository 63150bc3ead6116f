"""The package layout holds: imports point down the layers, stages meet only in core and pipeline.

Every module of ``extractor`` (and of ``benchmarks``) is read with :mod:`ast`, never imported,
and each import it makes, at the top or inside a function, is checked against four rules:

1. an import of another part of ``extractor`` points down the layers (``ALLOWED``);
2. outside a package, a package is imported only through its ``__init__``;
3. each third-party library of note has one home (``LIBRARY_HOMES``);
4. closed word lists (eight or more single words in a module-level set, tuple, list or
   ``wordset`` call) live only in ``extractor/lexicon``.

The tests at the end run the same checks on small made-up modules and show each one failing.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "extractor"

# What each part of the package may import from the rest of it (besides itself).
_BASE = {"core", "lexicon"}
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "lexicon": set(),
    "files": {"core"},
    "parse": _BASE,
    "readers": _BASE | {"parse"},
    "segment": _BASE | {"parse"},
    "tag": _BASE | {"parse"},
    "emit": {"core"},
    "pipeline": _BASE | {"parse", "files", "readers", "segment", "tag", "emit", "extractor"},
    "validate": _BASE | {"parse", "files", "readers", "segment"},
    "corpus": _BASE | {"parse", "files", "emit"},
    "batch": _BASE | {"files", "readers", "emit", "pipeline"},
    "cli": _BASE
    | {"parse", "files", "pipeline", "validate", "corpus", "batch", "emit", "extractor"},
    "extractor": {"core", "pipeline"},
    "__main__": {"cli"},
}
"""The layers: ``cli`` → ``batch`` → ``pipeline | validate | corpus`` → the four stages
(``readers``, ``segment``, ``tag``, ``emit``) → ``parse`` → ``lexicon | core | files``."""

LIBRARY_HOMES: dict[str, tuple[str, ...]] = {
    "spacy": ("tag/",),
    "thinc": ("tag/",),
    "docx": ("readers/docx/",),
    "typer": ("cli/",),
    "rich": ("cli/",),
    "plotly": ("corpus/report.py",),
}
"""Third-party libraries that only the named files or folders (under extractor/) may import."""

LIBRARY_FORBIDDEN: dict[str, tuple[str, ...]] = {"spacy": ("tag/document/",)}
"""Places inside a library's home that still may not import it (plain-data steps)."""

PLAIN_DATA = "tag/document/"
SPACY_SIDE = ("extractor.tag.components", "extractor.tag.load", "extractor.tag.attrs")
"""The document-level steps work on plain data: they import nothing that imports spaCy."""

_WORD = re.compile(r"^[A-Za-z][A-Za-z&.'’-]*$")
_MIN_WORDS = 8


def part_of(relative: str) -> str:
    """The layer a module belongs to: its top-level package, or the module for a lone file."""
    first = relative.split("/", 1)[0]
    if first == "__init__.py":
        return "extractor"
    return first.removesuffix(".py")


def imports_of(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """Every module an import names (``from a import b`` gives ``a`` and ``a.b``), with its line."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module
            for alias in node.names:
                yield node.lineno, f"{node.module}.{alias.name}"


def import_violations(relative: str, source: str, modules: set[str]) -> list[str]:
    """The broken layer, public-API and library rules of one module, as readable lines.

    ``relative`` is the module's path under ``extractor/``; ``modules`` the dotted names of
    every module and package of ``extractor`` (to tell ``from a import module`` from
    ``from a import name``).
    """
    found: list[str] = []
    part = part_of(relative)
    own_package = "extractor." + relative.removesuffix(".py").replace("/", ".")
    own_package = own_package.removesuffix(".__init__")
    tree = ast.parse(source)
    for line, name in imports_of(tree):
        where = f"{relative}:{line}"
        top = name.split(".")[0]
        if top == "extractor":
            if name != "extractor" and name not in modules:
                continue  # ``from extractor.x import some_name``: the module is checked
            parts = name.split(".")
            target = parts[1] if len(parts) > 1 else "extractor"
            if target == "__init__":
                target = "extractor"
            if target != part and target not in ALLOWED.get(part, set()):
                found.append(f"{where}: {part} may not import {name}")
            if target != part and len(parts) > 2:
                found.append(f"{where}: {name} is inside {target}; import from extractor.{target}")
            for index, piece in enumerate(parts[2:], start=2):
                owner = ".".join(parts[:index])
                if piece.startswith("_") and not f"{own_package}.".startswith(f"{owner}."):
                    found.append(f"{where}: {name} is private to {owner}")
        if relative.startswith(PLAIN_DATA) and (
            name == "extractor.tag" or name.startswith(SPACY_SIDE)
        ):
            found.append(f"{where}: {PLAIN_DATA} works on plain data; {name} imports spaCy")
        homes = LIBRARY_HOMES.get(top)
        if homes is not None and not relative.startswith(homes):
            found.append(f"{where}: only {', '.join(homes)} may import {top}")
        if any(relative.startswith(p) for p in LIBRARY_FORBIDDEN.get(top, ())):
            found.append(f"{where}: {relative} may not import {top}")
    return found


def _words(node: ast.AST) -> list[str]:
    """The single words a collection is built from: its own string elements, not nested ones.

    A table of pairs (pattern, label) holds words only inside its rows, so it is no word list.
    """
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        pieces = node.value.split()
        return pieces if all(_WORD.match(piece) for piece in pieces) else []
    if isinstance(node, ast.Set | ast.Tuple | ast.List):
        words: list[str] = []
        for element in node.elts:
            if isinstance(element, ast.Starred):
                words += _words(element.value)
            elif isinstance(element, ast.Constant):
                words += _words(element)
        return words
    if isinstance(node, ast.Call):
        target = node.func.value if isinstance(node.func, ast.Attribute) else None
        inner = [*node.args, *([target] if target is not None else [])]
        return [word for arg in inner for word in _words(arg)]
    if isinstance(node, ast.BinOp):
        return _words(node.left) + _words(node.right)
    return []


def word_list_violations(relative: str, source: str) -> list[str]:
    """Module-level word lists outside ``lexicon/``, as readable lines."""
    if relative.startswith("lexicon/"):
        return []
    found: list[str] = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        if not names or names == ["__all__"]:
            continue
        if not isinstance(value, ast.Set | ast.Tuple | ast.List | ast.Call | ast.BinOp):
            continue
        if len(_words(value)) >= _MIN_WORDS:
            found.append(f"{relative}:{node.lineno}: word list {names[0]} belongs in lexicon/")
    return found


def _sources(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(root.rglob("*.py"))
    }


def _module_names(relatives: Mapping[str, str]) -> set[str]:
    names = set()
    for relative in relatives:
        dotted = "extractor." + relative.removesuffix(".py").replace("/", ".")
        names.add(dotted.removesuffix(".__init__"))
    return names


SOURCES = _sources(PACKAGE)
MODULES = _module_names(SOURCES)


@pytest.mark.parametrize("relative", sorted(SOURCES))
def test_module_keeps_the_import_rules(relative: str) -> None:
    assert import_violations(relative, SOURCES[relative], MODULES) == []


@pytest.mark.parametrize("relative", sorted(SOURCES))
def test_word_lists_live_in_the_lexicon(relative: str) -> None:
    assert word_list_violations(relative, SOURCES[relative]) == []


@pytest.mark.parametrize("path", sorted((REPO / "benchmarks").glob("*.py")), ids=lambda p: p.name)
def test_benchmarks_use_public_names_only(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside = [
        f"{path.name}:{line}: {name}"
        for line, name in imports_of(tree)
        if name.startswith("extractor.") and name in MODULES and name.count(".") > 1
    ]
    assert inside == []


TESTS = sorted((REPO / "tests").rglob("*.py"))


@pytest.mark.parametrize("path", TESTS, ids=lambda p: p.relative_to(REPO / "tests").as_posix())
def test_tests_use_public_names_outside_their_package(path: Path) -> None:
    """A test reaches inside a package only from that package's own test folder."""
    own = path.relative_to(REPO / "tests").parts[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside = [
        f"{path.name}:{line}: {name}"
        for line, name in imports_of(tree)
        if name in MODULES and name.count(".") > 1 and name.split(".")[1] != own
    ]
    assert inside == []


def test_every_part_of_the_package_has_a_layer() -> None:
    assert {part_of(relative) for relative in SOURCES} <= set(ALLOWED)


# The checks themselves, on made-up modules: each rule is shown catching what it forbids.
_MODULES = {
    "extractor",
    "extractor.core",
    "extractor.core.models",
    "extractor.tag",
    "extractor.tag.load",
    "extractor.tag._speed",
    "extractor.tag._speed.memo",
    "extractor.segment",
    "extractor.segment.headers",
}


@pytest.mark.parametrize(
    ("relative", "source", "expected"),
    [
        ("segment/headers.py", "from extractor.tag import tag_documents\n", "segment may not"),
        ("segment/headers.py", "import extractor.tag.load\n", "segment may not"),
        ("core/models.py", "from extractor.segment import segment\n", "core may not"),
        ("validate/rules.py", "from extractor.segment.headers import x\n", "inside segment"),
        ("pipeline.py", "from extractor.tag import load\n", "inside tag"),
        ("tag/load.py", "from extractor.tag._speed import memo\n", ""),
        ("segment/items.py", "import spacy\n", "only tag/ may import spacy"),
        ("tag/document/relabel.py", "import spacy\n", "may not import spacy"),
        ("tag/document/relabel.py", "from extractor.tag.load import x\n", "plain data"),
        ("tag/document/relabel.py", "from extractor.tag import x\n", "plain data"),
        ("tag/document/relabel.py", "from extractor.tag.document.evidence import x\n", ""),
        ("corpus/index.py", "import rich\n", "only cli/ may import rich"),
        ("readers/text.py", "def f():\n    import docx\n", "only readers/docx/ may import docx"),
    ],
)
def test_import_rules_catch_forbidden_imports(relative: str, source: str, expected: str) -> None:
    found = import_violations(relative, source, _MODULES)
    if expected:
        assert any(expected in line for line in found), found
    else:
        assert found == []


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        ('WORDS = frozenset("a b c d e f g h".split())\n', True),
        ('WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight")\n', True),
        ('WORDS = wordset("""mon tue wed thu fri sat sun jan""")\n', True),
        ('WORDS = ("one", "two", "three")\n', False),
        ('PATTERNS = ("%d %B %Y", "%d/%m/%Y", "%Y-%m-%d", "%B %Y", "a", "b", "c", "d")\n', False),
        (
            'FORMS = [(a, "y"), (b, "fy"), (c, "yy"), (d, "iso"), (e, "n"), (f, "my"), (g, "d")]\n',
            False,
        ),
        ('WORDS = BASE | frozenset({"a", "b", "c", "d", "e", "f", "g", "h"})\n', True),
        ('__all__ = ["a", "b", "c", "d", "e", "f", "g", "h"]\n', False),
    ],
)
def test_word_list_rule_catches_lists_outside_the_lexicon(source: str, caught: bool) -> None:
    assert bool(word_list_violations("segment/items.py", source)) is caught
    assert word_list_violations("lexicon/people.py", source) == []
