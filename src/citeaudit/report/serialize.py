"""The audit as plain data in the JSON report's shape (schema_version 1).

Other tools depend on this shape: change it only by adding keys, or by a new
schema_version. Every report format and the service's store build on this, so what
leaves here is encodable: no lone surrogate or NUL from an input file can make a
writer or the database refuse the whole audit.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from citeaudit import __version__
from citeaudit.audit_data import AuditResult
from citeaudit.encodable import encodable_data
from citeaudit.manuscript.list_origin import ListOrigin
from citeaudit.model.citation import Citation
from citeaudit.model.codec import to_data
from citeaudit.model.finding import Finding, Severity
from citeaudit.model.link import LinkCheck
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference

SCHEMA_VERSION = 1


def location_dict(location: Location, *, column: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"file": location.file, "line": location.line}
    if location.page is not None:  # a PDF: `line` is the line on that page
        out["page"] = location.page
    if column:
        out["column"] = location.column
    if location.unit != "line":  # a Word paragraph: told by its number and sentence
        out["unit"] = location.unit
        if location.excerpt:
            out["excerpt"] = location.excerpt
    return out


def links_by_reference(result: AuditResult) -> dict[str, list[LinkCheck]]:
    """Each reference's link checks, gathered in one pass (not one pass per reference)."""
    by_reference: dict[str, list[LinkCheck]] = {}
    for link in result.data.links:
        for reference_id in dict.fromkeys(link.reference_ids):
            by_reference.setdefault(reference_id, []).append(link)
    return by_reference


def reference_dict(
    ref: Reference, result: AuditResult, links: dict[str, list[LinkCheck]] | None = None
) -> dict[str, Any]:
    resolution = result.data.resolutions.get(ref.id)
    mine = (links if links is not None else links_by_reference(result)).get(ref.id, [])
    return {
        "id": ref.id,
        "index": ref.index,
        "key": ref.key,
        "location": location_dict(ref.location),
        "raw": ref.raw,
        "authors": [{"family": a.family, "given": a.given} for a in ref.authors],
        "year": ref.year,
        "year_suffix": ref.year_suffix,
        "title": ref.title,
        "container": ref.container,
        "doi": ref.doi,
        "urls": list(ref.urls),
        "resolution": to_data(resolution, clean=False) if resolution is not None else None,
        "links": [to_data(link, clean=False) for link in mine],
    }


def finding_dict(finding: Finding) -> dict[str, Any]:
    result: dict[str, Any] = encodable_data(_finding_dict(finding))
    return result


def _finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "code": finding.code,
        "severity": finding.severity.value,
        "message": finding.message,
        "location": location_dict(finding.location, column=True),
        "reference": finding.reference,
        "citation": finding.citation,
        "url": finding.url,
        "fix": to_data(finding.fix, clean=False) if finding.fix else None,
    }


def severity_counts(findings: tuple[Finding, ...]) -> dict[str, int]:
    counts = Counter(f.severity.value for f in findings)
    return {s.value: counts.get(s.value, 0) for s in Severity}


def to_dict(result: AuditResult) -> dict[str, Any]:
    report: dict[str, Any] = encodable_data(raw_dict(result))
    return report


def _targets(result: AuditResult) -> dict[str, tuple[tuple[str, ...], int]]:
    """Each citation's entries, and how many more fit than it lists: a long list is
    written out whole at its first citation only (`citeaudit.candidate_lists`)."""
    return {
        m.citation_id: (m.targets, m.more_targets)
        if m.targets
        else (m.year_mismatch, m.more_year_mismatch)
        for m in result.data.matches
    }


def _citation_dict(
    citation: Citation, targets: tuple[tuple[str, ...], int] | None
) -> dict[str, Any]:
    listed, more = targets or ((), 0)
    return {
        "id": citation.id,
        "text": citation.text,
        "item": citation.item,
        "location": location_dict(citation.location, column=True),
        "targets": list(listed),
        # only when some are left out: reports of ordinary lists keep their shape
        **({"more_targets": more} if more else {}),
    }


def _origin_dict(origin: ListOrigin) -> dict[str, Any]:
    """How one list was found: its file, the entries read, how (`ListOrigin.how`), the
    way entries were told apart, and the sentence the text report prints."""
    return {
        "file": origin.file,
        "entries": origin.entries,
        "how": origin.how,
        "layout": origin.layout,
        "description": origin.describe(),
    }


def raw_dict(result: AuditResult) -> dict[str, Any]:
    """The report's data before cleaning: for writers that check their text instead.

    A writer of JSON text checks what it wrote with `unwritable_json` and only then
    cleans (`encodable_data`) and writes again: on a large report, cleaning every
    value up front cost more than writing it.
    """
    data, targets = result.data, _targets(result)
    links = links_by_reference(result)
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "citeaudit", "version": __version__},
        "inputs": {
            "manuscripts": [d.path for d in data.manuscripts],
            "bibliographies": [
                {"source": b.source, "format": b.format} for b in data.bibliographies
            ],
        },
        "phases": [to_data(p, clean=False) for p in data.phases],
        "summary": {
            "references": len(data.references),
            "citations": len(data.citations),
            "findings": severity_counts(result.findings),
            # only when some were held back: reports without suppressions keep their shape
            **({"suppressed": len(result.suppressed)} if result.suppressed else {}),
            # only when a list was read from a manuscript: how it was found and cut
            **(
                {"reference_lists": [_origin_dict(o) for o in data.list_origins]}
                if data.list_origins
                else {}
            ),
        },
        "references": [reference_dict(r, result, links) for r in data.references],
        "citations": [_citation_dict(c, targets.get(c.id)) for c in data.citations],
        "findings": [_finding_dict(f) for f in result.findings],
        # only when some were held back: each with its reason (the comment, the
        # configuration file, the baseline), so an editor sees what an author's
        # suppressions hid; a count alone said nothing of which
        **(
            {"suppressed": [{**_finding_dict(f), "reason": why} for f, why in result.suppressed]}
            if result.suppressed
            else {}
        ),
    }
