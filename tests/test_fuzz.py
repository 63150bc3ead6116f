"""Property tests: whatever the bytes, reading and segmenting fail only with ExtractorError.

Inputs are arbitrary text and bytes, minutes-like text assembled from the words minutes use,
mutations of valid .docx files built here with python-docx, hostile zips, huge lines, long runs
of one character, many lines, deeply nested JSON, and faults injected into a batch's writes.
Every input that converts must validate against the schema and survive a round trip through
the models unchanged; every batch must try each input, leave no temporary file and resume.

``GENERATORS`` names each class of input; ``benchmarks/fuzz.py`` runs them all with a far
larger budget. A new class (a new reader's format, say) is one function registered with
:func:`generator`; :func:`check_input` picks the check from the suffix.
"""

from __future__ import annotations

import errno
import io
import json
import os
import random
import re
import tempfile
import warnings
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, Literal

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.batch import BatchSettings, run_batch
from extractor.core import ExtractorError, InternalError, Minutes, Options, schema_errors
from extractor.corpus import read_minutes
from extractor.files import collect_inputs
from extractor.pipeline import convert
from extractor.readers import read
from extractor.segment import segment
from extractor.validate import check_json
from tests.readers.odt.build import meta_xml, odt
from tests.readers.pdf.build import Page, Text, build_pdf, paragraph

BLANK = Options(model="blank", max_bytes=2_000_000)
FAST = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
Outcome = Literal["converted", "refused"]

WORDS = (
    *("Minutes", "MINUTES", "Present:", "Apologies:", "Attendees", "Action:", "ACTION", "Decision"),
    *("AGREED", "RESOLVED:", "Item", "Agenda", "Chair", "Next meeting", "Date:", "Time:", "Venue:"),
    *("1.", "2.", "10.", "2.1", "a)", "(i)", "iv.", "·", "•", "-", "*", "+", "#", "##", "###"),
    *("5 March 2024", "2024-03-05", "05/03/24", "Tuesday", "7pm", "10.30am", "7-9pm", "–"),
    *("Jane Doe", "Cllr Amy Chen", "JD", "(JD)", "Borough Council", "NHS", "Hall", "the", "and"),
    *("was", "agreed", "to", "by", "on", "of", ":", ",", ".", "|", "---", "***", "**", "_"),
    *("[", "]", "(", ")", "> ", "```", "<!--", "-->", "<br>", "\\", "\t", "  ", "\u00a0", "\u200b"),
    *("\r\n", "\r", "\f", "\n", "\n\n", "\ufeff", "é", "ß", "—", "\u2028", "☃", "日本"),
)
"""The vocabulary of minutes, with the markup and whitespace that trip parsers up."""


def minutes_like(rnd: random.Random) -> str:
    """Text built from :data:`WORDS` and random characters, joined by spaces and line breaks."""
    parts: list[str] = []
    for _ in range(rnd.randint(0, 80)):
        word = rnd.choice(WORDS) if rnd.random() < 0.85 else chr(rnd.randrange(1, 0x3000))
        parts.append(word + rnd.choice((" ", " ", "", "\n", "\n  ", "\n\n")))
    return "".join(parts)


@cache
def valid_docx() -> bytes:
    """A small but varied Word document: title, fields, headings, lists, a table, properties."""
    document = docx.Document()
    document.core_properties.title = "Parish Council"
    document.add_heading("Parish Council Minutes", 0)
    document.add_paragraph("Tuesday 5 March 2024, 7pm, Village Hall")
    document.add_paragraph("Present: Jane Doe, John Smith, Amy Chen")
    document.add_heading("1. Finance", 1)
    document.add_paragraph("The budget was approved.", style="List Bullet")
    document.add_paragraph("Action: JS to circulate the accounts.", style="List Number")
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(table._cells, ("Action", "Owner", "Fix lights", "AC"), strict=True):
        cell.text = text
    document.add_heading("2. Any other business", 1)
    document.add_paragraph("None.\nNext meeting: 7 May 2024")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


Members = list[tuple[str, bytes]]
Mutation = Callable[[bytes, random.Random], bytes]


