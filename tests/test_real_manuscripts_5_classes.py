"""False-alarm and lost-list classes found on authors' manuscripts (benches/REAL_MANUSCRIPTS_5.md).

Every input here is made up; the class names (NG, NS, AP, ...) are the table's. A class
that citeaudit still gets wrong is marked ``xfail(strict=True)``: its fix flips the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import AuditResult
from tests.manuscript.test_docx_reader import para, raw_docx, run
from tests.verdicts import uncited_and_missing

_BR = "<w:r><w:br/></w:r>"
_BOLD = "<w:b/>"

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


# --- NG: a list label glued to its entry ("1)https://...") ---------------------------


def test_ng_glued_label_keeps_the_lists_numbers(tmp_path: Path) -> None:
    body = (
        para(run("Birinci kaynak [1], sekizinci [8] ve dokuzuncu [9] kaynaklar."))
        + para(run("Kaynaklar"))
        + para(run("1)https://example.org/tez/440"))
        + para(run("8) https://example.org/scrum-cercevesi/"))
        + para(run("9) https://example.org/dergi/500096"))
    )
    result = _audit(raw_docx(tmp_path / "makale.docx", body))
    uncited, missing, _ = _verdict(result)
    assert (uncited, missing) == (set(), set())


# --- NS: one source under several numbers ("2,3,4) https://...") ---------------------


def test_ns_shared_label_names_every_number(tmp_path: Path) -> None:
    md = tmp_path / "makale.md"
    md.write_text(
        "Giris [1]. Model [3] ve ayrica [4]. Son olarak [5].\n\n"
        "## Kaynaklar\n\n"
        "1) https://example.org/tez/440\n\n"
        "2,3,4) https://example.org/handle/5761\n\n"
        "5) https://example.org/dergi/500096\n",
        encoding="utf-8",
    )
    result = _audit(md)
    uncited, missing, _ = _verdict(result)
    assert missing == set()
    assert uncited == set()


# --- AP: an appendix opened by a bold label paragraph right after the list ------------


def test_ap_appendix_label_paragraph_ends_the_list(tmp_path: Path) -> None:
    """'APÊNDICE A: ...' (a bold label in a body paragraph, no heading style) after the
    list was read as the list's last entry, 'never cited' (a Brazilian TCC)."""
    body = (
        para(run("O modelo segue o formato de histórias (COHN, 2009) e a norma (LIMA, 2018)."))
        + para(run("REFERÊNCIAS", _BOLD))
        + para(run("COHN, M. Histórias de usuário aplicadas. São Paulo: Exemplo, 2009."))
        + para()
        + para(run("LIMA, R. Requisitos ágeis. Revista Exemplo, v. 2, n. 1, 2018."))
        + para()
        + para(
            run("APÊNDICE A:", _BOLD),
            run(" Histórias no modelo de Cohn (2009) usadas na avaliação. "),
            run("historias.json"),
        )
        + para(run("["))
        + para(run('{ "idioma": "ptbr", "historia": "Eu como vendedor gostaria de ver" },'))
        + para(run('{ "idioma": "ptbr", "historia": "Eu como cliente gostaria de pagar" }'))
        + para(run("]"))
    )
    result = _audit(raw_docx(tmp_path / "tcc.docx", body))
    uncited, missing, _ = _verdict(result)
    assert len(result.data.references) == 2
    assert (uncited, missing) == (set(), set())


# --- KC: a knitr child named in another letter case than its file ---------------------


def test_kc_child_named_in_another_case(tmp_path: Path) -> None:
    (tmp_path / "rmd").mkdir()
    (tmp_path / "rmd" / "references.bib").write_text(_BIB, encoding="utf-8")
    (tmp_path / "rmd" / "intro.Rmd").write_text(
        "# Introduction\n\nLe stock tourne peu [@roe2001] et se range mal [@poe2004].\n",
        encoding="utf-8",
    )
    rmd = tmp_path / "manuscript.Rmd"
    rmd.write_text(
        "---\ntitle: Rapport\nbibliography: rmd/references.bib\n---\n\n"
        "```{r, child = 'rmd/intro.rmd'}\n```\n",
        encoding="utf-8",
    )
    uncited, _, _ = _verdict(_audit(rmd))
    assert "roe2001" not in uncited
    assert "poe2004" not in uncited


# --- FR: the "cite this version" line of a preprint's front matter --------------------


