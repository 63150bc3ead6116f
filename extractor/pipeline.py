"""The only module that knows the order of the stages: read → split → segment → tag → emit.

Documents stream through in windows: each window is read, split into meetings and segmented
file by file, tagged with one batched spaCy pass, then handed back in input order. A file
that holds several meetings gives one document per meeting, all in its one :class:`Result`.
A file that fails at any stage becomes a failed :class:`Result`; the rest of the batch
carries on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path
from types import MappingProxyType

from extractor import __version__
from extractor.core import (
    SCHEMA_VERSION,
    BudgetError,
    ExtractorError,
    InternalError,
    Limits,
    Minutes,
    Options,
    RawDocument,
    Segmented,
    internal_error,
)
from extractor.emit import render
from extractor.readers import read, read_data
from extractor.segment import segment, split_meetings
from extractor.tag import (
    Language,
    document_texts,
    load_nlp,
    pipeline_fingerprint,
    pipeline_warnings,
    read_acronym_dict,
    tag_documents,
)

__all__ = [
    "WINDOW",
    "Result",
    "acronyms_for",
    "convert",
    "convert_data",
    "convert_many",
    "fingerprint",
    "nlp_for",
    "pipeline_warnings",
]

WINDOW = 64
"""Documents read and segmented before one batched tagging pass."""

Loader = Callable[[], RawDocument]


@dataclass(slots=True)
class Result:
    """The outcome for one input: the document and its JSON text, or the error that stopped it.

    For a file of several meetings, ``meetings`` holds each one's document and JSON text in
    document order, and ``minutes``/``text`` are the first one's.
    """

    path: Path
    minutes: Minutes | None = None
    text: str | None = None
    error: ExtractorError | None = None
    meetings: list[tuple[Minutes | None, str]] = field(default_factory=list)
    """Every meeting's (document, JSON text) when the file held several; empty otherwise."""

    @property
    def ok(self) -> bool:
        """True when the input converted and validated."""
        return self.error is None

    def outputs(self) -> list[tuple[int | None, str]]:
        """(meeting number from 1, or None for a one-meeting file; JSON text) of each document."""
        if self.meetings:
            return [(number, text) for number, (_, text) in enumerate(self.meetings, start=1)]
        return [(None, self.text)] if self.text is not None else []


def nlp_for(options: Options) -> Language:
    """The spaCy pipeline for ``options``, built once per process and cached."""
    return load_nlp(options.model, patterns=options.patterns)


def acronyms_for(options: Options) -> Mapping[str, str]:
    """The user's acronym dictionary (ABBR → long form) that ``options`` name; empty for none.

    Each file is read once per process. Raises ConfigError when it cannot be read.
    """
    return _acronym_dict(options.acronym_dict) if options.acronym_dict is not None else {}


@lru_cache(maxsize=8)
def _acronym_dict(path: Path) -> Mapping[str, str]:
    return MappingProxyType(read_acronym_dict(path))


def fingerprint(nlp: Language, options: Options) -> str:
    """What an output depends on besides its input: versions, model, patterns, settings, dictionary.

    The acronym dictionary's part (a hash of its entries) is there only when it has some.
    """
    stages = f"{__version__}|{SCHEMA_VERSION}|{pipeline_fingerprint(nlp)}"
    stamp = f"{stages}|{options.max_bytes}|{options.date_order}"
    acronyms = acronyms_for(options)
    if not acronyms:
        return stamp
    entries = json.dumps(sorted(acronyms.items()), ensure_ascii=False)
    return f"{stamp}|acronyms-{hashlib.sha256(entries.encode()).hexdigest()[:12]}"


def convert(path: str | Path, *, options: Options | None = None) -> Minutes:
    """Convert one file to validated :class:`Minutes`; raises :class:`ExtractorError` on failure.

    For a file of several meetings this is the first meeting; :func:`convert_many` gives all.
    """
    result = next(convert_many([Path(path)], options=options))
    if result.error is not None:
        raise result.error
    if result.minutes is None:
        raise InternalError("the conversion gave neither a document nor an error", path=path)
    return result.minutes


def convert_many(
    paths: Iterable[Path], *, options: Options | None = None, nlp: Language | None = None
) -> Iterator[Result]:
    """Convert files lazily, in order, one :class:`Result` per path; memory stays flat."""
    options = options or Options()
    limit, limits = options.max_bytes, options.limits
    loaders = ((Path(p), _file_loader(Path(p), limit, limits)) for p in paths)
    yield from _stream(loaders, options=options, nlp=nlp or nlp_for(options))


