"""Batch conversion into an output folder: skip what is current, convert the rest, write safely.

:func:`run_batch` is what ``extractor convert`` does. It hashes each input, skips those whose
output was made from the same bytes by the same pipeline (see :mod:`extractor.batch.manifest`),
converts the others with the chosen engine, writes each JSON atomically, optionally appends
every document to one JSON Lines file, and yields one :class:`Event` per input for the caller
to report. The manifest is saved as it goes, so an interrupted run resumes where it stopped.

An input of several meetings writes ``<stem>.1.json`` … ``<stem>.N.json`` instead of
``<stem>.json``. When one of those names is another input's output, the input fails and
nothing of it is written. Outputs an input's previous conversion wrote that this one does not
(``a.json`` before the file held several meetings) are removed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

from extractor.batch.manifest import Manifest, file_sha256
from extractor.batch.parallel import default_jobs, run_dask, run_local
from extractor.core import ExtractorError, InputError, Options, OutputError
from extractor.emit import one_line
from extractor.files import (
    InputFile,
    atomic_file,
    check_writable,
    meeting_output,
    write_atomic,
)
from extractor.pipeline import Result, fingerprint, nlp_for

Status = Literal["converted", "skipped", "failed"]
SAVE_EVERY = 50
"""Inputs between manifest saves (it is also saved at the end and on interruption)."""


@dataclass(frozen=True, slots=True)
class Event:
    """What happened to one input."""

    item: InputFile
    status: Status
    error: ExtractorError | None = None


@dataclass(frozen=True, slots=True)
class BatchSettings:
    """How a batch runs (as opposed to :class:`Options`, which shape each document)."""

    output: Path
    force: bool = False
    jobs: int = 1
    engine: Literal["local", "dask"] = "local"
    scheduler: str | None = None
    jsonl: Path | None = None


def run_batch(
    inputs: Sequence[InputFile], *, options: Options, settings: BatchSettings
) -> Iterator[Event]:
    """Convert ``inputs`` into ``settings.output``, yielding an event per input in order.

    An output folder that cannot be written is an :class:`OutputError` before any work starts.
    """
    check_writable(settings.output)
    manifest = Manifest.load(settings.output)
    stamp = fingerprint(nlp_for(options), options)
    todo: list[tuple[InputFile, str]] = []
    skipped: list[InputFile] = []
    for item in inputs:
        try:
            # hashing a pipe would wait for a writer; the reader reports what it is instead
            digest = file_sha256(item.path) if item.path.is_file() else ""
        except OSError:
            digest = ""  # the reader reports the problem in its own words
        if not digest:
            todo.append((item, ""))
            continue
        current = manifest.is_current(item.relative_output, sha256=digest, fingerprint=stamp)
        if current and not settings.force:
            skipped.append(item)
        else:
            todo.append((item, digest))
    owners = {item.relative_output.as_posix().lower(): item.path for item in inputs}
    with _jsonl(settings.jsonl) as lines:
        try:
            for item in skipped:
                if lines is not None:
                    for relative in manifest.outputs(item.relative_output):
                        _append_existing(lines, settings.output / relative)
                yield Event(item, "skipped")
            by_path = {item.path: (item, digest) for item, digest in todo}
            results = _engine(list(by_path), options=options, settings=settings)
            for count, result in enumerate(results, start=1):
                item, digest = by_path[result.path]
                previous = manifest.outputs(item.relative_output)
                event, written = _finish(result, item, settings.output, lines, owners)
                if event.status == "converted":
                    _remove_stale(settings.output, previous, written)
                    manifest.record(
                        item.relative_output,
                        source=str(item.path),
                        sha256=digest,
                        fingerprint=stamp,
                        meetings=len(written),
                    )
                if count % SAVE_EVERY == 0:
                    manifest.save()
                yield event
        finally:
            with contextlib.suppress(OutputError):
                manifest.save()


def _engine(paths: list[Path], *, options: Options, settings: BatchSettings) -> Iterator[Result]:
    if settings.engine == "dask":
        if not settings.scheduler:
            raise ExtractorError("--engine dask needs --scheduler tcp://HOST:PORT")
        return run_dask(paths, options=options, scheduler=settings.scheduler)
    return run_local(paths, options=options, jobs=settings.jobs)


def _finish(
    result: Result,
    item: InputFile,
    output: Path,
    lines: IO[str] | None,
    owners: dict[str, Path],
) -> tuple[Event, list[Path]]:
    """Write one input's documents (and their JSON Lines rows); report failures as events.

    Returns the event and the outputs written, relative to ``output``.
    """
    documents = result.outputs()
    if result.error is not None or not documents:
        error = result.error or InputError("no output", path=item.path)
        return Event(item, "failed", error), []
    targets = [
        (item.relative_output if number is None else meeting_output(item.relative_output, number))
        for number, _ in documents
    ]
    for target in targets:
        owner = owners.get(target.as_posix().lower())
        if owner is not None and owner != item.path:
            clash = OutputError(
                f"holds {len(targets)} meetings, and the output of one, {target.as_posix()}, is "
                f"also the output of {owner}; nothing of it was written (rename one of them)",
                path=item.path,
            )
            return Event(item, "failed", clash), []
    for target, (_, text) in zip(targets, documents, strict=True):
        try:
            write_atomic(output / target, text)
        except ExtractorError as e:
            return Event(item, "failed", e), []
    if lines is not None:
        for _, text in documents:
            lines.write(one_line(text, path=str(item.path)) + "\n")
    return Event(item, "converted"), targets


def _remove_stale(output: Path, previous: list[Path], written: list[Path]) -> None:
    """Remove what an input's last conversion wrote and this one did not."""
    keep = {path.as_posix() for path in written}
    for path in previous:
        if path.as_posix() not in keep:
            with contextlib.suppress(OSError):
                (output / path).unlink()


def _append_existing(lines: IO[str], path: Path) -> None:
    """Copy an up-to-date output into the JSON Lines file as one line (unreadable: left out)."""
    try:
        line = one_line(path.read_text(encoding="utf-8"), path=str(path))
    except (OSError, ValueError, ExtractorError):
        return
    lines.write(line + "\n")


@contextlib.contextmanager
def _jsonl(target: Path | None) -> Iterator[IO[str] | None]:
    """A JSON Lines file written to a temporary name and renamed into place when complete."""
    if target is None:
        yield None
        return
    if target.is_dir():
        raise OutputError("is a folder; give --jsonl the name of a file to write", path=target)
    with atomic_file(target, what="the JSON Lines file") as handle:
        yield handle


__all__ = [
    "BatchSettings",
    "Event",
    "default_jobs",
    "run_batch",
]
