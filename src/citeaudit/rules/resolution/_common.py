"""What the resolution rules share: pairing entries with what the registries said."""

from __future__ import annotations

from collections.abc import Iterator

from citeaudit.audit_data import AuditData
from citeaudit.matching.records import Comparison, compare
from citeaudit.model.citation import Citation
from citeaudit.model.reference import Reference
from citeaudit.model.resolution import SOURCES, RegistryRecord, Resolution, ResolutionState


def resolved(data: AuditData) -> Iterator[tuple[Reference, Resolution]]:
    """Entries with an answer from a registry that was asked (never failed/skipped)."""
    for ref in data.references:
        resolution = data.resolutions.get(ref.id)
        if resolution is not None:
            yield ref, resolution


def with_doi_record(data: AuditData) -> Iterator[tuple[Reference, RegistryRecord, Comparison]]:
    """Entries that carry a DOI whose registry record we have, and how they compare."""
    for ref, resolution in resolved(data):
        if (
            ref.doi
            and resolution.state is ResolutionState.RESOLVED
            and resolution.record is not None
        ):
            yield ref, resolution.record, compare(ref, resolution.record)


def year_record(ref: Reference, resolution: Resolution | None) -> RegistryRecord | None:
    """The record whose dates judge the entry's year: its DOI's, when it is the same work.

    The same test year-mismatch applies, so citation-year-mismatch can leave to it the
    cases where the list is the side that is wrong.
    """
    if (
        not ref.doi
        or resolution is None
        or resolution.state is not ResolutionState.RESOLVED
        or resolution.record is None
    ):
        return None
    cmp = compare(ref, resolution.record)
    if cmp.different_work or cmp.container is False:
        return None
    return resolution.record


def disagreeing_citations(data: AuditData) -> dict[str, list[Citation]]:
    """Per entry, the citations naming it with another year (citation-year-mismatch's)."""
    citations = {c.id: c for c in data.citations}
    found: dict[str, list[Citation]] = {}
    for match in data.matches:
        if match.targets or not match.year_mismatch:
            continue
        cit = citations.get(match.citation_id)
        if cit is None or cit.year is None:
            continue
        for ref_id in match.year_mismatch:
            found.setdefault(ref_id, []).append(cit)
    return found


def describe(record: RegistryRecord) -> str:
    """'Title' (Family, 2019) -- how a message names a registry record."""
    who = record.authors[0].family if record.authors else None
    if who and len(record.authors) > 1:
        who += " et al."
    when = str(record.year) if record.year else None
    tail = ", ".join(p for p in (who, when) if p)
    title = f"'{record.title}'" if record.title else "an untitled record"
    return f"{title} ({tail})" if tail else title


def describe_entry(ref: Reference) -> str:
    who = ref.first_author_family
    if who and len(ref.authors) > 1:
        who += " et al."
    tail = ", ".join(p for p in (who, ref.year_label or None) if p)
    title = f"'{ref.title}'" if ref.title else "the entry"
    return f"{title} ({tail})" if tail else title


def sources_text(sources: tuple[str, ...]) -> str:
    return ", ".join(SOURCES.get(s, s) for s in sources)