def _members(data: bytes) -> Members:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def _zip(members: Members) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        warnings.simplefilter("ignore")  # a duplicated member is the point, not a mistake
        for name, content in members:
            archive.writestr(name, content)
    return buffer.getvalue()


def _flip(data: bytes, rnd: random.Random) -> bytes:
    flipped = bytearray(data)
    for _ in range(rnd.randint(1, 16) if data else 0):
        flipped[rnd.randrange(len(flipped))] ^= 1 << rnd.randrange(8)
    return bytes(flipped)


def _truncate(data: bytes, rnd: random.Random) -> bytes:
    return data[: rnd.randrange(len(data) + 1)]


def _shuffle(data: bytes, rnd: random.Random) -> bytes:
    members = _members(data)
    rnd.shuffle(members)
    return _zip(members)


def _drop(data: bytes, rnd: random.Random) -> bytes:
    members = _members(data)
    if members:
        del members[rnd.randrange(len(members))]
    return _zip(members)


def _duplicate(data: bytes, rnd: random.Random) -> bytes:
    members = _members(data)
    if members:
        members.insert(rnd.randrange(len(members) + 1), rnd.choice(members))
    return _zip(members)


def _in_member(change: Callable[[bytes, random.Random], bytes]) -> Mutation:
    """A mutation that rewrites one member's content and zips the package up again."""

    def mutate(data: bytes, rnd: random.Random) -> bytes:
        members = _members(data)
        xml = [i for i, (name, _) in enumerate(members) if name.endswith((".xml", ".rels"))]
        if not xml:
            return data
        index = rnd.choice(xml)
        members[index] = (members[index][0], change(members[index][1], rnd))
        return _zip(members)

    return mutate


_TAG = re.compile(rb"<[^<>]*>")
_VALUE = re.compile(rb'="[^"]*"')
_ODD_VALUES = (b"", b"-1", b"0", b"99999999999", b"abc", b"1.5", b"\xc3\xa9", b"&amp;", b" ")


def _drop_tag(xml: bytes, rnd: random.Random) -> bytes:
    tags = list(_TAG.finditer(xml))
    if not tags:
        return xml
    tag = rnd.choice(tags)
    return xml[: tag.start()] + xml[tag.end() :]


def _copy_tag(xml: bytes, rnd: random.Random) -> bytes:
    tags = list(_TAG.finditer(xml))
    if not tags:
        return xml
    tag, where = rnd.choice(tags), rnd.choice(tags)
    return xml[: where.start()] + tag.group() + xml[where.start() :]


def _odd_value(xml: bytes, rnd: random.Random) -> bytes:
    values = list(_VALUE.finditer(xml))
    if not values:
        return xml
    value = rnd.choice(values)
    return xml[: value.start()] + b'="' + rnd.choice(_ODD_VALUES) + b'"' + xml[value.end() :]


def _garble(xml: bytes, rnd: random.Random) -> bytes:
    start = rnd.randrange(len(xml) + 1)
    noise = bytes(rnd.randrange(256) for _ in range(rnd.randint(0, 6)))
    return xml[:start] + noise + xml[start + rnd.randint(0, 40) :]


MUTATIONS: dict[str, Mutation] = {
    "flip": _flip,
    "truncate": _truncate,
    "shuffle": _shuffle,
    "drop": _drop,
    "duplicate": _duplicate,
    "xml-drop-tag": _in_member(_drop_tag),
    "xml-copy-tag": _in_member(_copy_tag),
    "xml-odd-value": _in_member(_odd_value),
    "xml-garble": _in_member(_garble),
    "xml-truncate": _in_member(_truncate),
}
"""Ways to damage a .docx: raw bytes, the zip's member list, or the XML inside a valid zip."""


