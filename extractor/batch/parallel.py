"""Where conversion runs: this process, a pool of worker processes, or a Dask cluster.

Every engine yields :class:`~extractor.pipeline.Result` objects in input order, loads the spaCy
pipeline once per worker, and keeps a bounded number of chunks in flight, so memory stays
flat however many files there are. Local workers exit on their own when the batch process dies,
even by SIGKILL. Workers return the rendered JSON text, not the model
objects, to keep what crosses process boundaries small.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from typing import Any

from extractor.core import ConfigError, ExtractorError, Minutes, Options
from extractor.pipeline import Result, convert_data, convert_many, nlp_for
from extractor.readers import read_bytes

CHUNK = 16
"""Files handed to a worker at a time."""
WATCH_SECONDS = 0.5
"""How often a worker checks that the process that started it is still alive."""
_PR_SET_PDEATHSIG = 1


def default_jobs(files: int) -> int:
    """One worker per core for real batches; one process when starting workers would cost more."""
    return 1 if files < 4 * CHUNK else max(1, os.cpu_count() or 1)


def _slim(result: Result) -> Result:
    """The result without its model object (the JSON text carries the same content)."""
    meetings: list[tuple[Minutes | None, str]] = [(None, text) for _, text in result.meetings]
    return Result(path=result.path, text=result.text, error=result.error, meetings=meetings)


def _convert_chunk(paths: Sequence[Path], options: Options) -> list[Result]:
    """Worker side of the process pool: convert a chunk with this process's cached pipeline."""
    return [_slim(r) for r in convert_many(paths, options=options)]


Payload = list[tuple[str, bytes | ExtractorError]]


def _convert_payload(payload: Payload, options: Options) -> list[Result]:
    """Worker side of the Dask engine: convert file contents sent by the client, in order.

    Files the client could not read arrive as their error and are passed straight back.
    """
    readable = [(name, data) for name, data in payload if isinstance(data, bytes)]
    converted = iter(convert_data(readable, options=options))
    return [
        _slim(next(converted)) if isinstance(data, bytes) else Result(path=Path(name), error=data)
        for name, data in payload
    ]


def _start_worker(options: Options, parent: int) -> None:
    """Set a new worker up: tie its life to ``parent``, then load the pipeline once.

    Loading the pipeline here means the first chunk does not pay for it.
    """
    _exit_with_parent(parent)
    nlp_for(options)


def _exit_with_parent(parent: int) -> None:
    """End this process as soon as ``parent`` dies, however it died.

    A parent killed with SIGKILL cannot tell its workers, which would otherwise wait for work
    forever. On Linux the kernel kills the worker when its parent goes
    (``prctl(PR_SET_PDEATHSIG)``); everywhere, a daemon thread notices that the worker has been
    handed to another parent and exits.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # it died before the line above took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    """Poll the parent's pid; exit the process the moment this process has another parent."""
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)


def run_local(paths: Iterable[Path], *, options: Options, jobs: int = 1) -> Iterator[Result]:
    """Convert in this process (``jobs`` 1) or in a pool of ``jobs`` worker processes."""
    if jobs <= 1:
        yield from convert_many(paths, options=options)
        return
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_start_worker, initargs=(options, os.getpid())
    ) as pool:
        chunks = _chunks(paths)
        yield from _ordered(
            (pool.submit(_convert_chunk, chunk, options) for chunk in chunks), depth=2 * jobs
        )


def run_dask(paths: Iterable[Path], *, options: Options, scheduler: str) -> Iterator[Result]:
    """Convert on an existing Dask cluster; the client reads each file and sends its bytes.

    No shared filesystem is assumed: workers get contents, and results come back to the client,
    which writes them. Needs the optional ``dask`` extra (``pip install .[dask]``).
    """
    try:
        from distributed import Client
    except ImportError as e:
        raise ConfigError(
            "the Dask engine needs the optional extra: pip install 'minutes-extractor[dask]'"
        ) from e
    try:
        client = Client(scheduler, timeout="20s")  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as e:
        raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from e
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        payloads = (_payload(chunk, max_bytes=options.max_bytes) for chunk in _chunks(paths))
        futures = (client.submit(_convert_payload, p, options, pure=False) for p in payloads)
        yield from _ordered(futures, depth=2 * workers)
    finally:
        client.close()  # type: ignore[no-untyped-call]


def _payload(chunk: Sequence[Path], *, max_bytes: int) -> Payload:
    """Read a chunk's files on the client; one that cannot be read travels as its error."""
    out: Payload = []
    for path in chunk:
        try:
            out.append((str(path), read_bytes(path, max_bytes=max_bytes)))
        except ExtractorError as e:
            e.path = str(path)
            out.append((str(path), e))
    return out


def _chunks(paths: Iterable[Path]) -> Iterator[list[Path]]:
    iterator = iter(paths)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def _ordered(futures: Iterable[Any], *, depth: int) -> Iterator[Result]:
    """Results of futures (concurrent or Dask) in order, at most ``depth`` of them in flight."""
    iterator = iter(futures)
    window: deque[Any] = deque(islice(iterator, depth))
    while window:
        done = window.popleft()
        yield from done.result()
        window.extend(islice(iterator, 1))