def convert_data(
    items: Iterable[tuple[str, bytes]],
    *,
    options: Options | None = None,
    nlp: Language | None = None,
) -> Iterator[Result]:
    """Like :func:`convert_many` for contents already in memory, as ``(path, bytes)`` pairs."""
    options = options or Options()
    limit, limits = options.max_bytes, options.limits
    loaders = ((Path(name), _data_loader(name, data, limit, limits)) for name, data in items)
    yield from _stream(loaders, options=options, nlp=nlp or nlp_for(options))


def _file_loader(path: Path, max_bytes: int, limits: Limits) -> Loader:
    return lambda: read(path, max_bytes=max_bytes, limits=limits)


def _data_loader(name: str, data: bytes, max_bytes: int, limits: Limits) -> Loader:
    return lambda: read_data(data, name=name, max_bytes=max_bytes, limits=limits)


def _within_tagger_budget(segmented: Segmented, limits: Limits) -> Segmented:
    """``segmented`` when its texts fit ``limits.tagger_chars``; a BudgetError otherwise."""
    chars = sum(map(len, document_texts(segmented)))
    if chars > limits.tagger_chars:
        raise BudgetError.over(
            "characters to tag", limit="tagger_chars", found=chars, allowed=limits.tagger_chars
        )
    return segmented


def _stream(
    loaders: Iterable[tuple[Path, Loader]], *, options: Options, nlp: Language
) -> Iterator[Result]:
    acronyms = acronyms_for(options)
    iterator = iter(loaders)
    while window := list(islice(iterator, WINDOW)):
        yield from _convert_window(window, nlp=nlp, options=options, acronyms=acronyms)


def _convert_window(
    window: Sequence[tuple[Path, Loader]],
    *,
    nlp: Language,
    options: Options,
    acronyms: Mapping[str, str],
) -> Iterator[Result]:
    """Read, split and segment each input of a window, tag them in one pass, then render each."""
    results: list[Result] = []
    segmented: list[Segmented] = []
    pending: list[tuple[Result, int]] = []
    for path, load in window:
        result = Result(path=path)
        results.append(result)
        try:
            parts = [
                _within_tagger_budget(segment(part, date_order=options.date_order), options.limits)
                for part in split_meetings(load())
            ]
        except ExtractorError as e:
            result.error = e.with_path(path)
            continue
        except Exception as e:  # a bug must cost one file, not the batch
            result.error = internal_error(e, path=path)
            continue
        segmented.extend(parts)
        pending.append((result, len(parts)))
    tagged = iter(_tag(nlp, segmented, options=options, acronyms=acronyms))
    for result, count in pending:
        _render(result, [next(tagged) for _ in range(count)])
    yield from results


def _render(result: Result, tagged: list[Minutes | Exception]) -> None:
    """Render the tagged meetings of one input into ``result`` (or its first error)."""
    rendered: list[tuple[Minutes | None, str]] = []
    for minutes in tagged:
        if isinstance(minutes, Exception):
            result.error = internal_error(minutes, path=result.path)
            return
        try:
            rendered.append((minutes, render(minutes, path=str(result.path))))
        except ExtractorError as e:
            result.error = e.with_path(result.path)
            return
        except Exception as e:  # a bug must cost one file, not the batch
            result.error = internal_error(e, path=result.path)
            return
    result.minutes, result.text = rendered[0]
    if len(rendered) > 1:
        result.meetings = rendered


def _tag(
    nlp: Language,
    segmented: list[Segmented],
    *,
    options: Options,
    acronyms: Mapping[str, str],
) -> list[Minutes | Exception]:
    """Tag a window in one pass; if that fails, tag each document alone to find the culprits.

    A document whose tagging raises gets the exception in its place, so one bad document costs
    only itself and the others keep their entities.
    """
    try:
        return list(
            tag_documents(nlp, segmented, batch_size=options.batch_size, acronym_dict=acronyms)
        )
    except Exception as e:  # a bug must cost one file, not the batch
        if len(segmented) == 1:
            return [e]
    return [_tag_alone(nlp, one, options=options, acronyms=acronyms) for one in segmented]


def _tag_alone(
    nlp: Language, segmented: Segmented, *, options: Options, acronyms: Mapping[str, str]
) -> Minutes | Exception:
    """Tag one document, returning rather than raising what went wrong."""
    try:
        tagged = tag_documents(
            nlp, [segmented], batch_size=options.batch_size, acronym_dict=acronyms
        )
        return next(tagged)
    except Exception as e:  # a bug must cost one file, not the batch
        return e