@cache
def valid_odt() -> bytes:
    """A small OpenDocument text: title, fields, headings, lists, a table, properties."""
    body = (
        '<text:p text:style-name="Title">Parish Council Minutes</text:p>'
        "<text:p>Tuesday 5 March 2024, 7pm, Village Hall</text:p>"
        '<text:p text:style-name="P1">Present: Jane Doe, John Smith, Amy Chen</text:p>'
        '<text:h text:outline-level="1">1. Finance</text:h>'
        '<text:list text:style-name="Bullets"><text:list-item><text:p>The budget was '
        '<text:span text:style-name="T1">approved</text:span>.</text:p><text:list>'
        "<text:list-item><text:p>Action: JS to circulate the accounts.</text:p></text:list-item>"
        "</text:list></text:list-item></text:list>"
        "<table:table><table:table-row><table:table-cell><text:p>Action</text:p>"
        "</table:table-cell><table:table-cell><text:p>Owner</text:p></table:table-cell>"
        "</table:table-row><table:table-row><table:table-cell><text:p>Fix lights</text:p>"
        "</table:table-cell><table:table-cell><text:p>AC</text:p></table:table-cell>"
        "</table:table-row></table:table>"
        '<text:h text:outline-level="1">2. Any other business</text:h>'
        "<text:p>None.<text:line-break/>Next meeting: 7 May 2024</text:p>"
    )
    return odt(body, parts={"meta.xml": meta_xml("Parish Council", "2024-03-05T19:00:00")})


def mutated_docx(rnd: random.Random, names: list[str], *, start: bytes | None = None) -> bytes:
    """Apply the named mutations in turn to :func:`valid_docx`; a broken zip ends the chain.

    Member-level mutations need a readable zip; once an earlier mutation has broken it, the
    damaged bytes are the input. ``start`` mutates another zip package (an .odt) instead.
    """
    data = valid_docx() if start is None else start
    for name in names:
        try:
            data = MUTATIONS[name](data, rnd)
        except Exception:  # the zip no longer opens or inflates
            break
    return data


def check(data: bytes, *, suffix: str, folder: Path) -> Outcome:
    """Read, segment and convert ``data`` saved with ``suffix``; assert the output contract.

    Returns whether the input was refused (an :class:`ExtractorError`) or converted; any other
    exception propagates, and so does an :class:`InternalError` from the pipeline.
    """
    return check_input(data, suffix=suffix, folder=folder)[0]


def check_input(data: bytes, *, suffix: str, folder: Path) -> tuple[Outcome, str]:
    """:func:`check`, with the refusal's message (empty when converted).

    A ``.json`` input is read back as converted minutes (what ``index``, ``report`` and
    ``export`` do) and checked as ``validate`` does; anything else is converted.
    """
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    if suffix == ".json":
        return _check_json_input(path)
    try:
        segment(read(path, max_bytes=BLANK.max_bytes))
    except ExtractorError as e:
        return "refused", e.message
    try:
        minutes = convert(path, options=BLANK)
    except InternalError:
        raise
    except ExtractorError as e:
        return "refused", e.message
    text = json.dumps(minutes.model_dump(mode="json"))
    assert schema_errors(json.loads(text)) == []
    assert Minutes.model_validate_json(text).model_dump(mode="json") == json.loads(text)
    return "converted", ""


def _check_json_input(path: Path) -> tuple[Outcome, str]:
    """Read a JSON file back as minutes and validate it; only ExtractorError may refuse it."""
    findings = check_json(path, max_bytes=BLANK.max_bytes)
    assert all(f.message and "\n" not in f.message for f in findings)
    try:
        read_minutes(path)
    except ExtractorError as e:
        return "refused", e.message
    return "converted", ""


def _check(data: bytes, suffix: str) -> Outcome:
    with tempfile.TemporaryDirectory() as folder:
        return check(data, suffix=suffix, folder=Path(folder))


Generator = Callable[[random.Random], tuple[bytes, str]]
GENERATORS: dict[str, Generator] = {}
"""Every class of fuzz input by name: a function from a seeded random source to (bytes, suffix)."""


def generator(name: str) -> Callable[[Generator], Generator]:
    """Register a class of input under ``name`` in :data:`GENERATORS`."""

    def register(function: Generator) -> Generator:
        GENERATORS[name] = function
        return function

    return register


