"""The Celery application: broker, queues, reliability settings, the sweeper's schedule.

`celery -A workers.celery_app worker -Q audits,registry,links` runs a worker;
`celery -A workers.celery_app beat` runs the sweeper that revives stalled audits.
Messages are acknowledged only after a task finished (`acks_late`), so a worker
killed mid-task leaves its message to be delivered again -- to another worker once
the visibility timeout passes -- and every task is idempotent.

Every task has a soft and a hard time limit (`task_annotations`, from the settings):
nothing holds a worker forever. The limits stay under the visibility timeout, or
Redis would hand a task that is still running to a second worker. Every pool process
has a memory ceiling and is replaced when it grew too large (`workers.limits`): no
input exhausts the host's memory either.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from celery import Celery
from celery.signals import worker_init, worker_process_init
from kombu import Queue

from citeaudit.child_python import make_undumpable
from citeaudit.links.backends import DEFAULT_BROKER_URL, refuse_in_process
from citeaudit.service.dispatch import TASK_ASSEMBLE, TASK_CHUNK, TASK_PARSE, TASK_SWEEP
from citeaudit.service.jobs import QUEUE_AUDITS, QUEUE_LINKS, QUEUE_REGISTRY
from citeaudit.service.scratch_sweep import sweep_stale_scratch
from citeaudit.settings import ServiceSettings
from workers.limits import WorkerLimits, limit_memory
from workers.schedule import TASK_WATCH_DOIS, TASK_WATCH_LINKS, TASK_WATCH_SWEEP, beat_entries

log = logging.getLogger(__name__)
settings = ServiceSettings()
limits = WorkerLimits.from_settings(settings)

SOFT_LIMITS: dict[str, float] = {
    TASK_PARSE: settings.parse_time_limit,
    TASK_CHUNK: settings.chunk_time_limit,
    TASK_ASSEMBLE: settings.assemble_time_limit,
    TASK_WATCH_LINKS: settings.watch_time_limit,
    TASK_WATCH_DOIS: settings.watch_time_limit,
    # The watch's sweep reads every watched link's state and the day's history and
    # leases up to 200,000 links before it sends a batch: 50,000 links took 12 s, and
    # under the 120 s of the small tasks a sweep of some 500,000 watched links (five
    # accounts at their ceiling) was stopped after leasing -- no batch sent, the day's
    # re-checks of every account lost, every day (wk31).
    TASK_WATCH_SWEEP: settings.watch_time_limit,
}


def soft_limit(task: str) -> float:
    return SOFT_LIMITS.get(task, settings.task_time_limit)


def _limits(soft: float) -> dict[str, Any]:
    return {"soft_time_limit": soft, "time_limit": soft + settings.time_limit_grace}


_longest = max(SOFT_LIMITS.values()) + settings.time_limit_grace
if _longest >= settings.visibility_timeout:
    log.warning(
        "a task may run %gs, longer than CITEAUDIT_VISIBILITY_TIMEOUT=%ss: Redis would hand "
        "it to a second worker while the first still runs; raise the timeout",
        _longest,
        settings.visibility_timeout,
    )

_broker = settings.broker_url or DEFAULT_BROKER_URL
# The broker this worker uses is never a link's, redirect's or webhook's destination,
# named by CITEAUDIT_BROKER_URL or not (`links.backends.refuse_in_process`).
refuse_in_process("broker_url", _broker)

app = Celery(
    "citeaudit",
    broker=_broker,
    include=["workers.tasks", "workers.schedule"],
)
app.conf.update(
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    worker_max_memory_per_child=limits.recycle_mb * 1024,  # KiB, checked after each task
    worker_max_tasks_per_child=limits.max_tasks,
    task_ignore_result=True,
    task_soft_time_limit=settings.task_time_limit,
    task_time_limit=settings.task_time_limit + settings.time_limit_grace,
    task_annotations={name: _limits(soft) for name, soft in SOFT_LIMITS.items()},
    task_default_queue=QUEUE_AUDITS,
    task_queues=(Queue(QUEUE_AUDITS), Queue(QUEUE_REGISTRY), Queue(QUEUE_LINKS)),
    broker_transport_options={
        "visibility_timeout": settings.visibility_timeout,
        "unacked_restore_interval": settings.restore_interval,
        "unacked_restore_throttle": 1,
        # The lock a worker takes to put back a dead worker's tasks: kombu keeps it 300 s
        # by default, so a worker SIGKILLed while holding it left every unacknowledged
        # task of the audit waiting five minutes (a restore pass takes milliseconds;
        # tasks are idempotent, so a rare second restore is harmless).
        "unacked_mutex_expire": max(3 * settings.restore_interval, 3),
    },
    broker_connection_retry_on_startup=True,
    worker_cancel_long_running_tasks_on_connection_loss=False,
    beat_schedule={
        "sweep-stalled-audits": {
            "task": TASK_SWEEP,
            "schedule": settings.sweep_interval,
            "options": {"queue": QUEUE_AUDITS},
        },
        **beat_entries(settings),  # watched audits: re-checks, deliveries, pruning
    },
    beat_schedule_filename=os.environ.get(
        "CITEAUDIT_BEAT_SCHEDULE", "/tmp/citeaudit-beat-schedule"
    ),
)


@worker_process_init.connect
def _memory_ceiling(**_: Any) -> None:
    """Each pool process, after the fork: past its ceiling a step gets MemoryError."""
    limit_memory(limits)


@worker_init.connect
def _sweep_scratch(**_: Any) -> None:
    """At start, the upload folders a killed worker left (a stranger's files) go."""
    sweep_stale_scratch()


@worker_init.connect
def _undumpable(**_: Any) -> None:
    """The worker's /proc (its environment: the database and broker URLs) unreadable
    to the PDF engine's children, which are not its own but its pool processes'
    (`child_python.make_undumpable`); the pool, forked from it, is so too."""
    make_undumpable()
