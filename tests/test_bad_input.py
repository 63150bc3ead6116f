"""Bad input end to end: one plain line per bad file, no output for it, the rest converted.

Each case runs ``extractor convert BAD GOOD`` (or ``GOOD BAD``) through the CLI and checks the
exact ``error: path: message`` line, the exit status, the summary, that the bad input left no
output (not even an empty or temporary file) and that the good file was converted.
"""

from __future__ import annotations

import errno
import io
import json
import os
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.core import DateOrder, RawDocument, Segmented, schema_errors
from extractor.readers import KNOWN_EXTENSIONS
from extractor.segment import segment as real_segment
from tests.readers.odt.build import odt

runner = CliRunner()
GOOD = """Riverside Residents Forum
Tuesday 5 March 2024, 7-9pm at the Community Hall

Councillor Jane Doe, Riverside Borough Council
· The new play area opens in April.
· Street lighting on Mill Lane will be repaired.
"""
PROSE = (
    "We talked for a long while about the weather and about how the evenings are drawing in. "
    "Nobody could quite agree whether the summer had been a good one, and in the end everyone "
    "went home without deciding anything at all.\n"
)
KNOWN = ", ".join(KNOWN_EXTENSIONS)
CORRUPT = "is not a valid .docx (corrupt or truncated); open it in Word and save it again as .docx"
ODT_CORRUPT = (
    "is not a valid .odt (corrupt or truncated); open it in LibreOffice or Word and save it "
    "again as .odt"
)
BINARY = "looks like a binary file, not text minutes; save the minutes as .txt, .md or .docx"
OLE2 = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(1000)
Setup = Callable[[Path, pytest.MonkeyPatch], None]


