"""Creating an audit and handing it to whoever runs it, with one outcome either way.

The audit is stored first, then dispatched. When the dispatch fails (the broker is
down or unreachable) the audit is still accepted -- 202, status "queued" -- and
marked undispatched; the sweeper sends it as soon as the broker answers again. So a
client never sees an error for an audit that exists, nor an audit that nobody will
ever run.

The audit is created only within its account's limits (`service.admission`): past
them nothing is stored and `Refused` says why, with when to try again.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from citeaudit.service.admission import Refused, refusal
from citeaudit.service.dispatch import Dispatcher
from citeaudit.store.quotas import AccountLimits
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
    *,
    limits: AccountLimits,
) -> str:
    """The new audit's id; `Refused` when the account is at one of its `limits`."""
    created = repo.create_audit_within(account, files, options, limits)
    if not isinstance(created, str):
        raise refusal(created)
    dispatch(repo, dispatcher, created)
    return created


def retry_audit(
    repo: Repository, dispatcher: Dispatcher, audit_id: str, *, limits: AccountLimits
) -> bool:
    """A failed audit queued and sent again (False: it is not a failed audit); a retry
    counts in flight like a new audit, so `Refused` past the account's limit."""
    retried = repo.retry_within(audit_id, limits)
    if isinstance(retried, bool):
        if retried:
            dispatch(repo, dispatcher, audit_id)
        return retried
    raise refusal(retried)


__all__ = ["Refused", "dispatch", "retry_audit", "submit_audit"]
