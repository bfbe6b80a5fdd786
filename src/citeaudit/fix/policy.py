"""Which findings `fix` acts on, what edit each asks for, and how far it is trusted.

Safe (applied by default, ruff's word): a malformed DOI's canonical form (same DOI);
the DOI of a confident registry match; a permanent redirect's final URL; the year,
when the registry and the text's own citations agree against the list. Unsafe
(``--unsafe-fixes``): a dead URL replaced by its archived copy, a repeated entry
deleted (its extra fields kept in the first), the registry's year when the text does
not confirm it. Everything else a finding suggests needs an author's judgement.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from citeaudit.audit_data import AuditData
from citeaudit.model.finding import Applicability, Finding
from citeaudit.model.reference import Reference


class Action(StrEnum):
    REPLACE_DOI = "replace-doi"
    ADD_DOI = "add-doi"
    REPLACE_URL = "replace-url"
    SET_YEAR = "set-year"
    DELETE_REPEAT = "delete-repeat"


@dataclass(frozen=True, slots=True)
class Planned:
    finding: Finding
    ref: Reference
    action: Action
    safe: bool
    old: str  # what is written now (a DOI or URL as written, a year)
    new: str


_DUPLICATE_DELETE = "Delete the repeated entry"


def planned(finding: Finding, ref: Reference, cited: CitedYears) -> Planned | None:
    """The edit `finding` asks for, or None when it asks for none `fix` can make."""
    fix = finding.fix
    if fix is None:
        return None
    code, new = finding.code, fix.replacement
    if code == "BIB003" and new and fix.applicability is Applicability.SAFE:
        old = ref.doi_raw or next((u for u in ref.urls if "doi.org/" in u.lower()), None)
        return Planned(finding, ref, Action.REPLACE_DOI, True, old, new) if old else None
    if code == "REG005" and new and not ref.doi:
        return Planned(finding, ref, Action.ADD_DOI, True, "", new)
    if code in ("LNK001", "LNK002") and new and finding.url:
        return Planned(finding, ref, Action.REPLACE_URL, code == "LNK002", finding.url, new)
    if code == "REG003" and new and ref.year is not None:
        safe = _text_confirms(ref, int(new), cited)
        return Planned(finding, ref, Action.SET_YEAR, safe, str(ref.year), new)
    if code == "BIB001" and fix.title.startswith(_DUPLICATE_DELETE):
        return Planned(finding, ref, Action.DELETE_REPEAT, False, "", "")
    return None


class CitedYears:
    """The years the text cites each entry under, gathered in one pass over the
    matches when the first finding asks (not one pass per finding: an upload of N
    entries with a wrong year each and N citations was N x N)."""

    def __init__(self, data: AuditData) -> None:
        self._data = data
        self._years: dict[str, set[int]] | None = None

    def of(self, ref_id: str) -> set[int]:
        if self._years is None:
            self._years = {}
            years = {c.id: c.year for c in self._data.citations if c.year is not None}
            for match in self._data.matches:
                year = years.get(match.citation_id)
                if year is None:
                    continue
                for ids in (match.targets, match.year_mismatch):
                    for ref in ids:
                        self._years.setdefault(ref, set()).add(year)
        return self._years.get(ref_id, set())


def _text_confirms(ref: Reference, year: int, cited: CitedYears) -> bool:
    """Three-way: the text cites the registry's year, and never the list's."""
    years = cited.of(ref.id)
    return year in years and ref.year not in years
