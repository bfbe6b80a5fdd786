"""The audit page's view: findings grouped by reference, from the stored JSON report.

Prepared here in plain dataclasses, so the templates only loop and print. Every
string comes from the user's files; the templates escape it, and only http(s)
addresses ever become links.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from citeaudit.doi import doi_resolver_url
from citeaudit.model.resolution import SOURCES
from citeaudit.report.html import Link
from citeaudit.rules.registry import ALL_RULES
from citeaudit.web.chart import Chart, findings_chart
from citeaudit.web.i18n import ngettext
from citeaudit.web.marks import RANK, Segment, segments

SEVERITIES = ("error", "warning", "info")
# How the page may order the references with findings: the worst first (triage, the
# default), by kind of finding, or as the list numbers them.
SORTS = ("severity", "rule", "index")
_FIRST_ERRORS = 10  # errors listed in the summary itself, so they are on the first screen
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


@lru_cache(maxsize=1)
def rule_names() -> dict[str, str]:
    return {r.code: _readable(r.name) for r in ALL_RULES}


def _readable(name: str) -> str:
    words = ["DOI" if w == "doi" else w for w in name.split("-")]
    return " ".join(words)[:1].upper() + " ".join(words)[1:]


@lru_cache(maxsize=1)
def known_rules() -> frozenset[str]:
    """What ?rule= may name: a rule's code or its name."""
    return frozenset({r.code for r in ALL_RULES} | {r.name for r in ALL_RULES})


def web_link(url: str) -> Link:
    text = url.strip()
    return Link(text, text if text.lower().startswith(("https://", "http://")) else None)


def doi_link(doi: str) -> Link:
    return Link(doi, doi_resolver_url(doi))


def count_label(severity: str, n: int) -> str:
    """"3 errors", "1 note", in the page's language."""
    if severity == "error":
        text = ngettext("%(n)s error", "%(n)s errors", n)
    elif severity == "warning":
        text = ngettext("%(n)s warning", "%(n)s warnings", n)
    else:
        text = ngettext("%(n)s note", "%(n)s notes", n)
    return text % {"n": n}


def _authors(people: Sequence[Mapping[str, Any]]) -> str:
    names = [str(p.get("family") or "") for p in people if p.get("family")]
    if len(names) > 3:
        return ", ".join(names[:3]) + " et al."
    return ", ".join(names)


def label(ref: Mapping[str, Any]) -> str:
    names = [str(a.get("family")) for a in ref.get("authors") or () if a.get("family")]
    who = names[0] if names else None
    if who and len(names) > 2:
        who += " et al."
    elif who and len(names) == 2:
        who += f" & {names[1]}"
    year = f"{ref['year']}{ref.get('year_suffix') or ''}" if ref.get("year") else None
    parts = [p for p in (who, year) if p]
    return ", ".join(parts) if parts else str(ref.get("key") or ref.get("id"))


def _same(a: str, b: str) -> bool:
    return _WORDS.sub(" ", a).strip().lower() == _WORDS.sub(" ", b).strip().lower()


def registry_version(ref: Mapping[str, Any]) -> RegistryVersion | None:
    """The registry's record beside the entry, when they differ in anything shown."""
    resolution = ref.get("resolution") or {}
    record = resolution.get("record")
    if resolution.get("state") != "resolved" or not isinstance(record, dict):
        return None
    years = [int(y) for y in record.get("years") or () if isinstance(y, int)]
    record_year = record.get("year")
    written_year = ref.get("year")
    rows = [
        ("Title", str(ref.get("title") or ""), str(record.get("title") or "")),
        ("Authors", _authors(ref.get("authors") or ()), _authors(record.get("authors") or ())),
        ("Year", str(written_year or ""), str(record_year or "")),
        ("Published in", str(ref.get("container") or ""), str(record.get("container") or "")),
        ("DOI", str(ref.get("doi") or ""), str(record.get("doi") or resolution.get("doi") or "")),
    ]
    fields = []
    for name, written, registry in rows:
        if name == "Year":
            differs = bool(written_year and years) and written_year not in years
            differs = differs or (bool(record_year) and not written_year)
        elif name == "Published in":
            differs = False  # written containers are abbreviated too often to compare
        else:
            differs = bool(registry) and not _same(written, registry)
        if written or registry:
            fields.append(FieldDiff(name, written or "—", registry or "—", differs))
    if not any(f.differs for f in fields):
        return None
    doi = record.get("doi") or resolution.get("doi")
    return RegistryVersion(
        source=SOURCES.get(str(record.get("source")), str(record.get("source") or "registry")),
        doi=doi_link(str(doi)) if doi else None,
        fields=tuple(fields),
    )


def suggestions(ref: Mapping[str, Any], findings: Sequence[Mapping[str, Any]]) -> list[Suggestion]:
    out: list[Suggestion] = []
    seen: set[tuple[str, str]] = set()

    def add(kind: str, link: Link) -> None:
        if link.href and (kind, link.href) not in seen:
            seen.add((kind, link.href))
            out.append(Suggestion(kind, link))

    for check in ref.get("links") or ():
        if check.get("archive_url") and check.get("outcome") == "broken":
            add("Archived copy", web_link(str(check["archive_url"])))
        if check.get("final_url") and check.get("outcome") == "redirected":
            add("Final URL", web_link(str(check["final_url"])))
    for f in findings:
        fix = f.get("fix") or {}
        replacement = fix.get("replacement")
        if f.get("code") == "REG005" and replacement:
            add("DOI to add", doi_link(str(replacement)))
        elif f.get("code") == "REG002" and replacement:
            add("DOI of the work described", doi_link(str(replacement)))
    return out


