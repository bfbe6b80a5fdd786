"""Table-note superscripts are not superscript citations (issue 12)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.docx import DocxReader
from tests.manuscript.test_docx_reader import SUP, para, raw_docx, run


def cell(*runs: str) -> str:
    return f"<w:tc>{para(*runs)}</w:tc>"


def test_table_note_markers_lose_their_superscript(tmp_path: Path) -> None:
    table = (
        "<w:tbl><w:tr>"
        + cell(run("Characteristic"))
        + cell(run("N = 7,152"), run("1", SUP))
        + cell(run("p-value"), run("2", SUP))
        + "</w:tr></w:tbl>"
    )
    body = (
        para(run("Shock was common in older patients"), run("3", SUP), run("."))
        + table
        + para(run("1", SUP), run("Median (Q1, Q3); n (%)"))
        + para(run("2", SUP), run("Wilcoxon rank sum test"))
        + para(run("As seen before (28), delays matter"), run("4", SUP), run("."))
    )
    lines = DocxReader().read(raw_docx(tmp_path / "t.docx", body)).lines
    marked = {ln.text: [ln.text[a:b] for a, b in ln.superscripts] for ln in lines}
    assert marked["Shock was common in older patients3."] == ["3"]  # a citation stays
    assert marked["N = 7,1521"] == []
    assert marked["p-value2"] == []
    assert marked["1Median (Q1, Q3); n (%)"] == []
    assert marked["As seen before (28), delays matter4."] == ["4"]


def test_prose_above_the_table_keeps_a_matching_superscript(tmp_path: Path) -> None:
    prose = "A long paragraph of prose that " + "keeps going " * 10
    body = (
        para(run(prose), run("1", SUP))
        + para(run("Cell"), run("1", SUP))
        + para(run("1", SUP), run("A table note."))
    )
    lines = DocxReader().read(raw_docx(tmp_path / "p.docx", body)).lines
    assert [len(ln.superscripts) for ln in lines] == [1, 0, 0]
