"""A Word document hands the audit a bounded amount of text, whatever its ZIP holds.

A text upload is bounded by its bytes; a .docx is compressed, so a 234 KB upload
unpacked to 30 MB of one paragraph (40 s of a worker's CPU, linear but unbounded by
the upload's size), and each footnote and endnote was a line past the body's
`MAX_LINES`. One budget (`docx_budget`) now covers the body and then the notes:
lines and characters. Counted output, not time: the caps are lowered here so the
documents stay small.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from citeaudit.manuscript import docx, docx_budget
from citeaudit.manuscript.docx import DocxReader

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CHARS = 10_000
LINES = 50


def _paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _notes(kind: str, count: int) -> str:
    notes = "".join(
        f'<w:{kind} w:id="{i + 1}">{_paragraph(f"Note {i} (Chen, 2018).")}</w:{kind}>'
        for i in range(count)
    )
    return f'<?xml version="1.0"?><w:{kind}s xmlns:w="{W}">{notes}</w:{kind}s>'


def write_docx(path: Path, paragraphs: list[str], notes: int = 0) -> Path:
    body = "".join(_paragraph(p) for p in paragraphs)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>',
        )
        if notes:
            archive.writestr("word/footnotes.xml", _notes("footnote", notes))
            archive.writestr("word/endnotes.xml", _notes("endnote", notes))
    return path


@pytest.fixture
def small_caps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_budget, "MAX_TEXT_CHARS", CHARS)
    monkeypatch.setattr(docx, "MAX_LINES", LINES)


def _read(path: Path) -> tuple[int, int, list[str]]:
    document, problems = DocxReader().read_with_problems(path)
    chars = sum(len(line.text) for line in document.lines)
    chars += sum(len(entry.text) for entry in document.reference_entries)
    return chars, len(document.lines), [p.message for p in problems]


def test_paragraphs_past_the_characters_are_not_read(tmp_path: Path, small_caps: None) -> None:
    path = write_docx(tmp_path / "a.docx", ["As Smith (2020) shows. " * 40] * 20)  # 18,400
    chars, _, problems = _read(path)
    assert chars <= CHARS
    assert sum("characters, were read" in p for p in problems) == 1


def test_one_paragraph_past_the_characters_is_cut(tmp_path: Path, small_caps: None) -> None:
    path = write_docx(tmp_path / "a.docx", ["word (Chen, 2018) " * 3000])  # 54,000
    chars, lines, problems = _read(path)
    assert CHARS - 20 <= chars <= CHARS and lines == 1
    assert sum("characters, were read" in p for p in problems) == 1


def test_notes_count_against_the_line_cap(tmp_path: Path, small_caps: None) -> None:
    path = write_docx(tmp_path / "a.docx", ["Text (Chen, 2018)."] * 10, notes=200)
    _, lines, problems = _read(path)
    assert lines <= LINES  # 410 before: every note a line past the cap
    assert sum("paragraphs and notes" in p for p in problems) == 1


def test_notes_count_against_the_characters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(docx_budget, "MAX_TEXT_CHARS", 2_000)
    path = write_docx(tmp_path / "a.docx", ["Text (Chen, 2018)."] * 10, notes=200)
    chars, _, problems = _read(path)
    assert chars <= 2_000
    assert sum("characters, were read" in p for p in problems) == 1


def test_a_real_sized_document_reads_whole(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "a.docx", ["As Smith (2020) shows. " * 40] * 20, notes=30)
    chars, lines, problems = _read(path)
    assert lines == 20 + 60 and chars > 18_000
    assert problems == []
