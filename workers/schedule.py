"""Beat entries and tasks for watched audits: sweep, re-check batches, deliveries, pruning.

Beat (exactly one instance) runs `watch_sweep` every `watch_interval` seconds: it
leases what is due and enqueues link batches (host-disjoint, on the links queue)
and DOI batches (registry queue). Each batch task re-checks and records; the
deliveries run after each batch and on their own beat entry (retries with backoff
come due there). Every task is idempotent: a redelivered batch finds its links
already checked and does nothing; an outbox row is claimed before it is sent.

Tasks are bound to the app by name (`shared_task`), so this module does not import
the app: `workers.celery_app` imports `beat_entries` from here.

A batch with changes asks for a delivery run at once (`owe_delivery`) -- one run
queued at a time (wk31): each batch sent one, so a sweep of an account's 100,000
watched links (200 batches, all changed: its own pages flipping) queued 200 delivery
runs on the audits queue, ahead of every account's uploads. The mark of a queued run
is in the shared Redis; the run takes it off as it starts, so changes recorded after
that ask for the next; it expires after `watch_deliver_interval` should the message
be lost (beat's own delivery runs go on meanwhile). No Redis: each batch sends one.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from celery import shared_task

from citeaudit.service.jobs import QUEUE_AUDITS, QUEUE_LINKS, QUEUE_REGISTRY
from citeaudit.settings import ServiceSettings
from citeaudit.store.repository import Repository
from citeaudit.store.watching.due import release_dois, release_links
from workers.deliveries import BoundedDeliveries, _redis, shared_redis_url

log = logging.getLogger(__name__)

TASK_WATCH_SWEEP = "citeaudit.watch.sweep"
TASK_WATCH_LINKS = "citeaudit.watch.links"
TASK_WATCH_DOIS = "citeaudit.watch.dois"
TASK_WATCH_DELIVER = "citeaudit.watch.deliver"
TASK_WATCH_PRUNE = "citeaudit.watch.prune"
DELIVERY_OWED = "citeaudit:watch-delivery-owed"  # a delivery run is queued


def beat_entries(settings: ServiceSettings) -> dict[str, dict[str, Any]]:
    return {
        "watch-sweep": {
            "task": TASK_WATCH_SWEEP,
            "schedule": settings.watch_interval,
            "options": {"queue": QUEUE_AUDITS},
        },
        "watch-deliver": {
            "task": TASK_WATCH_DELIVER,
            "schedule": settings.watch_deliver_interval,
            "options": {"queue": QUEUE_AUDITS},
        },
        "watch-prune": {
            "task": TASK_WATCH_PRUNE,
            "schedule": 24 * 3600.0,
            "options": {"queue": QUEUE_AUDITS},
        },
    }


def owe_delivery(app: Any, settings: ServiceSettings) -> bool:
    """A delivery run queued for changes just recorded, unless one is queued already
    (it delivers these too: it claims what is due when it starts). True: one was sent."""
    url = shared_redis_url(settings)
    if url is not None:
        try:
            ttl = max(1, math.ceil(settings.watch_deliver_interval))
            if not _redis(url).set(DELIVERY_OWED, "1", nx=True, ex=ttl):
                return False
        except Exception as exc:  # the boundary: a mark never stops a delivery
            log.warning("could not mark a delivery run owed: %s", exc)
    app.send_task(TASK_WATCH_DELIVER, queue=QUEUE_AUDITS)
    return True


def _delivery_started(settings: ServiceSettings) -> None:
    """The queued run's mark off: changes recorded from now on ask for another."""
    url = shared_redis_url(settings)
    if url is None:
        return
    try:
        _redis(url).delete(DELIVERY_OWED)
    except Exception as exc:  # it expires by itself
        log.warning("could not take off the owed delivery's mark: %s", exc)


SWEEP_RETRIES = 3  # a failed watch sweep is tried again this many times
SWEEP_RETRY_LONGEST = 60.0  # seconds, at most a quarter of the sweeps' interval