HEADER = "Parish Council Minutes\nTuesday 5 March 2024, 7pm, Village Hall\nPresent: Jane Doe\n\n"
RUN_CHARACTERS = "([{<\"':#*-_|>`~=+.,;\\/!?)]}&%$@^"
"""Characters whose long runs have made tokenizers and Markdown parsers slow."""


def _random_text(rnd: random.Random) -> str:
    size = rnd.choice((0, 1, 5, 40, 300, 2000))
    top = rnd.choice((0x80, 0x800, 0x10FFFF))
    chars = (chr(rnd.randrange(top)) for _ in range(rnd.randint(0, size)))
    return "".join(c for c in chars if not 0xD800 <= ord(c) <= 0xDFFF)


@generator("text")
def _text_input(rnd: random.Random) -> tuple[bytes, str]:
    return _random_text(rnd).encode("utf-8"), rnd.choice((".txt", ".md"))


@generator("bytes")
def _bytes_input(rnd: random.Random) -> tuple[bytes, str]:
    return rnd.randbytes(rnd.choice((0, 1, 8, 100, 1000))), ".txt"


@generator("minutes-like")
def _minutes_like_input(rnd: random.Random) -> tuple[bytes, str]:
    encoding = rnd.choice(("utf-8", "utf-16", "cp1252"))
    return minutes_like(rnd).encode(encoding, errors="replace"), rnd.choice((".txt", ".md"))


@generator("docx")
def _docx_input(rnd: random.Random) -> tuple[bytes, str]:
    names = [rnd.choice(sorted(MUTATIONS)) for _ in range(rnd.randint(1, 3))]
    return mutated_docx(rnd, names), ".docx"


def huge_line(rnd: random.Random, *, size: int) -> str:
    """Minutes whose body is one line of about ``size`` characters: words, or one long word."""
    if rnd.random() < 0.3:
        line = "".join(rnd.choice("abcdefghij") for _ in range(size))
    else:
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < size:
            words.append(rnd.choice(WORDS).strip() or "x")
        line = " ".join(words)
    return HEADER + line + "\n"