def test_fr_cite_this_version_line_is_no_citation(tmp_path: Path) -> None:
    body = (
        para(run("Standard reviews in example journals"))
        + para(run("Ann Roe"))
        + para(run("02 February 2020"))
        + para(
            run(
                "Ann Roe. (2020, January 22). Example-Org/Review-Example: 1.2 (Version "
                "1.2). Zenodo. http://doi.org/10.5281/zenodo.0000001."
            )
        )
        + para(run("Introduction"))
        + para(run("\u201cPeer review remains the gold standard.\u201d - Poe, 2012."))
        + para(run("Many journals exist Roe and Lee, 2019; open data help (Zed and Kay, 2016)."))
        + para(run("References"))
        + para(run("1. Poe, B., 2012. Peer review as a standard. Example Journal, 3(2), p.117."))
        + para(run("2. Zed, C. and Kay, D., 2016. Open data. Example Data, 3, p.160018."))
        + para(run("3. Roe, A. and Lee, D.R., 2019. Open access in examples. Example E, 22(2)."))
    )
    result = _audit(raw_docx(tmp_path / "manuscript.docx", body))
    uncited, missing, _ = _verdict(result)
    assert (uncited, missing) == (set(), set())


# --- RH: Russian list headings not known ("Используемая литература", "Перечень ссылок") -


@pytest.mark.parametrize("heading", ["Используемая литература", "Перечень ссылок"])
def test_rh_russian_list_headings(tmp_path: Path, heading: str) -> None:
    body = (
        para(run("Введение"), style="Heading1")
        + para(run("Транспортные потоки моделируются по-разному."))
        + para(run(heading), style="Heading1")
        + para(run("1. Иванов И. И. Теория транспортных потоков. М.: Пример, 2001."))
        + para(run("2. Петров П. П. Моделирование движения. СПб.: Пример, 2005."))
        + para(run("3. Roe A. The stochastic flow model, 2005."))
    )
    result = _audit(raw_docx(tmp_path / "vkr.docx", body))
    _, _, codes = _verdict(result)
    assert len(result.data.references) == 3
    assert codes.count("CIT001") == 3  # the body cites none of them


# --- HU: Hungarian list headings ("Irodalomjegyzék", "Hivatkozások") ---------------


@pytest.mark.parametrize(
    "heading",
    [
        "Irodalomjegyzék",
        "Hivatkozások",
        "Felhasznált irodalom",
        "Seznam použité literatury",
        "Seznam použitých zdrojů",
    ],
)
def test_hu_hungarian_list_headings(tmp_path: Path, heading: str) -> None:
    body = (
        para(run("Bevezetés"), style="Heading1")
        + para(run("A rendszer felépítése egyszerű (Kiss, 2001)."))
        + para(run(heading), style="Heading1")
        + para(run("Kiss, A. (2001). Első könyv. Budapest: Példa."))
        + para(run("Nagy, B. (2005). Második könyv. Budapest: Példa."))
    )
    result = _audit(raw_docx(tmp_path / "szakdolgozat.docx", body))
    uncited, missing, _ = _verdict(result)
    assert len(result.data.references) == 2
    assert missing == set()
    assert len(uncited) == 1 and next(iter(uncited)).startswith("Nagy")


# --- SL: prose, then an unheaded numbered list: the manuscript's own list -------------


def test_sl_prose_then_unheaded_list_is_a_manuscript(tmp_path: Path) -> None:
    """A short proposal -- prose paragraphs, then [1]..[n] with no heading and no
    citation -- was read as a file that is only a list: its never-cited entries went
    unreported (a Chinese 开题报告)."""
    prose = [
        "选题提出的背景",
        "在互联网技术快速发展的今天,时间与空间的局限被打破,信息的交流和使用频率不断提高。"
        "各地的信息发布仍然分散,居民难以及时获得所需的信息。"
        "因此,建设一个统一的综合信息发布系统越来越重要。",
        "研究的价值和意义",
        "综合信息发布服务能够让不同地区的信息实现分享与共建,实现资源互通和优化配置。"
        "它还可以降低信息传播的成本,提高基层管理的效率。",
        "研究的目标是设计一个可以试运行的综合信息发布系统,以区域为单位划分运营数据。",
    ]
    entries = [
        "[1]张伟.医院信息管理的应用策略[J].示例周刊,2023(02):71-73.",
        "[2]李华,王明.基于云服务器的管理信息系统设计[J].示例杂志,2022,46(06):625-628.",
        "[3]赵强.信息管理系统在企业中的应用[J].示例信息化,2022,25(22):107-109.",
        "[4]陈静.综合信息发布系统的设计与实现[D].示例大学,2012.",
    ]
    body = "".join(para(run(t)) for t in prose + entries)
    result = _audit(raw_docx(tmp_path / "proposal.docx", body))
    uncited, _, codes = _verdict(result)
    assert len(result.data.references) == 4
    assert "CIT006" in codes or len(uncited) == 4


