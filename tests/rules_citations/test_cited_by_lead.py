"""An entry read wrongly still counts as cited by a citation of the name it opens with
(made-up entries; the fields are set as a parser that went wrong would set them)."""

from __future__ import annotations

from dataclasses import replace

from citeaudit.model import CitationMatch, Person
from citeaudit.rules.citations.missing_reference import MissingReference
from citeaudit.rules.citations.uncited_reference import UncitedReference

from .conftest import cit, data, ref


def _codes(refs, cits, matches) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    audit = data(refs, cits, matches)
    found = list(UncitedReference().check(audit)) + list(MissingReference().check(audit))
    return sorted((f.code, f.reference or f.citation or "") for f in found)


def _cited_list() -> tuple[list, list, list]:  # type: ignore[type-arg]
    refs = [ref(f"r{i}", name, 2000 + i, i) for i, name in enumerate(["Moreau", "Nilsson", "Park"])]
    cits = [cit(f"c{i}", f"({r.authors[0].family} {r.year})", 1) for i, r in enumerate(refs)]
    matches = [CitationMatch(c.id, targets=(r.id,)) for c, r in zip(cits, refs, strict=True)]
    return refs, cits, matches


def test_an_organisation_read_as_a_person_is_cited_by_its_whole_name() -> None:
    refs, cits, matches = _cited_list()
    wrong = replace(
        ref("rt", "Team", 2016, 9),
        raw="R Core Team (2016) R: A language and environment. R Foundation, Vienna.",
        authors=(Person("Team", "R. C."),),
    )
    lone = ref("rz", "Tanaka", 2011, 10)
    citation = cit("ct", "(R Core Team 2016)", 1, family="R Core Team", year=2016)
    found = _codes([*refs, wrong, lone], [*cits, citation], matches)
    assert found == [("CIT001", "rz")]


def test_an_entry_whose_year_was_not_found_is_cited_by_name_and_year() -> None:
    refs, cits, matches = _cited_list()
    wrong = replace(
        ref("rs", "Silva", None, 9),  # type: ignore[arg-type]
        raw="12. SILVA, J. M.; SOUZA, P. Título. Revista, v. 3, p. 1-10, jan./mar. 2015.",
    )
    citation = cit("cs", "(SILVA; SOUZA, 2015)", 1, family="SILVA", year=2015)
    assert _codes([*refs, wrong], [*cits, citation], matches) == []


def test_an_entry_read_right_keeps_the_matchers_refusal() -> None:
    refs, cits, matches = _cited_list()
    # read as it opens (Smith, 2010), refused by the matcher: another work of Smith's
    two = replace(
        ref("rj", "Smith", 2010, 9),
        raw="Smith, J., & Lee, K. (2010). A joint work. Journal of Things, 1, 1-2.",
    )
    citation = cit("cj", "(Smith 2010)", 1, family="Smith", year=2010)
    assert _codes([*refs, two], [*cits, citation], matches) == [("CIT001", "rj"), ("CIT002", "cj")]


def test_two_entries_opening_alike_leave_the_citation_missing() -> None:
    refs, cits, matches = _cited_list()
    a = replace(
        ref("ra", "Team", 2016, 9), raw="R Core Team (2016) R 3.3.", authors=(Person("Team", "R"),)
    )
    b = replace(
        ref("rb", "Team", 2016, 10), raw="R Core Team (2016) R 3.4.", authors=(Person("Team", "R"),)
    )
    citation = cit("ct", "(R Core Team 2016)", 1, family="R Core Team", year=2016)
    found = _codes([*refs, a, b], [*cits, citation], matches)
    assert ("CIT002", "ct") in found
