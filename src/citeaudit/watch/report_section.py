"""A watched audit's changes as the report's "Changes since the audit" section.

The report core takes a `citeaudit.report.changes.ChangesSection` and knows nothing
of the store; this turns the watch package's `Change` records into one.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import datetime

from citeaudit.model.change import ChangeKind
from citeaudit.report.changes import ChangeEntry, ChangesSection
from citeaudit.report.html import HtmlReporter
from citeaudit.report.printable import html_controls_escaped
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


def page(title: str, changes: Iterable[Change], since: datetime | None) -> str:
    """The changes as a page of their own (the API's ``?format=html``): the report's
    changes section, rendered from the typed changes as a watched audit's report shows
    it, under the title. The title is the only text set here (a collection's name is
    any 200 characters an account chose), and it is written as the report writes its
    text: markup escaped, and every control a terminal obeys or that reorders the line
    (ESC, U+009B, bidi overrides, U+2028) as a numeric reference, a line that would open
    a CI runner's command neutralised (`html_controls_escaped`) -- ``html.escape``
    alone let them through raw to whoever fetched the page with ``curl``."""
    fragment = HtmlReporter.render_changes(section(changes, since))
    heading = html_controls_escaped(html.escape(title))
    return (
        f'<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8">'
        f"<title>{heading}</title></head>\n<body>\n<h1>{heading}</h1>\n{fragment}\n</body>\n</html>\n"
    )


def audit_section(repo: Repository, account: int, audit_id: str) -> ChangesSection | None:
    """The changes since the audit finished, or None when the audit is not watched."""
    if get_watch(repo, account, audit_id) is None:
        return None
    audit = repo.get_audit(audit_id, account)
    if audit is None:
        return None
    since = maybe_aware(audit.finished_at or audit.created_at)
    return section(changes_for_audit(repo, account, audit_id, since), since)