# --- WF: Word's own source of a web page with a title only, cited as [n] -------------


def _site(tag: str, title: str, url: str) -> str:
    return (
        f"<b:Source><b:Tag>{tag}</b:Tag><b:SourceType>InternetSite</b:SourceType>"
        f"<b:Title>{title}</b:Title><b:YearAccessed>2022</b:YearAccessed>"
        f"<b:MonthAccessed>november</b:MonthAccessed><b:DayAccessed>07</b:DayAccessed>"
        f"<b:URL>{url}</b:URL></b:Source>"
    )


def test_wf_title_only_word_source_finds_its_entry(tmp_path: Path) -> None:
    """A Word source with a title and no author or year ("Exampress", a web page), shown
    as [2], beside a longer title opening alike ("Exampress statisztika"): both entries
    held the short title, so neither was linked -- "missing", and its IEEE entry
    "never cited" (a Hungarian szakdolgozat)."""
    from tests.manuscript.test_docx_citation_fields import complex_field
    from tests.manuscript.test_docx_word_citavi_fields import sdt, sources_part

    sources = sources_part(
        _site("Tool", "Boxvirt", "https://example.org/boxvirt/"),
        _site("Expr", "Exampress", "https://example.org/exampress/"),
        _site("ExprStat", "Exampress statisztika", "https://example.org/stats/cms"),
        _site("Repl", "Replication for Exampress", "https://exampress.example.org/"),
    )
    body = (
        para(run("A gépeket a Boxvirt "), sdt(complex_field(" CITATION Tool \\l 1038 ", "[1]")))
        + para(
            run("A honlaphoz az Exampress "),
            sdt(complex_field(" CITATION Expr \\l 1038 ", "[2]")),
            run(" rendszert ajánlották, amely elterjedt "),
            sdt(complex_field(" CITATION ExprStat \\l 1038 ", "[3]")),
            run(", és replikálható "),
            sdt(complex_field(" CITATION Repl \\l 1038 ", "[4]")),
            run("."),
        )
        + para(run("Irodalom"), style="Heading1")
        + para(
            run(
                "[1] „Boxvirt,” [Online]. Available: https://example.org/boxvirt/. "
                "[Hozzáférés dátuma: 06 november 2022]."
            )
        )
        + para(
            run(
                "[2] „Exampress,” [Online]. Available: https://example.org/exampress/. "
                "[Hozzáférés dátuma: 07 november 2022]."
            )
        )
        + para(
            run(
                "[3] „Exampress statisztika,” [Online]. Available: https://example.org/stats/cms. "
                "[Hozzáférés dátuma: 07 november 2022]."
            )
        )
        + para(
            run(
                "[4] „Replication for Exampress,” [Online]. Available: "
                "https://exampress.example.org/. [Hozzáférés dátuma: 07 november 2022]."
            )
        )
    )
    parts = {"customXml/item1.xml": sources}
    result = _audit(raw_docx(tmp_path / "szakdolgozat.docx", body, parts))
    uncited, missing, _ = _verdict(result)
    assert (uncited, missing) == (set(), set())


# --- LT: typed numbers "[1]" and a typed list in a LaTeX manuscript -------------------


def test_lt_typed_numbers_in_latex_cite_a_typed_list(tmp_path: Path) -> None:
    tex = tmp_path / "main.tex"
    tex.write_text(
        "\\documentclass{article}\n\\begin{document}\n"
        "Существование решения доказано в [1, гл.~II, \\S 4, п.~4.4], "
        "единственность следует из леммы [1, теорема 2б, глава IV, с.~188].\n\n"
        "\\section*{Список литературы}\n"
        "\\begin{enumerate}\n"
        "\\item Иванов И. И. Уравнения вязкой жидкости. --- М.: Пример, 1987. --- 409 с.\n"
        "\\item Петров П. П. Нелинейные краевые задачи. --- М.: Пример, 1972. --- 587 с.\n"
        "\\end{enumerate}\n\\end{document}\n",
        encoding="utf-8",
    )
    result = _audit(tex)
    uncited, _, codes = _verdict(result)
    assert len(result.data.references) == 2
    assert "CIT006" not in codes
    assert len(uncited) == 1 and "Петров" in next(iter(uncited))


