"""A work cited by its body and a noun phrase before its year ("the IUCN criteria
(2014)", "o Censo Demográfico (2010) do IBGE"), or by its title and year ("the second
edition of Genera Plantarum (1742)"): the entry was "never cited", and the title was
read as the names of a possibly missing work (issue 12, dev Pensoft and SciELO).
Both readings are weak: they confirm an entry, never report one missing. An "R
Development Core Team" citation is one organisation, matched whole. Made-up works."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.model.citation import Certainty
from citeaudit.model.finding import Finding
from citeaudit.model.location import Location


def _document(body: str, *entries: str) -> Document:
    return Document(
        path="p.md",
        format="markdown",
        lines=(Line("p.md", 1, body),),
        reference_entries=tuple(
            RawEntry(raw, Location("p.md", n), raw) for n, raw in enumerate(entries, start=2)
        ),
    )


def _findings(tmp_path: Path, body: str, *entries: str) -> list[tuple[str, str]]:
    path = tmp_path / "paper.md"
    listed = "\n\n".join(entries)
    path.write_text(f"# Results\n\n{body}\n\n# References\n\n{listed}\n", encoding="utf-8")
    found: tuple[Finding, ...] = audit(AuditInput(manuscripts=(path,))).findings
    return [(f.code, f.message.split(" is in the")[0].split(" has no")[0]) for f in found]


_OTTER = "Brook A (2011) Otters of the Varna delta. Journal of Rivers 3: 1-9."


# -- an organisation beside its year -------------------------------------------------


def test_acronym_before_a_noun_phrase_and_year_is_read() -> None:
    doc = _document(
        "Each species was assessed under the IUCN criteria (2014) as vulnerable.",
        "IUCN (2014) Guidelines for using the IUCN Red List categories and criteria. Gland.",
    )
    (cit,) = extract_citations(doc)
    assert (cit.authors, cit.year, cit.certainty, cit.narrative) == (
        ("IUCN",),
        2014,
        Certainty.WEAK,
        False,
    )


def test_capitalised_words_of_the_entry_may_stand_between() -> None:
    doc = _document(
        "We followed IUCN Red List categories and criteria (2017) for all taxa.",
        "IUCN (2017) Guidelines for using the IUCN Red List categories and criteria. Gland.",
    )
    assert [c.authors for c in extract_citations(doc)] == [("IUCN",)]


def test_organisation_after_the_year_behind_a_linking_word() -> None:
    doc = _document(
        "A população foi estimada pelo Censo Demográfico (2010) do IBGE para o município.",
        "IBGE. Censo demográfico 2010. Rio de Janeiro: IBGE, 2010.",
    )
    (cit,) = extract_citations(doc)
    assert (cit.authors, cit.year, cit.certainty) == (("IBGE",), 2010, Certainty.WEAK)


def test_a_person_between_the_body_and_the_year_is_the_persons_citation() -> None:
    doc = _document(
        "The IUCN data were analysed by Brook (2014) for the delta.",
        "IUCN (2014) Guidelines for using the IUCN Red List categories and criteria. Gland.",
    )
    assert [c.authors for c in extract_citations(doc)] == [("Brook",)]


def test_a_year_the_bodys_entries_do_not_hold_is_no_citation_of_it() -> None:
    doc = _document(
        "Each species was assessed under the IUCN criteria (2001) as vulnerable.",
        "IUCN (2014) Guidelines for using the IUCN Red List categories and criteria. Gland.",
    )
    assert all(c.authors != ("IUCN",) for c in extract_citations(doc))


def test_the_body_touching_its_year_stays_a_sure_citation() -> None:
    doc = _document(
        "Following IUCN (2014), the species is vulnerable.",
        "IUCN (2014) Guidelines for using the IUCN Red List categories and criteria. Gland.",
    )
    (cit,) = extract_citations(doc)
    assert cit.narrative and cit.certainty is not Certainty.WEAK  # the author-year reader's


def test_a_person_entry_is_no_organisation() -> None:
    doc = _document(
        "The Brook method (2011) was used.",
        _OTTER,
    )
    assert all(c.authors != ("Brook A",) for c in extract_citations(doc))


def test_organisation_entries_are_cited_end_to_end(tmp_path: Path) -> None:
    body = (
        "Species were assessed under the IUCN criteria (2014) and the population taken "
        "from the Censo (2010) do IBGE. Otters declined (Brook 2011)."
    )
    findings = _findings(
        tmp_path,
        body,
        "IBGE. Censo demográfico 2010. Rio de Janeiro: IBGE, 2010.",
        "IUCN (2014) Guidelines for using the IUCN Red List categories and criteria. Gland.",
        _OTTER,
    )
    assert findings == []


def test_a_weak_organisation_citation_is_never_missing_nor_a_mismatch(tmp_path: Path) -> None:
    body = "Species were assessed under the IUCN criteria (2001). Otters declined (Brook 2011)."
    findings = _findings(
        tmp_path,
        body,
        "IUCN (2014) Guidelines for using the IUCN Red List categories and criteria. Gland.",
        _OTTER,
    )
    # the 2014 guidelines are really never cited; the 2001 criteria are not reported
    assert findings == [("CIT001", "IUCN (2014)")]


# -- a title and its year --------------------------------------------------------------


def test_title_before_a_year_cites_the_entry_of_that_title() -> None:
    doc = _document(
        "The second edition of Flora Varnensis (1742) already lists the genus.",
        "Linde C (1742) Flora varnensis, ed. 2. Lugduni Batavorum.",
    )
    (cit,) = extract_citations(doc)
    assert (cit.authors, cit.year, cit.certainty, cit.narrative) == (
        ("Linde",),
        1742,
        Certainty.WEAK,
        False,
    )


def test_title_after_authors_and_in_with_an_original_year() -> None:
    doc = _document(
        "Marlow and Penn in Plantae Varnenses (1809 [1808]) described it.",
        "Marlow A, Penn B (1809 [1808]) Plantae varnenses. Vol. 2. Paris.",
    )
    cits = extract_citations(doc)
    assert [(c.authors, c.year, c.certainty) for c in cits] == [(("Marlow",), 1809, Certainty.WEAK)]


def test_names_heading_an_entry_are_no_title() -> None:
    doc = _document(
        "As Flora Varna (1742) showed, the genus is old.",
        "Flora Varna C (1742) Notes on a genus. Lugduni Batavorum.",
    )
    assert all(c.certainty is not Certainty.WEAK for c in extract_citations(doc))


def test_title_of_another_year_is_no_citation_of_it() -> None:
    doc = _document(
        "The second edition of Flora Varnensis (1754) already lists the genus.",
        "Linde C (1742) Flora varnensis, ed. 2. Lugduni Batavorum.",
    )
    assert all(c.authors != ("Linde",) for c in extract_citations(doc))


def test_titles_are_cited_and_not_possibly_missing_end_to_end(tmp_path: Path) -> None:
    body = (
        "The second edition of Flora Varnensis (1742) lists the genus. Marlow and Penn "
        "in Plantae Varnenses (1809 [1808]) described it. Otters declined (Brook 2011)."
    )
    findings = _findings(
        tmp_path,
        body,
        "Linde C (1742) Flora varnensis, ed. 2. Lugduni Batavorum.",
        "Marlow A, Penn B, Kurz C (1809 [1808]) Plantae varnenses. Vol. 2. Paris.",
        _OTTER,
    )
    assert findings == []


# -- the R Development Core Team -------------------------------------------------------


def test_r_development_core_team_is_one_organisation(tmp_path: Path) -> None:
    body = (
        "Analyses were run in R (R Development Core Team 2014). R Development Core "
        "Team (2014) describes it. Otters declined (Brook 2011)."
    )
    findings = _findings(
        tmp_path,
        body,
        "R Development Core Team. 2014. R: A language and environment for statistical "
        "computing. R Foundation for Statistical Computing, Vienna.",
        _OTTER,
    )
    assert findings == []


def test_r_core_team_is_no_year_mismatch_of_the_development_core_team(tmp_path: Path) -> None:
    body = "Analyses were run in R (R Development Core Team 2014). Otters declined (Brook 2011)."
    findings = _findings(
        tmp_path,
        body,
        "R Core Team (2021) R: A language and environment for statistical computing. Vienna.",
        _OTTER,
    )
    codes = [code for code, _ in findings]
    assert "CIT003" not in codes  # no year mismatch: another body's work
    assert codes.count("CIT002") == 1  # the 2014 work is missing


def test_names_joined_before_a_year_are_no_organisation_citation() -> None:
    doc = _document(
        "Os dados de SILVA e SOUZA (2010) confirmam.",
        "SILVA JA, SOUZA B. Um estudo do censo. Revista 1: 1-9, 2010.",
    )
    # the author-year reader's narrative, not a body's citation
    assert [c.narrative for c in extract_citations(doc)] == [True]


def test_an_author_heading_an_entry_is_no_word_of_the_body() -> None:
    doc = _document(
        "The IUCN data analysed by Brook (2014) show it.",
        "IUCN (2014) Red List assessments compiled by Brook. Gland.",
        "Brook A (2014) Otters of the Varna delta. Journal of Rivers 3: 1-9.",
    )
    assert [c.authors for c in extract_citations(doc)] == [("Brook",)]


def test_acronym_set_off_from_the_name_by_a_dash(tmp_path: Path) -> None:
    body = "Foram usados dados do Censo (2010) do IBGE e de Brook (2011)."
    findings = _findings(
        tmp_path,
        body,
        "IBGE - Instituto Brasileiro de Geografia e Estatística. Censo Demográfico de 2010. "
        "Rio de Janeiro. Disponível em: http://www.ibge.example. Vários acessos.",
        "IBGE - Instituto Brasileiro de Geografia e Estatística. Pesquisa Nacional de 2013. "
        "Rio de Janeiro. Disponível em: http://www.ibge.example. Vários acessos.",
        _OTTER,
    )
    assert [code for code, _ in findings] == ["CIT001"]  # the 2013 survey only
    assert "2013" in findings[0][1]


def test_names_before_in_and_an_abbreviated_title() -> None:
    doc = _document(
        "The genus was published by Marlow and Penn in Pl. Varn. (1809) from Cumaná.",
        "Marlow A, Penn B (1809) Plantae varnenses. Vol. 2. Paris.",
    )
    cits = extract_citations(doc)
    assert [(c.authors, c.year, c.certainty) for c in cits] == [(("Marlow",), 1809, Certainty.WEAK)]


def test_names_before_in_of_no_entry_of_that_year_are_left_alone() -> None:
    doc = _document(
        "The genus was published by Marlow and Penn in Pl. Varn. (1812) from Cumaná.",
        "Marlow A, Penn B (1809) Plantae varnenses. Vol. 2. Paris.",
    )
    assert all(c.certainty is not Certainty.WEAK or c.narrative for c in extract_citations(doc))