def pathological_run(rnd: random.Random, *, size: int) -> str:
    """Minutes with a run of ``size`` copies of one character (or of a pair) in the body."""
    run = rnd.choice(RUN_CHARACTERS)
    if rnd.random() < 0.3:
        run += rnd.choice(RUN_CHARACTERS)
    body = (run * size)[:size]
    if rnd.random() < 0.3:
        body = run[0] * (size // 2) + "x" + rnd.choice(RUN_CHARACTERS) * (size // 2)
    return HEADER + rnd.choice(("", "1. Finance\n", "- ", "## ")) + body + "\n"


def many_lines(rnd: random.Random, *, count: int) -> str:
    """Minutes of ``count`` short lines."""
    lines = [f"{rnd.choice(('-', '1.', '*', ''))} {rnd.choice(WORDS)} {i}" for i in range(count)]
    return HEADER + "\n".join(lines) + "\n"


@generator("huge-line")
def _huge_line_input(rnd: random.Random) -> tuple[bytes, str]:
    size = rnd.choice((2_000, 10_000, 30_000, 60_000))
    return huge_line(rnd, size=size).encode("utf-8"), rnd.choice((".txt", ".md"))


@generator("pathological-run")
def _run_input(rnd: random.Random) -> tuple[bytes, str]:
    size = rnd.choice((50, 200, 500, 1_000, 2_000))
    return pathological_run(rnd, size=size).encode("utf-8"), rnd.choice((".txt", ".md"))


@generator("many-lines")
def _many_lines_input(rnd: random.Random) -> tuple[bytes, str]:
    count = rnd.choice((500, 2_000, 8_000))
    return many_lines(rnd, count=count).encode("utf-8"), rnd.choice((".txt", ".md"))


def nested_json(rnd: random.Random, *, depth: int) -> bytes:
    """JSON nested ``depth`` deep: bare arrays or objects, or inside a minutes document."""
    opening, closing = rnd.choice((("[", "]"), ('{"a":', "}")))
    nested = opening * depth + "0" + closing * depth
    if rnd.random() < 0.5:
        return nested.encode("utf-8")
    document = {"schema_version": "1.0", "source": {"path": "x.txt"}, "sections": "HOLE"}
    return json.dumps(document).replace('"HOLE"', nested).encode("utf-8")


@generator("nested-json")
def _nested_json_input(rnd: random.Random) -> tuple[bytes, str]:
    depth = rnd.choice((1, 10, 100, 500, 5_000, 100_000))
    return nested_json(rnd, depth=depth), ".json"


def hostile_zip(rnd: random.Random) -> bytes:
    """A .docx-shaped archive built to mislead an unzipper (one trick, chosen at random)."""
    members = _members(valid_docx())
    trick = rnd.choice(sorted(HOSTILE_ZIPS))
    return HOSTILE_ZIPS[trick](members, rnd)


def _many_members(members: Members, rnd: random.Random) -> bytes:
    return _zip(members + [(f"word/media/m{i}.bin", b"x") for i in range(rnd.choice((500, 3000)))])


def _unreferenced_zeros(members: Members, rnd: random.Random) -> bytes:
    return _zip([*members, ("word/media/zeros.bin", bytes(rnd.choice((1, 4, 20)) << 20))])


def _odd_names(members: Members, rnd: random.Random) -> bytes:
    odd = rnd.choice(("../../evil.xml", "/abs/word/document.xml", "word\\document.xml", "word/"))
    return _zip([*members, (odd, rnd.choice(members)[1])])


def _nested_docx(members: Members, rnd: random.Random) -> bytes:
    inner = valid_docx()
    return _zip([(n, inner if n == "word/document.xml" else c) for n, c in members])


def _other_compression(members: Members, rnd: random.Random) -> bytes:
    buffer = io.BytesIO()
    method = rnd.choice((zipfile.ZIP_STORED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA))
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in members:
            archive.writestr(name, content)
    return buffer.getvalue()


def _encrypted_flag(members: Members, rnd: random.Random) -> bytes:
    data = bytearray(_zip(members))
    for offset in _offsets(data, b"PK\x01\x02", 8) + _offsets(data, b"PK\x03\x04", 6):
        data[offset] |= 1  # "encrypted", though nothing is
    return bytes(data)


def _lying_sizes(members: Members, rnd: random.Random) -> bytes:
    data = bytearray(_zip(members))
    for offset in _offsets(data, b"PK\x01\x02", 24):
        data[offset : offset + 4] = rnd.choice((0, 1, 0xFFFFFFFF, 1 << 30)).to_bytes(4, "little")
    return bytes(data)


def _external_targets(members: Members, rnd: random.Random) -> bytes:
    rels = b'Target="styles.xml"', b'Target="http://example.invalid/x" TargetMode="External"'
    return _zip([(n, c.replace(*rels)) for n, c in members])


def _junk_around(members: Members, rnd: random.Random) -> bytes:
    return rnd.randbytes(rnd.choice((0, 100, 5000))) + _zip(members) + rnd.randbytes(50)


def _wide_document(members: Members, rnd: random.Random) -> bytes:
    encoding = rnd.choice(("utf-16", "utf-32"))
    doctype = b'<!DOCTYPE d [<!ENTITY e "x">]>' if rnd.random() < 0.5 else b""
    return _zip(
        [
            (n, c.replace(b"?>", b"?>" + doctype, 1).decode("utf-8").encode(encoding))
            if n == "word/document.xml"
            else (n, c)
            for n, c in members
        ]
    )


def _offsets(data: bytearray, signature: bytes, field: int) -> list[int]:
    found, start = [], 0
    while (at := data.find(signature, start)) != -1:
        found.append(at + field)
        start = at + 4
    return found


HOSTILE_ZIPS: dict[str, Callable[[Members, random.Random], bytes]] = {
    "many-members": _many_members,
    "unreferenced-zeros": _unreferenced_zeros,
    "odd-names": _odd_names,
    "nested-docx": _nested_docx,
    "other-compression": _other_compression,
    "encrypted-flag": _encrypted_flag,
    "lying-sizes": _lying_sizes,
    "external-targets": _external_targets,
    "junk-around": _junk_around,
    "wide-document": _wide_document,
}
"""Archive-level tricks: member counts and names, compression, header flags and sizes."""


@generator("hostile-zip")
def _hostile_zip_input(rnd: random.Random) -> tuple[bytes, str]:
    return hostile_zip(rnd), ".docx"


FAULTS = (errno.ENOSPC, errno.EACCES, errno.EIO, errno.EROFS)


def check_batch_faults(rnd: random.Random, folder: Path) -> Outcome:
    """Run a small batch whose writes start failing at a random point; assert it survives.

    Every input gets its event, nothing but events comes out, no temporary file is left, and
    a second run without faults converts exactly the inputs the first did not record.
    """
    source, out = folder / "in", folder / "out"
    source.mkdir()
    for i in range(rnd.randint(1, 6)):
        (source / f"m{i}.txt").write_text(minutes_like(rnd) or "Minutes\nx\n", encoding="utf-8")
    if rnd.random() < 0.2:
        (out / rnd.choice((".extractor-manifest.json", ".extractor-manifest.journal"))).mkdir(
            parents=True
        )
    inputs = collect_inputs([str(source)])
    with pytest.MonkeyPatch.context() as patch:
        _fail_writes_after(patch, room=rnd.randint(0, 3 * len(inputs)), code=rnd.choice(FAULTS))
        events = list(run_batch(inputs, options=BLANK, settings=BatchSettings(output=out)))
    assert [e.item.path for e in events[: len(inputs)]] == [i.path for i in inputs]
    assert all(e.status == "failed" for e in events[len(inputs) :])
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    recorded = {e.item.path for e in events[: len(inputs)] if e.status == "converted"}
    again = list(run_batch(inputs, options=BLANK, settings=BatchSettings(output=out)))
    skipped = {e.item.path for e in again if e.status == "skipped"}
    assert skipped == recorded
    return "converted" if recorded else "refused"


def _fail_writes_after(patch: pytest.MonkeyPatch, *, room: int, code: int) -> None:
    """Let ``room`` file writes through (outputs, journal, manifest), then fail with ``code``."""
    left = [room]
    real_fdopen, real_open = os.fdopen, Path.open

    def wrap(handle: Any) -> Any:
        real_write = handle.write

        def write(text: str) -> int:
            if left[0] <= 0:
                raise OSError(code, os.strerror(code))
            left[0] -= 1
            return int(real_write(text))

        handle.write = write
        return handle

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        return wrap(real_fdopen(fd, *args, **kwargs))

    def path_open(path: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(path, mode, *args, **kwargs)
        return wrap(handle) if "a" in mode or "w" in mode else handle

    patch.setattr(os, "fdopen", fdopen)
    patch.setattr(Path, "open", path_open)


@FAST
@given(text=st.text(max_size=600), suffix=st.sampled_from([".txt", ".md"]))
def test_arbitrary_text_is_converted_or_refused(text: str, suffix: str) -> None:
    assert _check(text.encode("utf-8"), suffix) in ("converted", "refused")


@FAST
@given(data=st.binary(max_size=600))
def test_arbitrary_bytes_as_txt_are_converted_or_refused(data: bytes) -> None:
    assert _check(data, ".txt") in ("converted", "refused")


@FAST
@given(
    rnd=st.randoms(use_true_random=False),
    suffix=st.sampled_from([".txt", ".md"]),
    encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]),
)
def test_minutes_like_text_is_converted_or_refused(
    rnd: random.Random, suffix: str, encoding: str
) -> None:
    data = minutes_like(rnd).encode(encoding, errors="replace")
    assert _check(data, suffix) in ("converted", "refused")


