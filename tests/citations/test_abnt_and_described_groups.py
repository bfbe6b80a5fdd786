"""Groups met in published articles, with made-up names: ABNT's original-edition year
("2011 [1979]"), "s/d" for no date, a description before the names ("lme function in
R package nlme, Pinheiro et al., 2014"), and an entry whose title holds a year the
list reader took for its own."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import Certainty
from tests.citations.helpers import document, reference


def _found(text: str) -> list[tuple[tuple[str, ...], int | None, bool, Certainty]]:
    return [(c.authors, c.year, c.no_date, c.certainty) for c in extract_citations(document(text))]


def test_original_edition_years_in_brackets_are_skipped() -> None:
    text = "(VELHOSO, 1988 [1975], 2011 [1954-1961], 2014 [1927]; TAVARES, 2017)"
    assert _found(text) == [
        (("VELHOSO",), 1988, False, Certainty.SURE),
        (("VELHOSO",), 2011, False, Certainty.SURE),
        (("VELHOSO",), 2014, False, Certainty.SURE),
        (("TAVARES",), 2017, False, Certainty.SURE),
    ]
    assert _found("Segundo Velhoso (2011 [1979], p. 12), a")[0][:2] == (("Velhoso",), 2011)


def test_sem_data_is_no_date() -> None:
    assert _found("(ARRUDA, s/d)") == [(("ARRUDA",), None, True, Certainty.SURE)]


def test_names_after_a_description_and_a_comma() -> None:
    found = _found("was fitted (data from the panel, wave two, Okafor and Lind, 2019). The")
    assert found == [(("Okafor", "Lind"), 2019, False, Certainty.SURE)]
    found = _found("fitted (mixed function in R package mixr, Tanabe et al., 2014).")
    assert [f[:2] for f in found] == [(("Tanabe",), 2014)]


def test_a_year_read_from_a_title_does_not_hide_the_publication_year() -> None:
    refs = [
        reference(
            1,
            "Quaresma",
            year=1758,
            raw="Quaresma, A.S. Controle de Aus bus Linnaeus, 1758 em mandioca. Tese, 2017.",
        ),
        reference(2, "Ferrante", year=2016, raw="Ferrante, L. (2016). Plans for 2018. J X."),
    ]
    cits = extract_citations(document("(Quaresma, 2017). Later (Ferrante, 2018)."))
    _, matches = match_citations(cits, refs)
    assert [(m.targets, m.year_mismatch) for m in matches] == [
        (("ref-1",), ()),
        ((), ("ref-2",)),
    ]


def test_years_joined_by_a_word_and_after_a_locator() -> None:
    assert [f[:2] for f in _found("(Tavares, 2019 e 2020; Okafor, 2018 and 2021)")] == [
        (("Tavares",), 2019),
        (("Tavares",), 2020),
        (("Okafor",), 2018),
        (("Okafor",), 2021),
    ]
    found = _found("(VELHOSO, 2015a, p. 12; 2015b)")
    assert [(f[0], f[1]) for f in found] == [(("VELHOSO",), 2015), (("VELHOSO",), 2015)]
    assert [f[:2] for f in _found("(Tavares, 2019 and Okafor, 2020)")] == [
        (("Tavares",), 2019),
        (("Okafor",), 2020),
    ]


def test_spanish_and_portuguese_cols_is_et_al() -> None:
    found = extract_citations(document("(Quiroga y cols., 2019; Tavares e cols., 2020)"))
    assert [(c.authors, c.et_al, c.year) for c in found] == [
        (("Quiroga",), True, 2019),
        (("Tavares",), True, 2020),
    ]
