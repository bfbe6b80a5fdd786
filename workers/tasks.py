"""The tasks: ids in, one step of `citeaudit.service.jobs`, what is owed enqueued.

Nothing here decides anything about audits; a step that crashes marks its audit
failed with the reason, so no audit stays "running" because of a bug.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any

from citeaudit.service.dispatch import (
    TASK_ASSEMBLE,
    TASK_CHUNK,
    TASK_PARSE,
    TASK_SWEEP,
    send_next,
)
from citeaudit.service.jobs import Jobs, Next
from citeaudit.store import Repository, make_engine, upgrade
from workers.celery_app import app, settings

log = logging.getLogger(__name__)
_jobs: dict[int, Jobs] = {}


def jobs() -> Jobs:
    """One store connection pool per process (made after the fork, never inherited)."""
    pid = os.getpid()
    if pid not in _jobs:
        engine = make_engine(settings.database_url)
        upgrade(engine)
        _jobs[pid] = Jobs(Repository(engine), settings)
    return _jobs[pid]


def _step(audit_id: str, run: Callable[[Jobs], Next]) -> Next:
    try:
        return run(jobs())
    except Exception as exc:  # the boundary: the audit fails with a reason
        log.exception("audit %s: step crashed", audit_id)
        jobs().fail(audit_id, f"internal error: {type(exc).__name__}: {exc}")
        return Next()


@app.task(name=TASK_PARSE, acks_late=True)
def parse_audit(audit_id: str) -> None:
    send_next(app, audit_id, _step(audit_id, lambda j: j.parse(audit_id)))


@app.task(name=TASK_CHUNK, acks_late=True)
def run_chunk(chunk_id: int) -> None:
    chunk = jobs().repo.chunk(chunk_id)
    if chunk is None:
        return
    send_next(app, chunk.audit_id, _step(chunk.audit_id, lambda j: j.run_chunk(chunk_id)))


@app.task(name=TASK_ASSEMBLE, acks_late=True)
def assemble_audit(audit_id: str) -> None:
    def run(j: Jobs) -> Next:
        j.assemble(audit_id)
        return Next()

    _step(audit_id, run)


@app.task(name=TASK_SWEEP, acks_late=True)
def sweep() -> dict[str, Any]:
    owed = jobs().sweep()
    for audit_id, step in owed.items():
        send_next(app, audit_id, step)
    return {"revived": sorted(owed)}
