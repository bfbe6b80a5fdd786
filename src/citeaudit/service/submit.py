"""Creating an audit and handing it to whoever runs it, with one outcome either way.

The audit is stored first, then dispatched. When the dispatch fails (the broker is
down or unreachable) the audit is still accepted -- 202, status "queued" -- and
marked undispatched; the sweeper sends it as soon as the broker answers again. So a
client never sees an error for an audit that exists, nor an audit that nobody will
ever run.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from citeaudit.service.dispatch import Dispatcher
from citeaudit.store.repository import Repository
from citeaudit.store.views import NewFile

log = logging.getLogger(__name__)


def dispatch(repo: Repository, dispatcher: Dispatcher, audit_id: str) -> bool:
    """Send the audit to be run; False when it was left for the sweeper to send."""
    try:
        dispatcher.submit(audit_id)
    except Exception as exc:  # the boundary: any broker failure (kombu, redis, socket)
        log.warning("audit %s: dispatch failed, left to the sweeper: %s", audit_id, exc)
        repo.set_undispatched(audit_id, True)
        return False
    return True


def submit_audit(
    repo: Repository,
    dispatcher: Dispatcher,
    account: int,
    files: Iterable[NewFile],
    options: dict[str, Any],
) -> str:
    audit_id = repo.create_audit(account, files, options)
    dispatch(repo, dispatcher, audit_id)
    return audit_id
