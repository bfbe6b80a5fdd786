"""Who runs an audit's steps: a Celery broker, or a bounded pool inside the API process.

The API only ever calls `Dispatcher.submit`. With a broker the steps are enqueued
by task name -- the API never imports worker code.
"""

from __future__ import annotations

from typing import Any, Protocol

from citeaudit.service.jobs import QUEUE_AUDITS, Next, queue_for

TASK_PARSE = "citeaudit.parse_audit"
TASK_CHUNK = "citeaudit.run_chunk"
TASK_ASSEMBLE = "citeaudit.assemble_audit"
TASK_SWEEP = "citeaudit.sweep"


class Dispatcher(Protocol):
    def submit(self, audit_id: str) -> None: ...

    def close(self) -> None: ...


class Sender(Protocol):
    def send_task(self, name: str, args: Any = ..., **options: Any) -> Any: ...


def send_next(app: Sender, audit_id: str, step: Next) -> None:
    """Enqueue what `step` says is owed, each task on its own queue."""
    if step.parse:
        app.send_task(TASK_PARSE, args=[audit_id], queue=QUEUE_AUDITS)
    for chunk in step.chunks:
        app.send_task(TASK_CHUNK, args=[chunk.id], queue=queue_for(chunk.phase))
    if step.assemble:
        app.send_task(TASK_ASSEMBLE, args=[audit_id], queue=QUEUE_AUDITS)


class CeleryDispatcher:
    def __init__(self, broker_url: str) -> None:
        from celery import Celery

        self.app = Celery("citeaudit-api", broker=broker_url)
        self.app.conf.broker_connection_retry_on_startup = True
        # A broker that is down or black-holed fails a submit within seconds (the audit
        # is then left to the sweeper, `service.submit`), never holds the request.
        self.app.conf.broker_transport_options = {
            "max_retries": 3,
            "socket_connect_timeout": 3,
            "socket_timeout": 5,
        }

    def submit(self, audit_id: str) -> None:
        send_next(self.app, audit_id, Next(parse=True))

    def close(self) -> None:
        self.app.close()
