"""The terminal report: read at a glance, like a linter's output.

One compiler-style line per finding (``file:line:col: CODE rule-name: message``) so
editors and CI logs can jump to it, the fix on an indented line, then a summary that
says how much was checked and which network phases did not run -- so "no problems"
is never claimed for checks that were not made.

The wording helpers here (`summary_line`, `list_origin_notes`, `phase_notes`,
`verdict`) are shared by the HTML report, so both say the same thing.

Every string from the user's files goes through `printable` before it is printed: an
ESC, a CR or a newline in a title or a file name is shown, never obeyed, and a
bidi override cannot reorder the line (`citeaudit.report.printable`).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from typing import TextIO

from rich.console import Console
from rich.text import Text

from citeaudit.audit_data import AuditResult, Phase, PhaseStatus
from citeaudit.encodable import encodable
from citeaudit.model.finding import Finding, Severity
from citeaudit.report.interface import Reporter
from citeaudit.report.printable import not_a_command, printable

SEVERITY_STYLES: dict[Severity, str] = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "yellow",
    Severity.INFO: "cyan",
}


_BLOCK = 1 << 16  # characters of report written at a time (`TextReporter.write`)


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``1 error``, ``2 errors``; `many` for irregular nouns (``0 info``)."""
    word = noun if count == 1 else (many if many is not None else noun + "s")
    return f"{count} {word}"


def finding_sort_key(finding: Finding) -> tuple[int, int, int, int, str, str]:
    """Page (a PDF's), line, then column, worst first at one place; unknown lines go last."""
    loc = finding.location
    page = loc.page if loc.page is not None else 0
    line = loc.line if loc.line is not None else 1 << 30
    column = loc.column if loc.column is not None else 0
    return (page, line, column, -finding.severity.rank, finding.code, finding.message)


def file_order(result: AuditResult, findings: Iterable[Finding]) -> list[str]:
    """Files in the order the user gave them (manuscript, its includes, bibliographies).

    Files only findings name (none should, but rules may evolve) follow, sorted.
    """
    known: dict[str, None] = {}  # an ordered set
    for doc in result.data.manuscripts:
        known.update(dict.fromkeys((doc.path, *doc.files)))
    known.update(dict.fromkeys(bib.source for bib in result.data.bibliographies))
    named = {f.location.file for f in findings}
    return [p for p in known if p in named] + sorted(named - known.keys())


def grouped_findings(result: AuditResult) -> list[tuple[str, list[Finding]]]:
    by_file: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_file.setdefault(finding.location.file, []).append(finding)
    return [
        (path, sorted(by_file[path], key=finding_sort_key))
        for path in file_order(result, result.findings)
    ]


# suppress.apply.BY_COMMENT: a reason that names a comment in the sources
BY_COMMENT = "suppressed by the comment at"


def in_source(reason: str) -> bool:
    """Whether a suppression was written in the sources (SARIF's ``inSource``)."""
    return reason.startswith(BY_COMMENT)


def suppressed_findings(result: AuditResult) -> list[tuple[Finding, str]]:
    """Every finding held back, with its reason, in file and line order: listed by
    every report, so an author's comment, configuration or baseline never hides a
    finding from the editor who audits their files -- it only keeps it from failing."""
    order = {
        path: i for i, path in enumerate(file_order(result, (f for f, _ in result.suppressed)))
    }
    return sorted(
        result.suppressed,
        key=lambda held: (order[held[0].location.file], finding_sort_key(held[0])),
    )


def severity_phrase(findings: Sequence[Finding]) -> str:
    counts = {s: 0 for s in Severity}
    for finding in findings:
        counts[finding.severity] += 1
    return ", ".join(
        [
            plural(counts[Severity.ERROR], "error"),
            plural(counts[Severity.WARNING], "warning"),
            plural(counts[Severity.INFO], "info", "info"),
        ]
    )


def checked_phrase(result: AuditResult) -> str:
    data = result.data
    phrase = (
        f"{plural(len(data.references), 'reference')}, {plural(len(data.citations), 'citation')}"
    )
    return phrase + (f" ({NO_MANUSCRIPT})" if list_alone(result) else "")


NO_MANUSCRIPT = "no manuscript: the reference list was audited on its own"


def list_alone(result: AuditResult) -> bool:
    """References but no manuscript text (a .bib or a pasted list): nothing could cite."""
    return bool(result.data.references) and not result.data.manuscripts


def nothing_checked(result: AuditResult) -> bool:
    return not result.data.references and not result.data.citations


def summary_line(result: AuditResult) -> str:
    """``21 references, 74 citations — 1 error, 2 warnings, 0 info``."""
    line = f"{checked_phrase(result)} — {severity_phrase(result.findings)}"
    if result.suppressed:
        line += f" ({len(result.suppressed)} suppressed)"
    return line


def verdict(result: AuditResult) -> str | None:
    """The plain sentence for an audit without findings; None when there are findings."""
    if result.findings:
        return None
    sentence = _verdict(result)
    if result.suppressed:  # "no problems" must not hide what was held back
        sentence = f"{sentence.removesuffix('.')} ({len(result.suppressed)} suppressed)."
    return sentence


def _verdict(result: AuditResult) -> str:
    if nothing_checked(result):
        return "Nothing was checked: no references and no citations were found in the input."
    data = result.data
    if list_alone(result):
        return (
            f"No problems found in {plural(len(data.references), 'reference')} ({NO_MANUSCRIPT})."
        )
    return (
        f"No problems found in {plural(len(data.references), 'reference')} "
        f"and {plural(len(data.citations), 'citation')}."
    )


