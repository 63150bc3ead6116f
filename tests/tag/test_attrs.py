from __future__ import annotations

from dataclasses import astuple

from spacy.language import Language
from spacy.tokens import Doc

from extractor.tag.attrs import ATTRS, register
from extractor.tag.load import load_nlp


def test_every_attribute_is_registered_once_and_none_by_default() -> None:
    register()
    doc = Doc(load_nlp("blank").vocab, words=["x"])
    assert len(set(astuple(ATTRS))) == len(astuple(ATTRS))
    assert all(Doc.has_extension(name) and doc._.get(name) is None for name in astuple(ATTRS))


def test_the_pipeline_sets_every_attribute() -> None:
    nlp: Language = load_nlp("blank")
    doc = nlp("The Community Safety Partnership (CSP) and Pam Bullas (PB) met.")
    assert all(doc._.get(name) is not None for name in astuple(ATTRS))
    assert [p.short for p in doc._.get(ATTRS.acronym_pairs)] == ["CSP"]
