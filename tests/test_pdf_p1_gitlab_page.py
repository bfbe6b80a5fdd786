"""A PDF's places are a page and the line on that page: GitLab's code quality report
has one line number, so a finding on p. 2, line 3 read as line 3 of the file, and
the page was nowhere. The description names the page (as the GitHub report does)."""

from __future__ import annotations

import json
from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.report.gitlab import GitlabReporter
from tests.manuscript.test_pdf_builder import Column, Page, write_pdf


def test_a_pdf_finding_names_its_page_in_the_gitlab_report(tmp_path: Path) -> None:
    pages = [
        Page([Column(["An opening page of prose with no citation at all."])]),
        Page(
            [
                Column(
                    [
                        "The method follows (Smith, 2020) closely.",
                        "",
                        "References",
                        "Smith, J. (2020). A book of methods. Press.",
                        "Brown, K. (2018). Another book. Press.",
                    ]
                )
            ]
        ),
    ]
    path = write_pdf(tmp_path / "paper.pdf", pages)
    result = audit(AuditInput(manuscripts=(path,)))
    issues = json.loads(GitlabReporter().render(result))
    uncited = [i for i in issues if i["check_name"] == "CIT001"]
    assert len(uncited) == 1
    assert "p. 2, line" in uncited[0]["description"]
    assert "Brown" in uncited[0]["description"]
