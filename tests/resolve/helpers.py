"""Running the resolution rules over resolved references."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from citeaudit.audit_data import AuditData
from citeaudit.bibliography.interface import Bibliography
from citeaudit.model.finding import Finding
from citeaudit.model.reference import Reference
from citeaudit.model.resolution import Resolution
from citeaudit.rules.resolution import RULES


def audit_data(
    refs: Sequence[Reference], resolutions: Mapping[str, Resolution] | None = None
) -> AuditData:
    return AuditData(
        manuscripts=(),
        bibliographies=(Bibliography("refs.bib", "bibtex", tuple(refs)),),
        citations=(),
        matches=(),
        resolutions=dict(resolutions or {}),
    )


def findings(data: AuditData) -> list[Finding]:
    return [f for rule in RULES for f in rule().check(data)]


def by_rule(found: list[Finding], name: str, ref_id: str | None = None) -> list[Finding]:
    return [f for f in found if f.rule == name and (ref_id is None or f.reference == ref_id)]
