"""The audit page's view: findings grouped by reference, from the stored typed result.

Prepared here in plain dataclasses, so the templates only loop and print. Every
string comes from the user's files; the templates escape it, and only http(s)
addresses ever become links.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from citeaudit.audit_data import AuditResult
from citeaudit.model.finding import Finding, Severity
from citeaudit.model.link import LinkCheck, LinkOutcome
from citeaudit.model.location import Location
from citeaudit.model.person import Person
from citeaudit.model.reference import Reference
from citeaudit.model.resolution import SOURCES, Resolution, ResolutionState
from citeaudit.report.html import Link, doi_link, web_link
from citeaudit.report.serialize import links_by_reference
from citeaudit.rules.registry import ALL_RULES
from citeaudit.web.chart import Chart, findings_chart
from citeaudit.web.i18n import gettext, ngettext
from citeaudit.web.marks import RANK, Segment, segments

SEVERITIES = ("error", "warning", "info")
# How the page may order the references with findings: the worst first (triage, the
# default), by kind of finding, or as the list numbers them.
SORTS = ("severity", "rule", "index")
_FIRST_ERRORS = 10  # errors listed in the summary itself, so they are on the first screen
# Findings (and clean entries) a page lists at most, the most serious first; the rest are
# a filter or a download away. Every view renders the page afresh: 25,000 findings were
# a 27 MB page, 7.6 s and 613 MB of the web process each time it was opened.
PAGE_FINDINGS = 1_000
_WORDS = re.compile(r"[^\w]+")


@dataclass(frozen=True, slots=True)
class Suggestion:
    kind: str  # "Archived copy", "DOI to add", "Final URL", ...
    link: Link


@dataclass(frozen=True, slots=True)
class FindingItem:
    severity: str
    code: str
    rule: str
    message: str
    line: int | None
    fix_title: str | None  # the fix, before its link when the link is part of it
    fix: Link | None
    fix_after: str  # the rest of the fix's title, after the link
    page: int | None = None  # a PDF's page: `line` is then the line on that page


@dataclass(frozen=True, slots=True)
class FieldDiff:
    name: str
    written: str
    registry: str
    differs: bool


@dataclass(frozen=True, slots=True)
class RegistryVersion:
    source: str
    doi: Link | None
    fields: tuple[FieldDiff, ...]


@dataclass(frozen=True, slots=True)
class ReferenceGroup:
    anchor: str
    number: int
    label: str
    location: str
    segments: tuple[Segment, ...]
    findings: tuple[FindingItem, ...]
    worst: str
    doi: Link | None
    registry: RegistryVersion | None
    suggestions: tuple[Suggestion, ...]


@dataclass(frozen=True, slots=True)
class ProblemRow:
    """One row of the compact table at the top: where a reference's card is, and why."""

    anchor: str
    number: int
    label: str
    worst: str
    codes: tuple[str, ...]
    location: str


@dataclass(frozen=True, slots=True)
class RuleOption:
    code: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class Findings:
    """The finished audit's findings, filtered, grouped by reference."""

    total: int
    shown: int
    matching: int  # findings the filters chose; past `PAGE_FINDINGS` not all are shown
    references: int
    citations: int
    counts: tuple[tuple[str, int, str], ...]  # severity, count, "3 errors"
    chart: Chart | None
    rules: tuple[RuleOption, ...]
    groups: tuple[ReferenceGroup, ...]
    table: tuple[ProblemRow, ...]  # the groups in one compact table, same order
    sort: str
    first: tuple[tuple[str, str, FindingItem], ...]  # errors to fix first: anchor, label, item
    loose: tuple[FindingItem, ...]  # about a citation or the input, not an entry
    clean_references: int
    clean: tuple[tuple[int, str, str], ...]  # entries without findings: number, label, raw
    phases: tuple[tuple[str, bool, str], ...]


def rule_names() -> dict[str, str]:
    """Each rule's label in the page's language ("Uncited reference", "Referensi tidak
    dikutip"): the English label is the catalog's key, so every rule has an entry
    (tests/web/test_languages.py holds each rule to it)."""
    return {code: gettext(english) for code, english in _english_names().items()}


@lru_cache(maxsize=1)
def _english_names() -> dict[str, str]:
    return {r.code: rule_label(r.name) for r in ALL_RULES}


def rule_label(name: str) -> str:
    """A rule's English label from its name: 'malformed-doi' -> 'Malformed DOI'."""
    words = ["DOI" if w == "doi" else w for w in name.split("-")]
    return " ".join(words)[:1].upper() + " ".join(words)[1:]


@lru_cache(maxsize=1)
def known_rules() -> frozenset[str]:
    """What ?rule= may name: a rule's code or its name."""
    return frozenset({r.code for r in ALL_RULES} | {r.name for r in ALL_RULES})


