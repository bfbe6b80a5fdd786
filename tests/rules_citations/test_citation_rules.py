from __future__ import annotations

from citeaudit.model import CitationKind, CitationMatch, Severity
from citeaudit.rules.citations.ambiguous_citation import AmbiguousCitation
from citeaudit.rules.citations.citation_year_mismatch import CitationYearMismatch
from citeaudit.rules.citations.missing_reference import MissingReference
from citeaudit.rules.citations.uncited_reference import UncitedReference

from .conftest import cit, data, ref


def test_uncited_reference_reports_only_the_entry_nobody_cites() -> None:
    refs = [
        ref("r1", "Aditya", 2022, 40),
        ref("r2", "Yani", 2017, 41),
        ref("r3", "Lowndes", 2017, 42),
    ]
    cits = [cit("c1", "(Aditya, 2022)", 3), cit("c2", "(Lowndes, 2018)", 4)]
    matches = [CitationMatch("c1", ("r1",)), CitationMatch("c2", (), ("r3",))]
    found = list(UncitedReference().check(data(refs, cits, matches)))
    assert [f.reference for f in found] == ["r2"]
    assert found[0].location.line == 41
    assert "Yani (2017)" in found[0].message
    assert found[0].severity is Severity.WARNING


def test_uncited_reference_is_silent_without_a_manuscript_and_with_nocite_star() -> None:
    refs = [ref("r1", "Aditya", 2022, 40)]
    assert list(UncitedReference().check(data(refs, [], [], with_manuscript=False))) == []
    star = cit("c1", r"\nocite{*}", 2, key="*", kind=CitationKind.KEY)
    assert list(UncitedReference().check(data(refs, [star], [CitationMatch("c1")]))) == []


def test_missing_reference_names_the_citation_and_suggests_a_close_key() -> None:
    refs = [ref("smith2019", "Smith", 2019, 10, key="smith2019")]
    cits = [
        cit("c1", r"\citep{smtih2019}", 3, key="smtih2019", kind=CitationKind.KEY),
        cit("c2", "(Cooley, 2022)", 4, family="Cooley", year=2022),
        cit("c3", "[9]", 5, number=9, kind=CitationKind.NUMERIC),
    ]
    matches = [CitationMatch("c1"), CitationMatch("c2"), CitationMatch("c3")]
    found = list(MissingReference().check(data(refs, cits, matches)))
    assert [f.citation for f in found] == ["c1", "c2", "c3"]
    assert found[0].fix is not None and found[0].fix.replacement == "smith2019"
    assert "Cooley, 2022" in found[1].message
    assert "entry 9" in found[2].message and "1 entries" in found[2].message


def test_missing_reference_does_not_fire_for_matched_or_year_mismatched_citations() -> None:
    refs = [ref("r1", "Lowndes", 2017, 10)]
    cits = [cit("c1", "(Lowndes, 2018)", 3), cit("c2", "(Lowndes, 2017)", 4)]
    matches = [CitationMatch("c1", (), ("r1",)), CitationMatch("c2", ("r1",))]
    assert list(MissingReference().check(data(refs, cits, matches))) == []


def test_ambiguous_citation_lists_every_candidate() -> None:
    refs = [ref("r1", "Lee", 2020, 10, "a"), ref("r2", "Lee", 2020, 11, "b")]
    cits = [cit("c1", "(Lee, 2020)", 3), cit("c2", "(Lee, 2020a)", 4)]
    matches = [CitationMatch("c1", ("r1", "r2")), CitationMatch("c2", ("r1",))]
    found = list(AmbiguousCitation().check(data(refs, cits, matches)))
    assert len(found) == 1 and found[0].citation == "c1"
    assert "2020a" in found[0].message and "2020b" in found[0].message


def test_citation_year_mismatch_offers_the_entry_year() -> None:
    refs = [ref("r1", "Lowndes", 2017, 30)]
    cits = [cit("c1", "(Lowndes, 2018)", 3, family="Lowndes", year=2018)]
    found = list(CitationYearMismatch().check(data(refs, cits, [CitationMatch("c1", (), ("r1",))])))
    assert len(found) == 1
    assert (
        "2018" in found[0].message and "2017" in found[0].message and "line 30" in found[0].message
    )
    assert found[0].fix is not None and found[0].fix.replacement == "2017"


def test_citation_year_mismatch_is_silent_when_a_full_match_exists() -> None:
    refs = [ref("r1", "Lowndes", 2017, 30), ref("r2", "Lowndes", 2018, 31)]
    cits = [cit("c1", "(Lowndes, 2018)", 3)]
    matches = [CitationMatch("c1", ("r2",), ("r1",))]
    assert list(CitationYearMismatch().check(data(refs, cits, matches))) == []


def test_ambiguous_citation_leaves_a_work_listed_twice_to_duplicate_reference() -> None:
    from dataclasses import replace

    first = replace(ref("r1", "Santoso", 2021, 10), title="Lumbung benih desa", doi="10.5555/x")
    second = replace(ref("r2", "Santoso", 2021, 11), title="Lumbung Benih Desa", doi=None)
    cits = [cit("c1", "(Santoso, 2021)", 3)]
    found = list(
        AmbiguousCitation().check(data([first, second], cits, [CitationMatch("c1", ("r1", "r2"))]))
    )
    assert found == []
