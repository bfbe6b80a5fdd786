"""possible-missing-reference, citations-not-recognised, and one finding per missing work."""

from __future__ import annotations

from dataclasses import replace

from citeaudit.audit_data import AuditData
from citeaudit.bibliography.interface import Bibliography
from citeaudit.model import CitationKind, CitationMatch, Severity
from citeaudit.model.citation import Certainty
from citeaudit.rules.citations.citations_not_recognised import CitationsNotRecognised
from citeaudit.rules.citations.missing_reference import MissingReference
from citeaudit.rules.citations.possible_missing_reference import PossibleMissingReference
from citeaudit.rules.citations.uncited_reference import UncitedReference

from .conftest import cit, data, ref


def test_one_missing_work_cited_many_times_is_one_finding_listing_the_places() -> None:
    cits = [
        cit(f"c{i}", "(Okonkwo, 2016)", 10 * i, family="Okonkwo", year=2016) for i in range(1, 12)
    ]
    other = cit("c99", "(Lindgren, 2011)", 5, family="Lindgren", year=2011)
    matches = [CitationMatch(c.id) for c in [*cits, other]]
    found = list(MissingReference().check(data([], [*cits, other], matches)))
    assert [f.citation for f in found] == ["c1", "c99"]
    assert "cited 11 times" in found[0].message and "line 110" in found[0].message
    assert "cited" not in found[1].message.split("reference list")[-1]


def test_missing_reference_leaves_candidates_and_weak_citations_alone() -> None:
    candidate = replace(
        cit("c1", "Thornbury (2015)", 3, family="Thornbury", year=2015),
        narrative=True,
        certainty=Certainty.CANDIDATE,
    )
    weak = replace(cit("c2", "(May 2011)", 4, family="May", year=2011), certainty=Certainty.WEAK)
    matches = [CitationMatch("c1"), CitationMatch("c2")]
    assert list(MissingReference().check(data([], [candidate, weak], matches))) == []
    found = list(PossibleMissingReference().check(data([], [candidate, weak], matches)))
    assert [f.citation for f in found] == ["c1"]
    assert found[0].severity is Severity.WARNING and "Thornbury (2015" in found[0].message


def test_possible_missing_reference_is_silent_once_an_entry_confirms_it() -> None:
    candidate = replace(cit("c1", "Thornbury (2015)", 3), certainty=Certainty.CANDIDATE)
    refs = [ref("r1", "Thornbury", 2014, 20)]
    found = PossibleMissingReference().check(
        data(refs, [candidate], [CitationMatch("c1", (), ("r1",))])
    )
    assert list(found) == []


def _with_list(refs: list, cits: list, matches: list, fmt: str = "freetext") -> AuditData:  # type: ignore[type-arg]
    base = data(refs, cits, matches)
    return replace(base, bibliographies=(Bibliography("paper.md", fmt, tuple(refs)),))


def test_almost_nothing_cited_is_said_once_with_a_hint() -> None:
    refs = [ref(f"r{i}", f"Author{chr(65 + i)}", 2000 + i, 40 + i) for i in range(10)]
    cits = [cit("c1", "(AuthorA, 2000)", 3)]
    matches = [CitationMatch("c1", ("r0",))]
    audit = _with_list(refs, cits, matches)
    audit = replace(
        audit,
        manuscripts=(
            replace(
                audit.manuscripts[0],
                lines=(
                    replace(
                        audit.manuscripts[0].lines[0], text="Shown (1), (2,3) and (4-6) here (7)."
                    ),
                ),
            ),
        ),
    )
    assert list(UncitedReference().check(audit)) == []
    (summary,) = CitationsNotRecognised().check(audit)
    assert "9 of 10" in summary.message and "round brackets" in summary.message


def test_a_list_mostly_cited_gets_uncited_findings_and_no_summary() -> None:
    refs = [ref(f"r{i}", f"Author{chr(65 + i)}", 2000 + i, 40 + i) for i in range(10)]
    cits = [cit(f"c{i}", f"(Author{chr(65 + i)}, {2000 + i})", 3) for i in range(8)]
    matches = [CitationMatch(f"c{i}", (f"r{i}",)) for i in range(8)]
    audit = _with_list(refs, cits, matches)
    assert list(CitationsNotRecognised().check(audit)) == []
    assert [f.reference for f in UncitedReference().check(audit)] == ["r8", "r9"]


def test_a_bib_database_or_key_citations_are_never_summarised() -> None:
    refs = [ref(f"r{i}", f"Author{chr(65 + i)}", 2000 + i, 40 + i, key=f"k{i}") for i in range(10)]
    key = cit("c1", r"\cite{k0}", 3, key="k0", kind=CitationKind.KEY)
    audit = _with_list(refs, [key], [CitationMatch("c1", ("r0",))], fmt="bibtex")
    assert list(CitationsNotRecognised().check(audit)) == []
    assert len(list(UncitedReference().check(audit))) == 9
