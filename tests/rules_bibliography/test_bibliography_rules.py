"""Bibliography rules over hand-built audit data: true positives and look-alikes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from citeaudit.audit_data import AuditData
from citeaudit.bibliography.interface import Bibliography, ParseProblem
from citeaudit.bibliography.loading import read_bibliography
from citeaudit.model import Applicability, Location, Person, Reference, Severity
from citeaudit.rules.bibliography import RULES
from citeaudit.rules.bibliography.duplicate_reference import DuplicateReference
from citeaudit.rules.bibliography.malformed_doi import MalformedDoi
from citeaudit.rules.bibliography.unparseable_reference import UnparseableReference

DATA = Path(__file__).resolve().parents[2] / "references" / "bibliographies"


def ref(
    rid: str,
    line: int,
    *,
    family: str = "Smith",
    year: int | None = 2019,
    title: str = "Deep learning for cells",
    key: str | None = None,
    **fields: object,
) -> Reference:
    return Reference(
        id=rid,
        index=line,
        location=Location("refs.bib", line),
        raw=f"@article{{{rid}, ...}}",
        key=key if key is not None else rid,
        authors=(Person(family, "J."),),
        year=year,
        title=title,
        **fields,  # type: ignore[arg-type]
    )


def audit(*bibs: Sequence[Reference], fmt: str = "bibtex") -> AuditData:
    return AuditData(
        manuscripts=(),
        bibliographies=tuple(
            Bibliography(f"refs{i}.bib", fmt, tuple(refs)) for i, refs in enumerate(bibs)
        ),
        citations=(),
        matches=(),
    )


def test_registered() -> None:
    assert {r.code for r in RULES} == {"BIB001", "BIB002", "BIB003", "BIB004", "BIB005"}


# --- duplicate-reference -----------------------------------------------------------


def test_same_key_twice_is_reported_at_the_later_entry() -> None:
    data = audit(
        [
            ref("a", 3, title="One"),
            ref("b", 10, title="Other"),
            ref("a~2", 26, key="a", title="Two"),
        ]
    )
    [finding] = DuplicateReference().check(data)
    assert (finding.reference, finding.location.line, finding.code) == ("a~2", 26, "BIB001")
    assert finding.severity is Severity.WARNING
    assert "line 3" in finding.message and "[a]" in finding.message
    assert finding.fix is not None and "own key" in finding.fix.title  # different works


def test_same_key_differing_only_in_case_is_a_duplicate() -> None:
    data = audit([ref("Smith2019", 1), ref("smith2019", 9, title="Deep learning for cells.")])
    [finding] = DuplicateReference().check(data)
    assert finding.reference == "smith2019"
    assert finding.fix is not None and "Delete" in finding.fix.title  # the same work


def test_same_doi_under_two_keys() -> None:
    data = audit([ref("a", 1, doi="10.1/x"), ref("b", 8, title="Something else", doi="10.1/x")])
    [finding] = DuplicateReference().check(data)
    assert finding.reference == "b" and "10.1/x" in finding.message and "line 1" in finding.message


def test_near_identical_title_same_author_and_year() -> None:
    data = audit(
        [
            ref("a", 1, title="Deep learning for cells: a review"),
            ref("b", 9, family="Smith", title="Deep Learning for Cells - A Review."),
        ]
    )
    [finding] = DuplicateReference().check(data)
    assert finding.reference == "b"


def test_accents_in_author_do_not_hide_a_duplicate() -> None:
    data = audit([ref("a", 1, family="Müller"), ref("b", 9, family="Muller")])
    assert [f.reference for f in DuplicateReference().check(data)] == ["b"]


def test_look_alikes_that_are_different_works() -> None:
    data = audit(
        [
            # 2019a / 2019b: the author says they differ
            ref("a1", 1, year_suffix="a"),
            ref("a2", 2, year_suffix="b"),
            # parts and volumes
            ref("v1", 7, family="Ng", title="Cell atlas, part 1"),
            ref("v2", 8, family="Ng", title="Cell atlas, part 2"),
            ref("w1", 9, family="Oh", title="Collected works", volume="1"),
            ref("w2", 10, family="Oh", title="Collected works", volume="2"),
            # same title, other year or other author
            ref("y1", 11, family="Roe", year=2019),
            ref("y2", 12, family="Roe", year=2020),
            ref("z1", 13, family="Poe"),
            ref("z2", 14, family="Doe"),
            # editorials with the same title in different journals
            ref("e1", 15, family="Fox", title="Editorial", container="Journal of Cells"),
            ref("e2", 16, family="Fox", title="Editorial", container="Annals of Bones"),
            # similar but different titles
            ref("t1", 17, family="Yu", title="Learning to see"),
            ref("t2", 18, family="Yu", title="Learning to sew"),
        ]
    )
    assert list(DuplicateReference().check(data)) == []


def test_same_titled_documents_told_apart_by_what_else_the_entry_gives() -> None:
    """Classes seen on published reference lists: a ministry's numbered bulletins with
    one title, a report whose sub-heading was read as its title, a book and its
    chapter, one title from two publishers."""
    data = audit(
        [
            ref(
                "b1",
                1,
                family="Brasil",
                title="Boletim epidemiológico",
                urls=("https://gov.example/b/103.pdf",),
            ),
            ref(
                "b2",
                2,
                family="Brasil",
                title="Boletim epidemiológico",
                urls=("https://gov.example/b/100.pdf",),
            ),
            ref(
                "m1",
                3,
                family="Ministry of Health",
                title="National Cancer Institute",
                publisher="Plan for cervical cancer",
            ),
            ref(
                "m2",
                4,
                family="Ministry of Health",
                title="National Cancer Institute",
                publisher="Cancer estimates 2010",
            ),
            ref("k1", 5, family="Ortiz", title="Handbook of rivers", kind="book"),
            ref("k2", 6, family="Ortiz", title="Handbook of rivers", kind="chapter", pages="1-20"),
            ref("u1", 7, family="Ames", title="Field methods", publisher="River Press"),
            ref("u2", 8, family="Ames", title="Field methods", publisher="Mountain Books"),
        ],
        fmt="freetext",
    )
    assert list(DuplicateReference().check(data)) == []


def test_real_duplicates_still_found_beside_those_guards() -> None:
    data = audit(
        [
            # one address written two ways
            ref("a1", 1, family="Brasil", urls=("http://www.gov.example/b/103.pdf",)),
            ref("a2", 2, family="Brasil", urls=("https://gov.example/b/103.pdf/",)),
            # one publisher written two ways
            ref("c1", 3, family="Cruz", publisher="Springer"),
            ref("c2", 4, family="Cruz", publisher="Springer, Berlin"),
            # address on one side only
            ref("d1", 5, family="Diaz", urls=("https://x.example/a",)),
            ref("d2", 6, family="Diaz"),
        ],
        fmt="freetext",
    )
    assert [f.reference for f in DuplicateReference().check(data)] == ["a2", "c2", "d2"]


def test_a_preprint_beside_its_published_version_is_an_info() -> None:
    data = audit(
        [
            # different DOIs, and a year apart
            ref("p1", 3, family="Lee", year=2019, doi="10.48550/arxiv.2001.00001"),
            ref("p2", 4, family="Lee", year=2020, doi="10.1016/j.x.2020.1"),
            # journal version first, preprint without DOI after
            ref("q1", 5, family="Kim", container="Nature"),
            ref("q2", 6, family="Kim", container="arXiv"),
            # far apart in time, or another title: not versions
            ref("r1", 7, family="Roe", year=2010, container="bioRxiv"),
            ref("r2", 8, family="Roe", year=2019, container="Cell"),
            ref("s1", 9, family="Sá", container="bioRxiv"),
            ref("s2", 10, family="Sá", title="Deep learning for bones", container="Cell"),
        ]
    )
    findings = list(DuplicateReference().check(data))
    assert [(f.reference, f.severity) for f in findings] == [
        ("p2", Severity.INFO),
        ("q2", Severity.INFO),
    ]
    assert "published version" in findings[0].message and "line 3" in findings[0].message
    assert "the preprint of" in findings[1].message


def test_a_work_listed_many_times_is_one_finding_naming_every_line() -> None:
    data = audit([ref(f"r{i}", i, title="Deep learning for cells.") for i in range(1, 15)])
    [finding] = DuplicateReference().check(data)
    assert finding.reference == "r2" and "line 1" in finding.message
    assert "13 more entries repeat" not in finding.message  # r2 is the first repeat
    assert "12 more entries repeat it: lines 3, 4, 5" in finding.message
    assert "11, 12 and 2 more" in finding.message and "and 2 more" in finding.message


def test_a_key_repeated_three_times_is_one_finding() -> None:
    data = audit([ref("a", 1, title="One"), ref("a", 5, title="Two"), ref("a", 9, title="Three")])
    [finding] = DuplicateReference().check(data)
    assert finding.location.line == 5 and "1 more entry repeats it: line 9" in finding.message
    assert finding.fix is not None and "own key" in finding.fix.title


def test_works_are_compared_within_one_bibliography_but_keys_across_files() -> None:
    works = audit([ref("a", 1)], [ref("b", 1)])
    assert list(DuplicateReference().check(works)) == []
    keys = audit([ref("a", 1)], [ref("a", 5, title="Other")])
    [finding] = DuplicateReference().check(keys)
    assert "refs.bib:1" in finding.message or "line 1" in finding.message


def test_duplicate_key_in_the_malformed_file() -> None:
    bib = read_bibliography(DATA / "malformed.bib")
    data = AuditData(manuscripts=(), bibliographies=(bib,), citations=(), matches=())
    [finding] = DuplicateReference().check(data)
    assert (finding.reference, finding.location.line) == ("first2020~2", 26)
    assert "line 3" in finding.message


def test_no_duplicates_in_the_good_file() -> None:
    bib = read_bibliography(DATA / "good.bib")
    data = AuditData(manuscripts=(), bibliographies=(bib,), citations=(), matches=())
    assert list(DuplicateReference().check(data)) == []


# --- unparseable-reference ---------------------------------------------------------


def test_one_finding_per_parse_problem() -> None:
    problems = (
        ParseProblem(Location("refs.bib", 11), "entry 'broken' could not be read"),
        ParseProblem(Location("refs.bib", 40), "line is not valid UTF-8"),
    )
    data = AuditData(
        manuscripts=(),
        bibliographies=(Bibliography("refs.bib", "bibtex", (), problems),),
        citations=(),
        matches=(),
    )
    findings = list(UnparseableReference().check(data))
    assert [(f.location.line, f.message, f.severity) for f in findings] == [
        (11, "entry 'broken' could not be read", Severity.ERROR),
        (40, "line is not valid UTF-8", Severity.ERROR),
    ]


def test_no_problems_no_findings() -> None:
    assert list(UnparseableReference().check(audit([ref("a", 1)]))) == []


# --- malformed-doi -----------------------------------------------------------------


def test_escaped_underscore_gets_a_safe_fix_on_the_doi_line() -> None:
    r = Reference(
        id="a",
        index=1,
        location=Location("refs.bib", 10),
        raw="@incollection{a,\n  title = {T},\n  doi = {10.1007/978-3-319-69790-1\\_7},\n}",
        key="a",
        doi="10.1007/978-3-319-69790-1_7",
        doi_raw="10.1007/978-3-319-69790-1\\_7",
    )
    [finding] = MalformedDoi().check(audit([r]))
    assert finding.location.line == 12
    assert finding.severity is Severity.ERROR and "escaped underscore" in finding.message
    assert finding.fix is not None
    assert finding.fix.replacement == "10.1007/978-3-319-69790-1_7"
    assert finding.fix.applicability is Applicability.SAFE


def test_not_a_doi_has_no_replacement() -> None:
    [finding] = MalformedDoi().check(audit([ref("a", 1, doi_raw="11.1234/x")]))
    assert finding.fix is not None and finding.fix.replacement is None
    assert finding.fix.applicability is Applicability.DISPLAY


def test_old_resolver_is_only_info() -> None:
    # (in a BibTeX doi field the resolver itself is the problem: test_doi_field_form)
    old = [ref("a", 1, doi_raw="http://dx.doi.org/10.1/x")]
    [finding] = MalformedDoi().check(audit(old, fmt="ris"))
    assert finding.severity is Severity.INFO
    assert finding.fix is not None and finding.fix.replacement == "https://doi.org/10.1/x"


def test_correct_dois_and_missing_dois_are_not_reported() -> None:
    refs = [
        ref("a", 1, doi_raw="10.1/x"),
        ref("b", 2, doi_raw="https://doi.org/10.1/Y"),
        ref("c", 3, doi_raw="doi:10.1016/0006-2952(79)90007-x"),
        ref("d", 4),
    ]
    assert list(MalformedDoi().check(audit(refs, fmt="ris"))) == []
    assert list(MalformedDoi().check(audit([refs[0], refs[3]]))) == []  # BibTeX: bare only


def test_markup_in_a_manuscript_reference_list_is_not_a_doi_problem() -> None:
    refs = [ref("a", 1, doi_raw="https://doi.org/10.1007/978-3-319-69790-1\\_7.")]
    assert list(MalformedDoi().check(audit(refs, fmt="freetext"))) == []
    assert len(list(MalformedDoi().check(audit(refs, fmt="bibtex")))) == 1


def test_malformed_file_reports_both_bad_dois() -> None:
    bib = read_bibliography(DATA / "malformed.bib")
    data = AuditData(manuscripts=(), bibliographies=(bib,), citations=(), matches=())
    findings = {f.reference: f for f in MalformedDoi().check(data)}
    assert set(findings) == {"first2020", "second2022"}
    assert findings["first2020"].location.line == 8
    second = findings["second2022"]
    assert second.severity is Severity.ERROR  # trailing "." breaks it, not only the old resolver
    # a BibTeX doi field holds the DOI alone (styles add the resolver)
    assert second.fix is not None and second.fix.replacement == "10.5555/ABC.123"