@settings(FAST, max_examples=120)
@given(
    rnd=st.randoms(use_true_random=False),
    names=st.lists(st.sampled_from(sorted(MUTATIONS)), min_size=1, max_size=3),
)
def test_mutated_docx_is_converted_or_refused(rnd: random.Random, names: list[str]) -> None:
    assert _check(mutated_docx(rnd, names), ".docx") in ("converted", "refused")


def test_the_unmutated_docx_converts() -> None:
    assert _check(valid_docx(), ".docx") == "converted"


@settings(FAST, max_examples=120)
@given(
    rnd=st.randoms(use_true_random=False),
    names=st.lists(st.sampled_from(sorted(MUTATIONS)), min_size=1, max_size=3),
)
def test_mutated_odt_is_converted_or_refused(rnd: random.Random, names: list[str]) -> None:
    assert _check(mutated_docx(rnd, names, start=valid_odt()), ".odt") in ("converted", "refused")


def test_the_unmutated_odt_converts() -> None:
    assert _check(valid_odt(), ".odt") == "converted"


VALID_RTF = (
    rb"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}{\f1 Symbol;}}"
    rb"{\stylesheet{\s0 Normal;}{\s1\outlinelevel0 heading 1;}}"
    rb"{\info{\title Parish Council}{\creatim\yr2024\mo3\dy5}}"
    rb"\pard\s1 Parish Council Minutes\par\pard Tuesday 5 March 2024, 7pm, Village Hall\par"
    rb"{\b Present:} Jane Doe, John Smith, Amy Chen\par\pard\s1 1. Finance\par"
    rb"\pard{\listtext\f1\'b7\tab}\ls1\ilvl0 The budget was approved caf\'e9 \u8364?.\par"
    rb"{\listtext 1.\tab}\ls2\ilvl1 Action: JS to circulate the accounts.\par"
    rb"\pard\trowd\cellx1000\cellx2000\intbl Action\cell Owner\cell\row"
    rb"\intbl Fix lights\cell AC\cell\row\pard\s1 2. Any other business\par"
    rb"\pard None.\line Next meeting: 7 May 2024\par{\*\x{\pict\bin3 }}}"
)
"""A small RTF document: title, fields, headings, lists, a table, properties."""
RTF_PIECES = (
    *(b"{", b"}", b"\\", b"\\'", b"\\'e9", b"\\u", b"\\u-3", b"\\u70000", b"\\uc9"),
    *(b"\\par", b"\\row", b"\\cell", b"\\intbl", b"\\bin", b"\\bin99", b"\\*", b"\\b"),
    *(b"{\\listtext", b"{\\info", b"{\\stylesheet", b"\\ansicpg932", b"\\ansicpg0", b"\\'8"),
)


