"""False-alarm classes found on authors' manuscripts (benches/REAL_MANUSCRIPTS_7.md).

Every input here is made up; the class names (UT, LS, MB, ...) are the table's. A class
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


def _latex(tmp_path: Path, preamble: str, body: str, bib: str = _BIB) -> Path:
    (tmp_path / "refs.bib").write_text(bib, encoding="utf-8")
    tex = tmp_path / "tesis.tex"
    tex.write_text(
        "\\documentclass{article}\n" + preamble + "\\begin{document}\n" + body + "\n"
        "\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n",
        encoding="utf-8",
    )
    return tex


# --- UT: an unheaded list at the end of a Word file, cut at a title-first entry -------


# A chapter's paragraph, longer than any entry: the file is a thesis, not a bare list.
_UT_PROSE = para(
    run(
        " ".join(
            ["Un flujo de trabajo es un conjunto de tareas que dependen unas de otras y que"]
            + ["la tarea que fue asignada al nodo es la que el planificador eligió."] * 40
        )
    )
)

_UT_ENTRIES = (
    "Ames, Ann. 2005. “Depots on the Grid.” Journal of Examples 3 (1): 1–9.",
    "“Depot Toolkit – Home.” http://depots.example.org/.",
    "Bell, Bo, and Cy Dunn. 2009. “Stock Models.” In Examples 2009, 259–267.",
    "Cole, Di. 2012. “Flows of Stock.” Examples Review 10 (3): 384–393.",
    "“Kit Publications.” https://kit.example.org/publications/.",
    "Zorn, Ed. 2006. “Never Cited.” Examples Letters 2: 5–6.",
)


def test_ut_title_first_entries_stay_in_an_unheaded_tail_list(tmp_path: Path) -> None:
    """A thesis converted to Word by Pandoc prints its list with no heading; an author-less
    web page opens with its quoted title ("“Kit Publications.” https://..."). The list
    was cut after the last such entry: the entries before it were read as body text, and
    each of their citations was 'missing'."""
    body = (
        para(run("Introducción", ""), style="Heading1")
        + _UT_PROSE
        + para(run("Según Ames (2005) y Bell and Dunn (2009), los depósitos crecen cada año."))
        + para(run("Como muestra Cole (2012), el flujo de trabajo se reparte entre los nodos."))
        + para(run("En este capítulo se presentan las conclusiones y el trabajo futuro."))
        + "".join(para(run(entry)) for entry in _UT_ENTRIES)
    )
    result = _audit(raw_docx(tmp_path / "tesis.docx", body))
    uncited, missing, _ = _verdict(result)
    assert len(result.data.references) == len(_UT_ENTRIES)
    assert missing == set()
    assert {u[:4] for u in uncited} == {"“Dep", "“Kit", "Zorn"}


def test_ut_a_quoted_sentence_of_prose_ends_the_run(tmp_path: Path) -> None:
    """The guard for UT: a closing paragraph that opens with a quotation but reads as
    prose (two running words) is no entry, and the text before the list stays text."""
    body = (
        para(run("Introducción", ""), style="Heading1")
        + _UT_PROSE
        + para(run("Según Ames (2005), los depósitos crecen cada año en la región."))
        + para(run("“We were there.” That was what they said in 2019, and it was true."))
        + "".join(para(run(entry)) for entry in _UT_ENTRIES[2:4])
        + para(run(_UT_ENTRIES[5]))
    )
    result = _audit(raw_docx(tmp_path / "tesis.docx", body))
    texts = [r.raw[:4] for r in result.data.references]
    assert texts == ["Bell", "Cole", "Zorn"]


# --- LS: a starred use of a \let-renamed citation command ------------------------------


def test_ls_starred_use_of_a_let_citation_command_cites(tmp_path: Path) -> None:
    tex = _latex(
        tmp_path,
        "\\usepackage{biblatex}\n\\let\\cite\\parencite\n",
        "La radiación se calibra \\cite*{roe2001, poe2004}. El resto \\cite{zed2010}.",
    )
    uncited, missing, _ = _verdict(_audit(tex))
    assert (uncited, missing) == (set(), set())


# --- AC: biblatex's hooks named ...Cite... are no citation ------------------------------


def test_ac_at_every_citekey_hook_is_no_citation(tmp_path: Path) -> None:
    tex = _latex(
        tmp_path,
        "\\usepackage{biblatex}\n\\AtEveryCitekey{\\global\\undef\\cbx@lastyear}\n"
        "\\AtNextCite{\\defcounter{maxnames}{1}}\n",
        "Seperti dijelaskan \\cite{roe2001} dan \\cite{poe2004}.",
    )
    uncited, missing, _ = _verdict(_audit(tex))
    assert (uncited, missing) == ({"zed2010"}, set())


# --- IN: TeX's own \input syntax, '\input ch1.tex' with no braces ----------------------


def test_in_input_without_braces_reads_the_file(tmp_path: Path) -> None:
    (tmp_path / "ch1_giris.tex").write_text(
        "Depolar \\cite{roe2001} ve \\cite{poe2004} ile incelendi.\n", encoding="utf-8"
    )
    tex = _latex(tmp_path, "", "\\input ch1_giris.tex   \n")
    uncited, missing, codes = _verdict(_audit(tex))
    assert (uncited, missing) == ({"zed2010"}, set())
    assert "INP001" not in codes


def test_in_guard_input_encoding_and_macro_parameters_are_no_files(tmp_path: Path) -> None:
    """The guard for IN: '\\inputencoding latin1' and a definition's '\\input #1' name no
    file; nothing is said missing and the citations stand."""
    tex = _latex(
        tmp_path,
        "\\newcommand{\\chapterfile}[1]{\\input #1 }\n",
        "\\inputencoding latin1\nDepolar \\cite{roe2001} ve \\cite{poe2004}.\n",
    )
    uncited, missing, codes = _verdict(_audit(tex))
    assert (uncited, missing) == ({"zed2010"}, set())
    assert "INP001" not in codes


# --- FI: an \include whose file is named by a macro ------------------------------------


def test_fi_include_named_by_a_macro_is_no_missing_file(tmp_path: Path) -> None:
    (tmp_path / "Bab").mkdir()
    (tmp_path / "Bab" / "bab1.tex").write_text(
        "\\chapter{Pendahuluan}\nMenurut \\cite{roe2001} dan \\cite{poe2004}.\n",
        encoding="utf-8",
    )
    tex = _latex(
        tmp_path,
        "\\usepackage{pgffor}\n\\edef\\vbab{1,2}\n",
        "\\foreach \\i in \\vbab { \\edef\\vfile{Bab/bab\\i} \\IfFileExists{\\vfile}"
        "{\\include{\\vfile}}}\n",
    )
    uncited, _, codes = _verdict(_audit(tex))
    assert "roe2001" not in uncited and "poe2004" not in uncited
    assert not any("'\\vfile' not found" in f.message for f in _audit(tex).findings)
    assert codes.count("CIT001") <= 1


# --- CL: the bibliography named in the project's own document class -------------------


def test_cl_bibliography_named_in_a_local_class_file(tmp_path: Path) -> None:
    (tmp_path / "biblio.bib").write_text(_BIB, encoding="utf-8")
    (tmp_path / "these_ecole.cls").write_text(
        "\\NeedsTeXFormat{LaTeX2e}\n\\ProvidesClass{these_ecole}\n\\LoadClass{book}\n"
        "\\RequirePackage[style=apa]{biblatex}\n\\addbibresource{biblio.bib}\n",
        encoding="utf-8",
    )
    tex = tmp_path / "these.tex"
    tex.write_text(
        "\\documentclass{these_ecole}\n\\begin{document}\n"
        "Les dépôts \\parencite{roe2001} et \\textcite{poe2004}.\n"
        "\\printbibliography\n\\end{document}\n",
        encoding="utf-8",
    )
    uncited, missing, _ = _verdict(_audit(tex))
    assert (uncited, missing) == ({"zed2010"}, set())


# --- DB: a .bib of the TeX distribution named beside the project's ---------------------


def test_db_distribution_bib_is_no_missing_file(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(_BIB, encoding="utf-8")
    tex = tmp_path / "skripsi.tex"
    tex.write_text(
        "\\documentclass{IEEEtran}\n\\begin{document}\n"
        "Sistem ini \\cite{roe2001} dan \\cite{poe2004}.\n"
        "\\bibliographystyle{IEEEtran}\n\\bibliography{IEEEabrv,refs}\n\\end{document}\n",
        encoding="utf-8",
    )
    uncited, missing, codes = _verdict(_audit(tex))
    assert (uncited, missing) == ({"zed2010"}, set())
    assert "INP001" not in codes


# --- MB: Manubot's citations by identifier, '[@doi:10.x/y]' ---------------------------


_MANUBOT_JSON = """[
 {"id": "Xa1B2c3D", "type": "article-journal", "title": "Stock in depots",
  "author": [{"family": "Roe", "given": "Ann"}], "issued": {"date-parts": [[2001]]},
  "DOI": "10.5555/depots.2001",
  "note": "This CSL JSON Item was automatically generated by Manubot v0.3.1 using \
citation-by-identifier.\\nstandard_id: doi:10.5555/depots.2001"},
 {"id": "Yq9W8e7R", "type": "webpage", "title": "Depot kit",
  "author": [{"family": "Poe", "given": "Ben"}], "issued": {"date-parts": [[2004]]},
  "URL": "https://kit.example.org/",
  "note": "standard_id: url:https://kit.example.org/"},
 {"id": "Zz0Zz0Zz", "type": "book", "title": "Never cited",
  "author": [{"family": "Zed", "given": "Cy"}], "issued": {"date-parts": [[2010]]},
  "note": "standard_id: isbn:9780000000002"}
]
"""


def test_mb_manubot_citation_by_identifier_cites_its_item(tmp_path: Path) -> None:
    (tmp_path / "references.json").write_text(_MANUBOT_JSON, encoding="utf-8")
    md = tmp_path / "manuscript.md"
    md.write_text(
        "---\ntitle: Depots\n---\n\n"
        "Depots were counted [@doi:10.5555/Depots.2001; @url:https://kit.example.org/].\n",
        encoding="utf-8",
    )
    uncited, missing, _ = _verdict(_audit(md, tmp_path / "references.json"))
    assert missing == set()
    assert len(uncited) == 1 and next(iter(uncited)).startswith("Zz0Zz0Zz")


# --- SW: a short word glued to a numeric citation at a sentence's end -----------------


def test_sw_short_word_glued_to_its_citation_at_a_sentence_end(tmp_path: Path) -> None:
    md = tmp_path / "m.md"
    md.write_text(
        "Метод описан в работе [1] и в обзоре [2]. Кластеры строятся иначе[3].\n"
        "Точки с малой плотностью помечаются как шум[4].\n\n"
        "# Список литературы\n\n"
        "1. Иванов И. И. Плотностные методы. М.: Пример, 2017.\n\n"
        "2. Петров П. П. Кластеры данных. СПб.: Пример, 2015.\n\n"
        "3. Сидоров С. С. Иерархия кластеров. М.: Пример, 2012.\n\n"
        "4. Орлов О. О. Шум в данных. Казань: Пример, 2016.\n",
        encoding="utf-8",
    )
    uncited, missing, _ = _verdict(_audit(md))
    assert (uncited, missing) == (set(), set())


# --- AJ: a German narrative citation, 'eine Studie von X aus dem Jahr 2020' ------------


def test_aj_german_study_from_the_year_is_a_citation(tmp_path: Path) -> None:
    md = tmp_path / "h.md"
    md.write_text(
        "Laut einer Studie von Roewald aus dem Jahr 2020 stornieren viele Gäste.\n\n"
        "# Literaturverzeichnis\n\n"
        "Roewald, A. (2020). Stornierungen im Hotel. Beispielverlag.\n\n"
        "Zeder, C. (2010). Nie zitiert. Beispielverlag.\n",
        encoding="utf-8",
    )
    uncited, missing, _ = _verdict(_audit(md))
    assert missing == set() and len(uncited) == 1 and next(iter(uncited)).startswith("Zeder")


# --- BN: bulleted entries that carry their own '[n],' label ---------------------------


def test_bn_bulleted_entries_with_their_own_labels(tmp_path: Path) -> None:
    md = tmp_path / "t.md"
    md.write_text(
        "La lectura [1] y la escritura [2] se apoyan en juegos [3].\n\n"
        "# Referencias\n\n"
        "* Ana Roe (2012), “Sitio sin número”, http://uno.example.org/\n"
        "* [1], Ben Poe, “Lectura”, http://dos.example.org/\n"
        "* [2], Cy Zed, “Escritura”, http://tres.example.org/\n"
        "* [3], Di Lee, “Juegos”, http://cuatro.example.org/\n",
        encoding="utf-8",
    )
    uncited, missing, _ = _verdict(_audit(md))
    # the entry's text keeps its Markdown bullet ("* Ana Roe ...")
    assert missing == set() and len(uncited) == 1 and "Ana Roe" in next(iter(uncited))


# --- QT: citeproc's citation of an author-less work, its quoted title ------------------


def test_qt_quoted_title_citation_of_an_authorless_work(tmp_path: Path) -> None:
    md = tmp_path / "t.md"
    md.write_text(
        "Las pruebas usan JUnit  (\u201cJUnit\u201d) y siguen a Roe (2001).\n\n"
        "# Referencias\n\n"
        "\u201cJUnit.\u201d http://junit.example.org/.\n\n"
        "Roe, Ann. 2001. *Stock in Depots*. P.\n\n"
        "Zed, Cy. 2010. *Never Cited*. P.\n",
        encoding="utf-8",
    )
    uncited, missing, _ = _verdict(_audit(md))
    assert missing == set() and len(uncited) == 1 and next(iter(uncited)).startswith("Zed")
