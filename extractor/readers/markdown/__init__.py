r"""Markdown minutes (.md): headings, lists, paragraphs and tables as blocks, markup removed.

Block structure follows CommonMark where minutes need it (ATX and setext headings, lazy
continuation of paragraphs and list items, fenced code, thematic breaks) and GitHub tables.
Two deliberate departures: the list markers of :mod:`~extractor.readers.markers` (``•``,
``a)``, ``4.1``...) also open items, since minutes converted from Word keep them as text, and
a paragraph that starts with a number (``**2\\. Minutes**``) is read as a numbered item.
HTML is never a block of its own: comments, scripts, style sheets and declarations are
skipped whole, and a line holding only tags (``<div class="note">``) ends the open block the
way a blank line does; text between such tags is read as usual.

markdown-it-py was measured in its place (``benchmarks/markdown_parsers.py``): over the 59
Markdown files of the samples and the shared corpora its token parse alone takes about 2.5
times as long as this whole reader, and a reader built on it changed the blocks of 36 files,
mostly where this reader departs from CommonMark on purpose: the two cases above, and labelled
lines ("Name: …", "Time: …") that start a block of their own instead of wrapping.
"""

from __future__ import annotations

import re

from extractor.core import Block, Origin
from extractor.readers.assemble import Assembler
from extractor.readers.lines import Line, is_rule_line, normalise_spaces, split_lines
from extractor.readers.markdown.frontmatter import split_front_matter
from extractor.readers.markdown.inline import clean_inline
from extractor.readers.markdown.tables import is_delimiter_row, split_cells
from extractor.readers.markers import parse_marker

__all__ = ["clean_inline", "parse_markdown", "split_front_matter"]

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LABELLED_LINE = re.compile(
    r"^\s{0,3}(?:\*\*|__)?(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}|[a-z][a-z0-9_-]{1,19})"
    r"\s*(?::(?:\*\*|__)?|(?:\*\*|__):)\s+\S"
)
"""A line that opens with a name, nick or field label and a colon ("Rachel Ng: I'll …",
"dbaron: …", "Time: 7pm"): in minutes it starts a new line of its own, not a soft wrap."""
_QUOTE = re.compile(r"^ {0,3}>[ ]?")
_TASK_BOX = re.compile(r"^\[[ xX]\]\s+")
_COMMENT_OPEN = "<!--"
_COMMENT_CLOSE = "-->"
_RAW_HTML_OPEN = re.compile(
    r"^ {0,3}(?:<(?P<element>script|style|textarea)(?:[\s>]|$)"
    r"|(?P<other><\?|<![A-Za-z]|<!\[CDATA\[))",
    re.IGNORECASE,
)
"""The start of an HTML block that is never text: a script, style sheet or form field, a
processing instruction, a declaration (``<!DOCTYPE``) or CDATA (CommonMark HTML blocks 1, 3-5;
``<pre>`` is left out, as preformatted text can be minutes)."""
_RAW_HTML_CLOSE = {"<?": "?>", "<![cdata[": "]]>"}
_TAGS_ONLY = re.compile(r"^\s*(?:</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>\s*)+$")
"""A line of nothing but HTML tags (``<div class="x">``, ``</p>``): a wrapper, not text."""


def parse_markdown(text: str) -> tuple[list[Block], dict[str, str]]:
    """Return the blocks of decoded Markdown and the metadata its front matter gives."""
    lines = split_lines(text)
    metadata, body_start = split_front_matter(lines)
    parser = _Parser()
    body = lines[body_start:]
    for index, line in enumerate(body):
        parser.feed(line, body[index + 1] if index + 1 < len(body) else None)
    return [_numbered_paragraph(block) for block in parser.finish()], metadata


