"""Text ↔ list ↔ registry years reconciled in one step, against the registry stand-in.

Records (references/crossref/build_records.py): 10.5555/hist.2014.22 is printed in
2014 only; 10.5555/ecol.2013.1187 is online on 9 December 2013 and in print in
January 2014; 10.5555/inpress.2023.0091 is online only, in no issue yet;
10.5555/plosone.2016.0158 online only but in a volume; 10.5555/preprint.2019.1230 a
preprint posted on 30 December 2019 and deposited on 2 January 2020;
10.5555/issueprint.2010.44 online in 2010 in an issue printed in 2011;
10.5555/old.1958.313 printed in 1958 and deposited in 2006.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from citeaudit.audit_data import AuditData, Phase, PhaseStatus
from citeaudit.bibliography.interface import Bibliography
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import Citation, CitationKind
from citeaudit.model.finding import Finding
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference
from citeaudit.model.resolution import Resolution
from citeaudit.resolve.resolver import RegistryResolver
from citeaudit.rules.citations.citation_year_mismatch import CitationYearMismatch
from citeaudit.rules.resolution import RULES
from tests.resolve.conftest import ref
from tests.resolve.helpers import by_rule

HIST = dict(
    doi="10.5555/hist.2014.22",
    title="Grain prices and parish relief in the Lincolnshire fens, 1795-1834",
    authors=("Ashdown",),
    container="Agricultural History Review",
)
ECOL = dict(
    doi="10.5555/ecol.2013.1187",
    title="Seed dispersal by frugivorous bats across a fragmented tropical landscape",
    authors=("Herrera", "Wójcik", "Begay"),
    container="Journal of Tropical Ecology",
)

Audit = Callable[..., list[Finding]]


def cite(family: str, year: int, line: int = 7) -> Citation:
    return Citation(
        id=f"c{line}",
        text=f"({family}, {year})",
        location=Location("paper.md", line),
        kind=CitationKind.AUTHOR_YEAR,
        item=f"{family}, {year}",
        authors=(family,),
        year=year,
    )


def findings(
    refs: Sequence[Reference],
    citations: Sequence[Citation],
    resolutions: dict[str, Resolution] | None,
) -> list[Finding]:
    kept, matches = match_citations(citations, refs)
    data = AuditData(
        manuscripts=(),
        bibliographies=(Bibliography("refs.bib", "bibtex", tuple(refs)),),
        citations=kept,
        matches=matches,
        resolutions=resolutions or {},
        phases=(PhaseStatus(Phase.RESOLUTION, resolutions is not None),),
    )
    rules = (*RULES, CitationYearMismatch) if resolutions is not None else (CitationYearMismatch,)
    return [f for rule in rules for f in rule().check(data)]


@pytest.fixture
def audit(make_resolver: Callable[..., RegistryResolver]) -> Audit:
    def go(entry: Reference, *cited: int, offline: bool = False) -> list[Finding]:
        family = entry.authors[0].family
        citations = [cite(family, year, line=7 + n) for n, year in enumerate(cited)]
        if offline:
            return findings([entry], citations, None)
        resolutions = dict(make_resolver().resolve([entry]).resolutions)
        return findings([entry], citations, resolutions)

    return go


# -- the three outcomes ---------------------------------------------------------------


def test_list_wrong_is_reported_at_the_entry_with_the_texts_year(audit: Audit) -> None:
    found = audit(ref("h", **HIST, year=2013), 2014)  # type: ignore[arg-type]
    hits = by_rule(found, "year-mismatch", "h")
    assert len(hits) == 1
    assert (
        "the text says 2014, the list says 2013, Crossref's print date is 2014 -- "
        "the list entry is wrong" in hits[0].message
    )
    assert hits[0].location == Location("refs.bib", 3)  # the entry, where the fix goes
    assert hits[0].fix is not None and hits[0].fix.replacement == "2014"
    assert by_rule(found, "citation-year-mismatch") == []  # the citation is right


def test_text_wrong_is_reported_at_the_citation_with_the_lists_year(audit: Audit) -> None:
    found = audit(ref("h", **HIST, year=2014), 2013)  # type: ignore[arg-type]
    hits = by_rule(found, "citation-year-mismatch")
    assert len(hits) == 1
    assert "the text says 2013, the list says 2014, Crossref's print date is 2014" in (
        hits[0].message
    )
    assert "the citation is wrong" in hits[0].message
    assert hits[0].location == Location("paper.md", 7) and hits[0].citation == "c7"
    assert hits[0].fix is not None and hits[0].fix.replacement == "2014"
    assert by_rule(found, "year-mismatch") == []


def test_both_wrong_fixes_both_places_to_the_registrys_year(audit: Audit) -> None:
    found = audit(ref("h", **HIST, year=2013), 2012)  # type: ignore[arg-type]
    entry, citation = by_rule(found, "year-mismatch"), by_rule(found, "citation-year-mismatch")
    assert len(entry) == 1 and len(citation) == 1
    assert "both wrong" in entry[0].message and "both wrong" in citation[0].message
    assert entry[0].location.file == "refs.bib" and citation[0].location.file == "paper.md"
    assert entry[0].fix and entry[0].fix.replacement == "2014"
    assert citation[0].fix and citation[0].fix.replacement == "2014"


@pytest.mark.parametrize(("listed", "cited"), [(2014, 2013), (2013, 2014)])
def test_registry_gives_both_years_so_the_citation_follows_the_list(
    audit: Audit, listed: int, cited: int
) -> None:
    found = audit(ref("e", **ECOL, year=listed), cited)  # type: ignore[arg-type]
    hits = by_rule(found, "citation-year-mismatch")
    assert len(hits) == 1
    assert "Crossref's online date is 2013" in hits[0].message
    assert "Crossref's print date is 2014" in hits[0].message
    assert "both are dates of the work" in hits[0].message
    assert hits[0].fix is not None and hits[0].fix.replacement == str(listed)
    assert by_rule(found, "year-mismatch") == []


def test_registry_that_cannot_choose_leaves_the_plain_text_and_list_check(
    audit: Audit,
) -> None:
    # Two deposits of the same paper: the resolution is ambiguous, no record to judge by.
    dup = ref(
        "d",
        title="Measuring urban heat islands with crowdsourced thermometers",
        authors=("Petrova",),
        year=2020,
        container="Urban Climate",
    )
    found = audit(dup, 2021)
    hits = by_rule(found, "citation-year-mismatch")
    assert len(hits) == 1 and "Crossref" not in hits[0].message
    assert hits[0].fix is not None and hits[0].fix.replacement == "2020"
    assert by_rule(found, "year-mismatch") == []


def test_offline_the_text_and_list_are_compared_as_before(audit: Audit) -> None:
    found = audit(ref("h", **HIST, year=2013), 2014, offline=True)  # type: ignore[arg-type]
    hits = by_rule(found, "citation-year-mismatch")
    assert len(hits) == 1 and "Crossref" not in hits[0].message
    assert hits[0].fix is not None and hits[0].fix.replacement == "2013"


# -- silent: every date of the record counts --------------------------------------------


@pytest.mark.parametrize(
    ("doi", "author", "year"),
    [
        ("10.5555/ecol.2013.1187", "Herrera", 2013),  # online-first, a month before print
        ("10.5555/ecol.2013.1187", "Herrera", 2014),  # print
        ("10.5555/inpress.2023.0091", "Bianchi", 2024),  # online in November, in no issue
        ("10.5555/preprint.2019.1230", "Mehta", 2020),  # a preprint's deposit date
        ("10.5555/issueprint.2010.44", "Nguyen", 2011),  # the journal issue's print date
        ("10.5555/lncs.2021.17", "Tanaka", 2022),  # a chapter's printed volume
    ],
)
def test_online_first_print_issue_and_posting_years_are_silent(
    audit: Audit, doi: str, author: str, year: int
) -> None:
    found = audit(ref("r", doi=doi, authors=(author,), year=year), year)
    assert by_rule(found, "year-mismatch") == []
    assert by_rule(found, "citation-year-mismatch") == []


@pytest.mark.parametrize(
    ("doi", "author", "year"),
    [
        ("10.5555/plosone.2016.0158", "Lindqvist", 2017),  # online only, in a volume: no +1
        ("10.5555/old.1958.313", "Whitcombe", 2006),  # a journal article's deposit year
        ("10.5555/ecol.2013.1187", "Herrera", 2015),  # one after print
        ("10.5555/inpress.2023.0091", "Bianchi", 2025),
    ],
)
def test_no_blind_one_year_tolerance(audit: Audit, doi: str, author: str, year: int) -> None:
    found = audit(ref("r", doi=doi, authors=(author,), year=year))
    hits = by_rule(found, "year-mismatch", "r")
    assert len(hits) == 1 and "Crossref dates the work" in hits[0].message
