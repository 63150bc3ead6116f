"""The custom attributes the tagger's components set on each Doc, named and registered once.

Components write them and :mod:`extractor.tag` reads them, always through :data:`ATTRS`
(``doc._.get(ATTRS.initials)``), never by a name spelled out elsewhere:

- ``rule_ents`` (set by ``minutes_entities``): the ``(start_char, end_char)`` of each entity
  that came from a rule, so document-level decisions can trust it more than the model's;
- ``acronym_pairs`` (set by ``minutes_acronyms``): the acronym definitions the Doc makes, as
  :class:`~extractor.parse.AcronymPair`;
- ``initials`` (set by ``minutes_acronyms``): ``(initials, name)`` of the people's initials the
  Doc defines.

Each is None until its component has run. Importing this module registers them.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass

from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class DocAttrs:
    """The names of the Doc extension attributes the tagger uses."""

    rule_ents: str = "rule_ents"
    acronym_pairs: str = "acronym_pairs"
    initials: str = "initials"


ATTRS = DocAttrs()


def register() -> None:
    """Register every attribute of :data:`ATTRS` on :class:`Doc` (once; None by default)."""
    for name in astuple(ATTRS):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register()
