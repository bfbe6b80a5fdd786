"""False-alarm and lost-check classes found on authors' manuscripts (benches/REAL_MANUSCRIPTS_6.md).

Every input here is made up; the class names (LI, TD, VY, ...) are the table's. A class
that citeaudit still gets wrong is marked ``xfail(strict=True)``: its fix flips the test.
"""

from __future__ import annotations

from pathlib import Path

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


# --- LI: \lstinline with an optional argument inside a macro definition ---------------


def test_li_lstinline_with_options_keeps_the_citations(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(_BIB, encoding="utf-8")
    (tmp_path / "preamble.tex").write_text(
        "\\usepackage{listings}\n\\newcommand{\\code}[1]{\\lstinline[style=inline]!#1!}\n",
        encoding="utf-8",
    )
    tex = tmp_path / "arbeit.tex"
    tex.write_text(
        "\\documentclass{article}\n\\input{preamble}\n\\begin{document}\n"
        "Die Depots wurden zuerst von Roe beschrieben~\\cite{roe2001}, das Verfahren\n"
        "\\code{lean()} stammt von Poe~\\cite{poe2004}.\n"
        "\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n",
        encoding="utf-8",
    )
    uncited, missing, _ = _verdict(_audit(tex))
    assert (uncited, missing) == ({"zed2010"}, set())


# --- TD: \input of a file of the TeX distribution -------------------------------------


def test_td_input_of_a_distribution_file_is_no_missing_file(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(_BIB, encoding="utf-8")
    tex = tmp_path / "memoire.tex"
    tex.write_text(
        "\\documentclass[12pt]{report}\n\\makeatletter\n\\input{size10.clo}\n\\makeatother\n"
        "\\begin{document}\nLes entrepots sont decrits par Roe~\\cite{roe2001} et Poe~"
        "\\cite{poe2004}.\n\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n",
        encoding="utf-8",
    )
    result = _audit(tex)
    uncited, missing, codes = _verdict(result)
    assert "INP001" not in codes
    assert (uncited, missing) == ({"zed2010"}, set())


def test_td_a_missing_project_file_still_stops_the_check(tmp_path: Path) -> None:
    """The guard for TD's fix: a chapter the project lacks is still said, as LaTeX stops."""
    (tmp_path / "refs.bib").write_text(_BIB, encoding="utf-8")
    tex = tmp_path / "memoire.tex"
    tex.write_text(
        "\\documentclass{report}\n\\begin{document}\n\\input{chapitre1}\n"
        "Voir Roe~\\cite{roe2001}.\n\\bibliographystyle{plain}\n\\bibliography{refs}\n"
        "\\end{document}\n",
        encoding="utf-8",
    )
    _, _, codes = _verdict(_audit(tex))
    assert "INP001" in codes


# --- VY: a software version written as a year ----------------------------------------


def test_vy_version_year_after_a_program_name_is_no_citation(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(_BIB, encoding="utf-8")
    rmd = tmp_path / "paper.Rmd"
    rmd.write_text(
        "---\ntitle: Depots\nbibliography: refs.bib\n---\n\n"
        "The task was shown with Tinytool (Version 2019) on a laptop, as in @roe2001.\n"
        "Models were fitted in Examplestat [Version 1.2; @poe2004].\n",
        encoding="utf-8",
    )
    uncited, missing, _ = _verdict(_audit(rmd))
    assert (uncited, missing) == ({"zed2010"}, set())


# --- FN: two narrative keys in an inline footnote -------------------------------------


def test_fn_every_key_of_an_inline_footnote_is_cited(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(_BIB, encoding="utf-8")
    rmd = tmp_path / "thesis.Rmd"
    rmd.write_text(
        "---\ntitle: Depots\nbibliography: refs.bib\n---\n\n"
        "We wrote a faster model of depots.^[For older work in another language, see "
        "@poe2004 and @roe2001.]\n",
        encoding="utf-8",
    )
    uncited, missing, _ = _verdict(_audit(rmd))
    assert (uncited, missing) == ({"zed2010"}, set())


# --- HC: keys inside an HTML comment in a nocite field --------------------------------


def test_hc_keys_in_a_commented_out_nocite_cite_nothing(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(_BIB, encoding="utf-8")
    rmd = tmp_path / "thesis.Rmd"
    rmd.write_text(
        "---\ntitle: Depots\nbibliography: refs.bib\n---\n\n"
        "Depots were counted by @poe2004.\n\n# References {-}\n\n"
        "---\nnocite: |\n  <!-- @roe2001, @gone1999 -->\n...\n",
        encoding="utf-8",
    )
    uncited, missing, _ = _verdict(_audit(rmd))
    assert (uncited, missing) == ({"roe2001", "zed2010"}, set())


# --- HS: a heading style derived from Heading 1 under another name --------------------

_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/>'
    '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:customStyle="1" w:styleId="HausKopf1">'
    '<w:name w:val="_HausKopf1"/><w:basedOn w:val="berschrift1"/></w:style>'
    "</w:styles>"
)


def test_hs_heading_style_based_on_heading_1_ends_the_list(tmp_path: Path) -> None:
    body = (
        para(run("Die Depots beschreibt Roe (2001), die Verfahren Poe (2004)."))
        + para(run("Literatur"), style="HausKopf1")
        + para(run("Poe, B. (2004). Lean depots. P."))
        + para(run("Roe, A. (2001). Stock in depots. P."))
        + para(run("Anlagen"), style="HausKopf1")
        + para(run("Teil 1 ............................................ A-I"))
        + para(run("Selbstständigkeitserklärung"), style="HausKopf1")
        + para(run("Hiermit erkläre ich, dass ich die Arbeit selbstständig angefertigt habe."))
    )
    docx = raw_docx(tmp_path / "arbeit.docx", body, {"word/styles.xml": _STYLES.encode()})
    result = _audit(docx)
    uncited, missing, _ = _verdict(result)
    assert len(result.data.references) == 2
    assert (uncited, missing) == (set(), set())


# --- TI: a template's instruction line at the head of the list -------------------------


def test_ti_template_instruction_line_is_no_entry(tmp_path: Path) -> None:
    """A TCC template leaves its instruction to the student, in double angle brackets,
    as the list's first paragraph: it was read as an entry and reported 'never cited'."""
    body = (
        para(run("A pesquisa aplicada segue Roe (2001) e Poe (2004)."))
        + para(run("REFERÊNCIAS"), style="Heading1")
        + para(run("&lt;&lt;cuidado com os detalhes: sobrenome em maiúsculas, em ordem&gt;&gt;"))
        + para(run("POE, B. Depósitos enxutos. São Paulo: Editora Exemplo, 2004."))
        + para(run("ROE, A. Estoque em depósitos. Rio de Janeiro: Editora Exemplo, 2001."))
    )
    result = _audit(raw_docx(tmp_path / "tcc.docx", body))
    uncited, missing, _ = _verdict(result)
    assert len(result.data.references) == 2
    assert (uncited, missing) == (set(), set())


def test_ti_an_entry_in_angle_brackets_with_a_link_stays_an_entry(tmp_path: Path) -> None:
    """The guard for TI: only a whole line in double angle brackets is an instruction."""
    md = tmp_path / "m.md"
    md.write_text(
        "Depots were counted (Roe, 2001).\n\n# References\n\n"
        "Roe, A. (2001). Stock in depots. P.\n\n"
        "Zed, C. (2010). Never cited. <https://example.org/zed>\n",
        encoding="utf-8",
    )
    uncited, missing, _ = _verdict(_audit(md))
    assert missing == set() and len(uncited) == 1 and next(iter(uncited)).startswith("Zed")


# --- MD: a model name holding a digit glued to its citation ----------------------------


def test_md_model_name_with_a_digit_before_a_numeric_citation(tmp_path: Path) -> None:
    md = tmp_path / "m.md"
    md.write_text(
        "Pretrained models such as BART[1] and T5[2] did well. Word2vec[3] is common.\n"
        "生成式模型包括GPT2[4]和BART[1]。\n\n"
        "# References\n\n"
        "[1] Roe A, Poe B. Denoising depots. Proc. Examples, 2020: 71-80.\n\n"
        "[2] Zed C, Kay D. Transfer of stock. J. Examples, 2020, 21: 1-67.\n\n"
        "[3] Lee E, Ng F. Word vectors for depots. Examples, 2013.\n\n"
        "[4] Ode G. Generating depots. Examples, 2019.\n",
        encoding="utf-8",
    )
    uncited, missing, _ = _verdict(_audit(md))
    assert (uncited, missing) == (set(), set())


def test_md_a_lower_case_variable_indexed_is_no_citation(tmp_path: Path) -> None:
    """The guard for MD's fix: 'x2[3]' indexes a variable; entry 3 stays uncited."""
    md = tmp_path / "m.md"
    md.write_text(
        "Depots were counted [1], [2]; the stock x2[3] of the array was kept.\n\n"
        "# References\n\n"
        "[1] Roe A, Poe B. Denoising depots. Proc. Examples, 2020: 71-80.\n\n"
        "[2] Zed C, Kay D. Transfer of stock. J. Examples, 2020, 21: 1-67.\n\n"
        "[3] Lee E, Ng F. Word vectors for depots. Examples, 2013.\n",
        encoding="utf-8",
    )
    uncited, missing, _ = _verdict(_audit(md))
    assert missing == set() and len(uncited) == 1 and next(iter(uncited)).startswith("[3]")


# --- FG: a caption typed without a space after an image, "Figura1: ..." --------------


def test_fg_caption_number_glued_after_an_image_is_no_citation(tmp_path: Path) -> None:
    body = (
        para(
            run("O sinal captado pela interface é analógico e deve ser decodificado."),
            "<w:r><w:drawing/></w:r>",
            run("Figura1: Sinal analógico e digital "),
        )
        + para(run("Referências bibliográficas", "<w:b/>"))
        + para(run("Roe, A. B. (2007). Depot interfaces: progress. Examples, 4(4), 463-474"))
    )
    result = _audit(raw_docx(tmp_path / "tcc.docx", body))
    uncited, missing, _ = _verdict(result)
    assert [c.text for c in result.data.citations] == []
    assert len(uncited) == 1 and missing == set()
