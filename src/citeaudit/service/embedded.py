"""The embedded default: audits run in a bounded thread pool of the API process.

Same steps as the Celery workers, in order, in one thread per audit: each step's
chunks owed (`Jobs` owes a few at a time) are run in turn until none is left. Audits
left unfinished by a previous run of the server are picked up again at start. A place
that comes free goes to the waiting audit of the account with the fewest audits
running, then the one served longest ago: one account's audits in flight never keep
another account's audit waiting for more than one place (`_take`).

Each step has the workers' soft time limit (`parse_time_limit`, `chunk_time_limit`,
`assemble_time_limit`): a thread cannot be killed, so past it a timer fails the audit
with the workers' reason, and the stuck thread's place goes to the next audit -- at
most `ABANDONED_AT_MOST` stuck threads at once; past that a stuck one keeps its place.
A step stuck on a hostile input (a network wait that never ends, a reader that never
returns) said "running" for ever, held a place of its account's audits in flight, and
two of them stopped every later audit of every account.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from citeaudit.service.jobs import STEP_ASSEMBLE, STEP_PARSE, Jobs, describe
from citeaudit.service.reasons import internal_error
from citeaudit.service.stage import Stage

log = logging.getLogger(__name__)
_T = TypeVar("_T")

ABANDONED_AT_MOST = 4  # stuck threads whose place was given to the next audit, at once


class _Place:
    """One audit's place among the executor's `workers`: given back once, when the
    audit's thread ends or, past a step's time limit, to let the next audit run."""

    def __init__(self, owner: InProcessDispatcher) -> None:
        self.owner = owner
        self.given_back = False
        self.abandoned = False

    def abandon(self) -> None:
        with self.owner.lock:
            if self.given_back or self.owner.abandoned >= ABANDONED_AT_MOST:
                return
            self.owner.abandoned += 1
            self.given_back = self.abandoned = True
        self.owner.places.release()
        log.warning("an audit's step is stuck past its time limit; its place goes on")

    def give_back(self) -> None:
        with self.owner.lock:
            if self.abandoned:
                self.owner.abandoned -= 1  # the stuck thread came back
            if self.given_back:
                return
            self.given_back = True
        self.owner.places.release()


class InProcessDispatcher:
    def __init__(self, jobs: Jobs, workers: int) -> None:
        self.jobs = jobs
        self.workers = max(1, workers)
        self.places = threading.Semaphore(self.workers)
        self.lock = threading.Lock()
        self.abandoned = 0
        # Audits sent and not yet started, by account, each account's audits running
        # now, and when it was last given a place: who has the next one (`_take`).
        self._waiting: dict[int | None, deque[str]] = {}
        self._running: dict[int | None, int] = {}
        self._served: dict[int | None, int] = {}  # when each was last given a place
        self._turns = 0
        self.pool = ThreadPoolExecutor(
            max_workers=self.workers + ABANDONED_AT_MOST, thread_name_prefix="audit"
        )

    def submit(self, audit_id: str) -> None:
        """Queue the audit under its account; a place taken later runs whichever
        audit's turn it is then (`_take`), not necessarily this one."""
        audit = self.jobs.repo.get_audit(audit_id)
        owner = audit.account_id if audit is not None else None
        with self.lock:
            self._waiting.setdefault(owner, deque()).append(audit_id)
        self.pool.submit(self._in_place)

    def resume(self) -> None:
        # Deleted audits whose step ran when the server stopped: no step runs now.
        self.jobs.repo.purge_deleted()
        for audit in self.jobs.repo.unfinished():
            self.submit(audit.id)

    def _take(self) -> tuple[int | None, str] | None:
        """The next audit to run, and its account: of the accounts with audits waiting,
        the one with the fewest running now, then the one served longest ago (or
        never). First come, first served, one account's 20 audits in flight ran before
        another account's one audit sent after them (svc31)."""
        with self.lock:
            if not self._waiting:
                return None
            owner = min(
                self._waiting,
                key=lambda o: (self._running.get(o, 0), self._served.get(o, -1)),
            )
            queue = self._waiting[owner]
            audit_id = queue.popleft()
            if not queue:
                del self._waiting[owner]
            self._running[owner] = self._running.get(owner, 0) + 1
            self._turns += 1
            self._served[owner] = self._turns
            return owner, audit_id

    def _done(self, owner: int | None) -> None:
        with self.lock:
            left = self._running.get(owner, 0) - 1
            if left > 0:
                self._running[owner] = left
                return
            self._running.pop(owner, None)
            if owner not in self._waiting:  # neither waiting nor running: forgotten
                self._served.pop(owner, None)

    def _in_place(self) -> None:
        self.places.acquire()
        place = _Place(self)
        try:
            taken = self._take()
            if taken is not None:
                owner, audit_id = taken
                try:
                    self.run(audit_id, place)
                finally:
                    self._done(owner)
        finally:
            place.give_back()

    def run(self, audit_id: str, place: _Place | None = None) -> None:
        """The whole audit; any crash marks it failed with the reason, never stuck."""
        settings = self.jobs.settings
        try:
            step = self.jobs.owed(audit_id)
            if step.parse:
                stage = Stage("")  # which upload, the matching or the rules: named if stopped
                step = self._timed(
                    audit_id,
                    place,
                    describe(STEP_PARSE),
                    settings.parse_time_limit,
                    lambda: self.jobs.parse(audit_id, stage),
                    stage,
                )
            owed = deque(chunk.id for chunk in step.chunks)
            ran: set[int] = set()
            while owed:
                chunk_id = owed.popleft()
                if chunk_id in ran:
                    continue
                ran.add(chunk_id)
                chunk = self.jobs.repo.chunk(chunk_id)
                after = self._timed(
                    audit_id,
                    place,
                    describe("chunk", chunk.phase if chunk else None),
                    settings.chunk_time_limit,
                    lambda: self.jobs.run_chunk(chunk_id),  # noqa: B023 - run at once
                )
                owed.extend(c.id for c in after.chunks)
            self._timed(
                audit_id,
                place,
                describe(STEP_ASSEMBLE),
                settings.assemble_time_limit,
                lambda: self.jobs.assemble(audit_id),
            )
        except BaseException as exc:  # the boundary: whatever went wrong becomes the reason
            # Not only Exception: a step that raised SystemExit, KeyboardInterrupt or
            # GeneratorExit (a library that "exits" on a bad input) left the thread, and
            # with no sweeper here the audit said "running" until the next restart. In a
            # pool thread none of them means the server is to stop: nothing re-raises.
            log.exception("audit %s crashed", audit_id)
            self.jobs.fail(audit_id, internal_error(exc))

    def _timed(
        self,
        audit_id: str,
        place: _Place | None,
        what: str,
        limit: float,
        work: Callable[[], _T],
        stage: Stage | None = None,
    ) -> _T:
        """`work()`, the audit failed (`timed_out`) and its place given on if it is
        still running `limit` seconds on (0: no limit). Later steps of a failed audit
        do nothing (`Jobs` reads its state first), and a finished one is never failed
        (`mark_failed` changes only audits in flight). The reason names the `stage` the
        step was in, when it tells one."""
        if limit <= 0:
            return work()

        def expired() -> None:
            log.warning("audit %s: %s passed its time limit", audit_id, what)
            during = stage.now if stage is not None else None
            self.jobs.fail_timed_out(audit_id, what, limit, during)
            if place is not None:
                place.abandon()

        timer = threading.Timer(limit, expired)
        timer.daemon = True
        timer.start()
        try:
            return work()
        finally:
            timer.cancel()

    def close(self, then: Callable[[], None] | None = None) -> None:
        """Takes no more audits; `then` (the API's disposal of the store) runs once the
        running ones have ended, in a thread of its own: an audit runs for minutes, a
        stuck step for ever, and the API's shutdown does not wait for them here.

        Disposed under a running audit, the store's pool let go of the connection the
        audit held: given back later to a pool no engine owned any more, it stayed open
        until the garbage collector found it (psycopg warns "deleted while still open").
        """
        self.pool.shutdown(wait=False, cancel_futures=True)
        if then is None:
            return

        def after_the_running() -> None:
            self.pool.shutdown(wait=True)
            then()

        threading.Thread(target=after_the_running, name="audits-closed", daemon=True).start()
