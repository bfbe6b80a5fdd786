"""Leftover reference-manager marks inside a longer visible list do not shrink it (issue 12)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.docx import DocxReader
from tests.manuscript.test_docx_reader import para, raw_docx, run

ENTRIES = [
    f"[{n}] Author{n} A. A made-up title {n}. J Med. 20{n:02d};{n}:1-9." for n in range(1, 9)
]


def _body(marked: int, style: str) -> str:
    cites = para(run("Body text citing [1], [2] and [3-8]."))
    heading = para(run("References"), style="Heading1")
    rows = "".join(
        para(run(text), style=style if i == marked else "") for i, text in enumerate(ENTRIES)
    )
    return cites + heading + rows


def test_one_endnote_styled_paragraph_does_not_become_the_whole_list(tmp_path: Path) -> None:
    path = raw_docx(tmp_path / "e.docx", _body(marked=3, style="EndNoteBibliography"))
    document = DocxReader().read(path)
    assert [e.text[:4] for e in document.reference_entries] == [t[:4] for t in ENTRIES]


def test_citavi_control_with_heading_and_empty_entry_before_the_real_list(tmp_path: Path) -> None:
    control = (
        '<w:sdt><w:sdtPr><w:tag w:val="CITAVI_BIBLIOGRAPHY"/></w:sdtPr><w:sdtContent>'
        + para(run("Reference"), style="Heading1")
        + para(style="CitaviBibliographyEntry")
        + "</w:sdtContent></w:sdt>"
    )
    rows = "".join(para(run(text)) for text in ENTRIES)
    body = para(run("Body text citing [1].")) + control + rows
    document = DocxReader().read(raw_docx(tmp_path / "c.docx", body))
    assert len(document.reference_entries) == len(ENTRIES)
    assert all(e.text != "Reference" for e in document.reference_entries)


def test_a_manager_list_that_is_the_section_keeps_its_own_cut(tmp_path: Path) -> None:
    rows = "".join(para(run(text), style="Bibliography") for text in ENTRIES[:4])
    body = (
        para(run("Text [1]."))
        + para(run("References"), style="Heading1")
        + rows
        + para(run("Closing remark with no year."))
    )
    document = DocxReader().read(raw_docx(tmp_path / "z.docx", body))
    assert len(document.reference_entries) == 4
