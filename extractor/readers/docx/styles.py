"""What Word's styles and numbering definitions say about a paragraph or run.

Reads ``styles.xml`` and ``numbering.xml`` straight from the XML python-docx parsed, because the
questions asked here (does the style chain carry a list? which ``w:lvl`` format applies?) are
not part of python-docx's friendly API.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, cast

from docx.oxml.ns import qn
from docx.styles import BabelFish

MAX_CHAIN = 32
"""Longest ``basedOn`` chain followed (guards against cycles in broken files)."""

SYMBOL_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓"}
"""Symbol/Wingdings private-use bullets mapped to the Unicode glyph they display as."""

_HEADING = re.compile(r"^heading\s*([1-9])$")
_LIST_STYLE = re.compile(r"^list(?: bullet| number| continue)? ([2-9])$")
_FALSE = frozenset({"0", "false", "off", "none"})

Element = Any
"""An lxml element from python-docx's parsed XML."""


_W_VAL = qn("w:val")
_W_STYLE = qn("w:style")
_W_STYLE_ID = qn("w:styleId")
_W_TYPE = qn("w:type")
_W_DEFAULT = qn("w:default")
_W_NAME = qn("w:name")
_W_BASED_ON = qn("w:basedOn")
_W_PPR = qn("w:pPr")
_W_RPR = qn("w:rPr")
_W_NUM_PR = qn("w:numPr")
_W_NUM_ID = qn("w:numId")
_W_ILVL = qn("w:ilvl")
_W_B = qn("w:b")


def child(element: Element, tag: str) -> Element | None:
    """Return the first child of ``element`` with the Clark-notation ``tag``, or None."""
    return next(element.iterchildren(tag), None)


def leading_child(element: Element, tag: str) -> Element | None:
    """Like :func:`child`, quicker for a property element the schema puts first (``w:pPr``)."""
    if len(element) and element[0].tag == tag:
        return element[0]
    return next(element.iterchildren(tag), None)


def attr(element: Element | None, name: str = "w:val") -> str | None:
    """Return the namespaced attribute ``name`` of ``element`` (None if either is missing)."""
    if element is None:
        return None
    value = element.get(_W_VAL if name == "w:val" else qn(name))
    return None if value is None else str(value)


def flag(element: Element | None) -> bool | None:
    """Read a WordprocessingML on/off property: None if absent, else its truth value."""
    if element is None:
        return None
    value = element.get(_W_VAL)
    return value is None or str(value).lower() not in _FALSE


@dataclass(frozen=True, slots=True)
class Style:
    """The parts of one ``w:style`` the reader needs."""

    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    bold: bool | None


def _style(element: Element, style_id: str) -> Style:
    """Read the parts of one ``w:style`` element the reader needs."""
    ppr = child(element, _W_PPR)
    num_pr = child(ppr, _W_NUM_PR) if ppr is not None else None
    rpr = child(element, _W_RPR)
    return Style(
        name=attr(child(element, _W_NAME)) or style_id,
        based_on=attr(child(element, _W_BASED_ON)),
        num_id=attr(child(num_pr, _W_NUM_ID)) if num_pr is not None else None,
        ilvl=_int(attr(child(num_pr, _W_ILVL))) if num_pr is not None else None,
        bold=flag(child(rpr, _W_B)) if rpr is not None else None,
    )


