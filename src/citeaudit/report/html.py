"""The HTML report: one self-contained file an editor can open and read.

Everything the page needs is inline (CSS only, no scripts, no fonts or images), so it
can be mailed or archived and still render. The only links that leave the page are
the entries' own DOIs and web addresses, and only http(s) ones become links: an
entry's ``javascript:`` URL stays text (`safe_href`, also a filter every template
link goes through). Jinja2 autoescaping is always on, since
every string shown comes from the user's files.

The view is prepared here, in plain dataclasses, so the template holds no logic
beyond loops and conditions.

A watched audit's report also shows what changed since the audit (a typed
`ChangesSection`, given by the caller: the core itself never asks a store). The
section is its own template, included by the page: the service keeps the typed
result and composes its page with today's changes (`with_changes`), never editing
a page rendered before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, TextIO

from citeaudit import __version__
from citeaudit.audit_data import AuditResult
from citeaudit.doi import doi_resolver_url
from citeaudit.encodable import encodable
from citeaudit.model.citation import Citation
from citeaudit.model.finding import Finding, Severity
from citeaudit.model.reference import Reference
from citeaudit.model.resolution import ResolutionState
from citeaudit.report.changes import ChangeEntry, ChangeKind, ChangesSection, describe, when
from citeaudit.report.href import safe_href
from citeaudit.report.interface import Reporter
from citeaudit.report.printable import html_controls_escaped
from citeaudit.report.text import (
    finding_sort_key,
    list_origin_notes,
    network_phases,
    nothing_checked,
    phase_note,
    summary_line,
    suppressed_findings,
    verdict,
)

if TYPE_CHECKING:
    import jinja2

TEMPLATE = "report.html"
_BLOCK = 64 * 1024  # characters of the page escaped and written at once
CHANGES_TEMPLATE = "changes.html"

REGISTRY_LABELS: dict[ResolutionState, str] = {
    ResolutionState.RESOLVED: "found",
    ResolutionState.NOT_FOUND: "not found",
    ResolutionState.AMBIGUOUS: "ambiguous",
    ResolutionState.SKIPPED: "not checked",
    ResolutionState.FAILED: "could not check",
}


COUNT_LABELS: dict[Severity, str] = {
    Severity.ERROR: "errors",
    Severity.WARNING: "warnings",
    Severity.INFO: "info",
}


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    href: str | None  # None: shown as text, not followed (not an http(s) address)


@dataclass(frozen=True, slots=True)
class FindingView:
    severity: str
    code: str
    rule: str
    message: str
    location: str
    citation_text: str | None
    url: Link | None
    fix_title: str | None
    fix_replacement: str | None
    fix_applicability: str | None


@dataclass(frozen=True, slots=True)
class ReferenceView:
    anchor: str
    index: int
    label: str
    raw: str
    location: str
    title: str | None
    year: str
    doi: Link | None
    urls: tuple[Link, ...]
    registry: str
    findings: tuple[FindingView, ...]
    worst: str | None


@dataclass(frozen=True, slots=True)
class PhaseView:
    name: str
    done: bool
    note: str


@dataclass(frozen=True, slots=True)
class ReportView:
    version: str
    title: str
    inputs: tuple[str, ...]
    references: int
    citations: int
    counts: tuple[tuple[str, int], ...]
    headline: str
    clean: bool
    nothing_checked: bool
    phases: tuple[PhaseView, ...]
    list_origins: tuple[str, ...]  # how each reference list was found and cut
    referenced: tuple[ReferenceView, ...]  # references that have findings
    citation_findings: tuple[FindingView, ...]  # about a citation, no known reference
    other_findings: tuple[FindingView, ...]  # about neither: unreadable input and the like
    all_references: tuple[ReferenceView, ...]
    # findings held back by the sources' comments, the configuration or the baseline,
    # each with its reason: listed, so the page never hides what an author suppressed
    suppressed: tuple[tuple[FindingView, str], ...] = ()


@dataclass(frozen=True, slots=True)
class ChangeItemView:
    when: str
    target: Link | None
    detail: str
    references: str


@dataclass(frozen=True, slots=True)
class ChangeGroupView:
    anchor: str
    title: str
    label: str
    badge: str  # a severity class the page's style already has
    items: tuple[ChangeItemView, ...]


@dataclass(frozen=True, slots=True)
class ChangesView:
    since: str | None
    total: int
    groups: tuple[ChangeGroupView, ...]


CHANGE_LABELS: dict[ChangeKind, str] = {
    ChangeKind.NEWLY_BROKEN: "newly broken",
    ChangeKind.STILL_BROKEN: "still broken",
    ChangeKind.RECOVERED: "recovered",
    ChangeKind.NEWLY_RETRACTED: "retracted",
    ChangeKind.NEW_NOTICE: "notice",
}
CHANGE_BADGES: dict[ChangeKind, str] = {
    ChangeKind.NEWLY_BROKEN: "error",
    ChangeKind.STILL_BROKEN: "warning",
    ChangeKind.RECOVERED: "info",
    ChangeKind.NEWLY_RETRACTED: "error",
    ChangeKind.NEW_NOTICE: "warning",
}


def web_link(url: str) -> Link:
    return Link(url, safe_href(url))


def doi_link(doi: str) -> Link:
    return Link(doi, doi_resolver_url(encodable(doi)))


def finding_view(finding: Finding, citations: dict[str, Citation]) -> FindingView:
    cited = citations.get(finding.citation) if finding.citation else None
    fix = finding.fix
    return FindingView(
        severity=finding.severity.value,
        code=finding.code,
        rule=finding.rule,
        message=finding.message,
        location=str(finding.location),
        citation_text=cited.text if cited is not None else None,
        url=web_link(finding.url) if finding.url else None,
        fix_title=fix.title if fix else None,
        fix_replacement=fix.replacement if fix else None,
        fix_applicability=fix.applicability.value if fix else None,
    )


def by_importance(findings: Sequence[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (-f.severity.rank, *finding_sort_key(f)))


def reference_label(ref: Reference) -> str:
    author = ref.first_author_family
    if author and len(ref.authors) > 2:
        author += " et al."
    elif author and len(ref.authors) == 2:
        author += f" & {ref.authors[1].family}"
    parts = [p for p in (author, ref.year_label) if p]
    return ", ".join(parts) if parts else (ref.key or ref.id)


def reference_view(
    n: int,
    ref: Reference,
    result: AuditResult,
    findings: Sequence[Finding],
    citations: dict[str, Citation],
) -> ReferenceView:
    resolution = result.data.resolutions.get(ref.id)
    ordered = by_importance(findings)
    return ReferenceView(
        anchor=f"entry-{n}",
        index=ref.index,
        label=reference_label(ref),
        raw=ref.raw,
        location=str(ref.location),
        title=ref.title,
        year=ref.year_label,
        doi=doi_link(ref.doi) if ref.doi else None,
        urls=tuple(web_link(u) for u in ref.urls),
        registry=REGISTRY_LABELS[resolution.state] if resolution else "not checked",
        findings=tuple(finding_view(f, citations) for f in ordered),
        worst=ordered[0].severity.value if ordered else None,
    )


def report_view(result: AuditResult) -> ReportView:
    data = result.data
    citations = {c.id: c for c in data.citations}
    refs = data.references
    ids = {r.id for r in refs}
    per_ref: dict[str, list[Finding]] = {}
    on_citations: list[Finding] = []
    other: list[Finding] = []
    for finding in result.findings:
        if finding.reference is not None and finding.reference in ids:
            per_ref.setdefault(finding.reference, []).append(finding)
        elif finding.citation is not None:
            on_citations.append(finding)
        else:
            other.append(finding)
    # A reference id shared by two bibliographies would get the same findings twice;
    # each finding is shown once, under the first entry with that id.
    shown: set[str] = set()
    views: list[ReferenceView] = []
    for n, ref in enumerate(refs, start=1):
        mine = per_ref.get(ref.id, []) if ref.id not in shown else []
        shown.add(ref.id)
        views.append(reference_view(n, ref, result, mine, citations))
    counts = {s: 0 for s in Severity}
    for finding in result.findings:
        counts[finding.severity] += 1
    phases = (
        PhaseView("offline checks", True, "done"),
        *(
            PhaseView(s.phase.value, s.done, phase_note(s).split(": ", 1)[1])
            for s in network_phases(result)
        ),
    )
    inputs = tuple(d.path for d in data.manuscripts) + tuple(
        b.source for b in data.bibliographies if b.source not in {d.path for d in data.manuscripts}
    )
    headline = verdict(result) or summary_line(result)
    return ReportView(
        version=__version__,
        title="citeaudit report" + (f": {inputs[0]}" if inputs else ""),
        inputs=inputs,
        references=len(refs),
        citations=len(data.citations),
        counts=tuple((COUNT_LABELS[s], counts[s]) for s in Severity),
        headline=headline,
        clean=not result.findings and not nothing_checked(result),
        nothing_checked=nothing_checked(result),
        phases=phases,
        list_origins=tuple(list_origin_notes(result)),
        referenced=tuple(v for v in views if v.findings),
        citation_findings=tuple(finding_view(f, citations) for f in by_importance(on_citations)),
        other_findings=tuple(finding_view(f, citations) for f in by_importance(other)),
        all_references=tuple(views),
        suppressed=tuple(
            (finding_view(f, citations), why) for f, why in suppressed_findings(result)
        ),
    )


def change_item(entry: ChangeEntry) -> ChangeItemView:
    if entry.kind is ChangeKind.STILL_BROKEN:
        seen = "since " + when(entry.since) if entry.since else "broken in the audit"
    else:
        seen = when(entry.at)
    if entry.url:
        target: Link | None = web_link(entry.url)
    else:
        target = doi_link(entry.doi) if entry.doi else None
    return ChangeItemView(
        when=seen,
        target=target,
        detail=describe(entry),
        references=", ".join(entry.reference_ids),
    )


def changes_view(section: ChangesSection) -> ChangesView:
    return ChangesView(
        since=when(section.since) if section.since else None,
        total=len(section.entries),
        groups=tuple(
            ChangeGroupView(
                anchor=f"changes-{kind.value.replace('_', '-')}",
                title=title,
                label=CHANGE_LABELS[kind],
                badge=CHANGE_BADGES[kind],
                items=tuple(change_item(e) for e in entries),
            )
            for kind, title, entries in section.groups()
        ),
    )


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    import jinja2  # only for an HTML report: `citeaudit check` starts faster without it

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("citeaudit", "report/templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_href"] = safe_href  # every href of the templates goes through it
    return env


class HtmlReporter(Reporter):
    format = "html"
    media_type = "text/html"
    extension = ".html"

    def render(
        self, result: AuditResult, *, color: bool = False, changes: ChangesSection | None = None
    ) -> str:
        """The page; with `changes`, a "Changes since the audit" section after the summary."""
        template = environment().get_template(TEMPLATE)
        view = changes_view(changes) if changes is not None else None
        page = template.render(report=report_view(result), changes=view)
        # `cat report.html` or `curl` of the API's report: the controls a terminal
        # obeys are numeric references, read alike by a browser
        return encodable(html_controls_escaped(page))

    def write(
        self,
        result: AuditResult,
        stream: TextIO,
        *,
        color: bool = False,
        changes: ChangesSection | None = None,
    ) -> None:
        """The page written as the template makes it, a block of whole lines at a time
        (the same text as `render`): the page was made whole, then escaped and cleaned
        as two more copies -- ~5 bytes held a byte written (20,000 findings: 54 MB for
        10 MB), in the API's own process on each report request. Each escape is a
        line's own (a character's reference, a command at a line's start), so a block
        cut after a line break is escaped as the page would be."""
        template = environment().get_template(TEMPLATE)
        view = changes_view(changes) if changes is not None else None
        held: list[str] = []
        size = 0
        for chunk in template.generate(report=report_view(result), changes=view):
            held.append(chunk)
            size += len(chunk)
            if size < _BLOCK or "\n" not in chunk:
                continue
            block = "".join(held)
            cut = block.rindex("\n") + 1
            stream.write(encodable(html_controls_escaped(block[:cut])))
            held, size = [block[cut:]], len(block) - cut
        stream.write(encodable(html_controls_escaped("".join(held))))

    @staticmethod
    def render_changes(changes: ChangesSection) -> str:
        """The changes section alone: an HTML fragment, escaped like the page."""
        template = environment().get_template(CHANGES_TEMPLATE)
        return encodable(html_controls_escaped(template.render(changes=changes_view(changes))))

    @classmethod
    def with_changes(cls, result: AuditResult, changes: ChangesSection | None) -> str:
        """The page of `result` with the "Changes since the audit" section composed in
        (a watched audit's stored result, rendered with today's changes)."""
        return cls().render(result, changes=changes)
