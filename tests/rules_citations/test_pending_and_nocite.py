"""Citations of works not yet accepted, and \\nocite{*} (made-up examples)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from citeaudit.model import CitationKind, CitationMatch, Severity
from citeaudit.model.publication_status import ends_pending
from citeaudit.rules.citations.ambiguous_citation import AmbiguousCitation
from citeaudit.rules.citations.missing_reference import MissingReference
from citeaudit.rules.citations.possible_missing_reference import PossibleMissingReference

from .conftest import cit, data, ref


@pytest.mark.parametrize(
    "item",
    [
        "Quellmar, in prep.",
        "Quellmar et al. in prep",
        "Quellmar and Dost, in preparation",
        "Quellmar et al., submitted",
        "Quellmar, under review",
        "Quellmar, em preparação",
        "Quellmar y Dost, en preparación",
    ],
)
def test_a_pending_work_is_possibly_missing_not_missing(item: str) -> None:
    pending = cit("c1", f"({item})", 3, family="Quellmar")
    matches = [CitationMatch("c1")]
    assert list(MissingReference().check(data([], [pending], matches))) == []
    found = list(PossibleMissingReference().check(data([], [pending], matches)))
    assert [f.citation for f in found] == ["c1"]
    assert found[0].severity is Severity.WARNING
    assert "not yet published" in found[0].message


@pytest.mark.parametrize("item", ["Quellmar, in press", "Quellmar, n.d.", "Quellmar, 2019"])
def test_an_accepted_or_dated_work_stays_missing(item: str) -> None:
    year = 2019 if item.endswith("2019") else None
    listed = cit("c1", f"({item})", 3, family="Quellmar", year=year)
    matches = [CitationMatch("c1")]
    assert [f.citation for f in MissingReference().check(data([], [listed], matches))] == ["c1"]
    assert list(PossibleMissingReference().check(data([], [listed], matches))) == []


def test_a_matched_pending_citation_is_not_reported() -> None:
    refs = [ref("r1", "Quellmar", None, 10)]
    pending = cit("c1", "(Quellmar, in prep.)", 3, family="Quellmar")
    matches = [CitationMatch("c1", ("r1",))]
    assert list(PossibleMissingReference().check(data(refs, [pending], matches))) == []


def test_ends_pending_reads_only_the_year_slot() -> None:
    assert ends_pending("Brask et al. submitted.")
    assert not ends_pending("Submitted, 2019")  # a name, then a year
    assert not ends_pending("Quellmar, 2019")
    assert not ends_pending("x" * 100_000 + " in press")


def test_nocite_star_is_never_ambiguous() -> None:
    refs = [ref("r1", "Lee", 2020, 10), ref("r2", "Park", 2021, 11)]
    star = cit("c1", r"\nocite{*}", 2, key="*", kind=CitationKind.KEY)
    matches = [CitationMatch("c1", ("r1", "r2"))]
    assert list(AmbiguousCitation().check(data(refs, [star], matches))) == []


@pytest.mark.parametrize(
    ("item", "reported"),
    [
        ("Hartvig (1929–2015)", False),  # a life: a person, not a work
        ("Hartvig (1841-1924)", False),
        ("Hartvig (1964–1980)", True),  # a work published in parts, unlisted
        ("Hartvig et al. (1901–1990)", True),  # several people have no one life
        ("Hartvig (2015)", True),
    ],
)
def test_life_dates_after_a_name_are_no_missing_work(item: str, reported: bool) -> None:
    person = cit("c1", item, 3, family="Hartvig", year=int(item.split("(")[1][:4]))
    if "et al." in item:
        person = replace(person, et_al=True)
    person = replace(person, narrative=True)
    matches = [CitationMatch("c1")]
    found = list(MissingReference().check(data([], [person], matches)))
    assert bool(found) is reported
    assert list(PossibleMissingReference().check(data([], [person], matches))) == []