class _Parser:
    """Line-by-line Markdown block parser feeding an :class:`Assembler`."""

    def __init__(self) -> None:
        self.out = Assembler(clean=clean_inline)
        self.fence: str | None = None
        self.in_comment = False
        self.raw_html_close: str | None = None
        self.table: list[Line] = []
        self.tables = 0

    def finish(self) -> list[Block]:
        """Flush any open table or block and return the blocks."""
        self._flush_table()
        return self.out.finish()

    def feed(self, line: Line, following: Line | None) -> None:
        """Consume one physical line; ``following`` is the next one (tables need to see it)."""
        if self.fence is not None:
            self._fenced(line)
            return
        line = self._without_comments(line)
        if self.raw_html_close is not None or _raw_html_start(line.text):
            self._raw_html(line)
            return
        while ">" in line.text[:4] and (match := _QUOTE.match(line.text)):
            line = Line(line.number, line.text[match.end() :], line.start + match.end())
        if self.table:
            if "|" in line.text and not line.is_blank():
                self.table.append(line)
                return
            self._flush_table()
        lead = line.text[:4]  # the block patterns allow at most three spaces before their mark
        if line.is_blank():
            self.out.blank()
        elif ("`" in lead or "~" in lead) and (fence := _FENCE.match(line.text)):
            self.out.close()
            self.fence = fence.group(1)
        elif "#" in lead and (heading := _ATX.match(line.text)):
            self._heading(line, heading.group(2) or "", len(heading.group(1)))
        elif (
            ("=" in lead or "-" in lead)
            and (setext := _SETEXT.match(line.text))
            and self._single_line_paragraph()
        ):
            pending = self.out.pending
            assert pending is not None
            self.out.pending = None
            self._heading(pending.first, pending.parts[0], 1 if setext.group(1)[0] == "=" else 2)
        elif is_rule_line(line.text) or ("<" in lead and _TAGS_ONLY.match(line.text)):
            self.out.blank()
        elif "|" in line.text and self._starts_table(following):
            self.out.close()
            self.table = [line]
        elif (marker := parse_marker(line.text)) is not None:
            self.out.open_item(line, marker, _TASK_BOX.sub("", _unbreak(marker.text)))
        elif self.out.pending is not None and not _LABELLED_LINE.match(line.text):
            self.out.pending.add(line, _unbreak(line.text.strip()))
        else:
            self.out.open_paragraph(line, _unbreak(line.text.strip()))

    def _fenced(self, line: Line) -> None:
        """Inside a fenced code block: each non-blank line is kept as a raw paragraph."""
        assert self.fence is not None
        stripped = line.text.strip()
        if stripped.startswith(self.fence) and set(stripped) == {self.fence[0]}:
            self.fence = None
            return
        if stripped:
            origin = Origin(line=line.number, start=line.content_start, end=line.content_end)
            self.out.add(Block(text=normalise_spaces(stripped), kind="paragraph", origin=origin))

    def _raw_html(self, line: Line) -> None:
        """Skip a line of a script, style or other raw HTML block, noting where the block ends."""
        lowered = line.text.lower()
        if self.raw_html_close is None:
            self.out.blank()
            match = _RAW_HTML_OPEN.match(line.text)
            assert match is not None
            element, other = match.group("element"), match.group("other")
            close = f"</{element.lower()}>" if element else _RAW_HTML_CLOSE.get(other.lower(), ">")
            lowered = lowered[match.end() :]
            self.raw_html_close = close
        if self.raw_html_close in lowered:
            self.raw_html_close = None

    def _without_comments(self, line: Line) -> Line:
        """``line`` with HTML comment text blanked out (offsets kept), tracking open comments."""
        text, pieces, position = line.text, [], 0
        if not self.in_comment and _COMMENT_OPEN not in text:
            return line
        while position < len(text):
            if self.in_comment:
                close = text.find(_COMMENT_CLOSE, position)
                end = len(text) if close < 0 else close + len(_COMMENT_CLOSE)
                pieces.append(" " * (end - position))
                self.in_comment = close < 0
            else:
                start = text.find(_COMMENT_OPEN, position)
                end = len(text) if start < 0 else start
                pieces.append(text[position:end])
                self.in_comment = start >= 0
            position = end
        return Line(line.number, "".join(pieces), line.start)

    def _heading(self, line: Line, raw: str, level: int) -> None:
        """Emit a heading block (empty headings are dropped) and end any list."""
        self.out.close()
        self.out.reset_levels()
        text, bold = clean_inline(raw)
        if text:
            origin = Origin(line=line.number, start=line.content_start, end=line.content_end)
            self.out.add(Block(text=text, kind="heading", origin=origin, level=level, bold=bold))

    def _single_line_paragraph(self) -> bool:
        """Tell whether the open block is a one-line paragraph (a setext heading candidate)."""
        pending = self.out.pending
        return pending is not None and pending.kind == "paragraph" and pending.first is pending.last

    def _starts_table(self, following: Line | None) -> bool:
        """Tell whether the next line is a table delimiter row (``--- | ---``)."""
        return following is not None and is_delimiter_row(following.text)

    def _flush_table(self) -> None:
        """Emit the collected table lines as rows (header first, delimiter row dropped)."""
        lines, self.table = self.table, []
        if not lines:
            return
        self.out.reset_levels()
        rows = [line for index, line in enumerate(lines) if index != 1]
        for row_index, line in enumerate(rows):
            cells = tuple(clean_inline(cell)[0] for cell in split_cells(line.text))
            if not any(cells):
                continue
            origin = Origin(
                line=line.number,
                start=line.content_start,
                end=line.content_end,
                table=self.tables,
                row=row_index,
            )
            text = " | ".join(cell for cell in cells if cell)
            block = Block(
                text=text,
                kind="table_row",
                origin=origin,
                cells=cells,
                table_header=row_index == 0,
            )
            self.out.add(block)
        self.tables += 1


def _raw_html_start(text: str) -> bool:
    """Tell whether a line opens a script, style or other HTML block that is never text."""
    return "<" in text[:4] and _RAW_HTML_OPEN.match(text) is not None


def _unbreak(text: str) -> str:
    """Drop a trailing backslash hard break; the line joins the next with a space anyway."""
    return text[:-1].rstrip() if text.endswith("\\") and not text.endswith("\\\\") else text


def _numbered_paragraph(block: Block) -> Block:
    """Read a paragraph whose clean text opens with a number (``2. Minutes``) as a list item."""
    if block.kind != "paragraph":
        return block
    marker = parse_marker(block.text)
    if marker is None or not marker.numbered or not marker.marker[:1].isdigit() or not marker.text:
        return block
    return Block(
        text=marker.text,
        kind="list_item",
        origin=block.origin,
        marker=marker.marker,
        numbered=True,
        bold=block.bold,
        gap_before=block.gap_before,
    )
