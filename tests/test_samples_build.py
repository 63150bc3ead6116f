"""The sample minutes: committed Word files match the builder script; every sample has a gold."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
DOCX_NAMES = (
    "community-safety-forum-word-2024-03-12.docx",
    "health-wellbeing-board-2024-01-25.docx",
)

Shape = tuple[Any, ...]


def _load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_sample_docx", ROOT / "scripts" / "make_sample_docx.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


def _attr(element: Any, tag: str) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    return None if child is None else str(child.get(qn("w:val")))


def _num_format(document: Any, num_id: str, ilvl: str) -> str | None:
    numbering = document.part.numbering_part.element
    abstract_id = next(
        _attr(num, "w:abstractNumId")
        for num in numbering.iterchildren(qn("w:num"))
        if num.get(qn("w:numId")) == num_id
    )
    abstract = next(
        a
        for a in numbering.iterchildren(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == abstract_id
    )
    level = next(lvl for lvl in abstract.iterchildren(qn("w:lvl")) if lvl.get(qn("w:ilvl")) == ilvl)
    return _attr(level, "w:numFmt")


def _paragraph_shape(document: Any, paragraph: Paragraph) -> Shape:
    runs = [run for run in paragraph.runs if run.text.strip()]
    bold = bool(runs) and all(run.bold for run in runs)
    ppr = paragraph._p.find(qn("w:pPr"))
    num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
    own_numbering = None
    if num_pr is not None:
        ilvl, num_id = _attr(num_pr, "w:ilvl") or "0", _attr(num_pr, "w:numId") or ""
        own_numbering = (int(ilvl), _num_format(document, num_id, ilvl))
    style = paragraph.style.name if paragraph.style is not None else None
    return ("p", style, paragraph.text, bold, own_numbering)


def describe(path: Path) -> list[Shape]:
    """Body blocks in order: paragraphs as (style, text, bold, own numbering); tables as rows."""
    document = docx.Document(str(path))
    shapes: list[Shape] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            rows = tuple(tuple(cell.text for cell in row.cells) for row in block.rows)
            shapes.append(("table", rows))
        else:
            shapes.append(_paragraph_shape(document, block))
    return shapes


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out_dir = tmp_path_factory.mktemp("samples")
    _load_builder().build_all(out_dir)
    return out_dir


@pytest.mark.parametrize("name", DOCX_NAMES)
def test_committed_docx_matches_rebuild(rebuilt: Path, name: str) -> None:
    assert describe(SAMPLES / name) == describe(rebuilt / name)


def _strip_marker(line: str) -> str:
    return re.sub(r"^\s*(?:·|o|\d+\.)\s+", "", line).rstrip()


def test_community_safety_docx_has_the_text_of_the_txt() -> None:
    txt = (SAMPLES / "community-safety-forum-2024-03-12.txt").read_text(encoding="utf-8")
    docx_texts = [shape[2] for shape in describe(SAMPLES / DOCX_NAMES[0])]
    assert docx_texts == [_strip_marker(line) for line in txt.splitlines()]


def test_community_safety_docx_uses_real_word_structure() -> None:
    shapes = describe(SAMPLES / DOCX_NAMES[0])
    by_style = [(s[1], s[4]) for s in shapes]
    assert shapes[0][1] in {"Title", "Heading 1"}
    assert by_style.count(("List Bullet", None)) == 24
    assert by_style.count(("List Bullet 2", None)) == 1
    assert by_style.count(("List Paragraph", (0, "decimal"))) == 4
    bold_headers = [s[2] for s in shapes if s[3]]
    assert len(bold_headers) == 6
    assert not any(s[2].startswith(("·", "o ")) for s in shapes)


def test_health_wellbeing_docx_has_tables_and_headings() -> None:
    shapes = describe(SAMPLES / DOCX_NAMES[1])
    tables = [s[1] for s in shapes if s[0] == "table"]
    assert [t[0] for t in tables] == [("Name", "Organisation", "Role"), ("Action", "Owner", "Due")]
    headings = [s[2] for s in shapes if s[0] == "p" and s[1] == "Heading 2"]
    assert "Any Other Business" in headings
    assert "Dr Anjali Mehta, Director of Public Health, Northmere Council" in headings
    assert sum(1 for s in shapes if s[0] == "p" and s[1] == "List Number") == 4


SAMPLE_FILES = sorted(
    path.name for path in SAMPLES.glob("*") if path.suffix in {".txt", ".md", ".docx"}
)


@pytest.mark.parametrize("name", SAMPLE_FILES)
def test_every_sample_has_a_gold_naming_it(name: str) -> None:
    candidates = [SAMPLES / f"{name}.gold.json", SAMPLES / f"{Path(name).stem}.gold.json"]
    sources = [
        json.loads(p.read_text(encoding="utf-8"))["source"] for p in candidates if p.exists()
    ]
    assert name in sources
