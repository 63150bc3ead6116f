"""Batch conversion into an output folder: skip what is current, convert the rest, write safely.

:func:`run_batch` is what ``extractor convert`` does. It hashes each input, skips those whose
output was made from the same bytes by the same pipeline (see :mod:`extractor.batch.manifest`),
converts the others with the chosen engine, writes each JSON atomically, optionally appends
every document to one JSON Lines file, and yields one :class:`Event` per input for the caller
to report. Each converted file is recorded as it is written, so an interrupted or killed run
resumes where it stopped.
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
    lines = _Lines(settings.jsonl)
    try:
        with lines:
            for item in skipped:
                try:
                    lines.copy_existing(settings.output / item.relative_output)
                except OutputError as e:
                    yield Event(item, "failed", e)
                    continue
                yield Event(item, "skipped")
            by_path = {item.path: (item, digest) for item, digest in todo}
            for result in _engine(list(by_path), options=options, settings=settings):
                item, digest = by_path[result.path]
                event = _finish(result, item, settings.output, lines)
                if event.status == "converted":
                    try:
                        manifest.record(
                            item.relative_output,
                            source=str(item.path),
                            sha256=digest,
                            fingerprint=stamp,
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


def _finish(result: Result, item: InputFile, output: Path, lines: _Lines) -> Event:
    """Write one converted document (and its JSON Lines row); report failures as events."""
    if result.error is not None or result.text is None:
        return Event(item, "failed", result.error or InputError("no output", path=item.path))
    try:
        write_atomic(output / item.relative_output, result.text)
        lines.add(result.text, source=str(item.path))
    except ExtractorError as e:
        return Event(item, "failed", e)
    return Event(item, "converted")


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
