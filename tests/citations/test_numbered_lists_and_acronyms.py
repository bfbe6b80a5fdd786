"""Matching classes met on published articles, with made-up examples of each:
author-year mentions in a manuscript that cites a numbered list by number, lists
labelled with bare numbers ("28 Moreau TK, ..."), acronyms of Romance organisation
names that leave their particles out."""

from __future__ import annotations

from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.document import Document, RawEntry
from citeaudit.matching.citations import match_citations
from citeaudit.matching.names import names_match
from citeaudit.model.citation import Certainty, CitationKind
from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference
from tests.citations.helpers import document, reference


def numbered(index: int, family: str, year: int, label: str | None = None) -> Reference:
    lead = f"{index}. " if label is None else label
    return Reference(
        id=f"ref-{index}",
        index=index,
        location=Location("paper.md", 100 + index),
        raw=f"{lead}{family} QR, Ostrander P. A made-up study. J Invented Res. {year};3:1-9.",
        authors=(Person(family, "QR"), Person("Ostrander", "P")),
        year=year,
    )


def with_list(text: str, refs: list[Reference]) -> Document:
    """The text as a manuscript whose own reference list holds `refs`."""
    doc = document(text)
    entries = tuple(RawEntry(r.raw, r.location, r.raw) for r in refs)
    return Document(path=doc.path, format=doc.format, lines=doc.lines, reference_entries=entries)


def test_unlisted_author_year_in_a_numeric_manuscript_is_only_a_candidate() -> None:
    refs = [numbered(i, f"Author{chr(64 + i)}", 2000 + i) for i in range(1, 7)]
    text = (
        "Asthma control was graded as usual (1,2). Scores rose (3). Rates fell (4-6).\n"
        "Table 1: Control of asthma (GINA 2018).\n"
        "Data were analysed with the software (Stata 2009) as before (2)."
    )
    kept, matches = match_citations(extract_citations(with_list(text, refs)), refs)
    author_year = [c for c in kept if c.kind is CitationKind.AUTHOR_YEAR]
    assert [(c.authors, c.certainty) for c in author_year] == [
        (("GINA",), Certainty.CANDIDATE),
        (("Stata",), Certainty.CANDIDATE),
    ]
    assert all(m.targets for c, m in zip(kept, matches, strict=True) if c.number)


def test_author_year_that_fits_an_entry_is_kept_in_a_numeric_manuscript() -> None:
    refs = [numbered(i, f"Author{chr(64 + i)}", 2000 + i) for i in range(1, 5)]
    refs.append(numbered(5, "Quenneville", 2016))
    text = "Seen before (1-3). Seen again (4). As Quenneville et al. (2016) found (5)."
    kept, matches = match_citations(extract_citations(with_list(text, refs)), refs)
    found = [(c.certainty, m.targets) for c, m in zip(kept, matches, strict=True) if c.authors]
    assert found == [(Certainty.SURE, ("ref-5",))]


def test_author_year_manuscript_still_reports_unlisted_works() -> None:
    refs = [reference(1, "Abernathy", year=2011), reference(2, "Birkeland", year=2013)]
    text = "(Abernathy, 2011; Birkeland, 2013). Later (Castellanos, 2015)."
    kept, _ = match_citations(extract_citations(document(text)), refs)
    assert [c.certainty for c in kept] == [Certainty.SURE] * 3


def test_bare_number_labels_keep_their_numbers_across_a_gap() -> None:
    # "4" was taken out of the list: "(5)" still cites the entry labelled 5.
    labels = [1, 2, 3, 5, 6]
    refs = [
        numbered(k, f"Author{chr(64 + n)}", 2000 + n, label=f"{n} ")
        for k, n in enumerate(labels, start=1)
    ]
    text = "Intro (1). More (2,3). Then (5). And (6). Also (4)."
    kept, matches = match_citations(extract_citations(with_list(text, refs)), refs)
    by_number = {c.number: m.targets for c, m in zip(kept, matches, strict=True)}
    assert by_number == {
        1: ("ref-1",),
        2: ("ref-2",),
        3: ("ref-3",),
        5: ("ref-4",),
        6: ("ref-5",),
        4: (),
    }


def test_a_year_first_entry_does_not_make_a_list_numbered() -> None:
    refs = [
        reference(1, "Abernathy", year=2011, raw="2011 Annual report of the made-up board."),
        reference(2, "Birkeland", year=2013, raw="Birkeland, T. (2013). A title."),
        reference(3, "Cuthbert", year=2014, raw="Cuthbert, R. (2014). A title."),
    ]
    kept, _ = match_citations(extract_citations(document("Cited [3] and (Birkeland, 2013).")), refs)
    assert [c.kind for c in kept] == [CitationKind.AUTHOR_YEAR]


def test_acronym_of_a_romance_name_leaves_particles_out() -> None:
    assert names_match("CNV", "Conselho Nacional de Vinhedos")
    assert names_match("IPLE", "Instituto Peninsular de Letras e Estudos")
    assert names_match("PTM", "Portal do Turismo de Mirandela")
    assert not names_match("CNV", "Conselho Nacional Veterinário de Avaliação")


def test_a_label_slip_in_a_numbered_list_is_mended_by_its_neighbours() -> None:
    # The list prints "1." again where "4." belongs, and "6." was taken out: "(7)"
    # still cites the entry labelled 7, "(6)" none.
    labels = [1, 2, 3, 1, 5, 7]
    refs = [
        numbered(k, f"Author{chr(64 + k)}", 2000 + k, label=f"{n}. ")
        for k, n in enumerate(labels, start=1)
    ]
    text = "Intro (1). More (2,3). Then (4). And (5). Gone (6). Last (7)."
    kept, matches = match_citations(extract_citations(with_list(text, refs)), refs)
    by_number = {c.number: m.targets for c, m in zip(kept, matches, strict=True)}
    assert by_number == {1: ("ref-1",), 2: ("ref-2",), 3: ("ref-3",), 4: ("ref-4",)} | {
        5: ("ref-5",),
        6: (),
        7: ("ref-6",),
    }


def test_a_name_of_another_year_in_a_numeric_manuscript_is_no_year_mismatch() -> None:
    refs = [numbered(i, f"Author{chr(64 + i)}", 2000 + i) for i in range(1, 5)]
    refs.append(numbered(5, "Hartwell", 2004))
    text = "Seen (1-3). Seen again (4). Graded by the Hartwell (1950) criteria (5)."
    kept, matches = match_citations(extract_citations(with_list(text, refs)), refs)
    assert [c.kind for c in kept] == [CitationKind.NUMERIC] * 5
    assert not any(m.year_mismatch for m in matches)


def test_round_brackets_in_a_superscript_manuscript_are_not_citations() -> None:
    refs = [numbered(i, f"Author{chr(64 + i)}", 2000 + i) for i in range(1, 9)]
    text = (
        "Adherence is low.^1,2^ It varies by region.^3^ Scales differ.^4-6^ Again.^7,8^\n"
        "Of the scale's items, some were dropped (2, 3, 5) and others reworded (4, 6, 7)."
    )
    kept, _ = match_citations(extract_citations(with_list(text, refs)), refs)
    assert sorted({c.text for c in kept}) == ["^1,2^", "^3^", "^4-6^", "^7,8^"]
