"""The embedded default: audits run in a bounded thread pool of the API process.

Same steps as the Celery workers, in order, in one thread per audit: each step's
chunks owed (`Jobs` owes a few at a time) are run in turn until none is left. Audits
left unfinished by a previous run of the server are picked up again at start.
"""

from __future__ import annotations

import logging
from collections import deque
from concurrent.futures import ThreadPoolExecutor

from citeaudit.service.jobs import Jobs
from citeaudit.service.reasons import internal_error

log = logging.getLogger(__name__)


class InProcessDispatcher:
    def __init__(self, jobs: Jobs, workers: int) -> None:
        self.jobs = jobs
        self.pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="audit")

    def submit(self, audit_id: str) -> None:
        self.pool.submit(self.run, audit_id)

    def resume(self) -> None:
        for audit in self.jobs.repo.unfinished():
            self.submit(audit.id)

    def run(self, audit_id: str) -> None:
        """The whole audit; any crash marks it failed with the reason, never stuck."""
        try:
            step = self.jobs.owed(audit_id)
            if step.parse:
                step = self.jobs.parse(audit_id)
            owed = deque(chunk.id for chunk in step.chunks)
            ran: set[int] = set()
            while owed:
                chunk_id = owed.popleft()
                if chunk_id in ran:
                    continue
                ran.add(chunk_id)
                owed.extend(chunk.id for chunk in self.jobs.run_chunk(chunk_id).chunks)
            self.jobs.assemble(audit_id)
        except BaseException as exc:  # the boundary: whatever went wrong becomes the reason
            # Not only Exception: a step that raised SystemExit, KeyboardInterrupt or
            # GeneratorExit (a library that "exits" on a bad input) left the thread, and
            # with no sweeper here the audit said "running" until the next restart. In a
            # pool thread none of them means the server is to stop: nothing re-raises.
            log.exception("audit %s crashed", audit_id)
            self.jobs.fail(audit_id, internal_error(exc))

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
