"""Which files a command works on, and which output file each one gets.

Folders are searched recursively for the known extensions and mirrored under the output
folder; files named directly (or matched by a glob) land at its top. Two inputs that would
write the same output file are a clash, reported before anything is written.
"""

from __future__ import annotations

import glob
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from extractor.core import KNOWN_EXTENSIONS, UsageError


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input and the output path it maps to, relative to the output folder."""

    path: Path
    relative_output: Path


def _is_candidate(path: Path, extensions: Sequence[str]) -> bool:
    """A file a folder walk should pick up: known extension, not hidden, not a Word lock file."""
    name = path.name
    return path.suffix.lower() in extensions and not name.startswith((".", "~$")) and path.is_file()


@dataclass(frozen=True, slots=True)
class Walk:
    """How folders are searched, and what the search left out.

    A symbolic link inside a folder whose target lies outside it is skipped (and listed in
    ``skipped`` with the folder) unless ``follow_symlinks``: converting a folder must not read
    ``/etc/passwd`` because someone linked it there.
    """

    follow_symlinks: bool = False
    skipped: list[tuple[Path, Path]] = field(default_factory=list)
    """(link, folder it was found in) for each link that was not followed."""


def _walk(folder: Path, extensions: Sequence[str], walk: Walk) -> Iterable[Path]:
    """Candidate files below ``folder`` in a stable order, skipping hidden folders."""
    inside = _identity(folder)
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts[:-1]):
            continue
        if not _is_candidate(path, extensions):
            continue
        leaves = path.is_symlink() and not _identity(path).is_relative_to(inside)
        if leaves and not walk.follow_symlinks:
            walk.skipped.append((path, folder))
            continue
        yield path


def _output_name(path: Path, *, keep_extension: bool) -> str:
    """``minutes.txt`` → ``minutes.json``, or ``minutes.txt.json`` with ``keep_extension``."""
    return f"{path.name}.json" if keep_extension else f"{path.stem}.json"


def _expand(argument: str, extensions: Sequence[str], walk: Walk) -> list[tuple[Path, Path | None]]:
    """(file, folder it was found under or None) pairs for one command-line argument."""
    path = Path(argument)
    if path.is_dir():
        return [(found, path) for found in _walk(path, extensions, walk)]
    if path.exists() or not glob.has_magic(argument):
        return [(path, None)]
    matches = sorted(glob.glob(argument, recursive=True))  # noqa: PTH207 (a glob from the user)
    pairs: list[tuple[Path, Path | None]] = []
    for match in matches:
        found = Path(match)
        if found.is_dir():
            pairs.extend((inner, found) for inner in _walk(found, extensions, walk))
        elif _is_candidate(found, extensions):
            pairs.append((found, None))
    return pairs


def _identity(path: Path) -> Path:
    """The file ``path`` names, for spotting one file named twice; its absolute path if a loop.

    A symlink loop (``loop.txt -> loop.txt``) cannot be resolved; it is kept so that reading
    it reports the problem in its turn.
    """
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return Path(os.path.abspath(path))  # noqa: PTH100 (resolve() is what failed)


def find_files(
    arguments: Sequence[str],
    *,
    extensions: Sequence[str] = KNOWN_EXTENSIONS,
    walk: Walk | None = None,
) -> list[tuple[Path, Path | None]]:
    """Files named on the command line (files, folders searched recursively, globs), once each.

    Each comes with the folder it was found under (None for a file named directly or by a
    glob). A named file is kept whatever its extension or existence, so that it is reported in
    its turn. A glob that matches nothing, or no file at all, is a :class:`UsageError`.
    ``walk`` says whether to follow links out of a folder, and collects those it did not.
    """
    walk = walk or Walk()
    found: list[tuple[Path, Path | None]] = []
    seen: set[Path] = set()
    for argument in arguments:
        pairs = _expand(argument, extensions, walk)
        if not pairs and glob.has_magic(argument):
            raise UsageError(f"nothing matches {argument!r}")
        for path, root in pairs:
            key = _identity(path)
            if key not in seen:
                seen.add(key)
                found.append((path, root))
    if not found:
        raise UsageError(f"no input files found (looked for {', '.join(extensions)})")
    return found


def collect_inputs(
    arguments: Sequence[str], *, keep_extension: bool = False, walk: Walk | None = None
) -> list[InputFile]:
    """Resolve command-line arguments to inputs with their output names, checking for clashes."""
    inputs = []
    for path, root in find_files(arguments, walk=walk):
        name = _output_name(path, keep_extension=keep_extension)
        relative = path.parent.relative_to(root) / name if root is not None else Path(name)
        inputs.append(InputFile(path=path, relative_output=relative))
    _check_clashes(inputs, keep_extension=keep_extension)
    return inputs


def _check_clashes(inputs: Sequence[InputFile], *, keep_extension: bool) -> None:
    """Raise :class:`UsageError` when two inputs would write the same output file."""
    by_output: dict[str, list[Path]] = defaultdict(list)
    for item in inputs:
        by_output[str(item.relative_output).lower()].append(item.path)
    clashes = [paths for paths in by_output.values() if len(paths) > 1]
    if not clashes:
        return
    first = clashes[0]
    listed = " and ".join(str(p) for p in first)
    more = f" (and {len(clashes) - 1} more clashes)" if len(clashes) > 1 else ""
    hint = (
        "rename one of them"
        if keep_extension
        else "use --keep-extension to name them <stem>.<ext>.json"
    )
    raise UsageError(f"{listed} would write the same output file{more}; {hint}")
