"""Markdown inline syntax to clean text: emphasis, links, code, escapes, entities, tags.

Code spans, backslash escapes and autolinks are set aside first (as private-use placeholders)
so that the emphasis and link rules never touch what they protect, then put back at the end.
"""

from __future__ import annotations

import html
import re

from extractor.readers.lines import collapse_spaces

_CODE = re.compile(r"(`+)(.+?)\1", re.DOTALL)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+|[^<>\s@]+@[^<>\s@]+\.[A-Za-z]{2,})>")
_IMAGE = re.compile(r"!\[[^\]]*\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])")
_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\((?:[^()]|\([^()]*\))*\)")
_REF_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])+)\]\[[^\[\]]*\]")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_RAW_ELEMENT = re.compile(r"<(script|style|textarea)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)")
_EMPHASIS = re.compile(r"\*(?=[^\s*])(.+?)(?<=[^\s*])\*|(?<!\w)_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_STRAY = re.compile(r"^[*_]+(?=\S)|(?<=\S)[*_]+$")
_PLACEHOLDER = re.compile("\ue000(\\d+)\ue001")
_WORDY = re.compile(r"\w")


def clean_inline(raw: str) -> tuple[str, bool]:
    """Return ``(text, bold)``: the visible text of Markdown ``raw`` and whether all of it is bold.

    Links keep their text, images disappear, autolinks keep their address, inline code keeps
    its content, scripts and style sheets disappear with their content, other HTML tags lose
    only their markup, escapes and HTML entities are decoded and whitespace (no-break spaces
    included) is collapsed to single spaces.
    """
    stash: list[str] = []

    def keep(value: str) -> str:
        stash.append(value)
        return f"\ue000{len(stash) - 1}\ue001"

    # Each rule runs only when the text holds a character its pattern needs.
    text = raw
    if "`" in text:
        text = _CODE.sub(lambda m: keep(m.group(2).strip()), text)
    if "\\" in text:
        text = _ESCAPE.sub(lambda m: keep(m.group(1)), text)
    if "<" in text:
        text = _AUTOLINK.sub(lambda m: keep(m.group(1).removeprefix("mailto:")), text)
        text = _COMMENT.sub("", text)
    if "![" in text:
        text = _IMAGE.sub("", text)
    if "](" in text:
        text = _LINK.sub(lambda m: m.group(1), text)
    if "][" in text:
        text = _REF_LINK.sub(lambda m: m.group(1), text)
    if "<" in text:
        text = _TAG.sub("", _BREAK_TAG.sub(" ", _RAW_ELEMENT.sub(" ", text)))
    bold = False
    if ("**" in text or "__" in text) and _STRONG.search(text):
        outside = _PLACEHOLDER.sub(lambda m: stash[int(m.group(1))], _STRONG.sub("", text))
        bold = not _WORDY.search(outside)
    if "*" in text or "_" in text or "~~" in text:
        text = _STRAY.sub("", _strip_emphasis(text).strip())
    else:
        text = text.strip()
    while "\ue000" in text and _PLACEHOLDER.search(text):
        text = _PLACEHOLDER.sub(lambda m: stash[int(m.group(1))], text)
    return collapse_spaces(html.unescape(text)), bold


def _strip_emphasis(text: str) -> str:
    """Remove strong, emphasis and strikethrough delimiters, innermost spans included."""
    previous = None
    while previous != text:
        previous = text
        text = _STRONG.sub(lambda m: m.group(1) or m.group(2), text)
        text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
        text = _STRIKE.sub(lambda m: m.group(1), text)
    return text
