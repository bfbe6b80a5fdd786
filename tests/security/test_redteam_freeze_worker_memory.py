"""A step that eats memory without end, in a real worker: the audit fails, the worker lives.

Hostile input that makes a reader or rule hold something per byte grows a pool
process until the kernel's OOM killer picks a victim on the whole host (the worker's
main process, the database). Each pool process has a ceiling on its data segment
(`workers.limits`, ``CITEAUDIT_WORKER_MAX_MEMORY_MB``): past it an allocation raises
MemoryError inside the step, which fails the audit with "out of memory" and its
offline findings kept -- and the same worker audits the next upload. Until now the
ceiling was checked only in a bare process (tests/security/test_workers.py), never
through Celery's pool, the task's boundary and the stored audit.

Real processes: `citeaudit serve` and a Celery worker (the compose commands) on Redis
and PostgreSQL; the links phase of a reference naming HOSTILE-HOG allocates untouched
64 MB blocks (``bytes(n)`` is calloc'd: counted against the ceiling, never resident,
so the test costs the machine nothing) until refused -- or for ever: without the
ceiling the step only ends at its time limit, and the audit's reason says "timed out".
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from citeaudit.audit_data import AuditData, Phase
from citeaudit.enrichment import Enricher
from citeaudit.phases import PhaseOptions
from citeaudit.settings import Settings
from tests.service.conftest import Server, pg_url  # noqa: F401 - the fixture
from tests.service.helpers import wait_done
from tests.service.one_worker import cluster_fixtures, submit

REDIS_DB = 9  # apart from the other suites' 11, 12, 13 and 15
CEILING_MB = 1536  # a pool process of the worker: ~300 MB of data after its imports
TIME_LIMIT = 60  # seconds: the links chunk's soft limit; the hog meets the ceiling first
BLOCK = 64 * 1024 * 1024


class Hog(Enricher):
    """The links phase: allocate without end when a reference names HOSTILE-HOG."""

    phase = Phase.LINKS

    def enrich(self, data: AuditData) -> AuditData:
        if any("HOSTILE-HOG" in ref.raw for ref in data.references):
            held: list[bytes] = []
            while True:
                held.append(bytes(BLOCK))
        return data


def hog(settings: Settings, options: PhaseOptions) -> Sequence[Enricher]:
    """The worker's phases (`fake_phases(f"{__name__}:hog")`)."""
    return [Hog()] if options.links else []


redis_url, cluster = cluster_fixtures(
    REDIS_DB,
    "worker-memory",
    f"{__name__}:hog",
    60,
    CITEAUDIT_CHUNK_TIME_LIMIT=str(TIME_LIMIT),
    CITEAUDIT_WORKER_MAX_MEMORY_MB=str(CEILING_MB),
    CITEAUDIT_WORKER_CONCURRENCY="1",
)


@pytest.mark.services
@pytest.mark.slow
def test_a_step_past_the_memory_ceiling_fails_its_audit_and_the_worker_goes_on(
    cluster: Server,
) -> None:
    audit_id = submit(cluster, "HOSTILE-HOG")
    with cluster.client() as client:
        status = wait_done(client, audit_id, timeout=TIME_LIMIT + 60)
        assert status["status"] == "failed", status
        error = status["error"]
        assert error.startswith("out of memory: a chunk of the links phase"), error
        assert f"{CEILING_MB:,} MB" in error
        findings = client.get(f"/api/v1/audits/{audit_id}/findings").json()
    assert findings["status"] == "failed" and not findings["final"]
    assert any("Jones" in f["message"] for f in findings["findings"]), findings
    assert cluster.procs[1].popen.poll() is None  # the worker's main process lives
    healthy = submit(cluster, "")
    with cluster.client() as client:
        assert wait_done(client, healthy, timeout=60)["status"] == "done"
