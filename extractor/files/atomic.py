"""Write files so that a reader only ever sees the old file or the whole new one."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from extractor.core import OutputError


def _default_mode() -> int:
    """The permissions a plain ``open()`` would give a new file under the current umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def atomic_file(target: Path, *, what: str = "the output file") -> Iterator[IO[str]]:
    """A text handle whose content replaces ``target`` only when the block completes.

    The text goes to a temporary file in the same folder, is flushed to disk, then renamed over
    the target. On any failure (disk full, permissions, an exception or Ctrl-C in the block)
    the temporary file is removed and the target is left untouched. ``what`` names the file
    in error messages ("the JSON Lines file").
    """
    folder = target.parent
    _make_folder(folder)
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        os.fchmod(fd, _default_mode())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp_name).replace(target)
        tmp_name = None
    except OSError as e:
        raise OutputError(f"cannot write {what}: {describe_os_error(e)}", path=target) from e
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                Path(tmp_name).unlink()


def write_atomic(target: Path, text: str) -> None:
    """Write ``text`` to ``target``: readers only ever see the old file or the whole new one."""
    with atomic_file(target) as handle:
        handle.write(text)


def check_writable(folder: Path) -> None:
    """Create ``folder`` if needed and prove a file can be made in it, before any work is done.

    Raises :class:`OutputError` (naming the folder) when it cannot be created or written to.
    """
    _make_folder(folder)
    try:
        fd, probe = tempfile.mkstemp(prefix=".extractor-probe.", suffix=".tmp", dir=folder)
        os.close(fd)
        Path(probe).unlink()
    except OSError as e:
        raise OutputError(
            f"cannot write to the output folder: {describe_os_error(e)}", path=folder
        ) from e


def _make_folder(folder: Path) -> None:
    """Create ``folder`` and its parents; an :class:`OutputError` naming it when that fails."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(
            f"cannot create the output folder: {describe_os_error(e)}", path=folder
        ) from e


def describe_os_error(error: OSError) -> str:
    """Plain words for the usual ``OSError`` causes, with what to do about them."""
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied (choose a writable folder with -o)"
    if error.errno == errno.ENOSPC:
        return "the disk is full (free some space and run again)"
    if error.errno == errno.EISDIR:
        return "a folder is in the way where the file should be (move it away and run again)"
    if error.errno in (errno.EEXIST, errno.ENOTDIR):
        return "a file is in the way where a folder should be (choose another folder with -o)"
    return error.strerror or str(error)
