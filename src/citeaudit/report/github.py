"""GitHub Actions workflow commands: one annotation per finding, on its file and line.

``::error file=paper.md,line=21,col=5,title=CIT004 citation-year-mismatch::message``
shows the finding on the pull request's diff. Values are escaped as the Actions
runner unescapes them: ``%``, CR and LF in the message; also ``:`` and ``,`` in the
properties (a file name with a comma would otherwise end the property). Levels:
error, warning, and notice for info. A line is given only when the location counts
lines (a Word paragraph number is no line of the file). Plain lines (not commands)
end the log with the summary and the checks not done.
"""

from __future__ import annotations

import os

from citeaudit.audit_data import AuditResult
from citeaudit.encodable import encodable
from citeaudit.model.finding import Finding, Severity
from citeaudit.report.interface import Reporter
from citeaudit.report.printable import printable
from citeaudit.report.text import finding_sort_key, phase_notes, summary_line

LEVELS: dict[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}


def escape_data(text: str) -> str:
    """Message text as the runner reads it: controls shown, CR and LF escaped."""
    text = printable(encodable(text), newlines=True)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def repo_relative(file: str) -> str:
    """An absolute path inside the working folder made relative to it, with "/": CI
    annotations name files from the repository root (the job's working folder)."""
    if os.path.isabs(file):
        try:
            relative = os.path.relpath(file)
        except ValueError:  # another drive (Windows)
            return file.replace("\\", "/")
        if not relative.startswith(".."):
            file = relative
    return file.replace("\\", "/")


def annotation(finding: Finding) -> str:
    location = finding.location
    properties = [f"file={escape_property(repo_relative(location.file))}"]
    if location.line is not None and location.unit == "line":
        properties.append(f"line={location.line}")
        if location.column is not None:
            properties.append(f"col={location.column}")
    properties.append(f"title={escape_property(f'{finding.code} {finding.rule}')}")
    message = finding.message
    if finding.fix is not None:
        message += f"\nfix: {finding.fix.title}"
    if (location.unit != "line" or location.page is not None) and location.line is not None:
        message = f"{location}: {message}"  # a Word paragraph, a PDF's page and line
    return f"::{LEVELS[finding.severity]} {','.join(properties)}::{escape_data(message)}\n"


class GithubReporter(Reporter):
    format = "github"
    media_type = "text/plain"
    extension = ".txt"

    def render(self, result: AuditResult, *, color: bool = False) -> str:
        lines = [annotation(f) for f in sorted(result.findings, key=_order)]
        lines.append(printable(summary_line(result)) + "\n")
        lines.extend(printable(note) + "\n" for note in phase_notes(result))
        return encodable("".join(lines))


def _order(finding: Finding) -> tuple[str, tuple[int, int, int, int, str, str]]:
    return finding.location.file, finding_sort_key(finding)