def mutated_rtf(rnd: random.Random) -> bytes:
    """:data:`VALID_RTF` with RTF syntax pieces inserted, bytes flipped or the end cut off."""
    data = VALID_RTF
    for _ in range(rnd.randint(1, 8)):
        where = rnd.randrange(len(data) + 1)
        data = data[:where] + rnd.choice(RTF_PIECES) + data[where:]
    return _truncate(_flip(data, rnd), rnd) if rnd.random() < 0.5 else data


@settings(FAST, max_examples=120)
@given(rnd=st.randoms(use_true_random=False))
def test_mutated_rtf_is_converted_or_refused(rnd: random.Random) -> None:
    assert _check(mutated_rtf(rnd), ".rtf") in ("converted", "refused")


@FAST
@given(data=st.binary(max_size=600))
def test_arbitrary_bytes_after_an_rtf_header_are_converted_or_refused(data: bytes) -> None:
    assert _check(b"{\\rtf1 " + data, ".rtf") in ("converted", "refused")


def test_the_unmutated_rtf_converts() -> None:
    assert _check(VALID_RTF, ".rtf") == "converted"


@pytest.mark.parametrize("name", [n for n in MUTATIONS if n.startswith("xml-")])
def test_xml_mutations_keep_a_valid_zip_with_the_same_members(name: str) -> None:
    mutated = MUTATIONS[name](valid_docx(), random.Random(1))
    assert [n for n, _ in _members(mutated)] == [n for n, _ in _members(valid_docx())]
    assert mutated != valid_docx()


@cache
def valid_pdf() -> bytes:
    """A two-page PDF with a title, numbered items, a wrapped paragraph and a page number."""
    body = [
        Text(72, 780, "Parish Council Minutes 5 March 2024", 16, bold=True),
        Text(72, 750, "Present: Cllr Amy Chen (Chair), Jane Doe (Clerk)"),
        Text(72, 720, "1. Apologies", bold=True),
        *paragraph(
            72, 706, ["The council agreed that the clerk should write to the county-", "council."]
        ),
        Text(290, 30, "1"),
    ]
    return build_pdf(
        [Page(body), Page([Text(72, 780, "2. Planning", bold=True), Text(290, 30, "2")])]
    )


