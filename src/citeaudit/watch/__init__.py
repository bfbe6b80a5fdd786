"""Watched audits: scheduled re-checks of their links and cited works, the diff, notices.

The functions the edges (API routes, CLI, Celery tasks, the web page) call; every
one takes the `Repository` and an account id, and returns frozen records. The package
decides; its reads and writes are the store's (`citeaudit.store.watching`), and it
imports no SQLAlchemy:

    watch_audit(repo, account, audit_id, collection=None) -> WatchView
    unwatch_audit(repo, account, audit_id) -> bool
    get_watch / list_watches / list_collections
    changes_for_audit(repo, account, audit_id, since=None) -> list[Change]
    changes_for_collection(repo, account, name, since=None) -> list[Change]
    get_notify_settings / set_notify_settings / rotate_secret
    recheck_now(repo, settings) -> (RecheckSummary, DeliveryStats)  # cron, no broker
    sweep / run_link_batch / run_doi_batch / deliver_due / prune     # Celery tasks
"""

from citeaudit.store.watching.changes import changes_for_audit, changes_for_collection
from citeaudit.store.watching.records import (
    AccountNotifySettings,
    Change,
    ChangeKind,
    CollectionView,
    WatchError,
    WatchLimitError,
    WatchView,
)
from citeaudit.store.watching.retention import prune
from citeaudit.store.watching.watches import (
    account_by_name,
    get_watch,
    list_collections,
    list_watches,
    unwatch_audit,
    watch_audit,
)
from citeaudit.watch.model import DeliveryStats, RecheckSummary
from citeaudit.watch.notify import deliver_due
from citeaudit.watch.notify_settings import get_notify_settings, rotate_secret, set_notify_settings
from citeaudit.watch.runner import SweepPlan, recheck_now, run_doi_batch, run_link_batch, sweep

__all__ = [
    "AccountNotifySettings",
    "Change",
    "ChangeKind",
    "CollectionView",
    "DeliveryStats",
    "RecheckSummary",
    "SweepPlan",
    "WatchError",
    "WatchLimitError",
    "WatchView",
    "account_by_name",
    "changes_for_audit",
    "changes_for_collection",
    "deliver_due",
    "get_notify_settings",
    "get_watch",
    "list_collections",
    "list_watches",
    "prune",
    "recheck_now",
    "rotate_secret",
    "run_doi_batch",
    "run_link_batch",
    "set_notify_settings",
    "sweep",
    "unwatch_audit",
    "watch_audit",
]
