"""False-alarm classes found on 50 authors' manuscripts (benches/REAL_MANUSCRIPTS_3.md).

Every input here is made up; the class names (L1, A1, ...) are the table's. A class that
citeaudit still gets wrong is marked ``xfail(strict=True)``: its fix flips the test.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from tests.manuscript.test_docx_reader import para, raw_docx, run


def _verdict(path: Path, *bibs: Path) -> tuple[set[str], set[str], list[str]]:
    """(uncited entries, missing citations, codes) as citeaudit reports them."""
    result = audit(AuditInput.from_paths([path, *bibs]))
    refs = {r.id: r for r in result.data.references}
    cits = {c.id: c for c in result.data.citations}
    uncited = {
        refs[f.reference].key or refs[f.reference].raw[:20]
        for f in result.findings
        if f.rule == "uncited-reference" and f.reference
    }
    missing = {cits[f.citation].text for f in result.findings if f.code == "CIT002" and f.citation}
    return uncited, missing, sorted(f.code for f in result.findings)


# --- L1: abnTeX2's \apud / \apudonline cite both keys ------------------------------

_ABNT_BIB = (
    "@book{ramos1950, author={Ramos, Ana}, title={Pontes}, publisher={Ed}, year={1950}}\n"
    "@book{lima2008, author={Lima, Rui}, title={Concreto}, publisher={Ed}, year={2008}}\n"
    "@book{dias2010, author={Dias, Eva}, title={Vigas}, publisher={Ed}, year={2010}}\n"
)


def test_l1_abntex2_apud_cites_both_keys(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(_ABNT_BIB, encoding="utf-8")
    tex = tmp_path / "tcc.tex"
    tex.write_text(
        "\\documentclass{abntex2}\n\\usepackage[alf]{abntex2cite}\n\\begin{document}\n"
        "Segundo \\apudonline[p.~4]{ramos1950}{lima2008}, a cura muda.\n"
        "A ponte cede \\apud{ramos1950}{dias2010}.\n"
        "\\bibliography{refs}\n\\end{document}\n",
        encoding="utf-8",
    )
    uncited, missing, _ = _verdict(tex)
    assert uncited == set()
    assert missing == set()


# --- A1: alphabetic labels ("[BrDu15]", "[ex 1]") cite the entry so labelled ---------


def test_a1_alphabetic_labels_cite_their_entries(tmp_path: Path) -> None:
    md = tmp_path / "hausarbeit.md"
    md.write_text(
        "# Einleitung\n\nNach [AbCd15] zerfallen Ereignisse in Muster. Eine zweite Sicht "
        "liefert [Efgh09]; beide ergänzt [Ijk11].\n\n"
        "# Literaturverzeichnis\n\n"
        "[AbCd15] Abel, Anna; Cord, Dora: Muster in Strömen. Beispielverlag, 2015.\n\n"
        "[Efgh09] Efgh, Emil: Ereignisse verarbeiten. Dissertation, 2009.\n\n"
        "[Lmno12] Lmno, Lena: Unzitiertes Werk. Verlag, 2012.\n",
        encoding="utf-8",
    )
    uncited, missing, codes = _verdict(md)
    assert "CIT006" not in codes
    assert uncited == {"[Lmno12] Lmno, Lena:"}
    assert missing == {"[Ijk11]"}


# --- S1: the rest of an entry, cut off by Enter into a paragraph of its own ----------


def _typed_list_docx(tmp_path: Path, broken: list[str]) -> Path:
    """A Word TCC whose list sets entries apart by empty paragraphs; `broken` is one
    entry typed over two paragraphs. Ten cited fillers make the list long, as a reader
    decides its layout from the whole list."""
    names = "ALMEIDA BATISTA CARDOSO DANTAS ESTEVES FARIAS GOMES HOLANDA IZIDORO JARDIM"
    fillers = [
        f"{name}, Fulano. Livro {i}. São Paulo: Exemplo, {2000 + i}."
        for i, name in enumerate(names.split())
    ]
    cited = "; ".join(f"{name}, {2000 + i}" for i, name in enumerate(names.split()))
    body = "".join(
        [
            para(run(f"Os dados ficam em tabelas (BARROS, 2014) e em grafos ({cited}).")),
            para(run("REFERÊNCIAS")),
            para(run(broken[0])),
            para(run(broken[1])),
            para(),
            *(para(run(entry)) + para() for entry in fillers),
        ]
    )
    return raw_docx(tmp_path / "tcc.docx", body)


def test_s1a_rest_of_entry_after_a_comma(tmp_path: Path) -> None:
    path = _typed_list_docx(
        tmp_path, ["BARROS, Ana Maria. Bancos de dados. Editora Exemplo", ", SA, 2014."]
    )
    result = audit(AuditInput.from_paths([path]))
    assert len(result.data.references) == 11
    assert [f.code for f in result.findings if f.code.startswith("CIT")] == []


def test_s1b_rest_of_entry_in_a_blank_spaced_list(tmp_path: Path) -> None:
    path = _typed_list_docx(
        tmp_path,
        [
            "BARROS, Ana. Modelagem de bancos de dados. Dissertação de Mestrado.",
            "Universidade Exemplar. 2014.",
        ],
    )
    result = audit(AuditInput.from_paths([path]))
    assert len(result.data.references) == 11
    assert [f.code for f in result.findings if f.code.startswith("CIT")] == []


# --- M2: a citation that names the work's title picks the entry with that title ------


def test_m2_title_in_citation_resolves_ambiguity(tmp_path: Path) -> None:
    md = tmp_path / "seminar.md"
    md.write_text(
        "# Einleitung\n\nKonsistenz wird oft vereinfacht "
        "(Roe, Pan, & Li, Quorum in der Praxis, 2017). Mehr folgt.\n\n"
        "# Literaturverzeichnis\n\n"
        "Roe, M., Pan, N., & Li, C. (2017). Gossip und Epidemien. Von https://example.org/g\n\n"
        "Roe, M., Pan, N., & Li, C. (2017). Quorum in der Praxis. Von https://example.org/q\n",
        encoding="utf-8",
    )
    uncited, missing, codes = _verdict(md)
    assert "CIT003" not in codes
    assert missing == set()
    assert len(uncited) == 1  # the gossip entry alone


# --- O3: an organisation with its acronym in parentheses inside a citation -----------


def test_o3_organisation_with_acronym_inside_parentheses(tmp_path: Path) -> None:
    md = tmp_path / "article.md"
    md.write_text(
        "# Methods\n\nSoil was sampled following the standard "
        "(Agency for Example Soils and Waters (AESW), 2002). Plots were fenced "
        "(Moreno et al., 2019).\n\n"
        "# References\n\n"
        "Agency for Example Soils and Waters (AESW). (2002). Standard 12-AB. Example City.\n\n"
        "Moreno, J., Paz, L., & Rios, T. (2019). Fencing plots. Field Notes, 3, 1-9.\n",
        encoding="utf-8",
    )
    uncited, missing, _ = _verdict(md)
    assert uncited == set()
    assert missing == set()


# --- U1: an undated citation "(vgl. Name)" of an undated web entry -------------------


def test_u1_undated_personal_citation_of_undated_entry(tmp_path: Path) -> None:
    md = tmp_path / "seminar.md"
    md.write_text(
        "# Analyse\n\nDie Nachteile sind bekannt (vgl. Quandt). Das Theorem gilt nur "
        "eingeschränkt (vgl. Berger, Lorenz S.3).\n\n"
        "# Literaturverzeichnis\n\n"
        "Berger, Sina ; Lorenz, Nina: Grenzen des Theorems. URL https://example.org/b. "
        "— Abgerufen am 14.01.2017\n\n"
        "Quandt, Paul: Vor- und Nachteile. URL https://example.org/q. — Abgerufen am "
        "03.12.2016\n",
        encoding="utf-8",
    )
    uncited, _, _ = _verdict(md)
    assert uncited == set()


# --- T2: a German date phrase in parentheses is no citation --------------------------


def test_t2_date_phrase_is_no_citation(tmp_path: Path) -> None:
    md = tmp_path / "seminar.md"
    md.write_text(
        "---\nbibliography: quellen.bib\n---\n\n# Einleitung\n\n"
        "Großrechner kamen auf (Anfang 1950), Datenbanken erst später (Herbst 1961) "
        "[@roth2016].\n",
        encoding="utf-8",
    )
    (tmp_path / "quellen.bib").write_text(
        "@book{roth2016, author={Roth, Uwe}, title={NoSQL}, publisher={V}, year={2016}}\n",
        encoding="utf-8",
    )
    _, missing, _ = _verdict(md)
    assert missing == set()


# --- H1: "(Name, 2016) [2]": the number points, the author-year half repeats it ------


def test_h1_hybrid_author_year_and_number(tmp_path: Path) -> None:
    md = tmp_path / "jurnal.md"
    md.write_text(
        "# Pendahuluan\n\nMenurut (Wirawan, 2019) [1], derau muncul pada sensor. "
        "Penelitian (Kusnadi, 2020) [2] menguji filter.\n\n"
        "# Daftar Pustaka\n\n"
        "[1] Wirawan, A. (2021). Derau citra. Jurnal Contoh, 2(1), 1-9.\n\n"
        "[2] Kusnadi, B. (2020). Filter Gaussian. Jurnal Contoh, 3(2), 10-19.\n",
        encoding="utf-8",
    )
    _, missing, _ = _verdict(md)
    assert missing == set()


# --- R3: Russian list headings beyond "Список использованных источников" -------------


def test_r3_russian_list_heading_variants(tmp_path: Path) -> None:
    txt = tmp_path / "diplom.txt"
    txt.write_text(
        "Введение\n\nСхема описана ранее [1], плата тоже [2], прошивка [3].\n\n"
        "Список используемых источников\n\n"
        "1. http://example.ru/a.htm\n\n"
        "2. Иванов И. Н. Регулирование 2013 г-63с. http://example.ru/b.pdf\n\n"
        "3. Петров П. Pro Git изд.: Пример 2012г-286с.\n\n"
        "4. http://example.ru/c.php\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([txt]))
    assert len(result.data.references) == 4
    uncited = [f for f in result.findings if f.code == "CIT001"]
    assert [f.location.line for f in uncited] == [13]


# --- D1: a Mendeley field whose item is an empty placeholder ("No Title") ------------


def test_d1_mendeley_placeholder_item_is_left_to_the_shown_text(tmp_path: Path) -> None:
    from tests.manuscript.test_docx_citation_fields import (
        ENTRIES,
        QUENBY,
        complex_field,
        csl_code,
        manuscript,
    )
    from tests.manuscript.test_docx_citation_fields import run as field_run

    empty = {
        "id": "ITEM-1",
        "uris": ["http://www.mendeley.com/documents/?uuid=0000"],
        "itemData": {
            "id": "ITEM-1",
            "type": "article-journal",
            "title": "No Title",
            "issued": {"date-parts": [["2018"]]},
        },
    }
    path = manuscript(
        tmp_path,
        para(
            field_run("Glaciers retreat "),
            complex_field(csl_code([QUENBY]), "(Quenby & Marsh, 2015)"),
            field_run(" and deltas grow "),
            complex_field(csl_code([empty], "CSL_CITATION"), "(Vasquez-Ortega, 2018)"),
            field_run("."),
        ),
        entries=ENTRIES[:2],
    )
    result = audit(AuditInput.from_paths([path]))
    assert [f.code for f in result.findings if f.code.startswith("CIT")] == []
