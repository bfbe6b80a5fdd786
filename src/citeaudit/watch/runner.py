"""Putting it together: the sweep that plans tasks, the tasks, and `recheck` in-process.

With Celery, beat's sweep takes the due links and DOIs and returns batches for the
workers (`run_link_batch`, `run_doi_batch`); without a broker, `recheck_now` does the
same in this process, every due link in one checker, so cron can drive it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from citeaudit.resolve import Resolver
from citeaudit.settings import ServiceSettings
from citeaudit.store.repository import Repository
from citeaudit.store.watching.due import (
    link_accounts,
    release_dois,
    release_links,
    seed,
    still_due_dois,
    still_due_links,
    take_due_dois,
)
from citeaudit.store.watching.times import utcnow
from citeaudit.watch.due import host_batches
from citeaudit.watch.model import DeliveryStats, RecheckSummary
from citeaudit.watch.notify import deliver_due
from citeaudit.watch.recheck import recheck_links
from citeaudit.watch.retractions import recheck_dois
from citeaudit.watch.site_backoff import hold_back
from citeaudit.watch.site_quota import SITE_CHECKS_PER_DAY, take_links

DOI_BATCH = 100


@dataclass(frozen=True, slots=True)
class SweepPlan:
    link_batches: tuple[tuple[int, ...], ...]
    doi_batches: tuple[tuple[str, ...], ...]


def sweep(
    repo: Repository, settings: ServiceSettings, *, quota: int = SITE_CHECKS_PER_DAY
) -> SweepPlan:
    """Lease what is due and cut it into tasks (hosts never split between link tasks,
    the accounts' batches in turns: `watch.due`); links past their site's day of
    re-checks (`site_quota`), or of a site backing off (`site_backoff`), wait for a
    later sweep."""
    seed(repo)
    now = utcnow()
    taken = take_links(repo, settings, now, quota)
    dois: list[str] = []
    try:
        links = hold_back(repo, taken, now)
        dois = take_due_dois(repo, settings, now)
        owners = link_accounts(repo, [link.link_id for link in links])  # the accounts' turns
        return SweepPlan(
            tuple(
                tuple(link.link_id for link in batch)
                for batch in host_batches(links, settings.watch_batch_size, owners)
            ),
            tuple(tuple(dois[i : i + DOI_BATCH]) for i in range(0, len(dois), DOI_BATCH)),
        )
    except BaseException:
        # Failed (its time limit, the store) with the links leased and no batch sent:
        # given back, due at once for the sweep's retry (`workers.schedule`), not held
        # for the lease and then a day until the next sweep (wk31).
        release_links(repo, [link.link_id for link in taken])
        release_dois(repo, dois)
        raise


def run_link_batch(
    repo: Repository,
    settings: ServiceSettings,
    link_ids: Sequence[int],
    *,
    probe_urls: Sequence[str] | None = None,
) -> RecheckSummary:
    """One task: the batch's links not checked since (a redelivered task does nothing)."""
    links = still_due_links(repo, settings, link_ids, utcnow())
    return recheck_links(repo, settings, links, probe_urls=probe_urls)


def run_doi_batch(
    repo: Repository,
    settings: ServiceSettings,
    dois: Sequence[str],
    *,
    resolver: Resolver | None = None,
) -> RecheckSummary:
    return recheck_dois(
        repo, settings, still_due_dois(repo, settings, dois, utcnow()), resolver=resolver
    )


def recheck_now(
    repo: Repository,
    settings: ServiceSettings,
    *,
    probe_urls: Sequence[str] | None = None,
    resolver: Resolver | None = None,
    deliver: bool = True,
    quota: int = SITE_CHECKS_PER_DAY,
) -> tuple[RecheckSummary, DeliveryStats]:
    """Everything due (within each site's day of re-checks), in this process; then
    the notifications owed."""
    seed(repo)
    now = utcnow()
    links = hold_back(repo, take_links(repo, settings, now, quota), now)
    summary = recheck_links(repo, settings, links, probe_urls=probe_urls)
    dois = take_due_dois(repo, settings, now)
    for start in range(0, len(dois), DOI_BATCH * 10):
        part = dois[start : start + DOI_BATCH * 10]
        summary = summary.plus(recheck_dois(repo, settings, part, resolver=resolver))
    stats = deliver_due(repo, settings) if deliver else DeliveryStats()
    return summary, stats
