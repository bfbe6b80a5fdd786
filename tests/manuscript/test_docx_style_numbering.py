"""A Word list numbered by its paragraph style ("List Number", or a style based on it):
the paragraphs carry no ``numPr`` of their own, the style does. Word draws the numbers
all the same, so each paragraph is one numbered entry. Every entry is made up."""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.docx import DocxReader
from tests.manuscript.test_docx_numbering import ENTRIES, NUMBERING, plain
from tests.manuscript.test_docx_reader import W, raw_docx


def _styles(*styles: str) -> bytes:
    return f'<w:styles xmlns:w="{W}">{"".join(styles)}</w:styles>'.encode()


LIST_NUMBER = (
    '<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/>'
    '<w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>'
)
# a journal template's own style, based on Word's
REFERENCE_ITEM = (
    '<w:style w:type="paragraph" w:styleId="RefItem"><w:name w:val="Ref Item"/>'
    '<w:basedOn w:val="ListNumber"/></w:style>'
)
# a style based on itself, and one based on a style that is not there
LOOPS = (
    '<w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Orphan"><w:basedOn w:val="Gone"/></w:style>'
)


def _entries(tmp_path: Path, style: str) -> list[str]:
    body = (
        plain("Text citing [1], [2], [3], [4] and [5].")
        + plain("References", style="Heading1")
        + "".join(plain(text, style=style) for text in ENTRIES)
    )
    extra = {
        "word/numbering.xml": NUMBERING.encode(),
        "word/styles.xml": _styles(LIST_NUMBER, REFERENCE_ITEM, LOOPS),
    }
    path = raw_docx(tmp_path / "s.docx", body, extra)
    return [e.text for e in DocxReader().read(path).reference_entries]


def test_a_list_numbered_by_its_style_keeps_its_numbers(tmp_path: Path) -> None:
    numbered = [f"[{n}] {text}" for n, text in enumerate(ENTRIES, start=1)]
    assert _entries(tmp_path, "ListNumber") == numbered
    assert _entries(tmp_path, "RefItem") == numbered


def test_a_style_with_no_list_draws_no_number(tmp_path: Path) -> None:
    for style in ("Loop", "Orphan"):
        assert not any(text.startswith("[") for text in _entries(tmp_path, style))
