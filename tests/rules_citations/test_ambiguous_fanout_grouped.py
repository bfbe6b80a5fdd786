"""A work cited many times that fits many entries is one ambiguous-citation finding
naming a bounded number of them, and the rules walk each shared tuple of targets once
(the red-team case: N citations of one name against N entries of it fanned out N x N;
its counted-work test is tests/security/test_redteam_ambiguous_fanout.py)."""

from __future__ import annotations

from dataclasses import replace

from citeaudit.model import Citation, CitationMatch, Reference
from citeaudit.rules.citations._cited import cited_ids
from citeaudit.rules.citations.ambiguous_citation import AmbiguousCitation
from citeaudit.rules.citations.uncited_reference import UncitedReference

from .conftest import cit, data, ref


def _fanned(n: int) -> tuple[list[Reference], list[Citation], list[CitationMatch]]:
    refs = [ref(f"r{i}", "Okonkwo", 2016, i + 10) for i in range(n)]
    targets = tuple(r.id for r in refs)  # one tuple, as the matcher shares it
    cits = [cit(f"c{i}", "(Okonkwo, 2016)", 100 + i, family="Okonkwo", year=2016) for i in range(n)]
    matches = [CitationMatch(c.id, targets=targets) for c in cits]
    return refs, cits, matches


def test_one_work_cited_many_times_is_one_finding_naming_at_most_twelve() -> None:
    refs, cits, matches = _fanned(30)
    found = list(AmbiguousCitation().check(data(refs, cits, matches)))
    assert len(found) == 1
    message = found[0].message
    assert "fits 30 entries" in message and "and 18 more" in message
    assert "cited 30 times" in message and message.count("Title of r") == 12
    assert found[0].citation == "c0"


def test_two_works_fitting_the_same_entries_are_two_findings() -> None:
    refs, cits, matches = _fanned(3)
    other = replace(cit("x", "(Okonkwo et al., 2016)", 5, family="Okonkwo", year=2016), et_al=True)
    found = list(
        AmbiguousCitation().check(
            data(refs, [*cits, other], [*matches, CitationMatch("x", matches[0].targets)])
        )
    )
    assert [f.citation for f in found] == ["c0", "x"]


def test_cited_entries_are_counted_once_per_shared_tuple() -> None:
    refs, cits, matches = _fanned(5)
    assert cited_ids(matches) == {r.id for r in refs}
    assert cited_ids([CitationMatch("c", year_mismatch=("r9",))]) == {"r9"}
    assert list(UncitedReference().check(data(refs, cits, matches))) == []
