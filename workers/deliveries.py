"""Every task's starts counted, so that one whose process dies is not handed on for ever.

The workers acknowledge a message only when its task ends (``acks_late``) and put it
back when the process running it dies (``task_reject_on_worker_lost``): a step killed
by the OOM killer or a crash in native code is run again. Celery warns that this "can
cause message loops": a task that kills its process every time is put back, taken by
the next process, and kills it too, for ever. An audit's steps count their starts in
the store (`Jobs._admitted`) and fail the audit past `max_deliveries`; the watch's
tasks (a re-check batch of stored links or DOIs, deliveries, sweeps, pruning) and the
audits' sweeper counted nothing, and a poison re-check batch looped without end.

`BoundedDeliveries` is the base of those tasks: each start of a message (its task id,
which a redelivery keeps) is counted in the shared Redis (`shared_redis_url`); after
`max_deliveries` starts, as for an audit's step, the next one does nothing but log that
it gave up, and the message is acknowledged.
A re-check batch given up so keeps its lease (`watch_lease`): its links are due again
at a later sweep, in a new task with a count of its own -- a few starts a sweep, not a
loop.

When the count cannot be kept in Redis (a RabbitMQ broker and no Redis, a configuration
the service supports; Redis down) the message carries it (wk31): a start of a message
the broker says was redelivered (its process died with it) does not run, but sends the
message again with one more retry counted (Celery's ``retries``, which a retried
message keeps) and returns, so the redelivered one is acknowledged; past
`max_deliveries` deaths it gives up as above. Before, such a task "ran uncounted", and
a batch that crashed its process under RabbitMQ was put back and crashed the next
process for ever. Neither way stops a task that ends: a count must never stop the
work it guards. (A task that also retries for failures of its own -- the watch sweep,
`workers.schedule._again` -- spends the same retries: with no Redis it gives up after
fewer deaths, never more.)
"""

from __future__ import annotations

import logging
import os
from typing import Any

from celery import Task

from citeaudit.settings import ServiceSettings

__all__ = [
    "KEY_PREFIX",
    "BoundedDeliveries",
    "count_start",
    "forget_starts",
    "shared_redis_url",
]

log = logging.getLogger(__name__)
KEY_PREFIX = "citeaudit:task-starts:"
KEEP_SECONDS = 7 * 24 * 3600  # a message is redelivered within minutes; its count goes
# when its start ends (`forget_starts`), else (its process died) after this
_clients: dict[int, Any] = {}  # one Redis client per process (made after the fork)


def _redis(url: str) -> Any:
    pid = os.getpid()
    client = _clients.get(pid)
    if client is None:
        import redis

        client = redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)
        _clients.clear()  # a client inherited across a fork is never used
        _clients[pid] = client
    return client


REDIS_SCHEMES = ("redis://", "rediss://", "unix://")


def shared_redis_url(settings: ServiceSettings) -> str | None:
    """The Redis every worker shares for counts and places, whatever the broker is.

    The service's own Redis (`redis_url`, the link checker's shared pacing) first, else
    the broker's when it is Redis -- also the workers' default broker when none is named
    (`celery_app` falls back to it). Reading `broker_url` alone lost every count and
    place under a RabbitMQ broker, and under the default one.
    """
    from citeaudit.links.backends import DEFAULT_BROKER_URL

    for url in (settings.redis_url, settings.broker_url or DEFAULT_BROKER_URL):
        if url and url.startswith(REDIS_SCHEMES):
            return url
    return None


def count_start(settings: ServiceSettings, task_id: str) -> int | None:
    """This start of `task_id` counted; how many there were, or None when not counted."""
    url = shared_redis_url(settings)
    if url is None:
        return None
    try:
        client = _redis(url)
        key = KEY_PREFIX + task_id
        pipe = client.pipeline()
        pipe.incr(key)
        pipe.expire(key, KEEP_SECONDS)
        starts, _ = pipe.execute()
        return int(starts)
    except Exception as exc:  # the boundary: a count never stops the work
        log.warning("task %s: its start could not be counted: %s", task_id, exc)
        return None


def forget_starts(settings: ServiceSettings, task_id: str) -> None:
    """`task_id`'s count gone: its start ended (acknowledged), nothing to give up on.

    The counts were kept `KEEP_SECONDS` after every start: a week of every task the
    workers ran (the sweeper and the deliveries each minute, each re-check batch, each
    delivery sent after a batch), tens of thousands of keys in the shared Redis, none
    of them ever read again (wk31)."""
    url = shared_redis_url(settings)
    if url is None:
        return
    try:
        _redis(url).delete(KEY_PREFIX + task_id)
    except Exception as exc:  # the key expires by itself
        log.warning("task %s: its count could not be forgotten: %s", task_id, exc)


class BoundedDeliveries(Task):  # type: ignore[misc]  # Celery's Task is untyped
    """A task already started `max_deliveries` times (its process died each time: a
    task that ended was acknowledged) does nothing at its next start, and says so."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        task_id = getattr(self.request, "id", None)
        if task_id:  # None: called directly, not from a message
            from workers.celery_app import settings

            starts = count_start(settings, str(task_id))
            if starts is None and self._redelivered():
                starts = int(getattr(self.request, "retries", 0) or 0) + 2  # deaths + this
                if starts <= settings.max_deliveries:
                    # Sent again, the count in the message; this one is acknowledged.
                    self.retry(countdown=0, max_retries=None, throw=False)
                    return None
            if starts is not None and starts > settings.max_deliveries:
                log.error(
                    "task %s (%s) gave up: started %d times, its process died each time "
                    "(CITEAUDIT_MAX_DELIVERIES=%d); not run again",
                    self.name,
                    task_id,
                    starts - 1,
                    settings.max_deliveries,
                )
                return None
            if starts is not None:
                try:
                    return super().__call__(*args, **kwargs)
                finally:  # the process lived through the start: no death to count
                    forget_starts(settings, str(task_id))
        return super().__call__(*args, **kwargs)

    def _redelivered(self) -> bool:
        """The broker handed this message out before (its process died running it)."""
        info = getattr(self.request, "delivery_info", None) or {}
        return bool(info.get("redelivered"))
