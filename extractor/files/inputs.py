"""Which files a command works on, and which output file each one gets.

Folders are searched recursively for the known extensions and mirrored under the output
folder; files named directly (or matched by a glob) land at its top. Two inputs that would
write the same output file, or an input whose output would be the manifest, are a clash,
reported before anything is written. The files a walk passes over are handed back
(``skipped``) so that the command can say so: only hidden files and folders, Word's ``~$``
lock files and the JSON the extractor itself writes are passed over without a word.
"""

from __future__ import annotations

import glob
import os
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from extractor.core import KNOWN_EXTENSIONS, UsageError

MANIFEST_NAME = ".extractor-manifest.json"
"""The file at the top of an output folder that records what made each output."""


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input and the output path it maps to, relative to the output folder."""

    path: Path
    relative_output: Path


def _is_candidate(path: Path, extensions: Sequence[str]) -> bool:
    """A file a folder walk should pick up: known extension, not hidden, not a Word lock file."""
    return path.suffix.lower() in extensions and not _is_silent(path) and path.is_file()


def _is_silent(path: Path) -> bool:
    """A file passed over without a word: hidden (the manifest too) or a Word lock file."""
    return path.name.startswith((".", "~$"))


OWN_OUTPUTS = (".json", ".jsonl")
"""What the extractor itself writes (converted minutes): never minutes to convert, so a walk
passes over them without counting them as skipped."""


def _is_reported(path: Path) -> bool:
    """A file a walk passed over that the command should count: not silent, not our output."""
    return not _is_silent(path) and path.suffix.lower() not in OWN_OUTPUTS and path.is_file()


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


def _walk(
    folder: Path, extensions: Sequence[str], walk: Walk, skipped: list[Path] | None
) -> Iterable[Path]:
    """Candidate files below ``folder`` in a stable order, skipping hidden folders.

    Other files (not hidden, not lock files) are appended to ``skipped`` when it is given;
    links that lead out of ``folder`` go to ``walk.skipped`` unless it follows them.
    """
    inside = _identity(folder)
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts[:-1]):
            continue
        if not _is_candidate(path, extensions):
            if skipped is not None and _is_reported(path):
                skipped.append(path)
            continue
        leaves = path.is_symlink() and not _identity(path).is_relative_to(inside)
        if leaves and not walk.follow_symlinks:
            walk.skipped.append((path, folder))
            continue
        yield path


def describe_skipped(skipped: Sequence[Path]) -> str:
    """``3 files skipped: 2 .pptx, 1 .xlsx`` (kinds by extension, most frequent first)."""
    kinds = Counter(path.suffix.lower() or "without extension" for path in skipped)
    ordered = sorted(kinds.items(), key=lambda pair: (-pair[1], pair[0]))
    listed = ", ".join(f"{count} {kind}" for kind, count in ordered)
    noun = "file" if len(skipped) == 1 else "files"
    return f"{len(skipped)} {noun} skipped: {listed}"


def _output_name(path: Path, *, keep_extension: bool) -> str:
    """``minutes.txt`` → ``minutes.json``, or ``minutes.txt.json`` with ``keep_extension``."""
    return f"{path.name}.json" if keep_extension else f"{path.stem}.json"


def meeting_output(relative_output: Path, number: int) -> Path:
    """The output of meeting ``number`` of a file of several: ``a.json`` → ``a.1.json``."""
    name = relative_output.name
    stem = name[: -len(".json")] if name.endswith(".json") else name
    return relative_output.with_name(f"{stem}.{number}.json")


def meeting_stem(name: str) -> str | None:
    """The stem ``a`` of a meeting's output name ``a.1.json`` (any case); None for other names.

    The inverse of :func:`meeting_output`.
    """
    stem, dot, number = name[: -len(".json")].rpartition(".")
    if not name.lower().endswith(".json") or not dot or not stem or not number.isdigit():
        return None
    return stem


def _expand(
    argument: str, extensions: Sequence[str], walk: Walk, skipped: list[Path] | None
) -> list[tuple[Path, Path | None]]:
    """(file, folder it was found under or None) pairs for one command-line argument."""
    path = Path(argument)
    if path.is_dir():
        return [(found, path) for found in _walk(path, extensions, walk, skipped)]
    if path.exists() or not glob.has_magic(argument):
        return [(path, None)]
    matches = sorted(glob.glob(argument, recursive=True))  # noqa: PTH207 (a glob from the user)
    pairs: list[tuple[Path, Path | None]] = []
    for match in matches:
        found = Path(match)
        if found.is_dir():
            pairs.extend((inner, found) for inner in _walk(found, extensions, walk, skipped))
        elif _is_candidate(found, extensions):
            pairs.append((found, None))
        elif skipped is not None and _is_reported(found):
            skipped.append(found)
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
    skipped: list[Path] | None = None,
    walk: Walk | None = None,
) -> list[tuple[Path, Path | None]]:
    """Files named on the command line (files, folders searched recursively, globs), once each.

    Each comes with the folder it was found under (None for a file named directly or by a
    glob). A named file is kept whatever its extension or existence, so that it is reported in
    its turn. A glob that matches nothing, or no file at all, is a :class:`UsageError`.
    Files a folder walk passed over are appended to ``skipped`` when it is given; ``walk``
    says whether to follow links out of a folder, and collects those it did not.
    """
    walk = walk or Walk()
    found: list[tuple[Path, Path | None]] = []
    seen: set[Path] = set()
    passed: list[Path] | None = [] if skipped is not None else None
    for argument in arguments:
        pairs = _expand(argument, extensions, walk, passed)
        if not pairs and glob.has_magic(argument):
            raise UsageError(f"nothing matches {argument!r}")
        for path, root in pairs:
            key = _identity(path)
            if key not in seen:
                seen.add(key)
                found.append((path, root))
    if passed and skipped is not None:
        unique = {path.resolve(): path for path in passed}
        skipped.extend(path for key, path in unique.items() if key not in seen)
    if not found:
        raise UsageError(f"no input files found (looked for {', '.join(extensions)})")
    return found


def collect_inputs(
    arguments: Sequence[str],
    *,
    keep_extension: bool = False,
    skipped: list[Path] | None = None,
    walk: Walk | None = None,
) -> list[InputFile]:
    """Resolve command-line arguments to inputs with their output names, checking for clashes.

    Files a folder walk passed over are appended to ``skipped`` when it is given; ``walk``
    says whether links out of a folder are followed, and collects those that were not.
    """
    inputs = []
    for path, root in find_files(arguments, skipped=skipped, walk=walk):
        name = _output_name(path, keep_extension=keep_extension)
        relative = path.parent.relative_to(root) / name if root is not None else Path(name)
        inputs.append(InputFile(path=path, relative_output=relative))
    _check_clashes(inputs, keep_extension=keep_extension)
    return inputs


def output_key(relative: Path) -> str:
    """How a file system that ignores case and Unicode normalisation would see an output path."""
    return unicodedata.normalize("NFC", relative.as_posix()).casefold()


def _check_clashes(inputs: Sequence[InputFile], *, keep_extension: bool) -> None:
    """Raise :class:`UsageError` when an output would overwrite the manifest or another output.

    Outputs clash when their names are equal ignoring case and Unicode normalisation (as on
    macOS and Windows), when one is the folder another needs, or when an output would be the
    manifest at the top of the output folder.
    """
    hint = (
        "rename one of them"
        if keep_extension
        else "use --keep-extension to name them <stem>.<ext>.json"
    )
    manifest = output_key(Path(MANIFEST_NAME))
    for item in inputs:
        if output_key(item.relative_output) == manifest:
            raise UsageError(
                f"{item.path} would write {MANIFEST_NAME}, which records what each output was"
                f" made from; {'rename it' if keep_extension else hint}"
            )
    by_output: dict[str, list[Path]] = defaultdict(list)
    for item in inputs:
        by_output[output_key(item.relative_output)].append(item.path)
    clashes = [paths for paths in by_output.values() if len(paths) > 1]
    if clashes:
        listed = " and ".join(str(p) for p in clashes[0])
        more = f" (and {len(clashes) - 1} more clashes)" if len(clashes) > 1 else ""
        raise UsageError(f"{listed} would write the same output file{more}; {hint}")
    for item in inputs:
        for folder in item.relative_output.parents:
            owner = by_output.get(output_key(folder))
            if owner:
                raise UsageError(
                    f"{owner[0]} would write the file {folder}, where {item.path} needs a"
                    " folder of that name; rename one of them"
                )
