"""The file system: which files a command works on, and writing outputs safely.

Takes command-line arguments (paths, folders, globs) and gives the input files with their
output names (:func:`plan_outputs`, :func:`find_files`); writes files atomically, so that a
reader only ever sees the old file or the whole new one (:func:`atomic_file`,
:func:`write_atomic`, :func:`check_writable`).
"""

from __future__ import annotations

from extractor.files.atomic import atomic_file, check_writable, describe_os_error, write_atomic
from extractor.files.inputs import (
    MANIFEST_NAME,
    InputFile,
    Walk,
    collect_inputs,
    describe_skipped,
    find_files,
    meeting_output,
    meeting_stem,
    output_key,
)

__all__ = [
    "MANIFEST_NAME",
    "InputFile",
    "Walk",
    "atomic_file",
    "check_writable",
    "collect_inputs",
    "describe_os_error",
    "describe_skipped",
    "find_files",
    "meeting_output",
    "meeting_stem",
    "output_key",
    "write_atomic",
]
