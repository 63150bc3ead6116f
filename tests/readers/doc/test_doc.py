from pathlib import Path

import pytest

from extractor.core import UnsupportedFormatError
from extractor.readers import read, read_data

OLE2 = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(1000)
"""The first bytes of a Word 97-2003 file (an OLE2 compound document)."""


@pytest.mark.parametrize("name", ["minutes.doc", "MINUTES.DOC", "template.dot"])
def test_legacy_word_gets_one_error_saying_how_to_convert_it(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(OLE2)
    with pytest.raises(UnsupportedFormatError) as info:
        read(path)
    message = info.value.message
    assert message.startswith(f"is a legacy Word {path.suffix.lower()} file")
    assert "save it as .docx" in message
    assert "libreoffice --headless --convert-to docx FILE" in message
    assert "rename" not in message
    assert info.value.path == str(path)


def test_legacy_word_in_memory_gets_the_same_error() -> None:
    with pytest.raises(UnsupportedFormatError, match=r"legacy Word \.doc file"):
        read_data(OLE2, name="a.doc")