def docx_bytes(*paragraphs: str) -> bytes:
    """A real Word document with a heading and the given paragraphs."""
    document = docx.Document()
    document.add_heading("Parish Council", 1)
    for text in paragraphs or ("The budget was agreed.",):
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def replace_member(data: bytes, name: str, content: bytes) -> bytes:
    """The package ``data`` with member ``name`` replaced by ``content``."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info))
    return buffer.getvalue()


def document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml")


def corrupt_docx() -> bytes:
    """A .docx whose zip directory is intact but whose document.xml data is damaged."""
    data = bytearray(docx_bytes("Item " * 200))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + 10, start + info.compress_size - 10, 7):
        data[offset] ^= 0xFF
    return bytes(data)


def bomb_docx() -> bytes:
    """A .docx whose document.xml declares 6 MB unzipped (spaces, so it zips to a few KB)."""
    data = docx_bytes()
    padded = document_xml(data).replace(b"<w:body>", b"<w:body>" + b" " * 6_000_000, 1)
    return replace_member(data, "word/document.xml", padded)


def bomb_odt() -> bytes:
    """An .odt whose content.xml declares 6 MB unzipped (spaces, so it zips to a few KB)."""
    body = " " * 6_000_000 + "<text:p>Minutes</text:p>"
    return odt(body)


def valid_odt() -> bytes:
    """A small .odt with a title and a dated line."""
    return odt("<text:h>Board meeting</text:h><text:p>5 March 2024</text:p><text:p>- Item</text:p>")


def doctype_docx(encoding: str) -> bytes:
    """A .docx whose document.xml declares an external entity (in UTF-8 or UTF-16)."""
    data = docx_bytes("Body &x;")
    xml = document_xml(data).decode("utf-8").replace("&amp;x;", "&x;")
    doctype = '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    xml = xml.replace("?>", "?>" + doctype, 1).replace("'UTF-8'", f"'{encoding}'")
    return replace_member(data, "word/document.xml", xml.encode(encoding))


def unzipped_size(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return f"{sum(i.file_size for i in archive.infolist()) / 1e6:.1f} MB"


def _deny_reading(name: str) -> Setup:
    def setup(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        real_open = Path.open

        def guarded(self: Path, *args: object, **kwargs: object) -> object:
            if self.name == name:
                raise PermissionError(errno.EACCES, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr(Path, "open", guarded)

    return setup


def _full_disk_for(name: str) -> Setup:
    """The disk fills up while the output called ``name`` is being written (at its fsync)."""

    def setup(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        doomed: set[int] = set()
        real_mkstemp, real_fsync = tempfile.mkstemp, os.fsync

        def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
            fd, temporary = real_mkstemp(*args, **kwargs)
            if Path(temporary).name.startswith(f".{name}."):
                doomed.add(fd)
            return fd, temporary

        def fsync(fd: int) -> None:
            if fd in doomed:
                doomed.discard(fd)  # the number is reused once the file is closed
                raise OSError(errno.ENOSPC, "No space left on device")
            real_fsync(fd)

        monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
        monkeypatch.setattr(os, "fsync", fsync)

    return setup


def _crash_on(name: str) -> Setup:
    """The segmenter hits a bug (a RuntimeError) on the input called ``name``."""

    def setup(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        def segment(raw: RawDocument, *, date_order: DateOrder = "auto") -> Segmented:
            if Path(raw.path).name == name:
                raise RuntimeError("boom")
            return real_segment(raw, date_order=date_order)

        monkeypatch.setattr("extractor.pipeline.segment", segment)

    return setup


def _named_pipe(name: str) -> Setup:
    """A FIFO called ``name``; a writer thread unblocks anything that wrongly opens it."""

    def setup(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        pipe = folder / name
        os.mkfifo(pipe)

        def unblock() -> None:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
                except OSError:  # no reader yet: nothing is stuck
                    time.sleep(0.05)

        threading.Thread(target=unblock, daemon=True).start()

    return setup


@dataclass(frozen=True)
class Case:
    """One bad input: its file name, its bytes (None: made by ``setup`` or absent)."""

    id: str
    name: str
    data: bytes | None
    message: str
    args: tuple[str, ...] = ()
    setup: Setup | None = None
    output_named: bool = False
    """The error names the output file (a write failure) rather than the input."""


BOMB = bomb_docx()
SIZE = len(GOOD.encode()) * 10
CASES = [
    Case("empty-txt", "bad.txt", b"", "the file is empty"),
    Case("empty-docx", "bad.docx", b"", "the file is empty"),
    Case("whitespace-md", "bad.md", b" \n\t \r\n", "the file holds only whitespace"),
    Case("truncated-docx", "bad.docx", docx_bytes()[:5000], CORRUPT),
    Case("corrupt-docx", "bad.docx", corrupt_docx(), CORRUPT),
    Case("not-a-zip-docx", "bad.docx", GOOD.encode(), CORRUPT),
    Case(
        "encrypted-docx",
        "bad.docx",
        OLE2,
        "is an encrypted (password-protected) .docx or a legacy Word .doc file; open it in "
        "Word, remove any password and save it as a .docx",
    ),
    Case(
        "legacy-doc",
        "bad.doc",
        OLE2,
        "is a legacy Word .doc file, which the extractor cannot read; open it in Word or "
        "LibreOffice and save it as .docx, or convert it with "
        "`libreoffice --headless --convert-to docx FILE`",
    ),
    Case("truncated-odt", "bad.odt", valid_odt()[:300], ODT_CORRUPT),
    Case("not-a-zip-odt", "bad.odt", GOOD.encode(), ODT_CORRUPT),
    Case(
        "zip-bomb-odt",
        "bad.odt",
        bomb_odt(),
        f"expands to {unzipped_size(bomb_odt())} when unzipped, over the 5.0 MB limit for a .odt; "
        "it may be a zip bomb, or hold very large embedded files",
        args=("--max-bytes", "100000"),
    ),
    Case(
        "doctype-odt",
        "bad.odt",
        odt("", parts={"content.xml": '<!DOCTYPE x [<!ENTITY a "aa">]><x>&a;</x>'}),
        "has a DOCTYPE declaration in content.xml, which LibreOffice never writes; refusing to "
        "read it (re-save the document from LibreOffice or Word)",
    ),
    Case(
        "not-rtf",
        "bad.rtf",
        GOOD.encode(),
        "is not an RTF file (it does not start with {\\rtf); save the minutes again as .rtf, "
        ".docx or .txt",
    ),
    Case(
        "rtf-nested-too-deep",
        "bad.rtf",
        b"{\\rtf1" + b"{" * 10_000,
        "nests RTF groups more than 200 deep; open it in Word or LibreOffice and save it again",
    ),
    Case("empty-rtf", "bad.rtf", b"{\\rtf1 {\\*\\generator x}}", "the document holds no text"),
    Case("nul-bytes-txt", "bad.txt", b"Minutes\x00\x00of the meeting\n", BINARY),
    Case("control-chars-txt", "bad.txt", b"Minutes \x01\x02\x03\x04\x05\x06\x07\x08\n", BINARY),
    Case(
        "docx-saved-as-txt",
        "bad.txt",
        docx_bytes(),
        "looks like a binary file, not text minutes (it starts like a zip archive (perhaps a "
        ".docx with the wrong extension)); save the minutes as .txt, .md or .docx",
    ),
    Case(
        "prose-only",
        "bad.txt",
        PROSE.encode(),
        "nothing here looks like minutes (no heading, list, date or title line)",
    ),
    *(
        Case(
            f"undecodable-0x{byte:02x}",
            "bad.txt",
            b"Minutes\n- item " + bytes([byte]) + b"\n",
            f"cannot be decoded as UTF-8 or Windows-1252 (cp1252): byte 0x{byte:02x} at offset "
            "15; re-save the file as UTF-8",
        )
        for byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
    ),
    Case(
        "oversized",
        "bad.txt",
        GOOD.encode() * 10,
        f"is {SIZE / 1000:.1f} KB ({SIZE:,} bytes), over the 1.0 KB "
        "(1,000 bytes) size limit; split it or raise the limit with --max-bytes",
        args=("--max-bytes", "1000"),
    ),
    Case(
        "zip-bomb",
        "bad.docx",
        BOMB,
        f"expands to {unzipped_size(BOMB)} when unzipped, over the 5.0 MB limit for a .docx; it "
        "may be a zip bomb, or hold very large embedded files",
        args=("--max-bytes", "100000"),
    ),
    *(
        Case(
            f"doctype-{encoding}",
            "bad.docx",
            doctype_docx(encoding),
            "has a DOCTYPE declaration in word/document.xml, which Word never writes; refusing "
            "to read it (re-save the document from Word)",
        )
        for encoding in ("utf-8", "utf-16")
    ),
    Case(
        "unknown-extension",
        "bad.pptx",
        b"PK\x03\x04",
        f'has ".pptx", which the extractor cannot read; it reads {KNOWN} files: save or export '
        "the minutes as one of these from the program that made them",
    ),
    Case(
        "no-extension",
        "bad",
        GOOD.encode(),
        f"has no extension; the extractor reads {KNOWN} files: if it holds plain text, name it "
        ".txt (or .md for Markdown)",
    ),
    Case("missing", "bad.txt", None, "no such file; check the path and its spelling"),
    Case(
        "unreadable",
        "bad.txt",
        GOOD.encode(),
        "cannot be read (Permission denied); check its permissions",
        setup=_deny_reading("bad.txt"),
    ),
    Case(
        "folder-without-minutes",
        "bad",
        None,
        f"is a folder with no minutes in it (looked for {KNOWN})",
        setup=lambda folder, _: (folder / "bad").mkdir(),
    ),
    *(
        [
            Case(
                "named-pipe",
                "bad.txt",
                None,
                "is not a regular file (a device, pipe or socket); give a file",
                setup=_named_pipe("bad.txt"),
            )
        ]
        if hasattr(os, "mkfifo")
        else []
    ),
    Case(
        "disk-full",
        "bad.txt",
        GOOD.encode(),
        "cannot write the output file: the disk is full (free some space and run again)",
        setup=_full_disk_for("bad.json"),
        output_named=True,
    ),
    Case(
        "internal-error",
        "bad.txt",
        GOOD.encode(),
        "internal error (RuntimeError: boom); please report it with this file",
        setup=_crash_on("bad.txt"),
    ),
]


def _leftovers(out: Path) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))


@pytest.mark.parametrize("good_first", [False, True], ids=["bad-first", "good-first"])
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_fails_alone(
    case: Case, good_first: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    good = folder / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad = folder / case.name
    if case.data is not None:
        bad.write_bytes(case.data)
    if case.setup is not None:
        case.setup(folder, monkeypatch)
    order = [str(good), str(bad)] if good_first else [str(bad), str(good)]
    result = runner.invoke(app, ["convert", *order, "-o", str(out), "--model", "blank", *case.args])
    named = out / "bad.json" if case.output_named else bad
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {named}: {case.message}"]
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "1 converted, 1 failed"
    assert "Traceback" not in result.output
    assert _leftovers(out) == [".extractor-manifest.json", "good.json"]
    converted = json.loads((out / "good.json").read_text(encoding="utf-8"))
    assert schema_errors(converted) == [] and converted["meeting"]["date"] == "2024-03-05"


def test_internal_error_shows_its_traceback_with_debug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(GOOD, encoding="utf-8")
    _crash_on("bad.txt")(tmp_path, monkeypatch)
    args = ["convert", str(bad), "-o", str(tmp_path / "out"), "--model", "blank"]
    quiet, debug = runner.invoke(app, args), runner.invoke(app, [*args, "--debug"])
    assert quiet.exit_code == debug.exit_code == 1
    assert "Traceback" not in quiet.stderr
    assert "Traceback (most recent call last)" in debug.stderr
    assert "RuntimeError: boom" in debug.stderr and "InternalError" in debug.stderr


def test_a_plain_list_of_points_is_minutes_with_a_warning(tmp_path: Path) -> None:
    source = tmp_path / "points.txt"
    source.write_text("- Budget approved\n- Hall to be repainted\n- Volunteers needed\n")
    out = tmp_path / "out"
    result = runner.invoke(app, ["convert", str(source), "-o", str(out), "--model", "blank"])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "points.json").read_text(encoding="utf-8"))
    [section] = data["sections"]
    assert section["heading"] == "" and len(section["items"]) == 3
    assert [w["code"] for w in data["warnings"]] == ["no-sections"]


def _deny_temp_files(monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", denied)


@pytest.mark.parametrize(
    ("where", "message"),
    [
        (
            "unwritable",
            "{out}: cannot write to the output folder: permission denied (choose a writable "
            "folder with -o)",
        ),
        (
            "a-file",
            "{out}: cannot create the output folder: a file is in the way where a folder should "
            "be (choose another folder with -o)",
        ),
    ],
)
def test_output_folder_that_cannot_be_written_is_one_usage_error(
    where: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good, out = tmp_path / "good.txt", tmp_path / "out"
    good.write_text(GOOD, encoding="utf-8")
    if where == "a-file":
        out.write_text("not a folder", encoding="utf-8")
    else:
        _deny_temp_files(monkeypatch)
    result = runner.invoke(app, ["convert", str(good), "-o", str(out), "--model", "blank"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"error: {message.format(out=out)}"]
    assert not out.is_dir() or _leftovers(out) == []


def test_jsonl_that_is_a_folder_is_one_usage_error(tmp_path: Path) -> None:
    good, out, lines = tmp_path / "good.txt", tmp_path / "out", tmp_path / "all.jsonl"
    good.write_text(GOOD, encoding="utf-8")
    lines.mkdir()
    result = runner.invoke(
        app, ["convert", str(good), "-o", str(out), "--jsonl", str(lines), "--model", "blank"]
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {lines}: is a folder; give --jsonl the name of a file to write"
    ]
    assert (
        list(lines.iterdir()) == []
        and [p.name for p in tmp_path.iterdir() if ".tmp" in p.name] == []
    )


def test_ctrl_c_mid_batch_keeps_finished_files_and_leaves_no_partial_or_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(GOOD, encoding="utf-8")
    calls: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:  # while the second output is being written
            raise KeyboardInterrupt
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    lines = tmp_path / "all.jsonl"
    result = runner.invoke(
        app,
        ["convert", str(folder), "-o", str(out), "--jsonl", str(lines), "--model", "blank"],
    )
    assert result.exit_code == 130
    assert result.stderr.splitlines()[-1] == (
        "interrupted: 1 converted, 0 failed; written files are complete"
    )
    assert _leftovers(out) == [".extractor-manifest.json", "a.json"]
    assert schema_errors(json.loads((out / "a.json").read_text(encoding="utf-8"))) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]
    manifest = json.loads((out / ".extractor-manifest.json").read_text(encoding="utf-8"))
    assert list(manifest["entries"]) == ["a.json"]