def count_label(severity: str, n: int) -> str:
    """ "3 errors", "2 info", in the page's language: the severities' own names, as
    the text report, the filter and the badges say them (it said "notes")."""
    if severity == "error":
        text = ngettext("%(n)s error", "%(n)s errors", n)
    elif severity == "warning":
        text = ngettext("%(n)s warning", "%(n)s warnings", n)
    else:
        text = ngettext("%(n)s info", "%(n)s info", n)
    return text % {"n": n}


def _authors(people: Sequence[Person]) -> str:
    names = [p.family for p in people if p.family]
    if len(names) > 3:
        return ", ".join(names[:3]) + " et al."
    return ", ".join(names)


def label(ref: Reference) -> str:
    names = [a.family for a in ref.authors if a.family]
    who = names[0] if names else None
    if who and len(names) > 2:
        who += " et al."
    elif who and len(names) == 2:
        who += f" & {names[1]}"
    year = f"{ref.year}{ref.year_suffix or ''}" if ref.year else None
    parts = [p for p in (who, year) if p]
    return ", ".join(parts) if parts else str(ref.key or ref.id)


def _same(a: str, b: str) -> bool:
    return _WORDS.sub(" ", a).strip().lower() == _WORDS.sub(" ", b).strip().lower()


def registry_version(ref: Reference, resolution: Resolution | None) -> RegistryVersion | None:
    """The registry's record beside the entry, when they differ in anything shown."""
    if resolution is None or resolution.state is not ResolutionState.RESOLVED:
        return None
    record = resolution.record
    if record is None:
        return None
    doi = record.doi or resolution.doi
    rows = [
        ("Title", ref.title or "", record.title or ""),
        ("Authors", _authors(ref.authors), _authors(record.authors)),
        ("Year", str(ref.year or ""), str(record.year or "")),
        ("Published in", ref.container or "", record.container or ""),
        ("DOI", ref.doi or "", doi or ""),
    ]
    fields = []
    for name, written, registry in rows:
        if name == "Year":
            differs = bool(ref.year and record.years) and ref.year not in record.years
            differs = differs or (bool(record.year) and not ref.year)
        elif name == "Published in":
            differs = False  # written containers are abbreviated too often to compare
        else:
            differs = bool(registry) and not _same(written, registry)
        if written or registry:
            fields.append(FieldDiff(name, written or "—", registry or "—", differs))
    if not any(f.differs for f in fields):
        return None
    return RegistryVersion(
        source=SOURCES.get(record.source, record.source or "registry"),
        doi=doi_link(doi) if doi else None,
        fields=tuple(fields),
    )


def suggestions(links: Sequence[LinkCheck], findings: Sequence[Finding]) -> list[Suggestion]:
    out: list[Suggestion] = []
    seen: set[tuple[str, str]] = set()

    def add(kind: str, link: Link) -> None:
        if link.href and (kind, link.href) not in seen:
            seen.add((kind, link.href))
            out.append(Suggestion(kind, link))

    for check in links:
        if check.archive_url and check.outcome is LinkOutcome.BROKEN:
            add("Archived copy", web_link(check.archive_url))
        if check.final_url and check.outcome is LinkOutcome.REDIRECTED:
            add("Final URL", web_link(check.final_url))
    for f in findings:
        replacement = f.fix.replacement if f.fix else None
        if f.code == "REG005" and replacement:
            add("DOI to add", doi_link(replacement))
        elif f.code == "REG002" and replacement:
            add("DOI of the work described", doi_link(replacement))
    return out


def finding_item(f: Finding) -> FindingItem:
    replacement = f.fix.replacement if f.fix else None
    title = f.fix.title if f.fix else None
    link = None
    if replacement:
        link = (
            doi_link(replacement) if re.match(r"^10\.\d{4,9}/\S+$", replacement) else None
        ) or web_link(replacement)
    after = ""
    if link is not None and title and replacement and replacement in title:
        title, _, after = title.partition(replacement)  # the link where the text was
    elif link is not None and title:
        title = f"{title} —"
    return FindingItem(
        severity=f.severity.value,
        code=f.code,
        rule=f.rule,
        message=f.message,
        line=f.location.line,
        page=f.location.page,
        fix_title=title,
        fix=link,
        fix_after=after,
    )