# --- RL: Russian locator words inside a typed numeric citation ------------------------


def test_rl_russian_locator_words_in_numeric_citations(tmp_path: Path) -> None:
    md = tmp_path / "vkr.md"
    md.write_text(
        "Из неравенства следует оценка [1, теорема 2б, глава IV, с. 188], "
        "а метод описан в [2, глава III].\n\n"
        "## Список литературы\n\n"
        "1. Иванов И. И. Уравнения вязкой жидкости. М.: Пример, 1987. 409 с.\n\n"
        "2. Петров П. П. Нелинейные краевые задачи. М.: Пример, 1972. 587 с.\n",
        encoding="utf-8",
    )
    uncited, missing, _ = _verdict(_audit(md))
    assert (uncited, missing) == (set(), set())


# --- SH: a bilingual heading with a slash ("References/Referenties") ------------------


def test_sh_bilingual_slash_heading(tmp_path: Path) -> None:
    body = (
        para(run("Introduction"), style="Heading1")
        + para(run("According to Roe et al (2020), ownership matters (Poe &amp; Kay, 2011)."))
        + para(run("References/Referenties"), style="Heading1")
        + para(run("Poe, S., &amp; Kay, J. (2011). Ownership and reaction. J. Examples, 4-5."))
        + para(run("Roe, P., Lee, M., &amp; Hay, F. (2020). Circular examples. Ex. Review, 1-9."))
        + para(run("Zed, R. (2006). Never cited. Journal of Examples, 317-327."))
    )
    result = _audit(raw_docx(tmp_path / "thesis.docx", body))
    uncited, missing, _ = _verdict(result)
    assert missing == set()
    assert len(uncited) == 1 and next(iter(uncited)).startswith("Zed")


# --- RB: R Markdown built through LaTeX naming its .bib by a raw \bibliography{} -----


def test_rb_raw_bibliography_command_in_r_markdown(tmp_path: Path) -> None:
    (tmp_path / "ref.bib").write_text(_BIB, encoding="utf-8")
    rmd = tmp_path / "manuscript.Rmd"
    rmd.write_text(
        "---\ntitle: ' '\noutput:\n  bookdown::pdf_book:\n    citation_package: natbib\n"
        "biblio-style: unsrtnat\n---\n\n"
        "# Background\n\nDepots hold stock \\citep{roe2001}; lean depots hold less "
        "\\citep{poe2004}.\n\n\\bibliography{ref.bib}\n",
        encoding="utf-8",
    )
    uncited, _, codes = _verdict(_audit(rmd))
    assert "CIT002" not in codes
    assert uncited == {"zed2010"}


# --- CK: citations written by a code chunk (a kable table with escape = FALSE) -------


def test_ck_cite_commands_printed_by_a_chunk(tmp_path: Path) -> None:
    (tmp_path / "bibliography.bib").write_text(_BIB, encoding="utf-8")
    rmd = tmp_path / "manuscript.Rmd"
    rmd.write_text(
        "---\ntitle: Thesis\noutput: pdf_document\nbibliography: bibliography.bib\n---\n\n"
        "Methods are listed in the table below.\n\n"
        "```{r methods-table, echo = FALSE}\n"
        'Implementation <- c("depots \\\\cite{roe2001}", "lean \\\\cite{poe2004}")\n'
        "knitr::kable(data.frame(Implementation), escape = F)\n"
        "```\n",
        encoding="utf-8",
    )
    uncited, _, _ = _verdict(_audit(rmd))
    assert uncited == {"zed2010"}


# --- EY: an author-year citation whose year is empty, as pandoc printed it ------------


def test_ey_citation_with_an_empty_year(tmp_path: Path) -> None:
    body = (
        para(run("A exploração reduz a diversidade (CONDÉ T.M., ) em florestas manejadas."))
        + para(run("Os grupos seguem a literatura (MACPHERSON A.J, )."))
        + para(run("O modelo foi ajustado em R (MUTH; ORAVECZ, 2018)."))
        + para(run("REFERÊNCIAS"), style="Heading1")
        + para(run("CONDÉ T.M. Efeitos do manejo florestal sobre a diversidade. Revista Exemplo."))
        + para(run("MACPHERSON A.J. Seguindo as regras: uma simulação bioeconômica."))
        + para(run("MUTH, C.; ORAVECZ, Z. Regressão bayesiana amigável. Exemplo, v. 9, 2018."))
    )
    result = _audit(raw_docx(tmp_path / "manuscript.docx", body))
    uncited, _, codes = _verdict(result)
    assert len(result.data.citations) == 3
    assert uncited == set()
    assert "CIT006" not in codes


