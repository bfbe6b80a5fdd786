"""A soft line break inside a Word paragraph starts a new line (issue 12)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.docx import DocxReader
from tests.manuscript.test_docx_reader import SUP, para, raw_docx, run

BR = "<w:r><w:br/></w:r>"
PAGE = '<w:r><w:br w:type="page"/></w:r>'


def test_two_entries_in_one_paragraph_are_two_entries(tmp_path: Path) -> None:
    body = (
        para(run("Text (Lee, 2001) and (Kim, 2002) and (Roe, 2003)."))
        + para(run("References"), style="Heading1")
        + para(run("Lee, A. (2001). A made-up title. Journal, 1, 1-9."))
        + "<w:p>"
        + run("Kim, B. (2002). Another made-up title. Press.")
        + BR
        + run("Roe, C. (2003). A third made-up title. Journal, 2, 3-4.")
        + "</w:p>"
    )
    document = DocxReader().read(raw_docx(tmp_path / "b.docx", body))
    assert [e.text[:6] for e in document.reference_entries] == ["Lee, A", "Kim, B", "Roe, C"]
    assert [e.location.line for e in document.reference_entries] == [3, 4, 4]  # paragraphs


def test_lines_keep_paragraph_numbers_and_superscripts(tmp_path: Path) -> None:
    body = (
        "<w:p>" + run("First line") + run("12", SUP) + BR + run("second") + run("3", SUP) + "</w:p>"
        + "<w:p>" + run("before") + PAGE + run("after page break") + "</w:p>"
        + para(run("Third paragraph"))
    )  # fmt: skip
    lines = DocxReader().read(raw_docx(tmp_path / "l.docx", body)).lines
    assert [(ln.number, ln.text) for ln in lines] == [
        (1, "First line12"),
        (1, "second3"),
        (2, "before after page break"),
        (3, "Third paragraph"),
    ]
    assert [[ln.text[a:b] for a, b in ln.superscripts] for ln in lines[:2]] == [["12"], ["3"]]


def test_a_break_inside_an_address_starts_no_line(tmp_path: Path) -> None:
    body = (
        "<w:p>"
        + run("Lee, A. (2001). Report. https://x.org/files/")
        + BR
        + run("report.pdf")
        + "</w:p>"
    )
    lines = DocxReader().read(raw_docx(tmp_path / "u.docx", body)).lines
    assert [ln.text for ln in lines] == ["Lee, A. (2001). Report. https://x.org/files/ report.pdf"]


def test_an_entry_ending_in_an_address_then_a_break_then_a_new_entry(tmp_path: Path) -> None:
    body = (
        "<w:p>" + run("Lee, A. (2001). Report. https://doi.org/10.1/x") + BR
        + run("Kim, B. (2002). Book. Press.") + "</w:p>"
    )  # fmt: skip
    lines = DocxReader().read(raw_docx(tmp_path / "n.docx", body)).lines
    assert [ln.text[:6] for ln in lines] == ["Lee, A", "Kim, B"]
