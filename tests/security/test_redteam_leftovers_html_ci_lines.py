"""The HTML report printed to a CI log opens no runner command on any line.

``citeaudit check --format html`` writes the page to stdout; a finding's message, a
file's name or an entry's text keeps its own line breaks, so a line of the page could
open with the files' ``::add-mask::x`` or ``##vso[task.setvariable ...]`` -- a
GitHub Actions workflow command or an Azure Pipelines logging command in the job's
log. The page now writes such a line's first character as a numeric reference
(``&#58;``, ``&#35;``): the same text in a browser, no command in a log.
"""

from __future__ import annotations

import html

from citeaudit.model import Finding, Location, Severity
from citeaudit.report.html import HtmlReporter
from citeaudit.report.printable import html_controls_escaped
from tests.report.builders import make_result

LINES = (
    "::add-mask::secret",
    "  ::error::forged",
    "##vso[task.setvariable variable=X]y",
    "##[error]z",
)


def _opens_a_command(line: str) -> bool:
    return line.lstrip().lower().startswith(("::", "##vso[", "##["))


def test_no_line_of_the_html_report_opens_a_command() -> None:
    message = "m\n" + "\n".join(LINES)
    name = "\n".join(LINES) + ".bib"
    found = (Finding("r", "X1", Severity.ERROR, message, Location(name, 3, 1)),)
    page = HtmlReporter().render(make_result(found=found))
    assert not [line for line in page.splitlines() if _opens_a_command(line)]
    text = html.unescape(page)
    for line in LINES:
        assert line in text  # a browser reads the same text


def test_only_command_openings_change() -> None:
    assert html_controls_escaped("a\n# title\n:x\n#:\nb::c\n") == "a\n# title\n:x\n#:\nb::c\n"
    assert html_controls_escaped("a\n \u3000::x") == "a\n \u3000&#58;:x"