def _order(findings: Sequence[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (-f.severity.rank, f.code))


def _matches(f: Finding, severity: str | None, rule: str | None) -> bool:
    return (severity is None or f.severity.value == severity) and (
        rule is None or rule in (f.code, f.rule)
    )


def group(
    n: int,
    ref: Reference,
    findings: Sequence[Finding],
    resolution: Resolution | None = None,
    links: Sequence[LinkCheck] = (),
) -> ReferenceGroup:
    ordered = _order(findings)
    return ReferenceGroup(
        anchor=f"ref-{n}",
        number=n,
        label=label(ref),
        location=where(ref.location),
        segments=segments(ref.raw, ref, ordered),
        findings=tuple(finding_item(f) for f in ordered),
        worst=ordered[0].severity.value,
        doi=doi_link(ref.doi) if ref.doi else None,
        registry=registry_version(ref, resolution),
        suggestions=tuple(suggestions(links, ordered)),
    )


def where(location: Location) -> str:
    """ "refs.bib, line 12" (or "paragraph 21" for Word), in the page's language: the
    file is named, since an audit often has several (manuscript, .bib)."""
    file = location.file.replace("\\", "/").rsplit("/", 1)[-1]
    at = ""
    if location.line and location.unit == "paragraph":
        at = gettext("paragraph %(n)s") % {"n": location.line}
    elif location.line:
        at = gettext("line %(n)s") % {"n": location.line}
    if location.page:  # a PDF: "p. 7, line 12", as the editor finds it
        at = gettext("p. %(n)s") % {"n": location.page} + (f", {at}" if at else "")
    return ", ".join(part for part in (file, at) if part)


def _sorted(groups: list[ReferenceGroup], sort: str) -> list[ReferenceGroup]:
    if sort == "index":
        return groups
    if sort == "rule":
        return sorted(groups, key=lambda g: (g.findings[0].code, g.number))
    return sorted(groups, key=lambda g: (-RANK.get(g.worst, 0), g.number))


def findings_view(
    result: AuditResult,
    *,
    severity: str | None = None,
    rule: str | None = None,
    sort: str = "severity",
) -> Findings:
    """The page's findings. References with the worst findings come first by default:
    on a 400-entry audit, the two errors must not sit below 386 uncited entries."""
    names = rule_names()
    data = result.data
    everything = result.findings
    matching = [f for f in everything if _matches(f, severity, rule)]
    chosen = _order(matching)[:PAGE_FINDINGS] if len(matching) > PAGE_FINDINGS else matching
    refs = data.references
    ids = {r.id for r in refs}
    per_ref: dict[str, list[Finding]] = {}
    loose: list[Finding] = []
    for f in chosen:
        if f.reference is not None and f.reference in ids:
            per_ref.setdefault(f.reference, []).append(f)
        else:
            loose.append(f)
    with_any = {f.reference for f in everything if f.reference in ids}
    links = links_by_reference(result)
    groups: list[ReferenceGroup] = []
    seen: set[str] = set()
    for n, ref in enumerate(refs, start=1):
        mine = per_ref.get(ref.id) if ref.id not in seen else None
        seen.add(ref.id)
        if mine:
            resolution = data.resolutions.get(ref.id)
            groups.append(group(n, ref, mine, resolution, links.get(ref.id, ())))
    groups = _sorted(groups, sort if sort in SORTS else "severity")
    numbers = {r.id: n for n, r in enumerate(refs, start=1)}
    first: list[tuple[str, str, FindingItem]] = []
    for f in everything:  # every error, whatever the filter: the summary's to-do list
        if f.severity is not Severity.ERROR or len(first) >= _FIRST_ERRORS:
            continue
        number = numbers.get(f.reference) if f.reference is not None else None
        if number is None:
            first.append(("loose-h", where(f.location), finding_item(f)))  # paper.tex, line 3
        else:
            name = f"[{number}] {label(refs[number - 1])}"
            first.append((f"ref-{number}", name, finding_item(f)))
    counts = Counter(f.severity.value for f in everything)
    by_rule = Counter(f.code for f in everything)
    return Findings(
        total=len(everything),
        shown=len(chosen),
        matching=len(matching),
        references=len(refs),
        citations=len(data.citations),
        counts=tuple((s, counts[s], count_label(s, counts[s])) for s in SEVERITIES),
        chart=findings_chart(everything, names),
        rules=tuple(
            RuleOption(code, names.get(code, code), n) for code, n in sorted(by_rule.items())
        ),
        groups=tuple(groups),
        table=tuple(
            ProblemRow(
                g.anchor,
                g.number,
                g.label,
                g.worst,
                tuple(dict.fromkeys(f.code for f in g.findings)),
                g.location,
            )
            for g in groups
        ),
        sort=sort if sort in SORTS else "severity",
        first=tuple(sorted(first, key=lambda item: item[0] != "loose-h")),
        loose=tuple(finding_item(f) for f in _order(loose)),
        clean_references=len(ids - with_any),
        clean=tuple(
            itertools.islice(
                ((n, label(r), r.raw) for n, r in enumerate(refs, start=1) if r.id not in with_any),
                PAGE_FINDINGS,
            )
        ),
        phases=tuple((p.phase.value, p.done, p.reason or "") for p in data.phases),
    )


def partial_view(findings: Sequence[Finding]) -> tuple[FindingItem, ...]:
    """While the audit runs: the offline findings known so far, most serious first
    (`PAGE_FINDINGS` of them at most)."""
    return tuple(finding_item(f) for f in _order(findings)[:PAGE_FINDINGS])
