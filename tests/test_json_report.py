"""The JSON report's shape (schema_version 1) is a contract other tools depend on."""

from __future__ import annotations

import json

from citeaudit.audit_data import AuditData, AuditResult, Phase, PhaseStatus
from citeaudit.bibliography.interface import Bibliography
from citeaudit.model import (
    Citation,
    CitationKind,
    CitationMatch,
    Finding,
    Fix,
    Location,
    Person,
    Reference,
    Severity,
)
from citeaudit.report.json import JsonReporter


def _result() -> AuditResult:
    ref = Reference(
        id="ref-1",
        index=1,
        location=Location("paper.md", 40),
        raw="Yani, M. Y. (2017). X.",
        authors=(Person("Yani", "M. Y."),),
        year=2017,
        title="X",
        doi="10.1/x",
        urls=("https://example.org/x",),
    )
    cit = Citation(
        id="cit-1",
        text="(Yani, 2018)",
        location=Location("paper.md", 3, 7),
        kind=CitationKind.AUTHOR_YEAR,
        item="Yani, 2018",
        authors=("Yani",),
        year=2018,
    )
    data = AuditData(
        manuscripts=(),
        bibliographies=(Bibliography("paper.md", "freetext", (ref,)),),
        citations=(cit,),
        matches=(CitationMatch("cit-1", (), ("ref-1",)),),
        phases=(PhaseStatus(Phase.RESOLUTION, False, "--offline"),),
    )
    finding = Finding(
        "citation-year-mismatch",
        "CIT004",
        Severity.ERROR,
        "year differs",
        Location("paper.md", 3, 7),
        reference="ref-1",
        citation="cit-1",
        fix=Fix("Change the year to 2017", "2017"),
    )
    return AuditResult(data=data, findings=(finding,))


def test_json_report_has_the_documented_shape() -> None:
    report = json.loads(JsonReporter().render(_result()))
    assert report["schema_version"] == 1
    assert report["tool"]["name"] == "citeaudit"
    assert report["summary"] == {
        "references": 1,
        "citations": 1,
        "findings": {"error": 1, "warning": 0, "info": 0},
    }
    ref = report["references"][0]
    for key in (
        "id",
        "index",
        "key",
        "location",
        "raw",
        "authors",
        "year",
        "title",
        "container",
        "doi",
        "urls",
        "resolution",
        "links",
    ):
        assert key in ref, key
    assert ref["authors"] == [{"family": "Yani", "given": "M. Y."}]
    assert ref["location"] == {"file": "paper.md", "line": 40}
    assert report["citations"][0]["targets"] == ["ref-1"]
    assert report["citations"][0]["location"] == {"file": "paper.md", "line": 3, "column": 7}
    finding = report["findings"][0]
    assert finding["rule"] == "citation-year-mismatch" and finding["code"] == "CIT004"
    assert finding["location"]["column"] == 7
    assert finding["fix"]["title"] == "Change the year to 2017"
    assert finding["fix"]["replacement"] == "2017"
    assert report["phases"] == [{"phase": "resolution", "done": False, "reason": "--offline"}]
