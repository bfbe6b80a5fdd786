"""The tasks: ids in, one step of `citeaudit.service.jobs`, what is owed enqueued.

Nothing here decides anything about audits; a step that crashes marks its audit
failed with the reason, so no audit stays "running" because of a bug. Every task
has a soft and a hard time limit (`workers.celery_app`): at the soft one the step
stops and the audit is failed with what it had (its offline findings and finished
chunks stay stored); a step that ignores it is killed at the hard one, and the
worker's main process fails the audit (`_hard_time_limit`). A step whose worker
dies is redelivered (`acks_late`), at most `max_deliveries` times (`Jobs._admitted`).
A step past its process's memory ceiling (`workers.limits`) gets MemoryError: the
audit is failed with a reason that says so, the memory is freed as the step unwinds.
A parse step notes each stage it enters where the main process reads it
(`workers.stage_notes`): killed at the hard limit, its audit's reason still names the
upload it was reading. A parse step first takes one of its account's few places
(`workers.account_share`), or is put back for later: one account's stuck uploads
never hold every pool process. Before that it yields its turn, put back for later,
while another account with fewer audits running has one waiting (`_yields_turn`):
the queues are first in, first out, and one account's 20 audits went first.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any

from celery.exceptions import SoftTimeLimitExceeded, TimeLimitExceeded
from celery.signals import task_failure

from citeaudit.service.dispatch import (
    TASK_ASSEMBLE,
    TASK_CHUNK,
    TASK_PARSE,
    TASK_SWEEP,
    send_next,
)
from citeaudit.service.jobs import STEP_ASSEMBLE, STEP_PARSE, Jobs, Next, chunk_step, describe
from citeaudit.service.reasons import internal_error
from citeaudit.service.stage import Stage
from citeaudit.store import Repository, make_engine, upgrade
from workers.account_share import CHUNKS, Place, defer_for, give_back, place_key
from workers.celery_app import app, limits, settings, soft_limit
from workers.deliveries import BoundedDeliveries
from workers.limits import out_of_memory
from workers.stage_notes import NotedStage, taken_note

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


def _step(
    audit_id: str,
    what: str,
    limit: float,
    run: Callable[[Jobs], Next],
    stage: Stage | None = None,
) -> Next:
    """`run`, the audit failed with a reason on any failure; past the soft time limit
    the reason names the `stage` the step was in (which upload, the rules...)."""
    try:
        return run(jobs())
    except SoftTimeLimitExceeded:
        log.warning("audit %s: %s passed its soft time limit", audit_id, what)
        during = stage.now if stage is not None else None
        jobs().fail_timed_out(audit_id, what, limit, during)
        return Next()
    except MemoryError:
        log.warning("audit %s: %s ran out of memory", audit_id, what)
        jobs().fail(audit_id, out_of_memory(what, limits))
        return Next()
    except Exception as exc:  # the boundary: the audit fails with a reason
        log.exception("audit %s: step crashed", audit_id)
        jobs().fail(audit_id, internal_error(exc))
        return Next()


def _account(audit_id: str) -> int | None:
    try:
        audit = jobs().repo.get_audit(audit_id)
    except Exception:  # the step itself will fail the audit with the reason
        log.exception("audit %s: its account could not be read", audit_id)
        return None
    return audit.account_id if audit is not None else None


def _yields_turn(audit_id: str, account: int) -> bool:
    """Whether this audit, not yet read, waits for another account's turn: one with
    fewer audits running has one queued (`Quotas.behind_another_account`). The queue is
    first in, first out over every account; without this another account's one audit
    was read after all 20 of an account that sent first (fair32). A store that does
    not answer never stops the work: the audit goes on."""
    try:
        audit = jobs().repo.get_audit(audit_id)
        if audit is None or audit.status != "queued":
            return False  # gone, or already begun (a redelivery): no turn to wait for
        return jobs().repo.behind_another_account(account)
    except Exception:
        log.exception("audit %s: the accounts' turns could not be read", audit_id)
        return False


@app.task(name=TASK_PARSE, acks_late=True)
def parse_audit(audit_id: str) -> None:
    what = describe(STEP_PARSE)
    limit = soft_limit(TASK_PARSE)
    token = str(parse_audit.request.id or audit_id)
    # One of its account's places (`workers.account_share`): one account's stuck
    # uploads never hold every pool process. Without one, back later; the audit is
    # touched so that the sweeper does not take the wait for a stall.
    account = _account(audit_id)
    if account is not None and _yields_turn(audit_id, account):
        jobs().repo.touch(audit_id)
        raise parse_audit.retry(
            countdown=defer_for(parse_audit.request.retries or 0), max_retries=None
        )
    place = Place(settings, account, token) if account is not None else None
    if place is not None and not place.take():
        jobs().repo.touch(audit_id)
        raise parse_audit.retry(
            countdown=defer_for(parse_audit.request.retries or 0), max_retries=None
        )
    # Noted where the main process reads it should the hard limit kill this process.
    stage = NotedStage(parse_audit.request.id)
    try:
        step = _step(audit_id, what, limit, lambda j: j.parse(audit_id, stage), stage)
    finally:
        stage.forget()
        if place is not None:
            place.give_back()
    send_next(app, audit_id, step)


@app.task(name=TASK_CHUNK, acks_late=True)
def run_chunk(chunk_id: int) -> None:
    chunk = jobs().repo.chunk(chunk_id)
    if chunk is None:
        return
    what = describe("chunk", chunk.phase)
    # One of its account's chunk places (`workers.account_share.CHUNKS`): one account's
    # long chunks never hold every pool process. Without one, back later, the audit
    # touched (no stall for the sweeper).
    account = _account(chunk.audit_id)
    token = str(run_chunk.request.id or f"chunk-{chunk_id}")
    place = Place(settings, account, token, share=CHUNKS) if account is not None else None
    if place is not None and not place.take():
        jobs().repo.touch(chunk.audit_id)
        raise run_chunk.retry(countdown=defer_for(run_chunk.request.retries or 0), max_retries=None)
    try:
        step = _step(chunk.audit_id, what, soft_limit(TASK_CHUNK), lambda j: j.run_chunk(chunk_id))
    finally:
        if place is not None:
            place.give_back()
    send_next(app, chunk.audit_id, step)


@app.task(name=TASK_ASSEMBLE, acks_late=True)
def assemble_audit(audit_id: str) -> None:
    def run(j: Jobs) -> Next:
        j.assemble(audit_id)
        return Next()

    _step(audit_id, describe(STEP_ASSEMBLE), soft_limit(TASK_ASSEMBLE), run)


@app.task(name=TASK_SWEEP, acks_late=True, base=BoundedDeliveries)
def sweep() -> dict[str, Any]:
    owed = jobs().sweep()
    for audit_id, step in owed.items():
        send_next(app, audit_id, step)
    return {"revived": sorted(owed)}


@task_failure.connect
def _hard_time_limit(
    sender: Any = None,
    task_id: str | None = None,
    exception: BaseException | None = None,
    args: Any = None,
    **_: Any,
) -> None:
    """A step killed at its hard limit: fail its audit now, from the worker's main process,
    naming the stage the step last noted (`workers.stage_notes`), as the soft limit does.

    Runs in the parent, which keeps no store connection across forks: a short-lived
    engine, disposed before returning.
    """
    if not isinstance(exception, TimeLimitExceeded) or not args:
        return
    name = getattr(sender, "name", "")
    if name not in (TASK_PARSE, TASK_CHUNK, TASK_ASSEMBLE):
        return
    during = taken_note(task_id)
    engine = make_engine(settings.database_url)
    try:
        repo = Repository(engine)
        if name == TASK_CHUNK:
            chunk = repo.chunk(int(args[0]))
            if chunk is None:
                return
            audit_id, what = chunk.audit_id, describe("chunk", chunk.phase)
            step = chunk_step(chunk.id)
            owner = repo.get_audit(audit_id)
            if owner is not None:  # its account's chunk place, now free
                key = place_key(owner.account_id, CHUNKS)
                give_back(settings, key, str(task_id or f"chunk-{chunk.id}"))
        else:
            audit_id = str(args[0])
            step = STEP_PARSE if name == TASK_PARSE else STEP_ASSEMBLE
            what = describe(step)
            audit = repo.get_audit(audit_id)
            if name == TASK_PARSE and audit is not None:  # its account's place, now free
                give_back(settings, place_key(audit.account_id), str(task_id or audit_id))
        log.warning("audit %s: %s killed at its hard time limit", audit_id, what)
        Jobs(repo, settings).fail_timed_out(audit_id, what, soft_limit(name), during)
        # The step is over: a deleted audit it held in flight goes now (`end_step`).
        repo.end_step(audit_id, step)
    except Exception:  # never let the handler take the worker down
        log.exception("could not mark the audit of a timed-out task failed")
    finally:
        engine.dispose()