def network_phases(result: AuditResult) -> list[PhaseStatus]:
    """Every network phase, done or not; one the audit did not record did not run."""
    recorded = {status.phase: status for status in result.data.phases}
    return [
        recorded.get(phase, PhaseStatus(phase, done=False))
        for phase in Phase
        if phase is not Phase.OFFLINE
    ]


def phase_note(status: PhaseStatus) -> str:
    if status.done:
        # A done phase may still have left some checks out (the audit's network
        # budget): "done" alone would read as "everything was checked".
        partly = f" ({status.reason})" if status.reason else ""
        return f"{status.phase.value}: done{partly}"
    reason = f" ({status.reason})" if status.reason else ""
    return f"{status.phase.value}: not done{reason}"


def phase_notes(result: AuditResult) -> list[str]:
    """One line per network phase that did not run or ran only in part, with its reason."""
    return [phase_note(s) for s in network_phases(result) if not s.done or s.reason]


def list_origin_notes(result: AuditResult) -> list[str]:
    """One line per reference list read from a manuscript (or a file that is only a
    list): how it was found and cut into entries. Every uncited and missing finding
    rests on that count, so the editor can check it against the manuscript; the file
    is named when the audit read more than one."""
    origins = result.data.list_origins
    many = len({o.file for o in origins}) > 1
    return [f"reference list{f' in {o.file}' if many else ''}: {o.describe()}" for o in origins]


def finding_lines(finding: Finding) -> list[Text]:
    head = Text()
    head.append(not_a_command(printable(f"{finding.location}: ")), style="bold")
    head.append(printable(finding.code), style=SEVERITY_STYLES[finding.severity])
    # The severity in words too: CI logs and screen readers have no colour.
    head.append(
        printable(f" {finding.rule} ({finding.severity.value}): "),
        style=SEVERITY_STYLES[finding.severity],
    )
    head.append(printable(finding.message))
    lines = [head]
    if finding.url and finding.url not in finding.message:
        lines.append(Text(printable(f"    url: {finding.url}"), style="dim"))
    if finding.fix is not None:
        fix = Text("    ")
        fix.append("fix:", style="green")
        fix.append(printable(f" {finding.fix.title}"))
        lines.append(fix)
    return lines


def report_lines(result: AuditResult) -> list[Text]:
    return list(iter_report_lines(result))


def iter_report_lines(result: AuditResult) -> Iterator[Text]:
    """The report's lines, each made as it is read (`TextReporter.write`)."""
    for _path, findings in grouped_findings(result):
        for finding in findings:
            yield from finding_lines(finding)
        yield Text("")
    held = suppressed_findings(result)
    if held:
        heading = f"suppressed ({len(held)}), not counted as problems:"
        yield Text(heading, style="dim")
        for finding, reason in held:
            line = not_a_command(printable(f"  {finding.location}: {finding.code} {finding.rule}"))
            line += printable(f" ({finding.severity.value}): {finding.message} [{reason}]")
            yield Text(line, style="dim")
        yield Text("")
    sentence = verdict(result)
    if sentence is not None:
        style = "bold yellow" if nothing_checked(result) else "bold green"
        yield Text(printable(sentence), style=style)
    else:
        worst = max(f.severity.rank for f in result.findings)
        style = next(SEVERITY_STYLES[s] for s in Severity if s.rank == worst)
        yield Text(printable(summary_line(result)), style=style)
    for note in (*list_origin_notes(result), *phase_notes(result)):
        yield Text(printable(note), style="dim")


def render_text(lines: Sequence[Text], *, color: bool) -> str:
    if not color:
        return "".join(not_a_command(printable(line.plain)) + "\n" for line in lines)
    buffer = io.StringIO()
    # Colour was asked for: the caller (the CLI) has already weighed NO_COLOR and
    # whether stdout is a terminal, so nothing here second-guesses it.
    console = Console(
        file=buffer,
        force_terminal=True,
        color_system="standard",
        no_color=False,
        highlight=False,
        soft_wrap=True,
        width=10_000,
        legacy_windows=False,
    )
    for line in lines:
        console.print(line)
    return buffer.getvalue()


class TextReporter(Reporter):
    format = "text"
    media_type = "text/plain"
    extension = ".txt"

    def render(self, result: AuditResult, *, color: bool = False) -> str:
        return encodable(render_text(report_lines(result), color=color))

    def write(self, result: AuditResult, stream: TextIO, *, color: bool = False) -> None:
        """Without colour, the report to `stream` a block of lines at a time: every
        finding's lines (rich `Text`s) at once, then the text and its copy, held ~6.6
        bytes a byte written (75,000 findings: 119 MB for an 18 MB report). A block
        ends after a line, so no surrogate pair spans two (`encodable`)."""
        if color:  # a terminal's report (the CLI): rich draws it whole
            stream.write(self.render(result, color=True))
            return
        pieces: list[str] = []
        size = 0
        for line in iter_report_lines(result):
            piece = not_a_command(printable(line.plain)) + "\n"
            pieces.append(piece)
            size += len(piece)
            if size >= _BLOCK:
                stream.write(encodable("".join(pieces)))
                pieces.clear()
                size = 0
        if pieces:
            stream.write(encodable("".join(pieces)))
