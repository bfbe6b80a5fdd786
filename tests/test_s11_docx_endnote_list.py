"""Class EN: a Word manuscript that keeps its reference list as endnotes -- each numbered
endnote is an entry, the body carries only the endnote marks (typed "[", the mark, "]"
in a Chinese thesis; a superscript mark in an English paper). The list was not found:
"N citations but no reference list" (CIT002), and the marks were no citations. Endnotes
that read as a list (most of them open as an entry and carry a year) are the list, in
the notes' order, and each mark cites the entry Word numbers with it. Endnotes of
commentary stay notes, and a list under a heading in the body stays the list."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import AuditResult
from citeaudit.manuscript.docx import DocxReader
from tests.manuscript.test_docx_reader import SUP, W, para, raw_docx
from tests.manuscript.test_docx_reader import run as raw_run
from tests.verdicts import uncited_and_missing


def run(text: str, props: str = "") -> str:
    return raw_run(escape(text), props)


def mark(note: int, superscript: bool = False) -> str:
    """Word's endnote reference mark (Word draws the number)."""
    props = SUP if superscript else ""
    return f'<w:r><w:rPr>{props}</w:rPr><w:endnoteReference w:id="{note}"/></w:r>'


def endnotes(texts: list[str]) -> bytes:
    """endnotes.xml: each note opens with its own mark, as Word writes it."""
    separators = (
        '<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:endnote><w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:endnote>"
    )
    notes = "".join(
        f'<w:endnote w:id="{i}"><w:p><w:r><w:endnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {escape(t)}</w:t></w:r></w:p></w:endnote>'
        for i, t in enumerate(texts, start=1)
    )
    return f'<w:endnotes xmlns:w="{W}">{separators}{notes}</w:endnotes>'.encode()


def _audit(path: Path) -> AuditResult:
    return audit(AuditInput.from_paths([path]))


_CHINESE = [
    "王明. 人口迁移研究[J]. 地理学报, 2010, 3: 1-9.",
    "李华. 空间统计方法[M]. 北京: 科学出版社, 2012.",
    "赵强. 迁移模型比较[J]. 人口研究, 2014, 2: 5-9.",
]

_ENGLISH = [
    "Roe M, Poe K. Measuring small rivers. J Hydrol. 2019;12:1-9.",
    "Lima A, Costa R. Flood peaks in dry valleys. Water Res. 2008;4:22-30.",
    "Okafor T. Sediment in reservoirs. Hydrol Sci J. 2015;60:101-118.",
]


def test_chinese_thesis_with_bracketed_endnote_marks(tmp_path: Path) -> None:
    body = (
        para(run("一、引言"), style="Heading1")
        + para(run("人口迁移受多种因素影响["), mark(1), run("]。"))
        + para(run("空间统计方法被广泛使用["), mark(2), run("]，模型比较见["), mark(3), run("]。"))
    )
    path = raw_docx(tmp_path / "lunwen.docx", body, {"word/endnotes.xml": endnotes(_CHINESE)})
    document = DocxReader().read(path)
    assert len(document.reference_entries) == 3
    assert "王明" in document.reference_entries[0].text
    uncited, missing = uncited_and_missing(_audit(path), 12)
    assert (uncited, missing) == (set(), set())


def test_english_paper_with_superscript_endnote_marks(tmp_path: Path) -> None:
    body = (
        para(run("Introduction"), style="Heading1")
        + para(
            run("Small rivers are hard to gauge."),
            mark(1, True),
            run(" Peaks vary."),
            mark(2, True),
        )
        + para(run("Reservoirs fill with sediment."), mark(3, True))
    )
    path = raw_docx(tmp_path / "paper.docx", body, {"word/endnotes.xml": endnotes(_ENGLISH)})
    result = _audit(path)
    assert len(result.data.references) == 3
    assert not any(f.code == "CIT002" for f in result.findings)
    uncited, _ = uncited_and_missing(result, 12)
    assert uncited == set()