def _pdf_garble(data: bytes, rnd: random.Random) -> bytes:
    start = rnd.randrange(len(data) + 1)
    noise = rnd.choice((b"", b"(", b")", b"<<", b">>", b"obj", b"endstream", b"/Encrypt 1 0 R"))
    return data[:start] + noise + data[start + rnd.randint(0, 20) :]


PDF_MUTATIONS: dict[str, Mutation] = {
    "flip": _flip,
    "truncate": _truncate,
    "garble": _pdf_garble,
}
"""Ways to damage a PDF's bytes: bit flips, truncation, and PDF syntax dropped in anywhere."""


@settings(FAST, max_examples=80)
@given(
    rnd=st.randoms(use_true_random=False),
    names=st.lists(st.sampled_from(sorted(PDF_MUTATIONS)), min_size=1, max_size=3),
)
def test_mutated_pdf_is_converted_or_refused(rnd: random.Random, names: list[str]) -> None:
    data = valid_pdf()
    for name in names:
        data = PDF_MUTATIONS[name](data, rnd)
    assert _check(data, ".pdf") in ("converted", "refused")


def test_the_unmutated_pdf_converts() -> None:
    assert _check(valid_pdf(), ".pdf") == "converted"


@settings(FAST, max_examples=12)
@given(rnd=st.randoms(use_true_random=False), size=st.sampled_from([500, 3_000, 10_000]))
def test_a_huge_line_is_converted_or_refused(rnd: random.Random, size: int) -> None:
    data, suffix = huge_line(rnd, size=size).encode("utf-8"), rnd.choice((".txt", ".md"))
    assert _check(data, suffix) in ("converted", "refused")


@settings(FAST, max_examples=40)
@given(rnd=st.randoms(use_true_random=False), size=st.integers(1, 300))
def test_a_run_of_one_character_is_converted_or_refused(rnd: random.Random, size: int) -> None:
    data = pathological_run(rnd, size=size).encode("utf-8")
    assert _check(data, rnd.choice((".txt", ".md"))) in ("converted", "refused")


@settings(FAST, max_examples=6)
@given(rnd=st.randoms(use_true_random=False), count=st.sampled_from([100, 1_000]))
def test_many_lines_are_converted_or_refused(rnd: random.Random, count: int) -> None:
    assert _check(many_lines(rnd, count=count).encode("utf-8"), ".md") in ("converted", "refused")


@FAST
@given(rnd=st.randoms(use_true_random=False), depth=st.integers(0, 200))
def test_nested_json_is_read_back_or_refused(rnd: random.Random, depth: int) -> None:
    """Shallow enough for Python's parser; ``benchmarks/fuzz.py`` goes 100,000 deep."""
    assert _check(nested_json(rnd, depth=depth), ".json") == "refused"


@pytest.mark.parametrize("trick", sorted(HOSTILE_ZIPS))
def test_hostile_zips_are_converted_or_refused(trick: str) -> None:
    data = HOSTILE_ZIPS[trick](_members(valid_docx()), random.Random(trick))
    assert _check(data, ".docx") in ("converted", "refused")


@settings(FAST, max_examples=25)
@given(rnd=st.randoms(use_true_random=False))
def test_a_batch_survives_writes_that_start_failing(rnd: random.Random) -> None:
    with tempfile.TemporaryDirectory() as folder:
        assert check_batch_faults(rnd, Path(folder)) in ("converted", "refused")


def test_every_class_of_input_is_registered() -> None:
    expected = {"text", "bytes", "minutes-like", "docx", "huge-line", "pathological-run"}
    expected |= {"many-lines", "nested-json", "hostile-zip"}
    assert expected <= set(GENERATORS)
    data, suffix = GENERATORS["text"](random.Random(0))
    assert isinstance(data, bytes) and suffix in (".txt", ".md")
