"""Per-word values for spaCy components, each computed once for a vocabulary entry.

A test that reads only a word's text gives the same answer wherever the word occurs, so a
component can keep the answer under the word's ``orth`` id and, for a Doc, read the answers
of its distinct words with a C-level ``map`` instead of a Python loop over its tokens.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from spacy.attrs import ORTH
from spacy.tokens import Doc

T = TypeVar("T")


class WordMemo(dict[int, T], Generic[T]):
    """``compute(orth)`` for each word, remembered; starts afresh beyond ``limit`` entries.

    The limit bounds memory on a batch whose vocabulary keeps growing.
    """

    def __init__(self, compute: Callable[[int], T], *, limit: int = 1_000_000) -> None:
        super().__init__()
        self.compute = compute
        self.limit = limit

    def __missing__(self, orth: int) -> T:
        if len(self) >= self.limit:
            self.clear()
        value = self[orth] = self.compute(orth)
        return value

    def of(self, doc: Doc) -> Iterator[T]:
        """The values of the distinct words of ``doc``, in no particular order."""
        return map(self.__getitem__, set(doc.to_array(ORTH).tolist()))
