"""A step that allocates without bound is stopped in its process, reported, and the
worker goes on: the host's memory is never the limit.

Red team of the worker (`workers.limits`): each pool process has a data-segment
ceiling, so an allocation past it raises MemoryError in the step instead of growing
until the kernel's OOM killer picks a victim on the whole host (the worker's main
process, the database). Through the real path: `citeaudit serve` and one Celery worker
with a ceiling of a few hundred MB, a links phase that keeps every 8 MB it asks for
(`tests.service.h23_hog`). Asserted: the audit is failed with the out-of-memory reason,
its offline findings kept; the worker's main process is the one started; the same
worker then finishes a healthy audit. Outcomes, never seconds: the waits are safety nets.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.redis_db import redis_db
from tests.service.conftest import Server, pg_url  # noqa: F401 - the fixture
from tests.service.h23_hog import MARKER
from tests.service.helpers import wait_done
from tests.service.one_worker import api_and_one_worker, submit
from tests.service.processes import base_env, fake_phases

REDIS_DB = 3  # apart from the other suites' 4, 5 and 8 to 15
CEILING_MB = 600


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    yield from redis_db(REDIS_DB)


@pytest.fixture(scope="module")
def cluster(
    tmp_path_factory: pytest.TempPathFactory,
    pg_url: str,  # noqa: F811 - the imported fixture
    redis_url: str,
) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("h23-memory")
    env = base_env(
        tmp,
        CITEAUDIT_DATABASE_URL=pg_url,
        CITEAUDIT_BROKER_URL=redis_url,
        **fake_phases("tests.service.h23_hog:hog_by_marker"),
        CITEAUDIT_WORKER_MAX_MEMORY_MB=str(CEILING_MB),
        CITEAUDIT_WORKER_CONCURRENCY="1",
    )
    with api_and_one_worker(env, tmp, 60) as server:
        yield server


@pytest.mark.services
@pytest.mark.slow
def test_an_unbounded_allocation_fails_its_audit_and_the_worker_goes_on(
    cluster: Server,
) -> None:
    worker = cluster.procs[1]
    hog = submit(cluster, MARKER)
    with cluster.client() as client:
        status = wait_done(client, hog, timeout=180)
        assert status["status"] == "failed", status
        assert str(status["error"]).startswith("out of memory"), status
        assert f"{CEILING_MB:,} MB" in status["error"]
        findings = client.get(f"/api/v1/audits/{hog}/findings").json()
        assert findings["findings"], findings  # the offline part is kept
        assert worker.popen.poll() is None  # the worker's main process lives
        healthy = submit(cluster, "PLAIN")
        assert wait_done(client, healthy, timeout=180)["status"] == "done"