def finding_item(f: Mapping[str, Any]) -> FindingItem:
    fix = f.get("fix") or {}
    replacement = fix.get("replacement")
    link = None
    if isinstance(replacement, str) and replacement:
        link = (
            doi_link(replacement) if re.match(r"^10\.\d{4,9}/\S+$", replacement) else None
        ) or web_link(replacement)
    location = f.get("location") or {}
    title = fix.get("title")
    after = ""
    if link is not None and title and isinstance(replacement, str) and replacement in title:
        title, _, after = str(title).partition(replacement)  # the link where the text was
    elif link is not None and title:
        title = f"{title} —"
    return FindingItem(
        severity=str(f["severity"]),
        code=str(f["code"]),
        rule=str(f["rule"]),
        message=str(f["message"]),
        line=location.get("line"),
        page=location.get("page"),
        fix_title=title,
        fix=link,
        fix_after=after,
    )


def _order(findings: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return sorted(findings, key=lambda f: (-RANK.get(str(f["severity"]), 0), str(f["code"])))


def _matches(f: Mapping[str, Any], severity: str | None, rule: str | None) -> bool:
    return (severity is None or f["severity"] == severity) and (
        rule is None or rule in (f["code"], f["rule"])
    )


def group(n: int, ref: Mapping[str, Any], findings: Sequence[Mapping[str, Any]]) -> ReferenceGroup:
    ordered = _order(findings)
    location = ref.get("location") or {}
    raw = str(ref.get("raw") or "")
    return ReferenceGroup(
        anchor=f"ref-{n}",
        number=n,
        label=label(ref),
        location=where(location),
        segments=segments(raw, ref, ordered),
        findings=tuple(finding_item(f) for f in ordered),
        worst=str(ordered[0]["severity"]),
        doi=doi_link(str(ref["doi"])) if ref.get("doi") else None,
        registry=registry_version(ref),
        suggestions=tuple(suggestions(ref, ordered)),
    )


def where(location: Mapping[str, Any]) -> str:
    """"refs.bib, line 12" (or "paragraph 21" for Word): the file is named, since an
    audit often has several (manuscript, .bib)."""
    file = str(location.get("file") or "").replace("\\", "/").rsplit("/", 1)[-1]
    line = location.get("line")
    at = f"{location.get('unit') or 'line'} {line}" if line else ""
    if location.get("page"):  # a PDF: "p. 7, line 12", as the editor finds it
        at = f"p. {location['page']}" + (f", {at}" if at else "")
    return ", ".join(part for part in (file, at) if part)


def _sorted(groups: list[ReferenceGroup], sort: str) -> list[ReferenceGroup]:
    if sort == "index":
        return groups
    if sort == "rule":
        return sorted(groups, key=lambda g: (g.findings[0].code, g.number))
    return sorted(groups, key=lambda g: (-RANK.get(g.worst, 0), g.number))


def findings_view(
    report: Mapping[str, Any],
    *,
    severity: str | None = None,
    rule: str | None = None,
    sort: str = "severity",
) -> Findings:
    """The page's findings. References with the worst findings come first by default:
    on a 400-entry audit, the two errors must not sit below 386 uncited entries."""
    names = rule_names()
    everything: list[Mapping[str, Any]] = list(report.get("findings") or ())
    chosen = [f for f in everything if _matches(f, severity, rule)]
    refs: list[Mapping[str, Any]] = list(report.get("references") or ())
    ids = {str(r["id"]) for r in refs}
    per_ref: dict[str, list[Mapping[str, Any]]] = {}
    loose: list[Mapping[str, Any]] = []
    for f in chosen:
        ref_id = f.get("reference")
        if ref_id is not None and ref_id in ids:
            per_ref.setdefault(str(ref_id), []).append(f)
        else:
            loose.append(f)
    with_any = {str(f["reference"]) for f in everything if f.get("reference") in ids}
    groups: list[ReferenceGroup] = []
    seen: set[str] = set()
    for n, ref in enumerate(refs, start=1):
        ref_id = str(ref["id"])
        mine = per_ref.get(ref_id) if ref_id not in seen else None
        seen.add(ref_id)
        if mine:
            groups.append(group(n, ref, mine))
    groups = _sorted(groups, sort if sort in SORTS else "severity")
    numbers = {str(r["id"]): n for n, r in enumerate(refs, start=1)}
    first: list[tuple[str, str, FindingItem]] = []
    for f in everything:  # every error, whatever the filter: the summary's to-do list
        if f["severity"] != "error" or len(first) >= _FIRST_ERRORS:
            continue
        number = numbers.get(str(f.get("reference")))
        if number is None:
            first.append(("loose-h", "", finding_item(f)))
        else:
            name = f"[{number}] {label(refs[number - 1])}"
            first.append((f"ref-{number}", name, finding_item(f)))
    counts = {s: 0 for s in SEVERITIES}
    by_rule: dict[str, int] = {}
    for f in everything:
        counts[str(f["severity"])] = counts.get(str(f["severity"]), 0) + 1
        by_rule[str(f["code"])] = by_rule.get(str(f["code"]), 0) + 1
    summary = report.get("summary") or {}
    return Findings(
        total=len(everything),
        shown=len(chosen),
        references=int(summary.get("references", len(refs))),
        citations=int(summary.get("citations", 0)),
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
            (n, label(r), str(r.get("raw") or ""))
            for n, r in enumerate(refs, start=1)
            if str(r["id"]) not in with_any
        ),
        phases=tuple(
            (str(p.get("phase")), bool(p.get("done")), str(p.get("reason") or ""))
            for p in report.get("phases") or ()
        ),
    )


def partial_view(findings: Sequence[Mapping[str, Any]]) -> tuple[FindingItem, ...]:
    """While the audit runs: the offline findings known so far, most serious first."""
    return tuple(finding_item(f) for f in _order(findings))