# --- VG: a numeric citation glued to a version number ("OpenCV 2.4.11[11]") ---------


def test_vg_numeric_citation_after_a_version_number(tmp_path: Path) -> None:
    md = tmp_path / "praca.md"
    md.write_text(
        "Do przetwarzania wybrano bibliotekę OpenCV 2.4.11[2]. Model opisano w [1].\n\n"
        "## Bibliografia\n\n"
        "[1] A. Nowak, “Tytuł pierwszy,” Przykład, 2010.\n\n"
        "[2] B. Kowal, “OpenCV w praktyce,” Przykład, 2015.\n",
        encoding="utf-8",
    )
    uncited, missing, _ = _verdict(_audit(md))
    assert (uncited, missing) == (set(), set())


# --- EH: entries typed in a heading style (Heading 3, bold switched off) -------------


def test_eh_entries_in_a_heading_style(tmp_path: Path) -> None:
    """A master thesis whose list entries wear the style of the list's own heading
    (Heading 3, numbered, bold switched off): each entry was a heading, so the list
    ended at its first entry and was empty -- every author-year citation "missing"."""
    h3 = "Heading3"
    body = (
        para(run("Introduction"), style="Heading1")
        + para(run("According to Roe et al. (2020), ownership matters (Poe &amp; Kay, 2011)."))
        + para(run("References"), style=h3)
        + para(
            run("Poe, S., &amp; Kay, J. (2011). Ownership and reaction: the endowment effect "),
            run("in examples. Journal of Examples, 439-452."),
            style=h3,
        )
        + para(
            run("Roe, P., Lee, M., &amp; Hay, F. (2020). The circular example handbook: "),
            run("realizing the example advantage. Example Press."),
            style=h3,
        )
        + para(
            run("Zed, R. (2006). The value increment of example products: an empirical "),
            run("assessment. Journal of Examples, 317-327."),
            style=h3,
        )
        + para(run("Appendix"), style="Heading1")
        + para(run("The questionnaire used in the study is given below in full."))
    )
    result = _audit(raw_docx(tmp_path / "thesis.docx", body))
    uncited, missing, _ = _verdict(result)
    assert len(result.data.references) == 3
    assert missing == set()
    assert len(uncited) == 1 and next(iter(uncited)).startswith("Zed")


# --- CY: a knitr child's own front matter names the .bib as its parent does ----------


def test_cy_child_front_matter_names_the_parents_bibliography(tmp_path: Path) -> None:
    (tmp_path / "rmd").mkdir()
    (tmp_path / "rmd" / "references.bib").write_text(_BIB, encoding="utf-8")
    (tmp_path / "rmd" / "intro.Rmd").write_text(
        "---\ntitle: Introduction\nbibliography: rmd/references.bib\n---\n\n"
        "Le stock tourne peu [@roe2001] et se range mal [@poe2004].\n",
        encoding="utf-8",
    )
    rmd = tmp_path / "manuscript.Rmd"
    rmd.write_text(
        "---\ntitle: Rapport\nbibliography: rmd/references.bib\n---\n\n"
        "```{r, child = 'rmd/intro.Rmd'}\n```\n",
        encoding="utf-8",
    )
    uncited, missing, codes = _verdict(_audit(rmd))
    assert "INP001" not in codes
    assert (uncited, missing) == ({"zed2010"}, set())


# --- ST: a section's title with a year, in parentheses in a checklist table ----------


def test_st_own_section_title_with_a_year_is_no_citation(tmp_path: Path) -> None:
    (tmp_path / "ref.bib").write_text(_BIB, encoding="utf-8")
    rmd = tmp_path / "manuscript.Rmd"
    rmd.write_text(
        "---\ntitle: Study\nbibliography: ref.bib\n---\n\n"
        "# Methods\n\nDepots hold stock [@roe2001] and lean ones less [@poe2004].\n\n"
        "## External Validation on EXS 2022\n\nThe model was validated on a later survey.\n\n"
        "# Checklist\n\n"
        "| Item | Topic | Section |\n|---|---|---|\n"
        "| 21 | Generalisability | Discussion (External Validation on EXS 2022) |\n",
        encoding="utf-8",
    )
    uncited, missing, _ = _verdict(_audit(rmd))
    assert (uncited, missing) == ({"zed2010"}, set())
