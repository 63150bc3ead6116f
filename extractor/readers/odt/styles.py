"""What an OpenDocument text's styles say: bold, heading names and list markers.

Paragraph and text styles come from ``styles.xml`` (common and automatic styles) and from the
automatic styles of ``content.xml``, which take precedence; each may inherit through
``style:parent-style-name``. List styles say, per level, whether items are bulleted (and with
which glyph) or numbered (and in which format).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree.ElementTree import Element

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"

MAX_CHAIN = 32
"""Longest parent-style chain followed (guards against cycles in broken files)."""

_HEADING = re.compile(r"^heading\s*([1-9])$")
_NUMBER_FORMATS = {
    "1": "decimal",
    "a": "lowerLetter",
    "A": "upperLetter",
    "i": "lowerRoman",
    "I": "upperRoman",
}
"""ODF ``style:num-format`` values under the names Word gives the same formats."""
_SYMBOL_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓"}


def q(namespace: str, name: str) -> str:
    """The Clark-notation name ``{namespace}name`` ElementTree uses."""
    return f"{{{namespace}}}{name}"


_NAME = q(STYLE, "name")
_DISPLAY = q(STYLE, "display-name")
_FAMILY = q(STYLE, "family")
_PARENT = q(STYLE, "parent-style-name")
_LIST_STYLE = q(STYLE, "list-style-name")
_OUTLINE = q(STYLE, "default-outline-level")
_TEXT_PROPS = q(STYLE, "text-properties")
_WEIGHT = q(FO, "font-weight")
_LEVEL = q(TEXT, "level")
_BULLET_CHAR = q(TEXT, "bullet-char")
_NUM_FORMAT = q(STYLE, "num-format")


@dataclass(frozen=True, slots=True)
class _Style:
    name: str
    display: str
    parent: str | None
    bold: bool | None
    list_style: str | None
    outline: int | None
    automatic: bool
    """Defined among the automatic styles: the program made it, the user never named it."""


def _weight_bold(element: Element) -> bool | None:
    """Read ``fo:font-weight`` from a style's text properties: None when it sets none."""
    props = element.find(_TEXT_PROPS)
    weight = props.get(_WEIGHT) if props is not None else None
    if weight is None:
        return None
    weight = weight.strip().lower()
    if weight.isdigit():
        return int(weight) >= 600
    return weight in ("bold", "bolder")


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


class StyleSheet:
    """Style lookup by (family, name), with inheritance, for paragraphs, text runs and lists."""

    def __init__(self, roots: list[Element]) -> None:
        self._styles: dict[tuple[str, str], _Style] = {}
        self._lists: dict[str, dict[int, tuple[str | None, bool]]] = {}
        self._default_bold: dict[str, bool | None] = {}
        for root in roots:  # later roots (content.xml's automatic styles) win
            for element, automatic in _style_elements(root):
                tag = element.tag
                if tag == q(STYLE, "style"):
                    self._add_style(element, automatic=automatic)
                elif tag == q(STYLE, "default-style"):
                    family = element.get(_FAMILY) or ""
                    self._default_bold[family] = _weight_bold(element)
                elif tag == q(TEXT, "list-style"):
                    name = element.get(_NAME)
                    if name is not None:
                        self._lists[name] = _list_levels(element)

    def _add_style(self, element: Element, *, automatic: bool) -> None:
        name = element.get(_NAME)
        if name is None:
            return
        family = element.get(_FAMILY) or "paragraph"
        self._styles[(family, name)] = _Style(
            name=name,
            display=element.get(_DISPLAY) or name,
            parent=element.get(_PARENT),
            bold=_weight_bold(element),
            list_style=element.get(_LIST_STYLE),
            outline=_int(element.get(_OUTLINE)),
            automatic=automatic,
        )

    def _chain(self, family: str, name: str | None) -> list[_Style]:
        chain: list[_Style] = []
        seen: set[str] = set()
        while name is not None and name not in seen and len(seen) < MAX_CHAIN:
            seen.add(name)
            style = self._styles.get((family, name))
            if style is None:
                break
            chain.append(style)
            name = style.parent
        return chain

    def bold(self, family: str, name: str | None) -> bool | None:
        """The nearest explicit bold setting of a style chain (then the family's default)."""
        for style in self._chain(family, name):
            if style.bold is not None:
                return style.bold
        return self._default_bold.get(family)

    def display_name(self, name: str | None) -> str | None:
        """The name of the user-visible paragraph style (``Heading 1``), past automatic ones."""
        named = (s for s in self._chain("paragraph", name) if not s.automatic)
        return next((s.display for s in named), None)

    def heading_level(self, name: str | None) -> int | None:
        """1-9 for a paragraph style that is a heading (by outline level or name), 1 for Title."""
        for style in self._chain("paragraph", name):
            label = style.display.strip().lower()
            if label == "title":
                return 1
            if match := _HEADING.match(label):
                return int(match.group(1))
            if style.outline is not None and 1 <= style.outline <= 9:
                return style.outline
        return None

    def paragraph_list_style(self, name: str | None) -> str | None:
        """The list style a paragraph style attaches to its paragraphs, if any."""
        for style in self._chain("paragraph", name):
            if style.list_style:
                return style.list_style
        return None

    def describe(self, list_style: str | None, level: int) -> tuple[str | None, bool]:
        """``(marker, numbered)`` for an item at 0-based ``level`` of ``list_style``."""
        levels = self._lists.get(list_style or "", {})
        found = levels.get(level + 1)
        return found if found is not None else (None, False)


def _style_elements(root: Element) -> Iterator[tuple[Element, bool]]:
    """Every element below ``root``'s style containers, with whether it is an automatic one."""
    for container in root:
        automatic = container.tag == q(OFFICE, "automatic-styles")
        if not automatic and container.tag != q(OFFICE, "styles"):
            continue
        for element in container.iter():
            yield element, automatic


def _list_levels(element: Element) -> dict[int, tuple[str | None, bool]]:
    """Map each 1-based ``text:level`` of a list style to ``(marker, numbered)``."""
    levels: dict[int, tuple[str | None, bool]] = {}
    for level in element:
        number = _int(level.get(_LEVEL))
        if number is None:
            continue
        if level.tag == q(TEXT, "list-level-style-bullet"):
            glyph = "".join(_SYMBOL_BULLETS.get(c, c) for c in level.get(_BULLET_CHAR) or "")
            levels[number] = (glyph.strip() or "•", False)
        elif level.tag == q(TEXT, "list-level-style-number"):
            form = (level.get(_NUM_FORMAT) or "").strip()
            if form:
                levels[number] = (_NUMBER_FORMATS.get(form, form), True)
            else:
                levels[number] = (None, False)
    return levels
