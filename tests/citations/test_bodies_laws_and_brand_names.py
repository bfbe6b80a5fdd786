"""Author-year works cited by a body, a law or a brand-like name (issue 12, classes
found by made-up ABNT, APA-Spanish and Pensoft-shaped manuscripts). Each shape made
one false "missing" and one false "uncited" finding for a work the text cites:

* a body under a jurisdiction a qualifier tells apart, "SÃO PAULO (Cidade).
  Secretaria Municipal de Saúde.", cited by the body, "(SECRETARIA MUNICIPAL DE SAÚDE,
  2020)";
* a law cited by its number, "(Ley 115 de 1994)", and a body whose name holds a code,
  "(Base de dados nacional ... I3N Brasil 2016)": cut after the number, "de" and
  "Brasil" were cited;
* a name written in lower case with a capital inside, "(pro-iBiosphere Consortium
  2014)": the lower-case word was dropped and "Consortium" cited;
* an acronym that takes more than a letter from a word of the body's name, "VLIZ" for
  "Vlaams Instituut voor de Zee", "CEPAL" for "Comisión Económica para América Latina y
  el Caribe".
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit


def _findings(tmp_path: Path, body: str, entries: str) -> list[tuple[str, str]]:
    path = tmp_path / "paper.md"
    path.write_text(f"# Text\n\n{body}\n\n# References\n\n{entries}\n", encoding="utf-8")
    report = audit(AuditInput(manuscripts=(path,)))
    return [(f.code, f.message[:60]) for f in report.findings]


def test_a_body_under_a_qualified_jurisdiction(tmp_path: Path) -> None:
    entries = (
        "SÃO PAULO (Cidade). Secretaria Municipal de Saúde. **Diretrizes**. São Paulo: "
        "SMS, 2020.\n\n"
        "RIO GRANDE DO SUL. Secretaria da Saúde. **Plano estadual**. Porto Alegre: SES, 2016.\n\n"
        "SILVA, J. **Um livro**. São Paulo: Editora Exemplo, 2001.\n"
    )
    body = (
        "A secretaria publicou diretrizes (SECRETARIA MUNICIPAL DE SAÚDE, 2020), como o "
        "estado (SECRETARIA DA SAÚDE, 2016), e Silva (2001) as discute."
    )
    assert _findings(tmp_path, body, entries) == []


def test_a_law_cited_by_its_number(tmp_path: Path) -> None:
    entries = (
        "Ley 115 de 1994. Por la cual se expide la ley general de educación. 8 de febrero "
        "de 1994. D.O. No. 41.214.\n\n"
        "Ley 1438 de 2011. Por medio de la cual se reforma el sistema de salud. 19 de "
        "enero de 2011. D.O. No. 47.957.\n\n"
        "Gómez, L. (2018). *La escuela pública*. Editorial Ejemplo.\n"
    )
    body = "El marco legal es amplio (Ley 115 de 1994; Ley 1438 de 2011; Gómez, 2018)."
    assert _findings(tmp_path, body, entries) == []


def test_a_body_whose_name_holds_a_code(tmp_path: Path) -> None:
    entries = (
        "Base de dados nacional de espécies exóticas invasoras I3N Brasil (2016) Instituto "
        "Exemplo, Florianópolis. http://example.org [accessed 14.06.2016]\n\n"
        "Lee K (2015) A flora. Journal of Plants 3: 1–10.\n"
    )
    body = (
        "These species are invasive in Brazil (Base de dados nacional de espécies exóticas "
        "invasoras I3N Brasil 2016, Lee 2015)."
    )
    assert _findings(tmp_path, body, entries) == []


def test_a_figure_number_before_the_names_still_cuts(tmp_path: Path) -> None:
    # a part of the document before the names is no name: "Smith" is cited, and missing
    entries = "Lee K (2015) A flora. Journal of Plants 3: 1–10.\n"
    body = "As drawn (Figure 4 Smith 2010; Lee 2015)."
    assert _findings(tmp_path, body, entries) == [
        ("CIT002", '"Smith 2010" has no matching entry in the reference list')
    ]


def test_a_lower_case_name_with_a_capital_inside(tmp_path: Path) -> None:
    entries = (
        "pro-iBiosphere Consortium (2014) The Bouchout Declaration. http://example.org\n\n"
        "speciesLink (2018) Sistema de informação. http://example.org\n\n"
        "Lee K (2015) A flora. Journal of Plants 3: 1–10.\n"
    )
    body = (
        "Institutions signed the declaration (pro-iBiosphere Consortium 2014; Lee 2015), "
        "and records came from speciesLink (2018)."
    )
    assert _findings(tmp_path, body, entries) == []


def test_an_acronym_of_syllables(tmp_path: Path) -> None:
    entries = (
        "Vlaams Instituut voor de Zee (2016) Data Policy. http://example.org\n\n"
        "Comisión Económica para América Latina y el Caribe (2021) Panorama social. "
        "Santiago.\n\n"
        "Desmet P, Lee K (2014) Open data. Journal of Data 3: 1–10.\n"
    )
    body = (
        "Institutes adopted open data policies (Desmet and Lee 2014, VLIZ 2016), as the "
        "report of CEPAL (2021) shows."
    )
    assert _findings(tmp_path, body, entries) == []


def test_an_acronym_no_entry_spells_is_missing(tmp_path: Path) -> None:
    entries = "Vlaams Instituut voor de Zee (2016) Data Policy. http://example.org\n"
    body = "Institutes publish their data policies (VLIZ 2016, VLAM 2016)."
    assert _findings(tmp_path, body, entries) == [
        ("CIT002", '"VLAM 2016" has no matching entry in the reference list')
    ]


def test_a_body_under_its_jurisdiction_with_its_acronym(tmp_path: Path) -> None:
    # "BRASIL. Ministério da Saúde (MS)." is cited by the body, the acronym in
    # parentheses after it kept out of its name
    entries = (
        "BRASIL. Ministério da Saúde (MS). **Guia**. Brasília: MS, 2019.\n\n"
        "SILVA, J. **Um livro**. São Paulo: Editora Exemplo, 2001.\n"
    )
    body = "Conforme o Ministério da Saúde (2019), há metas (SILVA, 2001)."
    assert _findings(tmp_path, body, entries) == []


def test_a_body_listed_by_name_and_by_acronym(tmp_path: Path) -> None:
    # the list names the body both ways: the entry of the cited year is the work, not a
    # wrong year of the other
    entries = (
        "INSTITUTO NACIONAL DE ESTUDOS E PESQUISAS EDUCACIONAIS ANÍSIO TEIXEIRA. **Censo "
        "da educação básica**. Brasília: Editora Exemplo, 2019.\n\n"
        "INEP. **Sinopse estatística**. Brasília, 2021.\n"
    )
    body = "O instituto divulgou dados (INEP, 2019) e uma sinopse (INEP, 2021)."
    assert _findings(tmp_path, body, entries) == []


def test_an_acronym_written_as_a_word(tmp_path: Path) -> None:
    # "Embrapa", "Minsal": a body's acronym in title case, its syllables from the
    # name's words; the body's entry read as a person with a long given name all the same
    entries = (
        "Empresa Brasileira de Pesquisa Agropecuária. (2016). *Relatório anual*. Brasília.\n\n"
        "Ministerio de Salud de Chile. (2018). *Encuesta nacional de salud*. Santiago.\n"
    )
    body = "Según el Minsal (2018), la cobertura aumentó (Embrapa, 2016)."
    assert _findings(tmp_path, body, entries) == []


def test_a_word_glued_to_a_name_is_no_brand(tmp_path: Path) -> None:
    # "followingOstrom": a word of the sentence glued to the name, as XML runs write it,
    # has a brand's shape; the work is kept only when an entry confirms it, never missing
    entries = "Lee K (2015) A flora. Journal of Plants 3: 1–10.\n"
    body = "The skull is restored (followingOstrom, 1964; versusSullivan, 1999; Lee 2015)."
    assert _findings(tmp_path, body, entries) == []
