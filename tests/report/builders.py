"""Audit results built by hand, so each format's content can be checked exactly."""

from __future__ import annotations

from citeaudit.audit_data import AuditData, AuditResult, Phase, PhaseStatus
from citeaudit.bibliography.interface import Bibliography
from citeaudit.manuscript.document import Document, Line
from citeaudit.model import (
    Applicability,
    Citation,
    CitationKind,
    CitationMatch,
    Finding,
    Fix,
    Location,
    Person,
    Reference,
    Resolution,
    ResolutionState,
    Severity,
)

SCRIPT = "<script>alert('x')</script>"


def references() -> tuple[Reference, ...]:
    smith = Reference(
        id="smith2019",
        index=1,
        location=Location("refs.bib", 1),
        key="smith2019",
        raw="@article{smith2019, author={Smith, Ann}, year={2019}, title={On Things}}",
        authors=(Person("Smith", "Ann"),),
        year=2019,
        title="On Things",
        doi="10.1000/xyz",
        urls=("https://example.org/things",),
    )
    lee = Reference(
        id="lee2020",
        index=2,
        location=Location("refs.bib", 12),
        key="lee2020",
        raw="@book{lee2020, author={Lee, B. and Park, C.}, year={2020}}",
        authors=(Person("Lee", "B."), Person("Park", "C.")),
        year=2020,
        year_suffix="a",
    )
    evil = Reference(
        id="evil",
        index=3,
        location=Location("refs.bib", 20),
        key="evil",
        raw=f"@misc{{evil, title={{Tom & Jerry {SCRIPT}}}}}",
        title=f"Tom & Jerry {SCRIPT}",
        urls=("javascript:alert(1)",),
    )
    return (smith, lee, evil)


def citations() -> tuple[Citation, ...]:
    return (
        Citation(
            "cit-1",
            "(Smith, 2018)",
            Location("paper.md", 3, 7),
            CitationKind.AUTHOR_YEAR,
            item="Smith, 2018",
            authors=("Smith",),
            year=2018,
        ),
        Citation(
            "cit-2",
            "(Jones, 2020)",
            Location("paper.md", 10, 1),
            CitationKind.AUTHOR_YEAR,
            item="Jones, 2020",
            authors=("Jones",),
            year=2020,
        ),
        Citation(
            "cit-3",
            "(Lee & Park, 2020a)",
            Location("chapters/intro.md", 2, 5),
            CitationKind.AUTHOR_YEAR,
            item="Lee & Park, 2020a",
            authors=("Lee", "Park"),
            year=2020,
            year_suffix="a",
        ),
    )


def findings() -> tuple[Finding, ...]:
    """Deliberately out of order: the reports must sort them."""
    return (
        Finding(
            "citation-year-mismatch",
            "CIT004",
            Severity.ERROR,
            "(Smith, 2018) cites smith2019 with year 2018, but the entry says 2019",
            Location("paper.md", 3, 7),
            reference="smith2019",
            citation="cit-1",
            fix=Fix("Change the year to 2019", "2019", Applicability.UNSAFE),
        ),
        Finding(
            "doi-missing",
            "RES003",
            Severity.INFO,
            "lee2020 has no DOI",
            Location("refs.bib", 12),
            reference="lee2020",
            fix=Fix("Add the DOI 10.5555/lee"),
        ),
        Finding(
            "citation-without-reference",
            "CIT001",
            Severity.WARNING,
            "(Jones, 2020) matches no entry of the reference list",
            Location("paper.md", 10, 1),
            citation="cit-2",
        ),
        Finding(
            "unsafe-title",
            "BIB007",
            Severity.WARNING,
            f"title contains {SCRIPT}",
            Location("refs.bib"),
            reference="evil",
        ),
        Finding(
            "heading-missing",
            "CIT009",
            Severity.ERROR,
            "the document has no title",
            Location("paper.md", 1, 1),
        ),
        Finding(
            "ambiguous-citation",
            "CIT005",
            Severity.WARNING,
            "(Lee & Park, 2020a) fits two entries",
            Location("chapters/intro.md", 2, 5),
            reference="lee2020",
            citation="cit-3",
        ),
        Finding(
            "unparseable-reference",
            "BIB001",
            Severity.ERROR,
            "this entry could not be read",
            Location("refs.bib", 40),
        ),
    )


def make_result(
    refs: tuple[Reference, ...] | None = None,
    cits: tuple[Citation, ...] | None = None,
    found: tuple[Finding, ...] | None = None,
    phases: tuple[PhaseStatus, ...] | None = None,
) -> AuditResult:
    refs = references() if refs is None else refs
    cits = citations() if cits is None else cits
    doc = Document(
        path="paper.md",
        format="markdown",
        lines=(Line("paper.md", 1, "x"),),
        files=("paper.md", "chapters/intro.md"),
    )
    data = AuditData(
        manuscripts=(doc,),
        bibliographies=(Bibliography("refs.bib", "bibtex", refs),) if refs else (),
        citations=cits,
        matches=(CitationMatch("cit-1", (), ("smith2019",)),),
        resolutions={
            "smith2019": Resolution("smith2019", ResolutionState.SKIPPED, "--offline"),
        },
        phases=(
            (PhaseStatus(Phase.RESOLUTION, False, "--offline"), PhaseStatus(Phase.LINKS, True))
            if phases is None
            else phases
        ),
    )
    return AuditResult(data=data, findings=findings() if found is None else found)
