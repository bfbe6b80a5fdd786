"""False-alarm classes found on 41 authors' manuscripts (benches/REAL_MANUSCRIPTS_4.md).

Every input here is made up; the class names (Y1, ZB, ...) are the table's. A class that
citeaudit still gets wrong is marked ``xfail(strict=True)``: its fix flips the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import AuditResult
from tests.manuscript.test_docx_reader import para, raw_docx, run
from tests.verdicts import uncited_and_missing

_BIB = (
    "@book{roe2001, author={Roe, Ann}, title={Stock in depots}, publisher={P}, year={2001}}\n"
    "@book{poe2004, author={Poe, Ben}, title={Lean depots}, publisher={P}, year={2004}}\n"
    "@book{zed2010, author={Zed, Cy}, title={Never cited}, publisher={P}, year={2010}}\n"
)


def _audit(*paths: Path) -> AuditResult:
    return audit(AuditInput.from_paths(list(paths)))


def _verdict(result: AuditResult) -> tuple[set[str], set[str], list[str]]:
    """(uncited entries as key or first 30 characters, missing citations, codes)."""
    uncited, missing = uncited_and_missing(result, 30, keyed=True)
    return uncited, missing, sorted(f.code for f in result.findings)


# --- Y1: YAML front matter whose keys are all indented still names the bibliography --


def test_y1_indented_front_matter_names_the_bibliography(tmp_path: Path) -> None:
    (tmp_path / "biblio.bib").write_text(_BIB, encoding="utf-8")
    rmd = tmp_path / "tesis.Rmd"
    rmd.write_text(
        "---\n"
        '  title: "Inventario de un taller"\n'
        "\n"
        '  author: "Autor Inventado"\n'
        "  output:\n"
        "    bookdown::pdf_document2: default\n"
        "      #toc: true\n"
        "\n"
        "  bibliography: biblio.bib\n"
        '  lang: "es"\n'
        "---\n\n"
        "# Introducción\n\n"
        "El inventario rota poco [@roe2001, pp. 14] y el almacén se ordena [@poe2004].\n\n"
        "# Referencia\n\n"
        "[^1]: Nota de ejemplo sin fuente.\n",
        encoding="utf-8",
    )
    uncited, missing, _ = _verdict(_audit(rmd))
    assert missing == set()
    assert uncited == {"zed2010"}


# --- ZB: typed entries under the heading, then Zotero's bibliography field -----------


_BIBL_BEGIN = (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> ADDIN ZOTERO_BIBL {"uncited":[]} '
    "CSL_BIBLIOGRAPHY </w:instrText></w:r>"
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
)


def test_zb_typed_entries_before_a_bibliography_field_are_entries(tmp_path: Path) -> None:
    # An ABNT entry with full given names and a long title: its year stands late.
    late_year = (
        "ESTRADA, Fernanda; GOMES, Tiago; MOURA, Luís-Pedro. Redistribuição sem "
        "distorção: evidência de um programa de ação afirmativa numa grande universidade "
        "de exemplo e os seus efeitos sobre o ingresso. Revista Exemplo de Economia, "
        "v. 129, n. 619, p. 1182–1220, 2019. Disponível em: https://example.org/e. "
        "Acesso em: 20 jun. 2023."
    )
    body = (
        para(
            run(
                "O acesso cresceu (ALVES, 2019; ESTRADA; GOMES; MOURA, 2019) e a evasão "
                "caiu (COSTA, 2021; DIAS, 2018)."
            )
        )
        + para(run("Referências"))
        + para()
        + para(run("ALVES, Ana. Acesso ao ensino. Brasília: Editora Exemplo, 2019."))
        + para()
        + para(run(late_year))
        + para()
        + f"<w:p>{_BIBL_BEGIN}</w:p>"
        + para(run("COSTA, Duda. Evasão no ensino superior. Revista Exemplo, v. 3, 2021."))
        + para()
        + para(run("DIAS, Eva. Ingresso centralizado. São Paulo: Exemplo, 2018."))
        + para()
        + para(run("ENES, Fabio. Obra nunca citada. Recife: Exemplo, 2017."))
        + '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    result = _audit(raw_docx(tmp_path / "artigo.docx", body))
    uncited, missing, _ = _verdict(result)
    assert len(result.data.references) == 5
    assert missing == set()
    assert len(uncited) == 1 and next(iter(uncited)).startswith("ENES")


# --- RC: raw LaTeX \cite{key} in Pandoc Markdown (passed through to LaTeX) ------------


def test_rc_raw_latex_cite_in_pandoc_markdown(tmp_path: Path) -> None:
    (tmp_path / "biblio.bib").write_text(_BIB, encoding="utf-8")
    md = tmp_path / "contenu.md"
    md.write_text(
        "---\nbibliography: biblio.bib\n---\n\n"
        "# Architecture\n\n"
        "Le monolithe reste courant \\cite{roe2001}.\n\n"
        "Les microservices le remplacent peu à peu \\citep[p.~3]{poe2004}.\n",
        encoding="utf-8",
    )
    uncited, missing, _ = _verdict(_audit(md))
    assert missing == set()
    assert uncited == {"zed2010"}


# --- NH: a typed numbered heading over the list ("5. References", "5. Kaynaklar") ---


_NH_BODY = (
    "Introduction\n\n"
    "Dashboards help readers (Wang, 2015). Maps help more (Murray, 2017).\n\n"
    "{heading}\n\n"
    "Murray, S. (2017). Interactive maps for the web. Example Media.\n\n"
    "Wang, L. (2015). Big data and pictures. Example Technologies, 1(1), 33-38.\n"
)


@pytest.mark.parametrize("heading", ["5. References", "5. Kaynaklar"])
def test_nh_numbered_list_heading(tmp_path: Path, heading: str) -> None:
    txt = tmp_path / "report.txt"
    txt.write_text(_NH_BODY.format(heading=heading), encoding="utf-8")
    result = _audit(txt)
    uncited, missing, _ = _verdict(result)
    assert len(result.data.references) == 2
    assert (uncited, missing) == (set(), set())


# --- CH: Citavi's bibliography control opens with its own (numbered) heading --------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CITAVI_STYLES = (
    f'<w:styles xmlns:w="{_W}">'
    '<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="CitaviBibliographyHeading">'
    '<w:name w:val="Citavi Bibliography Heading"/><w:basedOn w:val="berschrift1"/></w:style>'
    "</w:styles>"
)
_NUMBERING = (
    f'<w:numbering xmlns:w="{_W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
    '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)


def test_ch_numbered_heading_inside_a_citavi_bibliography(tmp_path: Path) -> None:
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        "<w:r><w:instrText>ADDIN CitaviBibliography</w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    body = (
        para(run("Einleitung"), style="berschrift1")
        + para(run("Die Kurse streuen stark, wie frühere Arbeiten zeigen (Anders 2015)."))
        + para(run("Einfache Modelle helfen dabei oft mehr als tiefe Netze (Bell 1961)."))
        + para(run("Fazit"), style="berschrift1")
        + para(run("Ein kleines Modell genügt für diesen Wettbewerb."))
        + '<w:sdt><w:sdtPr><w:tag w:val="CitaviBibliography"/></w:sdtPr><w:sdtContent>'
        + '<w:p><w:pPr><w:pStyle w:val="CitaviBibliographyHeading"/></w:pPr>'
        + f"{begin}{run('References')}</w:p>"
        + para(run("Anders, J. (2015). Holiday data from a made-up fund. Example Press."))
        + f"<w:p>{run('Bell, R. (1961). Adaptive made-up processes. Example Press.')}{end}</w:p>"
        + "</w:sdtContent></w:sdt>"
    )
    extra = {"word/styles.xml": _CITAVI_STYLES.encode(), "word/numbering.xml": _NUMBERING.encode()}
    result = _audit(raw_docx(tmp_path / "bachelorarbeit.docx", body, extra))
    assert [r.raw[:6] for r in result.data.references] == ["Anders", "Bell, "]
    assert [f.code for f in result.findings if f.code.startswith("CIT")] == []


# --- VS: a list grouped under sub-headings ("Tài liệu tiếng anh", "... từ internet") --


def test_vs_sub_headings_inside_a_numbered_list_are_no_entries(tmp_path: Path) -> None:
    tab = "<w:r><w:tab/></w:r>"
    body = (
        para(run("Mở đầu"))
        + para(run("Các công ty như Facebook [2] dùng Redis [3] để lưu phiên chơi."))
        + para(run("TÀI LIỆU THAM KHẢO"))
        + para(run("Tài liệu tiếng anh"))
        + para(run("[1]"), tab, run("Roger Roe (2015), Example game development, Beginner guide"))
        + para(run("[2]"), tab, run("Anna Poe, Ben Zed (2014), Example engine essentials"))
        + para(run("Tài liệu tham khảo từ internet"))
        + para(
            run("[3]"),
            tab,
            run("Redis commands, https://example.org/commands, truy cập 14/10/2015"),
        )
    )
    result = _audit(raw_docx(tmp_path / "baocao.docx", body))
    refs = {r.id: r for r in result.data.references}
    uncited = [refs[f.reference].raw for f in result.findings if f.code == "CIT001" and f.reference]
    assert len(result.data.references) == 3
    assert len(uncited) == 1 and "Roger Roe" in uncited[0]
    assert [f.code for f in result.findings if f.code == "CIT002"] == []


# --- ML: Markdown reference-style links "[text][1]" with "[1]: url" definitions ------


def test_ml_markdown_reference_links_cite_their_definitions(tmp_path: Path) -> None:
    md = tmp_path / "memoire.md"
    md.write_text(
        "# Algorithmes\n\n"
        "Nous comparons deux méthodes :\n\n"
        "- [Exemple-Q][1]\n"
        "- [Acteur-critique][2]\n\n"
        "# Sources\n\n"
        "[1]: https://example.org/papers/exemple-q.pdf\n\n"
        "[2]: https://example.org/papers/acteur-critique.pdf\n\n"
        "- https://example.org/papers/lecture-en-plus.pdf\n",
        encoding="utf-8",
    )
    result = _audit(md)
    refs = {r.id: r for r in result.data.references}
    uncited_raw = [
        refs[f.reference].raw
        for f in result.findings
        if f.rule == "uncited-reference" and f.reference
    ]
    codes = [f.code for f in result.findings]
    assert "CIT006" not in codes
    assert not any("exemple-q" in raw or "acteur-critique" in raw for raw in uncited_raw)


# --- IR: a full reference typed inside brackets in the text is no pointer to a list --


def test_ir_inline_full_reference_is_not_a_missing_citation(tmp_path: Path) -> None:
    md = tmp_path / "tesi.md"
    md.write_text(
        "# Reti neurali\n\n"
        "Nel 1986 fu proposto l'algoritmo di retropropagazione [A. Rossi, B. Verdi, "
        "C. Neri, Imparare rappresentazioni per esempi, Rivista Esempio, 1986]. "
        "L'algoritmo aggiorna i pesi strato per strato.\n",
        encoding="utf-8",
    )
    _, missing, _ = _verdict(_audit(md))
    assert missing == set()


# --- CA: citeproc's disambiguation by given name and second author -------------------


def test_ca_citeproc_disambiguation_names_the_second_author(tmp_path: Path) -> None:
    # citeproc (Chicago author-date) tells three Roe et al. 2000 apart by the given name
    # and the second author; the first work's second author is "C. Robert Poe".
    md = tmp_path / "review.md"
    md.write_text(
        "# Results\n\n"
        "Two trials enrolled early-onset patients ((Anna B. Roe, Poe, et al. 2000), "
        "(Anna B. Roe, Zed, et al. 2000)); a third did not (Anna B. Roe, Kim, and Ng "
        "2000).\n\n"
        "# References\n\n"
        "Roe, Anna B., C. Robert Poe, Dan Lee, and Eve Moss. 2000. “Age of Onset in a "
        "Made-up Trial.” Example Journal 2 (3): 10–19.\n\n"
        "Roe, Anna B., Fay Zed, Hal Oh, and Ida Wu. 2000. “Combining Two Made-up "
        "Drugs.” Example Journal 2 (4): 20–29.\n\n"
        "Roe, Anna B., Gil Kim, and Jo Ng. 2000. “A Third Made-up Trial.” Example Journal "
        "2 (5): 30–39.\n",
        encoding="utf-8",
    )
    uncited, missing, codes = _verdict(_audit(md))
    assert "CIT003" not in codes
    assert (uncited, missing) == (set(), set())


# --- X1: a one-letter surname cited as "(V, 2021)" -----------------------------------


def test_x1_one_letter_surname(tmp_path: Path) -> None:
    md = tmp_path / "tesis.md"
    md.write_text(
        "# Antecedentes\n\n"
        "El parque automotor crece cada año (V, 2021), sobre todo en reparto "
        "(Soto, 2019).\n\n"
        "# Referencias\n\n"
        "Soto, R. (2019). Reparto urbano de ejemplo. Editorial Ejemplo.\n\n"
        "V, M. G. (2021). El parque de autos se acelera. El Diario de Ejemplo, B2.\n",
        encoding="utf-8",
    )
    uncited, missing, _ = _verdict(_audit(md))
    assert (uncited, missing) == (set(), set())
