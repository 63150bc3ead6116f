"""Batch conversion into an output folder: skip what is current, convert the rest, write safely.

:func:`run_batch` is what ``extractor convert`` does. It hashes each input, skips those whose
output was made from the same bytes by the same pipeline (see :mod:`extractor.batch.manifest`),
converts the others with the chosen engine, writes each JSON atomically, optionally appends
every document to one JSON Lines file, and yields one :class:`Event` per input for the caller
to report. Each converted file is recorded as it is written, so an interrupted or killed run
resumes where it stopped.

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

from extractor.batch.manifest import JOURNAL_NAME, MANIFEST_NAME, Manifest, file_sha256
from extractor.batch.parallel import default_jobs, run_dask, run_local
from extractor.core import ExtractorError, InputError, Options, OutputError, UsageError
from extractor.emit import one_line
from extractor.files import (
    InputFile,
    atomic_file,
    check_writable,
    describe_os_error,
    meeting_output,
    output_key,
    write_atomic,
)
from extractor.pipeline import Result, fingerprint, nlp_for

Status = Literal["converted", "skipped", "failed"]


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
    After that, nothing the disk does stops the batch: an output, manifest or JSON Lines write
    that fails is that input's ``failed`` event, and every input is still tried. Each converted
    file is recorded in the manifest's journal as soon as it is written, so a killed run loses
    only the files in flight. A manifest or JSON Lines file that cannot be completed at the end
    is one more ``failed`` event, whose item is that file.
    """
    check_writable(settings.output)
    if settings.jsonl is not None:
        _check_jsonl(settings.jsonl, inputs, settings.output)
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
    owners = {output_key(item.relative_output): item.path for item in inputs}
    lines = _Lines(settings.jsonl)
    try:
        with lines:
            for item in skipped:
                try:
                    for relative in manifest.outputs(item.relative_output):
                        lines.copy_existing(settings.output / relative)
                except OutputError as e:
                    yield Event(item, "failed", e)
                    continue
                yield Event(item, "skipped")
            by_path = {item.path: (item, digest) for item, digest in todo}
            for result in _engine(list(by_path), options=options, settings=settings):
                item, digest = by_path[result.path]
                previous = manifest.outputs(item.relative_output)
                event, written = _finish(result, item, settings.output, lines, owners)
                if event.status == "converted":
                    _remove_stale(settings.output, previous, written)
                    try:
                        manifest.record(
                            item.relative_output,
                            source=str(item.path),
                            sha256=digest,
                            fingerprint=stamp,
                            meetings=len(written),
                        )
                    except OutputError as e:
                        event = Event(item, "failed", e)
                yield event
    except OutputError as e:
        yield _about(e)  # the JSON Lines file could not be completed
    finally:
        with contextlib.suppress(OutputError):
            manifest.save()
    try:
        manifest.save()
    except OutputError as e:
        yield _about(e)


def _check_jsonl(target: Path, inputs: Sequence[InputFile], output: Path) -> None:
    """The JSON Lines file must be a file of its own: not a folder, an output or the manifest."""
    if target.is_dir():
        raise OutputError("is a folder; give --jsonl the name of a file to write", path=target)
    taken = [output / MANIFEST_NAME, output / JOURNAL_NAME]
    taken += [output / item.relative_output for item in inputs]
    where = target.resolve()
    if any(path.resolve() == where for path in taken):
        raise UsageError(
            "is the manifest or one of the outputs; give --jsonl another name", path=target
        )


def _about(error: OutputError) -> Event:
    """A failure of a file the batch writes for itself (manifest, JSON Lines), as an event."""
    path = Path(error.path or "")
    return Event(InputFile(path=path, relative_output=Path(path.name)), "failed", error)


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
    lines: _Lines,
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
        owner = owners.get(output_key(target))
        if owner is not None and owner != item.path:
            clash = OutputError(
                f"holds {len(targets)} meetings, and the output of one, {target.as_posix()}, is "
                f"also the output of {owner}; nothing of it was written (rename one of them)",
                path=item.path,
            )
            return Event(item, "failed", clash), []
    try:
        for target, (_, text) in zip(targets, documents, strict=True):
            write_atomic(output / target, text)
        for _, text in documents:
            lines.add(text, source=str(item.path))
    except ExtractorError as e:
        return Event(item, "failed", e), []
    return Event(item, "converted"), targets


def _remove_stale(output: Path, previous: list[Path], written: list[Path]) -> None:
    """Remove what an input's last conversion wrote and this one did not."""
    keep = {path.as_posix() for path in written}
    for path in previous:
        if path.as_posix() not in keep:
            with contextlib.suppress(OSError):
                (output / path).unlink()


class _Lines:
    """The optional JSON Lines file: written to a temporary name, renamed into place when complete.

    A write that fails is an :class:`OutputError` for the document being written; after that no
    more lines are written and the file is not put in place (it would lack documents), while the
    batch goes on. Leaving the block with an exception discards it too.
    """

    def __init__(self, target: Path | None) -> None:
        self.target = target
        self.handle: IO[str] | None = None
        self.broken = False
        self._stack = contextlib.ExitStack()

    def __enter__(self) -> _Lines:
        if self.target is not None:
            self.handle = self._stack.enter_context(
                atomic_file(self.target, what="the JSON Lines file")
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if self.broken and exc[0] is None:
            with contextlib.suppress(_DiscardedError):
                self._stack.__exit__(_DiscardedError, _DiscardedError(), None)
            return
        self._stack.__exit__(*exc)  # type: ignore[arg-type]

    def add(self, text: str, *, source: str) -> None:
        """Append one document as one line; raise :class:`OutputError` when that fails."""
        if self.handle is not None:
            self._write(one_line(text, path=source))

    def _write(self, line: str) -> None:
        if self.handle is None or self.broken:
            return
        try:
            self.handle.write(line + "\n")
        except OSError as e:
            self.broken = True
            raise OutputError(
                f"cannot write the JSON Lines file: {describe_os_error(e)} (it is not written)",
                path=self.target,
            ) from e

    def copy_existing(self, path: Path) -> None:
        """Copy an up-to-date output in as one line (an unreadable one is left out)."""
        if self.handle is None:
            return
        try:
            line = one_line(path.read_text(encoding="utf-8"), path=str(path))
        except (OSError, ValueError, ExtractorError):
            return
        self._write(line)


class _DiscardedError(Exception):
    """Raised into the JSON Lines block to throw away a file that lacks documents."""


__all__ = [
    "BatchSettings",
    "Event",
    "default_jobs",
    "run_batch",
]
