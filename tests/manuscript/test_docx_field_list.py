"""Reference lists around a manager's field, split entries, Word's own bibliography block,
lists laid out as tables, and a title block's affiliation marks (review of real Word
manuscripts). Every document is made up here, in the shapes the real ones had."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.docx import DocxReader
from citeaudit.manuscript.docx_field_list import is_continuation
from tests.manuscript.test_docx_reader import SUP, para, raw_docx
from tests.manuscript.test_docx_reader import run as raw_run


def run(text: str, props: str = "") -> str:
    return raw_run(escape(text), props)


ZOTERO = " ADDIN ZOTERO_BIBL {&quot;uncited&quot;:[]} CSL_BIBLIOGRAPHY "


def field(entries: list[str], instruction: str = ZOTERO) -> str:
    """A bibliography field whose result is one paragraph per entry, as Zotero writes."""
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{instruction}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    out = []
    for k, text in enumerate(entries):
        out.append(
            para((begin if k == 0 else "") + run(text) + (end if k == len(entries) - 1 else ""))
        )
    return "".join(out)


MANAGED = [
    "Okonkwo, C. (2018). A made-up study of rivers. Journal of Water, 3(2), 10-20.",
    "Pereira, L., & Tan, W. (2020). Another invented paper. Hydrology Letters, 7, 1-9.",
]
TYPED_ABOVE = "Abara, F. (2015). A report typed by hand. Ministry Press."
TYPED_BELOW = "Zwane, T. (2021). Added after the field. Local Review, 2, 44-50."


def _text(*citations: str) -> str:
    return para(run(f"Rivers change ({'; '.join(citations)})."))


def test_typed_entries_above_and_below_the_field_are_in_the_list(tmp_path: Path) -> None:
    body = (
        _text("Abara, 2015", "Okonkwo, 2018", "Pereira & Tan, 2020", "Zwane, 2021")
        + para(run("References"), style="Heading1")
        + para(run(TYPED_ABOVE))
        + field(MANAGED)
        + para(run(""))
        + para(run(TYPED_BELOW))
        + para(run("Appendix A"), style="Heading1")
        + para(run("Table A1 shows the data collected in 2019 at each site."))
    )
    path = raw_docx(tmp_path / "z.docx", body)
    document = DocxReader().read(path)
    assert [e.text for e in document.reference_entries] == [TYPED_ABOVE, *MANAGED, TYPED_BELOW]
    assert not any(line.text == TYPED_ABOVE for line in document.lines)
    report = audit(AuditInput.from_paths([path]))
    assert not [f for f in report.findings if f.code in ("CIT001", "CIT002")]


def test_body_before_a_headless_field_stays_body(tmp_path: Path) -> None:
    last_words = "Tan, W. (2020) reported the same rivers; we agree with this view."
    body = _text("Okonkwo, 2018") + para(run(last_words)) + field(MANAGED)
    document = DocxReader().read(raw_docx(tmp_path / "h.docx", body))
    assert [e.text for e in document.reference_entries] == MANAGED
    assert any(line.text == last_words for line in document.lines)


def test_closing_prose_after_the_field_is_not_an_entry(tmp_path: Path) -> None:
    remark = (
        "We thank the people of the valley, who were generous with their time and who "
        "have shared what they knew about the rivers since 2010."
    )
    body = (
        _text("Okonkwo, 2018")
        + para(run("References"), style="Heading1")
        + field(MANAGED)
        + para(run(remark))
    )
    document = DocxReader().read(raw_docx(tmp_path / "c.docx", body))
    assert [e.text for e in document.reference_entries] == MANAGED


def test_an_entry_split_over_two_paragraphs_is_one_entry(tmp_path: Path) -> None:
    first = "Ngata, R., & Hale, P. (2017). A made-up title that runs on and"
    rest = "on across a typed paragraph break. Journal of Lakes, 4, 1-8."
    doi_rest = "https://doi.org/10.1234/made.up.5"
    other = "Hale, P. (2019). Second invented work. Lake Press."
    body = (
        _text("Ngata & Hale, 2017", "Hale, 2019")
        + para(run("References"), style="Heading1")
        + para(run(first))
        + para(run(rest))
        + para(run(other))
        + para(run(doi_rest))
    )
    path = raw_docx(tmp_path / "s.docx", body)
    entries = [e.text for e in DocxReader().read(path).reference_entries]
    assert entries == [f"{first} {rest}", f"{other} {doi_rest}"]
    report = audit(AuditInput.from_paths([path]))
    assert not [f for f in report.findings if f.code in ("CIT001", "CIT002")]


def test_what_opens_a_continuation_and_what_opens_an_entry() -> None:
    for rest in ("and more title words. J Hydrol, 2.", "45-67.", "12(3): 4-9.", "doi:10.1/x"):
        assert is_continuation(rest), rest
    for entry in (
        "van der Berg, J. (2001). Dikes. Delft.",
        "de Souza AB, Lima C. Rios. Rev Bras. 2003;2:1-4.",
        "Okafor, N. (2010). Title.",
        "[3] Lee K. Title. 2001.",
        "eMarketer (2020). A report.",
    ):
        assert not is_continuation(entry), entry


def test_words_built_in_bibliography_block_heading_is_not_an_entry(tmp_path: Path) -> None:
    block = (
        "<w:sdt><w:sdtPr><w:docPartObj>"
        '<w:docPartGallery w:val="Bibliographies"/><w:docPartUnique/>'
        "</w:docPartObj></w:sdtPr><w:sdtContent>"
        + para(run("Daftar Pustaka"), style="Heading1")
        + field(MANAGED, " BIBLIOGRAPHY ")
        + "</w:sdtContent></w:sdt>"
    )
    body = _text("Okonkwo, 2018", "Pereira & Tan, 2020") + block
    document = DocxReader().read(raw_docx(tmp_path / "b.docx", body))
    assert [e.text for e in document.reference_entries] == MANAGED
    assert document.reference_heading is not None
    assert document.reference_heading.line == 2


def _row(*cells: str) -> str:
    return "<w:tr>" + "".join(f"<w:tc>{para(run(c))}</w:tc>" for c in cells) + "</w:tr>"


def test_a_list_laid_out_as_a_number_and_entry_table_is_read_row_by_row(tmp_path: Path) -> None:
    entries = [f"Author{n} A. A made-up title {n}. J Test. 20{n:02d};{n}:1-9." for n in (1, 2, 3)]
    table = "<w:tbl>" + "".join(_row(f"[{n}]", e) for n, e in enumerate(entries, 1)) + "</w:tbl>"
    body = para(run("As shown [1], [2] and [3].")) + para(run("References"), style="Heading1")
    document = DocxReader().read(raw_docx(tmp_path / "t.docx", body + table))
    assert [e.text for e in document.reference_entries] == [
        f"[{n}] {e}" for n, e in enumerate(entries, 1)
    ]


def test_a_number_cell_of_a_data_table_stays_its_own_cell(tmp_path: Path) -> None:
    table = "<w:tbl>" + _row("1", "Sandy soil") + _row("2", "") + _row("3", "Clay") + "</w:tbl>"
    lines = DocxReader().read(raw_docx(tmp_path / "d.docx", table)).lines
    assert [(line.number, line.text) for line in lines] == [
        (1, "1"),
        (2, "Sandy soil"),
        (3, "2"),
        (4, ""),
        (5, "3"),
        (6, "Clay"),
    ]


def test_a_title_blocks_affiliation_marks_are_no_citations(tmp_path: Path) -> None:
    refs = "".join(
        para(run(f"[{n}] Author{n} A. Invented title {n}. J Test. 2001;{n}:1-2."))
        for n in range(1, 6)
    )
    body = (
        para(run("Rivers of the made-up valley"))
        + para(run("Ana Lima"), run("1,2", SUP), run(", Jon Berg"), run("3", SUP))
        + para(run("1", SUP), run("Department of Rivers, Invented University"))
        + para(run("3", SUP), run("Institute of Lakes, Nowhere"))
        + para(run("Abstract"), style="Heading1")
        + para(run("Rivers change"), run("4", SUP), run(" and so do lakes"), run("5", SUP))
        + para(run("References"), style="Heading1")
        + refs
    )
    document = DocxReader().read(raw_docx(tmp_path / "a.docx", body))
    marked = [line.text[a:b] for line in document.lines for a, b in line.superscripts]
    assert marked == ["4", "5"]


def test_without_an_abstract_heading_the_first_prose_ends_the_title_block(
    tmp_path: Path,
) -> None:
    prose = " ".join(["Rivers carry water and sediment to the sea"] * 6)
    body = para(run("Jon Berg"), run("1", SUP)) + para(run(prose), run("2", SUP))
    document = DocxReader().read(raw_docx(tmp_path / "p.docx", body))
    assert [[line.text[a:b] for a, b in line.superscripts] for line in document.lines] == [
        [],
        ["2"],
    ]


def test_the_next_chapters_title_typed_into_the_fields_last_paragraph_is_no_entry(
    tmp_path: Path,
) -> None:
    body = (
        _text("Okonkwo, 2018", "Pereira & Tan, 2020")
        + para(run("Daftar Pustaka"), style="Heading1")
        + field([*MANAGED, "RIWAYAT HIDUP PENULIS"])
        + para(run("Nama: Ana Lima, lahir 1997"))
    )
    document = DocxReader().read(raw_docx(tmp_path / "t.docx", body))
    assert [e.text for e in document.reference_entries] == MANAGED
    assert any(line.text == "RIWAYAT HIDUP PENULIS" for line in document.lines)


def test_two_bracket_numbered_entries_in_one_paragraph_are_two_entries(tmp_path: Path) -> None:
    body = (
        para(run("As shown [1], [2] and [3]."))
        + para(run("References"), style="Heading1")
        + para(run("[1] Lee K. A made-up title. J Test. 1979;2:1-4. [2]Okafor N. Another. 2001."))
        + para(run("[3] Tan W. On the list [4] of things. J Test. 2003;1:5."))
    )
    path = raw_docx(tmp_path / "r.docx", body)
    entries = [e.text for e in DocxReader().read(path).reference_entries]
    assert entries == [
        "[1] Lee K. A made-up title. J Test. 1979;2:1-4.",
        "[2]Okafor N. Another. 2001.",
        "[3] Tan W. On the list [4] of things. J Test. 2003;1:5.",
    ]
    report = audit(AuditInput.from_paths([path]))
    assert not [f for f in report.findings if f.code in ("CIT001", "CIT002")]
