"""Checks that run before any parser sees the bytes: size caps, binary content, encodings, zips.

Every problem becomes an :class:`~extractor.core.errors.InputError` whose message says what is wrong
and, where there is something to do, what to do. Messages never repeat the path: the caller
prints ``path: message``.
"""

from __future__ import annotations

import codecs
import errno
import io
import lzma
import re
import stat
import unicodedata
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

from extractor.core import DEFAULT_LIMITS, BudgetError, InputError, Limits, NoMinutesError

OLE2_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
ZIP_MAGIC = b"PK\x03\x04"
MAX_UNZIPPED_BYTES = 200_000_000
"""Upper bound on what a .docx or .odt may expand to, whatever ``max_bytes`` is."""
UNZIP_FACTOR = 50
"""A .docx or .odt may expand to at most this many times ``max_bytes``."""

_CONTROL_SHARE = 0.05
_MIN_CHARS = 64
_MIN_WORD_SHARE = 0.35
_MAX_CP1252_HIGH = 0.3
_MIN_SCRIPT_SHARE = 0.8
_LONGEST_WORD = 40
_ADDRESS = re.compile(
    r"(?:^|[\[(<])(?:https?|ftp|mailto):|^\W*www\.[a-z0-9-]+\.|\]\((?:https?:|mailto:|/|#)"
    r"|^\W*[\w.+-]+@[a-z0-9-]+\.[a-z.]{2,}\W*$",
    re.IGNORECASE,
)
"""Links and e-mail addresses: text, but not words; they are left out of the word share."""
_TOKEN_PUNCTUATION = "\"'\u201c\u201d\u2018\u2019()[]{}<>.,;:!?*_#`~|-\u2013\u2014=+/\\•·…"
_INNER_MARKS = str.maketrans("", "", "'\u2019.-/:,&")
"""Marks that may sit inside a word or number (don't, co-op, 7.30, 05/03/2024)."""
_SCRIPT_ALIASES = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HALFWIDTH": "CJK", "FULLWIDTH": "CJK"}
"""Scripts that one language writes together (Japanese mixes kana with CJK ideographs)."""
_SAMPLE = 65_536
_ALLOWED_CONTROLS = frozenset(b"\t\n\r\f\x1a")
_NOT_COUNTED = bytes(b for b in range(256) if b >= 0x20 or b in _ALLOWED_CONTROLS)
"""Bytes deleted before counting control bytes: everything but the disallowed controls."""
_SIGNATURES = (
    (ZIP_MAGIC, "a zip archive (perhaps a .docx with the wrong extension)"),
    (OLE2_MAGIC, "a legacy Office file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
)

_UNZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    NotImplementedError,
    RuntimeError,
    OSError,
    EOFError,
    ValueError,
)
"""What inflating a damaged member raises: bad data or CRC, unsupported method, a password."""
_DOCTYPES = tuple(
    word.encode(encoding)
    for word in ("<!DOCTYPE", "<!doctype")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
"""A DOCTYPE as it appears in an XML part encoded as UTF-8 or UTF-16 (either byte order)."""
_SAFE_OPTIONS = {"resolve_entities": False, "no_network": True, "load_dtd": False}
_SAFE_PARSER = etree.XMLParser(**_SAFE_OPTIONS)
"""A parser that fetches nothing and expands no entity, for checking parts before python-docx."""


def read_bytes(path: Path, *, max_bytes: int) -> bytes:
    """Return the whole file after checking it exists, is a regular file and is not too big."""
    try:
        if path.is_dir():
            raise InputError("is a folder, not a file; give the minutes files inside it")
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise InputError("is not a regular file (a device, pipe or socket); give a file")
        size = status.st_size
        if size > max_bytes:
            raise too_big(size, max_bytes)
        with path.open("rb") as handle:
            # Asking for the stated size first spares a buffer of ``max_bytes`` per file.
            data = handle.read(size + 1)
            if len(data) > size:
                data += handle.read(max_bytes + 1 - len(data))
    except FileNotFoundError as e:
        raise InputError("no such file; check the path and its spelling") from e
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise InputError(
                "is a symbolic link that leads back to itself (a loop); fix or remove the link"
            ) from e
        raise InputError(f"cannot be read ({e.strerror or e}); check its permissions") from e
    if len(data) > max_bytes:
        raise too_big(len(data), max_bytes)
    return data


def too_big(size: int, max_bytes: int) -> InputError:
    """Build the error for a file over the size limit."""
    return InputError(
        f"is {_size(size)}, over the {_size(max_bytes)} size limit; "
        "split it or raise the limit with --max-bytes"
    )


def _size(size: int) -> str:
    """Format a size for a message, exact in bytes and, when large, also in KB/MB/GB."""
    exact = f"{size:,} bytes"
    return exact if size < 1000 else f"{_human(size)} ({exact})"


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode text bytes as UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252.

    Returns ``(text, encoding)``. Empty, whitespace-only, binary and undecodable input raise
    instead of being decoded with replacement characters.
    """
    if not data:
        raise NoMinutesError("the file is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _decode_utf16(data), "utf-16"
    else:
        check_not_binary(data)
        text, encoding = _decode_8bit(data)
    if not text.strip():
        raise NoMinutesError("the file holds only whitespace")
    check_looks_like_text(text, encoding)
    return text, encoding


def check_looks_like_text(text: str, encoding: str) -> None:
    """Raise when decoded ``text`` reads as noise rather than words.

    Any bytes decode as Windows-1252 and any even number of bytes after a BOM as UTF-16, so
    decoding proves nothing. Measured on the first :data:`_SAMPLE` characters:

    - of the characters in tokens that hold a letter or digit (tokens of punctuation alone are
      furniture and left out), at least :data:`_MIN_WORD_SHARE` must be in words (letters, or
      a number, once surrounding punctuation is stripped): real minutes have 0.60 or more
      (links and e-mail addresses are left out), random printable bytes 0.21 or less once
      there are :data:`_MIN_CHARS` such characters to judge (shorter texts are not judged);
    - a Windows-1252 guess of at least :data:`_MIN_CHARS` non-space characters must be mostly
      ASCII: at most :data:`_MAX_CP1252_HIGH` of them above U+007F (accents and smart quotes
      stay far below);
    - UTF-16 text must hold whitespace, no unassigned or private-use characters, and its
      letters must come mostly (:data:`_MIN_SCRIPT_SHARE`) from one script: random code units
      scatter over CJK, Hangul, Yi and the rest.
    """
    sample = text[:_SAMPLE]
    if encoding == "cp1252":
        visible = [ch for ch in sample if not ch.isspace()]
        high = sum(ord(ch) > 0x7F for ch in visible)
        if len(visible) >= _MIN_CHARS and high > _MAX_CP1252_HIGH * len(visible):
            raise _noise("most of its characters are not ASCII, and it is not UTF-8")
    if encoding == "utf-16":
        _check_utf16_scripts(sample)
    tokens = [
        token
        for token in sample.split()
        if any(ch.isalnum() for ch in token) and not _ADDRESS.search(token)
    ]
    chars = sum(map(len, tokens))
    if chars >= _MIN_CHARS:
        in_words = sum(len(token) for token in tokens if _is_word(token))
        if in_words < _MIN_WORD_SHARE * chars:
            raise _noise(f"only {100 * in_words // chars}% of its letters and digits form words")


def _is_word(token: str) -> bool:
    """A token that reads as a word or a number once surrounding punctuation is stripped."""
    core = token.strip(_TOKEN_PUNCTUATION)
    if not core or len(core) > _LONGEST_WORD:
        return False
    plain = core.translate(_INNER_MARKS)
    if plain.isalpha() or plain.isdigit():
        return True
    # 7.30pm, 2nd, 10am: digits first, then a short suffix of letters.
    digits = len(plain) - len(plain.lstrip("0123456789"))
    return digits > 0 and plain[digits:].isalpha() and len(plain) - digits <= 2


def _check_utf16_scripts(sample: str) -> None:
    """Refuse UTF-16 text with no whitespace, unassigned characters or scattered scripts."""
    if len(sample.strip()) > 3 and not any(ch.isspace() for ch in sample):
        raise _noise("it holds no spaces or line breaks")
    scripts: Counter[str] = Counter()
    for ch in sample:
        category = unicodedata.category(ch)
        if category in ("Cn", "Co", "Cs"):
            raise _noise("it holds unassigned or private-use characters")
        if category.startswith("L"):
            name = unicodedata.name(ch, "")
            scripts[_SCRIPT_ALIASES.get(name.split(" ", 1)[0], name.split(" ", 1)[0])] += 1
    letters = sum(scripts.values())
    if letters and scripts.most_common(1)[0][1] < _MIN_SCRIPT_SHARE * letters:
        raise _noise("its letters are scattered over many scripts")


def _noise(why: str) -> InputError:
    """Build the error for bytes that decode but do not read as text."""
    return InputError(
        f"does not look like text ({why}); it may be random bytes or a binary file: save the "
        "minutes as .txt, .md or .docx"
    )


def check_not_binary(data: bytes) -> None:
    """Raise when ``data`` holds NUL bytes, a known binary signature or many control bytes."""
    if data.startswith(b"%PDF-"):
        raise InputError("is a PDF, not text minutes; give it the .pdf extension")
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(
                f"looks like a binary file, not text minutes (it starts like {what}); "
                "save the minutes as .txt, .md or .docx"
            )
    sample = data[:_SAMPLE]
    controls = len(sample.translate(None, _NOT_COUNTED))
    if b"\x00" in sample or controls > _CONTROL_SHARE * len(sample):
        raise InputError(
            "looks like a binary file, not text minutes; save the minutes as .txt, .md or .docx"
        )


def _decode_8bit(data: bytes) -> tuple[str, str]:
    """Decode as UTF-8 (BOM noted), falling back to Windows-1252 for legacy Windows files."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise _undecodable(e, "UTF-8 (it starts with a UTF-8 byte-order mark)") from e
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as e:
        raise _undecodable(e, "UTF-8 or Windows-1252 (cp1252)") from e


def _decode_utf16(data: bytes) -> str:
    """Decode UTF-16 text that starts with a byte-order mark (Notepad's "Unicode")."""
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as e:
        raise _undecodable(e, "UTF-16 (it starts with a UTF-16 byte-order mark)") from e


def _undecodable(error: UnicodeDecodeError, tried: str) -> InputError:
    """Build the error for text in none of the encodings the reader accepts."""
    byte = error.object[error.start : error.start + 1].hex()
    return InputError(
        f"cannot be decoded as {tried}: byte 0x{byte} at offset {error.start}; "
        "re-save the file as UTF-8"
    )


def check_docx_bytes(data: bytes, *, max_bytes: int, limits: Limits = DEFAULT_LIMITS) -> None:
    """Reject what python-docx should never parse: OLE2 files, non-zips, zip bombs, DTDs.

    See :func:`docx_members`, which does the checking and also returns the inflated members.
    """
    docx_members(data, max_bytes=max_bytes, limits=limits)


def docx_members(
    data: bytes, *, max_bytes: int, limits: Limits = DEFAULT_LIMITS
) -> dict[str, bytes] | None:
    """Check a .docx like :func:`check_docx_bytes`; return its members' contents by name.

    The checks are :func:`zip_members`'s, within ``limits``. Returns None (once the checks
    pass) when two members share a name: such a package is left to python-docx's own rules.
    """
    if data.startswith(OLE2_MAGIC):
        raise InputError(
            "is an encrypted (password-protected) .docx or a legacy Word .doc file; open it in "
            "Word, remove any password and save it as a .docx"
        )
    return zip_members(data, max_bytes=max_bytes, package=DOCX_PACKAGE, limits=limits)


@dataclass(frozen=True, slots=True)
class ZipPackage:
    """What an XML-in-zip office format must hold, and how its messages name it."""

    extension: str
    """The extension as messages show it (``.docx``)."""
    required: tuple[str, ...]
    """Members that must be there (else the file is corrupt or not of this format)."""
    application: str
    """The program a message tells the user to re-save the file from."""


DOCX_PACKAGE = ZipPackage(".docx", ("[Content_Types].xml", "word/document.xml"), "Word")
ODT_PACKAGE = ZipPackage(".odt", ("content.xml",), "LibreOffice or Word")


def zip_members(
    data: bytes, *, max_bytes: int, package: ZipPackage, limits: Limits = DEFAULT_LIMITS
) -> dict[str, bytes] | None:
    """Check an XML-in-zip document (.docx, .odt); return its members' contents by name.

    The uncompressed sizes declared in the zip directory are checked before anything is
    inflated; :mod:`zipfile` stops reading an entry at its declared size, so a lying header
    cannot push past the cap. Every member is then inflated once, so damaged data, bad CRCs,
    unsupported compression and encrypted members are refused here rather than deep inside
    a parser. XML parts that declare a DOCTYPE are refused (office programs never write one),
    which rules out entity expansion and external entities whatever the XML parser does. The
    XML parts' declared sizes must fit ``limits.xml_bytes`` (checked before inflating) and
    their elements ``limits.xml_elements`` (counted before anything parses them). Returns None
    (once the checks pass) when two members share a name.
    """
    if not data:
        raise NoMinutesError("the file is empty")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _UNZIP_ERRORS as e:
        raise _corrupt(package) from e
    with archive:
        cap = min(UNZIP_FACTOR * max_bytes, MAX_UNZIPPED_BYTES)
        return _check_members(archive, cap=cap, package=package, limits=limits)


def _xml_parts(archive: zipfile.ZipFile, names: set[str]) -> set[str]:
    """The members a reader may parse as XML: by name, or by the content type declared for them.

    A main part need not be called ``.xml``: ``[Content_Types].xml`` may give any part name or
    extension an XML content type, and python-docx then parses it.
    """
    found = {name for name in names if name.endswith((".xml", ".rels"))}
    try:
        types = etree.fromstring(archive.read("[Content_Types].xml"), _SAFE_PARSER)
    except (*_UNZIP_ERRORS, KeyError, etree.XMLSyntaxError):
        return found
    xml_extensions: set[str] = set()
    for entry in types:
        kind = str(entry.get("ContentType") or "")
        if not kind.endswith(("+xml", "/xml")):
            continue
        if entry.get("Extension"):
            xml_extensions.add(str(entry.get("Extension")).lower())
        if entry.get("PartName"):
            found.add(str(entry.get("PartName")).lstrip("/"))
    found.update(name for name in names if name.rpartition(".")[2].lower() in xml_extensions)
    return found & names


def _check_members(
    archive: zipfile.ZipFile, *, cap: int, package: ZipPackage, limits: Limits
) -> dict[str, bytes] | None:
    """Size, budget and DOCTYPE checks over the members of an opened archive; their contents."""
    members = archive.infolist()
    names = {info.filename for info in members}
    if any(name not in names for name in package.required):
        raise _corrupt(package)
    total = sum(info.file_size for info in members)
    if total > cap:
        raise InputError(
            f"expands to {_human(total)} when unzipped, over the {_human(cap)} limit for a "
            f"{package.extension}; it may be a zip bomb, or hold very large embedded files"
        )
    xml_names = _xml_parts(archive, names)
    xml_bytes = sum(info.file_size for info in members if info.filename in xml_names)
    if xml_bytes > limits.xml_bytes:
        raise BudgetError.over(
            "bytes of XML when unzipped",
            limit="xml_bytes",
            found=xml_bytes,
            allowed=limits.xml_bytes,
        )
    elements = 0
    contents: dict[str, bytes] = {}
    for info in members:
        try:
            content = archive.read(info)
        except _UNZIP_ERRORS as e:
            raise _corrupt(package) from e
        if info.filename in xml_names:
            if _has_doctype(content):
                raise InputError(
                    f"has a DOCTYPE declaration in {info.filename}, which "
                    f"{package.application.split()[0]} never writes; refusing to read it "
                    f"(re-save the document from {package.application})"
                )
            elements += _element_count(content)
            if elements > limits.xml_elements:
                raise BudgetError.over(
                    "XML elements (or more)",
                    limit="xml_elements",
                    found=elements,
                    allowed=limits.xml_elements,
                )
        contents[info.filename] = content
    return contents if len(contents) == len(members) else None


def _has_doctype(content: bytes) -> bool:
    """Tell whether an XML part declares a DOCTYPE, in whatever encoding it is written.

    The bytes are searched for the UTF-8 and UTF-16 forms; then the part is read as far as its
    root element by an XML parser that decodes it as the real parse will (BOM, encoding
    declaration, UTF-32, Latin-1...), loads no DTD and expands no entity, and which reports
    any DOCTYPE it met on the way.
    """
    if any(doctype in content for doctype in _DOCTYPES):
        return True
    events = etree.iterparse(io.BytesIO(content), events=("start",), **_SAFE_OPTIONS)
    try:
        for _, element in events:
            info = element.getroottree().docinfo
            return bool(info.doctype) or info.internalDTD is not None
    except etree.XMLSyntaxError:
        return False  # not XML as the parser reads it: the real parse refuses it too
    return False


def _element_count(content: bytes) -> int:
    """The start tags in an XML part: every ``<`` but those of end tags, comments, PIs, CDATA."""
    return content.count(b"<") - content.count(b"</") - content.count(b"<?") - content.count(b"<!")


def _corrupt(package: ZipPackage) -> InputError:
    """Build the error for a package that is not a readable document of its format."""
    extension, application = package.extension, package.application
    return InputError(
        f"is not a valid {extension} (corrupt or truncated); open it in {application} and save "
        f"it again as {extension}"
    )


def _human(size: int) -> str:
    """Format a byte count in the unit a person would say (``1.5 MB``)."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{int(value)} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{size} bytes"
