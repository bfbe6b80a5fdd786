"""A watched audit's changes as the report's "Changes since the audit" section.

The report core takes a `citeaudit.report.changes.ChangesSection` and knows nothing
of the store; this turns the watch package's `Change` records into one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from citeaudit.model.change import ChangeKind
from citeaudit.report.changes import ChangeEntry, ChangesSection
from citeaudit.store.repository import Repository
from citeaudit.store.watching.changes import changes_for_audit
from citeaudit.store.watching.records import Change
from citeaudit.store.watching.times import maybe_aware
from citeaudit.store.watching.watches import get_watch


def entry(change: Change) -> ChangeEntry:
    return ChangeEntry(
        kind=ChangeKind(change.kind.value),
        at=change.at,
        reference_ids=change.reference_ids,
        url=change.url,
        doi=change.doi,
        since=change.since,
        status=change.status,
        reason=change.reason,
        final_url=change.final_url,
        notice=change.notice,  # the model's Notice, as the report shows it
    )


def section(changes: Iterable[Change], since: datetime | None) -> ChangesSection:
    return ChangesSection(since=since, entries=tuple(entry(c) for c in changes))


def audit_section(repo: Repository, account: int, audit_id: str) -> ChangesSection | None:
    """The changes since the audit finished, or None when the audit is not watched."""
    if get_watch(repo, account, audit_id) is None:
        return None
    audit = repo.get_audit(audit_id, account)
    if audit is None:
        return None
    since = maybe_aware(audit.finished_at or audit.created_at)
    return section(changes_for_audit(repo, account, audit_id, since), since)
