"""Shared by the link rules: the references a link check belongs to (the wording of a
link's reason is `citeaudit.link_reasons`, which `citeaudit links` prints too)."""

from __future__ import annotations

from collections.abc import Iterator

from citeaudit.audit_data import AuditData
from citeaudit.link_reasons import REASONS, describe
from citeaudit.model.link import LinkCheck, LinkOutcome
from citeaudit.model.reference import Reference

__all__ = ["REASONS", "checks_with_references", "describe"]  # the wording: link_reasons


def checks_with_references(
    data: AuditData, outcome: LinkOutcome
) -> Iterator[tuple[LinkCheck, Reference]]:
    by_id = {ref.id: ref for ref in data.references}
    for check in data.links:
        if check.outcome is not outcome:
            continue
        for ref_id in check.reference_ids:
            ref = by_id.get(ref_id)
            if ref is not None:
                yield check, ref
