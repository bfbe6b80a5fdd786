"""Report writers on hostile data (issue 11 point 5): a lone surrogate or a NUL in
one entry, or a file name that is not valid UTF-8, must not lose the whole report;
many references with many links must not make a writer quadratic (counted work at a
base size and 8 times it, tests/security/counted_work.py, not a clock)."""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from citeaudit.audit_data import AuditData, AuditResult, Phase, PhaseStatus
from citeaudit.bibliography.interface import Bibliography
from citeaudit.cli import main
from citeaudit.model import Finding, Fix, LinkCheck, LinkOutcome, Location, Person, Reference
from citeaudit.model.finding import Severity
from citeaudit.report.changes import ChangeEntry, ChangeKind, ChangesSection
from citeaudit.report.formats import REPORTERS
from citeaudit.report.html import HtmlReporter
from citeaudit.report.serialize import to_dict
from tests.security.counted_work import Case, assert_linear

BAD = "x\ud800y\x00z\udfff"


def hostile_result() -> AuditResult:
    reference = Reference(
        id="r" + BAD,
        index=1,
        location=Location("refs" + BAD + ".bib", 3),
        raw=BAD,
        key=BAD,
        authors=(Person(BAD, BAD),),
        year=2020,
        title=BAD,
        container=BAD,
        doi="10.1000/" + BAD,
        urls=("https://example.org/" + BAD,),
        extra=((BAD, BAD),),
    )
    finding = Finding(
        rule=BAD,
        code="BIB002",
        severity=Severity.ERROR,
        message=BAD,
        location=Location("refs" + BAD + ".bib", 3, 1),
        reference=reference.id,
        url="https://example.org/" + BAD,
        fix=Fix(BAD, BAD),
    )
    link = LinkCheck(
        url="https://example.org/" + BAD,
        outcome=LinkOutcome.BROKEN,
        reason=BAD,
        reference_ids=(reference.id,),
    )
    data = AuditData(
        manuscripts=(),
        bibliographies=(Bibliography("refs" + BAD + ".bib", "bibtex", (reference,)),),
        citations=(),
        matches=(),
        links=(link,),
        phases=(PhaseStatus(Phase.LINKS, done=False, reason=BAD),),
    )
    return AuditResult(data=data, findings=(finding,))


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
@pytest.mark.parametrize("color", [False, True])
def test_every_writer_writes_lone_surrogates_and_nul_as_replacement(fmt: str, color: bool) -> None:
    out = REPORTERS[fmt]().render(hostile_result(), color=color)
    out.encode("utf-8")  # raised UnicodeEncodeError before
    assert "\x00" not in out
    assert "x\ufffdy" in out
    if fmt in ("json", "sarif"):
        json.loads(out)


def test_stored_report_data_is_accepted_by_postgresql() -> None:
    """PostgreSQL refuses NUL (\\u0000) and lone surrogates in JSON and text."""
    stored = json.dumps(to_dict(hostile_result()), ensure_ascii=False)
    stored.encode("utf-8")
    assert "\\u0000" not in stored


def test_changes_section_with_hostile_data() -> None:
    changes = ChangesSection(
        since=datetime(2026, 1, 1, tzinfo=UTC),
        entries=(
            ChangeEntry(
                kind=ChangeKind.NEWLY_BROKEN,
                at=datetime(2026, 2, 1, tzinfo=UTC),
                reference_ids=(BAD,),
                url="https://example.org/" + BAD,
                reason=BAD,
            ),
        ),
    )
    page = HtmlReporter().render(hostile_result(), changes=changes)
    later = HtmlReporter.with_changes(hostile_result(), changes)
    for html in (page, later, HtmlReporter.render_changes(changes)):
        html.encode("utf-8")
        assert "\x00" not in html


@pytest.mark.skipif(sys.platform != "linux", reason="file names as raw bytes")
@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_file_name_that_is_not_utf8(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Python hands such a name over with lone surrogates (surrogateescape)."""
    name = os.fsdecode(b"refs-\xff\xfe.bib")
    bib = tmp_path / name
    bib.write_text("@article{k, title = {T}, year = 2020}\n@article{k, title = {U}}\n")
    out = tmp_path / f"report.{fmt}"
    code = main(["check", "--offline", "--format", fmt, "-o", str(out), str(bib)])
    assert code == 0  # a warning (the repeated key) is below --fail-on error
    text = out.read_text(encoding="utf-8")
    assert "\ufffd" in text or "%EF%BF%BD" in text


def many_references(n: int) -> AuditResult:
    """n references, each with a link, and n findings each in a file of its own."""
    references = tuple(
        Reference(id=f"r{i}", index=i, location=Location("refs.bib", i), raw="", title="T")
        for i in range(n)
    )
    links = tuple(
        LinkCheck(url=f"https://example.org/{i}", outcome=LinkOutcome.OK, reference_ids=(f"r{i}",))
        for i in range(n)
    )
    findings = tuple(
        Finding("r", "X001", Severity.INFO, "m", Location(f"file{i}.bib", 1), reference=f"r{i}")
        for i in range(n)
    )
    data = AuditData(
        manuscripts=(),
        bibliographies=(Bibliography("refs.bib", "bibtex", references),),
        citations=(),
        matches=(),
        links=links,
    )
    return AuditResult(data=data, findings=findings)


def render_json_and_sarif(result: AuditResult) -> tuple[dict[str, Any], str]:
    return to_dict(result), REPORTERS["sarif"]().render(result)


CASES = {"many references with many links": Case(many_references, render_json_and_sarif, 250)}


def test_many_references_with_many_links_render_in_linear_time() -> None:
    # one scan of every link per reference, and of every file per finding: quadratic
    assert_linear(__name__, "many references with many links")


def test_many_references_with_many_links_render_whole() -> None:
    n = 20_000
    report, sarif = render_json_and_sarif(many_references(n))
    assert report["references"][-1]["links"][0]["url"] == f"https://example.org/{n - 1}"
    artifacts = json.loads(sarif)["runs"][0]["artifacts"]
    assert len(artifacts) == n + 1  # the bibliography, and each finding's own file once
