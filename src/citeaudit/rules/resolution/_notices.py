"""Notices shared by retracted-reference and editorial-notice."""

from __future__ import annotations

from collections.abc import Iterator

from citeaudit.audit_data import AuditData
from citeaudit.model.reference import Reference
from citeaudit.model.resolution import Notice, ResolutionState
from citeaudit.rules.resolution._common import resolved

SOURCE_NAMES = {"publisher": "the publisher", "retraction-watch": "Retraction Watch"}
KIND_NAMES = {
    "retraction": "retraction",
    "partial_retraction": "partial retraction",
    "correction": "correction",
    "erratum": "erratum",
    "corrigendum": "corrigendum",
    "expression_of_concern": "expression of concern",
    "withdrawal": "withdrawal",
    "removal": "removal",
}


def notices(
    data: AuditData, kinds: frozenset[str]
) -> Iterator[tuple[Reference, str, str | None, list[Notice]]]:
    """(entry, kind, notice DOI, the notices) -- one per distinct notice, sources merged."""
    for ref, resolution in resolved(data):
        if resolution.state is not ResolutionState.RESOLVED or resolution.record is None:
            continue
        grouped: dict[tuple[str, str | None], list[Notice]] = {}
        for notice in resolution.record.notices:
            if notice.kind in kinds:
                grouped.setdefault((notice.kind, notice.doi), []).append(notice)
        for (kind, doi), group in grouped.items():
            yield ref, kind, doi, group


def notice_text(kind: str, doi: str | None, group: list[Notice]) -> str:
    name = KIND_NAMES.get(kind, kind.replace("_", " "))
    date = next((n.date for n in group if n.date), None)
    sources = [SOURCE_NAMES.get(n.source or "", n.source or "") for n in group]
    sources = [s for s in dict.fromkeys(sources) if s]
    text = f"{name} notice"
    if doi:
        text += f" {doi}"
    if date:
        text += f" of {date}"
    if sources:
        text += " (from " + " and ".join(sources) + ")"
    return text