def _again(task: Any, settings: ServiceSettings, exc: Exception) -> Exception:
    """The watch sweep retried soon: a sweep that failed after leasing (its time limit,
    the store, the broker) gave its links back, and the next sweep is a day on -- the
    day's re-checks of every account were lost (wk31). The retry message keeps its
    task id; past `SWEEP_RETRIES` the failure stands (beat sends the next sweep)."""
    log.warning("watch sweep failed (%s): tried again", exc)
    wait = min(SWEEP_RETRY_LONGEST, settings.watch_interval / 4)
    try:
        task.retry(exc=exc, countdown=wait, max_retries=SWEEP_RETRIES)
    except Exception as raised:  # Retry (sent again) or, past the retries, the failure
        return raised
    return exc


def _context() -> tuple[Repository, ServiceSettings]:
    from workers.tasks import jobs  # one store per worker process

    j = jobs()
    return j.repo, j.settings


@shared_task(name=TASK_WATCH_SWEEP, bind=True, acks_late=True, base=BoundedDeliveries)
def watch_sweep(self: Any) -> dict[str, int]:
    from citeaudit.watch import sweep

    repo, settings = _context()
    try:
        plan = sweep(repo, settings)  # its leases given back should it fail
    except Exception as exc:  # its time limit, the store: tried again soon, not tomorrow
        raise _again(self, settings, exc) from exc
    for n, batch in enumerate(plan.link_batches):
        try:
            self.app.send_task(TASK_WATCH_LINKS, args=[list(batch)], queue=QUEUE_LINKS)
        except Exception as exc:  # the broker: what was not sent is due at the retry
            unsent = [i for rest in plan.link_batches[n:] for i in rest]
            release_links(repo, unsent)
            raise _again(self, settings, exc) from exc
    for n, dois in enumerate(plan.doi_batches):
        try:
            self.app.send_task(TASK_WATCH_DOIS, args=[list(dois)], queue=QUEUE_REGISTRY)
        except Exception as exc:  # as for the links: the unsent are due at the retry
            release_dois(repo, [d for rest in plan.doi_batches[n:] for d in rest])
            raise _again(self, settings, exc) from exc
    log.info(
        "watch sweep: %d link batches, %d DOI batches",
        len(plan.link_batches),
        len(plan.doi_batches),
    )
    return {"link_batches": len(plan.link_batches), "doi_batches": len(plan.doi_batches)}


@shared_task(name=TASK_WATCH_LINKS, bind=True, acks_late=True, base=BoundedDeliveries)
def watch_links(self: Any, link_ids: list[int]) -> dict[str, Any]:
    from citeaudit.watch import run_link_batch

    repo, settings = _context()
    summary = run_link_batch(repo, settings, link_ids)
    if summary.changes:
        owe_delivery(self.app, settings)
    return {"checked": summary.links_checked, "changes": summary.kinds}


@shared_task(name=TASK_WATCH_DOIS, bind=True, acks_late=True, base=BoundedDeliveries)
def watch_dois(self: Any, dois: list[str]) -> dict[str, Any]:
    from citeaudit.watch import run_doi_batch

    repo, settings = _context()
    summary = run_doi_batch(repo, settings, dois)
    if summary.changes:
        owe_delivery(self.app, settings)
    return {"checked": summary.dois_checked, "changes": summary.kinds}


@shared_task(name=TASK_WATCH_DELIVER, acks_late=True, base=BoundedDeliveries)
def watch_deliver() -> dict[str, int]:
    from citeaudit.watch import deliver_due

    repo, settings = _context()
    _delivery_started(settings)
    stats = deliver_due(repo, settings)
    return {"sent": stats.sent, "retrying": stats.retried, "failed": stats.failed}


@shared_task(name=TASK_WATCH_PRUNE, acks_late=True, base=BoundedDeliveries)
def watch_prune() -> dict[str, int]:
    from citeaudit.watch import prune

    repo, settings = _context()
    pruned = prune(repo, settings)
    return {
        "checks": pruned.checks,
        "deliveries": pruned.deliveries,
        "links": pruned.links,
        "dois": pruned.dois,
    }
