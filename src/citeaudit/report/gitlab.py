"""GitLab code quality report: the JSON array a merge request widget reads.

Each finding is ``{description, check_name, fingerprint, severity, location: {path,
lines: {begin}}}``. The fingerprint identifies the problem across pipelines, so it
is built from the rule, the file and the message, not the line (a paragraph added
above must not make every finding "new"); identical findings get a counter.
Severities: error -> major, warning -> minor, info -> info (GitLab's own scale goes
up to blocker, which a citation problem never is).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

from citeaudit.audit_data import AuditResult
from citeaudit.encodable import encodable
from citeaudit.model.finding import Finding, Severity
from citeaudit.report.github import repo_relative
from citeaudit.report.interface import Reporter
from citeaudit.report.json_text import dumps
from citeaudit.report.printable import json_controls_escaped, printable

SEVERITIES: dict[Severity, str] = {
    Severity.ERROR: "major",
    Severity.WARNING: "minor",
    Severity.INFO: "info",
}


def issue(finding: Finding, fingerprint: str) -> dict[str, Any]:
    location = finding.location
    line = location.line if location.line and location.unit == "line" else 1
    description = finding.message
    if (location.unit != "line" or location.page is not None) and location.line is not None:
        # a Word paragraph, or a PDF's page and line: GitLab's one line number is the
        # line on its page, so the page is named in the text (as the GitHub report does)
        description = f"{location}: {description}"
    return {
        # what the merge request widget draws: the rule's sentence with an entry or a
        # file name quoted in it, whose unclosed U+202E turned the rest of the sentence;
        # shown as the text report shows it (the path names the file, as written)
        "description": printable(encodable(description), newlines=True),
        "check_name": encodable(finding.code),  # the rule code, as ruff writes it
        "fingerprint": fingerprint,
        "severity": SEVERITIES[finding.severity],
        "location": {"path": encodable(repo_relative(location.file)), "lines": {"begin": line}},
    }


def fingerprints(findings: tuple[Finding, ...]) -> list[str]:
    seen: Counter[str] = Counter()
    out = []
    for finding in findings:
        key = "\0".join((finding.code, finding.location.file, finding.message))
        seen[key] += 1
        key += f"\0{seen[key]}"
        out.append(hashlib.sha256(encodable(key).encode("utf-8")).hexdigest()[:32])
    return out


class GitlabReporter(Reporter):
    format = "gitlab"
    media_type = "application/json"
    extension = ".json"

    def render(self, result: AuditResult, *, color: bool = False) -> str:
        findings = result.findings
        issues = [issue(f, p) for f, p in zip(findings, fingerprints(findings), strict=True)]
        return json_controls_escaped(dumps(issues, "\n"))  # printed: moves no cursor
