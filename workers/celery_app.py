"""The Celery application: broker, queues, reliability settings, the sweeper's schedule.

`celery -A workers.celery_app worker -Q audits,registry,links` runs a worker;
`celery -A workers.celery_app beat` runs the sweeper that revives stalled audits.
Messages are acknowledged only after a task finished (`acks_late`), so a worker
killed mid-task leaves its message to be delivered again -- to another worker once
the visibility timeout passes -- and every task is idempotent.
"""

from __future__ import annotations

import os

from celery import Celery
from kombu import Queue

from citeaudit.service.config import ServiceSettings
from citeaudit.service.dispatch import TASK_SWEEP
from citeaudit.service.jobs import QUEUE_AUDITS, QUEUE_LINKS, QUEUE_REGISTRY
from workers.schedule import beat_entries

settings = ServiceSettings()

app = Celery(
    "citeaudit",
    broker=settings.broker_url or "redis://127.0.0.1:6379/0",
    include=["workers.tasks", "workers.schedule"],
)
app.conf.update(
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    task_ignore_result=True,
    task_default_queue=QUEUE_AUDITS,
    task_queues=(Queue(QUEUE_AUDITS), Queue(QUEUE_REGISTRY), Queue(QUEUE_LINKS)),
    broker_transport_options={
        "visibility_timeout": settings.visibility_timeout,
        "unacked_restore_interval": settings.restore_interval,
        "unacked_restore_throttle": 1,
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