class StyleBook:
    """Style lookup by id, with inheritance through ``w:basedOn``.

    Only the ids are indexed up front; a style is read when first asked for, and every answer
    about a style id is remembered, since a document asks the same few styles again and again.
    """

    def __init__(self, styles_element: Element | None) -> None:
        self._elements: dict[str, Element] = {}
        self._styles: dict[str, Style] = {}
        self._answers: dict[tuple[str, str | None], Any] = {}
        self.default_paragraph: str | None = None
        if styles_element is None:
            return
        for element in styles_element.iterchildren(_W_STYLE):
            value = element.get(_W_STYLE_ID)
            if value is None:
                continue
            style_id = str(value)
            self._elements[style_id] = element
            if element.get(_W_TYPE) == "paragraph" and element.get(_W_DEFAULT) in ("1", "true"):
                self.default_paragraph = style_id

    def _get(self, style_id: str) -> Style | None:
        """The style with id ``style_id``, read on first use; None when there is none."""
        style = self._styles.get(style_id)
        if style is None:
            element = self._elements.get(style_id)
            if element is None:
                return None
            style = self._styles[style_id] = _style(element, style_id)
        return style

    def chain(self, style_id: str | None) -> Iterator[Style]:
        """Yield the style and the styles it is based on, nearest first."""
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and len(seen) < MAX_CHAIN:
            seen.add(style_id)
            style = self._get(style_id)
            if style is None:
                return
            yield style
            style_id = style.based_on

    def display_name(self, style_id: str | None) -> str | None:
        """Return the name Word shows for the style (``Heading 1``, ``List Bullet``)."""
        key = ("name", style_id)
        if key not in self._answers:
            style = self._get(style_id) if style_id else None
            self._answers[key] = BabelFish.internal2ui(style.name) if style else None
        return cast("str | None", self._answers[key])

    def heading_level(self, style_id: str | None) -> int | None:
        """Return 1-9 for a ``Heading N`` style or one based on it, 1 for ``Title``; else None."""
        key = ("heading", style_id)
        if key not in self._answers:
            self._answers[key] = self._heading_level(style_id)
        return cast("int | None", self._answers[key])

    def _heading_level(self, style_id: str | None) -> int | None:
        for style in self.chain(style_id):
            name = style.name.strip().lower()
            if name == "title":
                return 1
            if match := _HEADING.match(name):
                return int(match.group(1))
        return None

    def numbering(self, style_id: str | None) -> tuple[str, int] | None:
        """Return the ``(numId, ilvl)`` a paragraph inherits from its style chain, if any."""
        key = ("numbering", style_id)
        if key not in self._answers:
            self._answers[key] = next(
                ((s.num_id, s.ilvl or 0) for s in self.chain(style_id) if s.num_id is not None),
                None,
            )
        return cast("tuple[str, int] | None", self._answers[key])

    def list_level(self, style_id: str | None) -> int:
        """Return the nesting Word's ``List Bullet 2``-style names imply (0 for others)."""
        key = ("list", style_id)
        if key not in self._answers:
            self._answers[key] = self._list_level(style_id)
        return cast(int, self._answers[key])

    def _list_level(self, style_id: str | None) -> int:
        for style in self.chain(style_id):
            if match := _LIST_STYLE.match(style.name.strip().lower()):
                return int(match.group(1)) - 1
        return 0

    def bold(self, style_id: str | None) -> bool | None:
        """Return the nearest explicit bold setting in the style chain."""
        key = ("bold", style_id)
        if key not in self._answers:
            self._answers[key] = next(
                (s.bold for s in self.chain(style_id) if s.bold is not None), None
            )
        return cast("bool | None", self._answers[key])


class Numbering:
    """``numbering.xml``: which marker a (numId, ilvl) pair displays."""

    def __init__(self, numbering_element: Element | None) -> None:
        self._abstract: dict[str, dict[int, tuple[str, str]]] = {}
        self._nums: dict[str, tuple[str | None, dict[int, tuple[str, str]]]] = {}
        if numbering_element is None:
            return
        for abstract in numbering_element.iterchildren(qn("w:abstractNum")):
            key = attr(abstract, "w:abstractNumId")
            if key is not None:
                self._abstract[key] = _levels(abstract)
        for num in numbering_element.iterchildren(qn("w:num")):
            key = attr(num, "w:numId")
            if key is None:
                continue
            overrides: dict[int, tuple[str, str]] = {}
            for override in num.iterchildren(qn("w:lvlOverride")):
                overrides.update(_levels(override))
            self._nums[key] = (attr(num.find(qn("w:abstractNumId"))), overrides)

    def describe(self, num_id: str, ilvl: int) -> tuple[str | None, bool]:
        """Return ``(marker, numbered)``: the bullet text, or the number format (``decimal``)."""
        abstract_id, overrides = self._nums.get(num_id, (None, {}))
        levels = {**self._abstract.get(abstract_id or "", {}), **overrides}
        if ilvl not in levels:
            return None, False
        number_format, text = levels[ilvl]
        if number_format in ("bullet", "none"):
            glyph = "".join(SYMBOL_BULLETS.get(char, char) for char in text).strip()
            return glyph or None, False
        return number_format, True


def _levels(parent: Element) -> dict[int, tuple[str, str]]:
    """Map ``ilvl`` to ``(numFmt, lvlText)`` for the ``w:lvl`` children of ``parent``."""
    levels: dict[int, tuple[str, str]] = {}
    for level in parent.iterchildren(qn("w:lvl")):
        ilvl = _int(attr(level, "w:ilvl"))
        if ilvl is not None:
            number_format = attr(level.find(qn("w:numFmt"))) or "decimal"
            levels[ilvl] = (number_format, attr(level.find(qn("w:lvlText"))) or "")
    return levels


def _int(value: str | None) -> int | None:
    """Parse ``value`` as an int; None when missing or malformed."""
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
