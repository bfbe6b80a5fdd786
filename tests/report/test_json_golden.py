"""The JSON report (schema_version 1), byte for byte, against a stored golden file.

Other tools read this shape; the golden file pins every key, its order and every
conditional key (a PDF page, a Word paragraph's excerpt, suppressed counts), so that
changing how the audit is encoded internally cannot change what users consume.
Regenerate only for an intended change of the contract (a new key, a new version).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from citeaudit import __version__
from citeaudit.audit_data import AuditResult
from citeaudit.model import (
    Finding,
    Hop,
    LinkCheck,
    LinkOutcome,
    Location,
    Notice,
    Person,
    RegistryRecord,
    Resolution,
    ResolutionState,
    Severity,
)
from citeaudit.model.resolution import DateKind, RecordDate

from .builders import make_result

GOLDEN = Path(__file__).parent / "data" / "json_report_v1.json"


def rich_result() -> AuditResult:
    """The builders' audit with every kind of value a report can carry."""
    base = make_result()
    record = RegistryRecord(
        doi="10.1000/xyz",
        source="crossref",
        title="On Things",
        authors=(Person("Smith", "Ann"), Person("WHO", organisation=True)),
        year=2019,
        years=(2018, 2019),
        container="Journal of Things",
        kind="journal-article",
        notices=(Notice("retraction", "10.1000/ret", "publisher", "2021-02-03"),),
        dates=(RecordDate(DateKind.ONLINE, 2018, 11, 2), RecordDate(DateKind.PRINT, 2019)),
        volume="4",
        issue="2",
    )
    resolution = Resolution(
        "smith2019",
        ResolutionState.RESOLVED,
        doi="10.1000/xyz",
        score=0.93,
        record=record,
        doi_registered=True,
        sources=("crossref",),
        container_registered=None,
    )
    links = (
        LinkCheck(
            "https://example.org/things",
            LinkOutcome.REDIRECTED,
            status=200,
            final_url="https://example.org/things/",
            hops=(Hop("https://example.org/things", 301),),
            attempts=2,
            checked_at="2026-01-02T03:04:05+00:00",
            reference_ids=("smith2019", "lee2020"),
        ),
        LinkCheck(
            "https://doi.org/10.1000/xyz",
            LinkOutcome.BROKEN,
            reason="status-404",
            status=404,
            archive_url="https://web.archive.org/web/2020/https://doi.org/10.1000/xyz",
            reference_ids=("smith2019",),
        ),
    )
    data = dataclasses.replace(base.data, resolutions={"smith2019": resolution}, links=links)
    pdf = Finding(
        "uncited-reference",
        "CIT002",
        Severity.WARNING,
        "never cited",
        Location("paper.pdf", 12, 3, page=4),
        reference="lee2020",
    )
    word = Finding(
        "malformed-doi",
        "BIB003",
        Severity.INFO,
        "odd DOI",
        Location("paper.docx", 7, None, unit="paragraph", excerpt="Smith (2019) said"),
        url="https://doi.org/10.1000/xyz",
    )
    findings = (*base.findings, pdf, word)
    return AuditResult(data=data, findings=findings, suppressed=((pdf, "baseline"),))


def rendered() -> str:
    from citeaudit.report.json import JsonReporter

    text = JsonReporter().render(rich_result())
    return text.replace(json.dumps(__version__), '"<version>"', 1)


def test_json_report_matches_the_golden_file() -> None:
    assert rendered() == GOLDEN.read_text(encoding="utf-8")


if __name__ == "__main__":  # regenerate: python -m tests.report.test_json_golden
    GOLDEN.write_text(rendered(), encoding="utf-8")
