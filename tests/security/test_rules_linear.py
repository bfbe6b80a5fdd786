"""Bibliography rules on hostile lists (issue 11, point 4): bounded work per entry.

duplicate-reference used to compare every entry with every earlier one of the same
first author and year, re-folding both titles each time: 500 entries by one author
in one year took ~14 s, 5,000 about 25 minutes. No clock: each shape's work is
counted at 150 and 1,200 entries (tests/security/counted_work.py; linear grows 8x,
pairwise 64x), and the findings must stay sensible at 5,000: a work listed 5,000
times is ONE finding, not thousands.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Sequence

import pytest

from citeaudit.audit_data import AuditData
from citeaudit.bibliography.interface import Bibliography
from citeaudit.model import Finding, Location, Person, Reference, Severity
from citeaudit.rules.bibliography.duplicate_reference import DuplicateReference
from citeaudit.rules.bibliography.malformed_doi import MalformedDoi
from citeaudit.rules.bibliography.unparseable_reference import UnparseableReference
from tests.security.counted_work import Case, assert_linear

N = 5_000


def noise(i: int, letters: int = 32) -> str:
    """Letters that differ wholly between entries (no two titles alike)."""
    digest = hashlib.sha256(str(i).encode()).hexdigest()
    return "".join(chr(ord("a") + int(c, 16)) for c in digest)[:letters]


def entry(i: int, *, key: str | None = None, **fields: object) -> Reference:
    base: dict[str, object] = {
        "authors": (Person("Smith", "J."),),
        "year": 2019,
        "title": "Deep learning for cells",
        "raw": f"@article{{r{i}, ...}}",
    }
    base.update(fields)
    return Reference(
        id=f"r{i}",
        index=i,
        location=Location("refs.bib", i + 1),
        key=key if key is not None else f"r{i}",
        **base,  # type: ignore[arg-type]
    )


def audit(refs: Sequence[Reference], fmt: str = "bibtex") -> AuditData:
    return AuditData(
        manuscripts=(),
        bibliographies=(Bibliography("refs.bib", fmt, tuple(refs)),),
        citations=(),
        matches=(),
    )


def run(check: Callable[[AuditData], object], data: AuditData) -> list[Finding]:
    findings: list[Finding] = list(check(data))  # type: ignore[call-overload]
    return findings


SHAPES_WITHOUT_DUPLICATES = {
    # one author, one year, titles that share nothing
    "same-author-year": lambda i: entry(i, title=noise(i)),
    # every title with the same head and tail: the title blocks are full
    "same-title-ends": lambda i: entry(
        i, title=f"Deep learning for the cells of {noise(i)} in a long review of rivers"
    ),
    # one title, but each entry another volume: a full block of different works
    "same-title-other-volumes": lambda i: entry(i, volume=str(i)),
    # no title at all: nothing to compare without a DOI
    "empty-titles": lambda i: entry(i, title=None),
    # every entry's title a run-on parse of 10,000 characters
    "run-on-titles": lambda i: entry(i, title=noise(i, 64) * 160),
}


SHAPES_WITH_DUPLICATES: dict[str, Callable[[int], Reference]] = {
    "one-work-repeated": lambda i: entry(i),
    "one-doi-repeated": lambda i: entry(i, title=noise(i), doi="10.1000/x"),
    "one-key-repeated": lambda i: entry(i, key="k", title=noise(i)),
    "preprints-interleaved": lambda i: entry(i, container="bioRxiv" if i % 2 else "Nature"),
}


def _listed(shape: Callable[[int], Reference], count: int) -> AuditData:
    return audit([shape(i) for i in range(count)])


def _duplicates(data: AuditData) -> object:
    return run(DuplicateReference().check, data)


def _hostile_dois(count: int) -> AuditData:
    near = "10.1000/" + "\\_." * 330
    huge = "10.1000/" + "\\_." * 3_000
    refs = [
        entry(i, doi_raw=value, raw=f"doi = {{{value}}}")
        for i in range(count)
        for value in (near, huge)
    ]
    return audit(refs, fmt="freetext")


CASES = {
    **{
        f"duplicates: {name}": Case(functools.partial(_listed, shape), _duplicates, 150)
        for name, shape in {**SHAPES_WITHOUT_DUPLICATES, **SHAPES_WITH_DUPLICATES}.items()
    },
    "malformed DOIs": Case(_hostile_dois, lambda data: run(MalformedDoi().check, data), 30),
}


@pytest.mark.parametrize("name", CASES)
def test_rule_work_grows_linearly(name: str) -> None:
    assert_linear(__name__, name)


@pytest.mark.parametrize("shape", SHAPES_WITHOUT_DUPLICATES)
def test_different_works_by_one_author_and_year_are_not_compared_pairwise(shape: str) -> None:
    refs = [SHAPES_WITHOUT_DUPLICATES[shape](i) for i in range(N)]
    assert run(DuplicateReference().check, audit(refs)) == []


def test_a_repeat_far_past_the_block_cap_is_still_found() -> None:
    """Beyond the author+year block's cap, a repeat is found by its title's head (a
    typo at the end) or tail (a typo at the start)."""
    title = "Deep learning for the cells of great rivers"
    refs = [entry(i, title=noise(i)) for i in range(N)]
    refs += [
        entry(N, title=title),
        entry(N + 1, title="Deep learning for the cells of great river"),
        entry(N + 2, title="Deap learning for the cells of great rivers"),
    ]
    [finding] = run(DuplicateReference().check, audit(refs))
    assert finding.reference == f"r{N + 1}" and f"line {N + 1} " in finding.message
    assert f"1 more entry repeats it: line {N + 3}" in finding.message


def test_a_work_listed_five_thousand_times_is_one_finding() -> None:
    [finding] = run(DuplicateReference().check, audit([entry(i) for i in range(N)]))
    assert finding.reference == "r1" and "line 1 " in finding.message
    assert f"{N - 2:,} more entries repeat it" in finding.message
    assert len(finding.message) < 600  # the lines named are capped too


def test_one_doi_five_thousand_times_is_one_finding() -> None:
    refs = [entry(i, title=noise(i), doi="10.1000/x") for i in range(N)]
    [finding] = run(DuplicateReference().check, audit(refs))
    assert "same DOI 10.1000/x" in finding.message and f"{N - 2:,} more" in finding.message


def test_one_key_five_thousand_times_is_one_finding() -> None:
    refs = [entry(i, key="k", title=noise(i)) for i in range(N)]
    [finding] = run(DuplicateReference().check, audit(refs))
    assert "repeats the key" in finding.message and f"{N - 2:,} more" in finding.message


def test_preprints_and_journal_versions_interleaved() -> None:
    refs = [entry(i, container="bioRxiv" if i % 2 else "Nature") for i in range(N)]
    findings = run(DuplicateReference().check, audit(refs))
    # the journal copies, the preprint copies, and the two versions of one work
    assert sorted(f.severity for f in findings) == sorted(
        [Severity.WARNING, Severity.WARNING, Severity.INFO]
    )


def test_malformed_doi_on_long_hostile_values() -> None:
    """Values just under the length limit get the full diagnosis; longer ones a short
    finding that does not copy kilobytes into the report."""
    near = "10.1000/" + "\\_." * 330
    huge = "10.1000/" + "\\_." * 3_000
    refs = [
        entry(i, doi_raw=value, raw=f"doi = {{{value}}}")
        for i in range(N // 10)
        for value in (near, huge)
    ]
    for fmt in ("freetext", "bibtex"):
        findings = run(MalformedDoi().check, audit(refs, fmt=fmt))
        assert len(findings) == len(refs)
        long = [f for f in findings if "characters long" in f.message]
        assert len(long) == N // 10 and all(len(f.message) < 300 for f in long)


def test_unparseable_reference_is_one_finding_per_problem() -> None:
    from citeaudit.bibliography.interface import ParseProblem

    problems = tuple(ParseProblem(Location("refs.bib", i), "could not be read") for i in range(N))
    data = AuditData(
        manuscripts=(),
        bibliographies=(Bibliography("refs.bib", "bibtex", (), problems),),
        citations=(),
        matches=(),
    )
    assert len(run(UnparseableReference().check, data)) == N
