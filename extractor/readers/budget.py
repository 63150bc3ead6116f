"""The reader's share of the per-input budgets: lines, the longest line, blocks.

Each check is one linear pass that runs before the step whose cost it bounds (parsing the
text, segmenting the blocks); an input over a budget raises
:class:`~extractor.core.errors.BudgetError`.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractor.core import Block, BudgetError, Limits


def check_text(text: str, limits: Limits) -> None:
    """Refuse a decoded text file with too many lines or too long a line."""
    lines = text.count("\n") + 1
    if lines > limits.lines:
        raise BudgetError.over("lines", limit="lines", found=lines, allowed=limits.lines)
    if len(text) <= limits.line_chars:
        return
    longest = max(map(len, text.splitlines()))
    if longest > limits.line_chars:
        raise BudgetError.over(
            "characters in its longest line",
            limit="line_chars",
            found=longest,
            allowed=limits.line_chars,
        )


def check_blocks(blocks: Sequence[Block], limits: Limits) -> None:
    """Refuse a read document with too many blocks or too long a block."""
    if len(blocks) > limits.blocks:
        raise BudgetError.over(
            "blocks (paragraphs, list items, table rows)",
            limit="blocks",
            found=len(blocks),
            allowed=limits.blocks,
        )
    longest = max((len(block.text) for block in blocks), default=0)
    if longest > limits.line_chars:
        raise BudgetError.over(
            "characters in its longest paragraph",
            limit="line_chars",
            found=longest,
            allowed=limits.line_chars,
        )