def test_author_date_citations_find_the_endnote_list(tmp_path: Path) -> None:
    entries = [
        "Roe, M. (2019). Measuring small rivers. Journal of Hydrology, 12, 1-9.",
        "Lima, A., & Costa, R. (2008). Flood peaks in dry valleys. Water Research, 4, 22-30.",
        "Okafor, T. (2015). Sediment in reservoirs. Hydrological Sciences, 60, 101-118.",
    ]
    body = (
        para(run("Methods"), style="Heading1")
        + para(run("Gauging follows Roe (2019)."), mark(1, True))
        + para(run("Peaks vary (Lima & Costa, 2008)."), mark(2, True))
        + para(run("Sediment builds up (Okafor, 2015)."), mark(3, True))
    )
    path = raw_docx(tmp_path / "apa.docx", body, {"word/endnotes.xml": endnotes(entries)})
    result = _audit(path)
    assert len(result.data.references) == 3
    assert not any(f.code == "CIT002" for f in result.findings)
    assert uncited_and_missing(result, 12) == (set(), set())


def test_endnotes_of_commentary_stay_notes(tmp_path: Path) -> None:
    notes = [
        "The survey was run twice; see the second chapter for the details.",
        "We thank the gauging station staff for their help.",
        "Values are rounded to the nearest metre.",
    ]
    body = para(run("Rivers rise in spring."), mark(1, True)) + para(
        run("Staff helped."), mark(2, True), run(" Rounded."), mark(3, True)
    )
    path = raw_docx(tmp_path / "notes.docx", body, {"word/endnotes.xml": endnotes(notes)})
    document = DocxReader().read(path)
    assert document.reference_entries == ()
    assert [line.text for line in document.lines if line.file.endswith("#endnotes")] == notes


def test_a_body_list_stays_the_list_beside_endnotes(tmp_path: Path) -> None:
    body = (
        para(run("Rivers rise (Roe, 2019)."), mark(1, True))
        + para(run("References"), style="Heading1")
        + para(run("Roe, M. (2019). Measuring small rivers. Journal of Hydrology, 12, 1-9."))
    )
    notes = ["Lima, A. (2008). Flood peaks. Water Research, 4, 22-30."]
    path = raw_docx(tmp_path / "both.docx", body, {"word/endnotes.xml": endnotes(notes)})
    document = DocxReader().read(path)
    assert [e.text[:4] for e in document.reference_entries] == ["Roe,"]


def _titled_note(title: str, entries: list[str]) -> bytes:
    paragraphs = (
        '<w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
        f"{escape(title)}</w:t></w:r></w:p>"
    )
    paragraphs += "".join(f"<w:p>{run(e)}</w:p>" for e in entries)
    return (
        f'<w:endnotes xmlns:w="{W}"><w:endnote w:id="1">{paragraphs}</w:endnote></w:endnotes>'
    ).encode()


def test_one_references_endnote_holds_the_list(tmp_path: Path) -> None:
    for title, entries, cited in [
        (
            "References",
            [
                "Roe, M. (2019). Measuring small rivers. Journal of Hydrology, 12, 1-9.",
                "Lima, A. (2008). Flood peaks in dry valleys. Water Research, 4, 22-30.",
            ],
            "Gauging follows Roe (2019) and Lima (2008).",
        ),
        (
            "Literaturverzeichnis",
            [
                "Weber, K. (2015). Flüsse messen. Berlin: Beispielverlag.",
                "Zorn, L. (2011). Hochwasser im Tal. München: Musterverlag.",
            ],
            "Die Messung folgt Weber (2015) und Zorn (2011).",
        ),
    ]:
        body = para(run(cited), mark(1, True))
        path = raw_docx(
            tmp_path / "t.docx", body, {"word/endnotes.xml": _titled_note(title, entries)}
        )
        result = _audit(path)
        assert [r.raw for r in result.data.references] == entries
        assert uncited_and_missing(result, 12) == (set(), set())
