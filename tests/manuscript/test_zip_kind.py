"""A ZIP that is not a Word document says what it is (issue 12: an .odt upload)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from citeaudit.errors import InputError
from citeaudit.manuscript.docx import DocxReader


def _zip(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        (
            {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"},
            "ODT is not supported",
        ),
        ({"xl/workbook.xml": "<x/>"}, "an Excel workbook"),
        ({"other.txt": "x"}, "the ZIP has no word/document.xml"),
    ],
)
def test_non_word_zip_is_named(tmp_path: Path, members: dict[str, str], expected: str) -> None:
    path = _zip(tmp_path / "paper.docx", members)
    with pytest.raises(InputError) as raised:
        DocxReader().read(path)
    assert expected in raised.value.detail
