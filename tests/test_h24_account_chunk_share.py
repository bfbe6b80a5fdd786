"""One account's long network chunks hold at most a share of the workers, never all.

Class: after an audit is read its references are checked in chunks (links, registry
look-ups), each a Celery step that may run until its time limit (eight minutes by
default: a slow site answers byte by byte). The parse steps were shared out per
account (`workers.account_share`), the chunks were not: an account that submitted as
many large audits as the cluster has pool processes filled every one with its chunks,
and every other account's audits -- a healthy one sent a second later -- waited behind
them, chunk after chunk. Now a chunk step first takes one of its account's
`CHUNKS_PER_ACCOUNT` places (apart from the parse places); without one it is put back
for later and its process serves another account.

Real processes: `citeaudit serve` and one Celery worker with three pool processes, a
links phase that sleeps for a marked reference (`tests.service.hostile_phases`).
Account "a" sends three sleeping audits, account "b" a plain one: b's audit is done
while a's are all still queued or running (before the fix b's parse waited for a
process, which only a's chunks' time limit freed -- by ending a's audits). Outcomes,
never seconds: the waits are safety nets.
"""

from __future__ import annotations

import pytest

from tests.service.conftest import Server, pg_url  # noqa: F401 - the fixture
from tests.service.helpers import wait_done
from tests.service.one_worker import cluster_fixtures, manuscript
from tests.service.processes import create_token, wait_for

REDIS_DB = 10  # as tests/redteam/test_r13_netfreeze_registry_slot_wait: never at once
SOFT = 90  # seconds: a chunk's soft limit, far past what the test needs


redis_url, started = cluster_fixtures(
    REDIS_DB,
    "h24-chunks",
    "tests.service.hostile_phases:by_marker",
    60,
    cluster_name="started",
    CITEAUDIT_CHUNK_TIME_LIMIT=str(SOFT),
    CITEAUDIT_WORKER_CONCURRENCY="3",
)


@pytest.fixture(scope="module")
def cluster(started: Server) -> Server:
    """The started cluster, where account "b" holds a token too."""
    started.tokens["b"] = create_token(started.env, "account-b")
    return started


def _submit(server: Server, account: str, marker: str) -> str:
    with server.client(account) as client:
        answer = client.post(
            "/api/v1/audits", files=[("manuscript", ("paper.md", manuscript(marker)))]
        )
        assert answer.status_code == 202, answer.text
        return str(answer.json()["id"])


def _status(server: Server, account: str, audit_id: str) -> str:
    with server.client(account) as client:
        return str(client.get(f"/api/v1/audits/{audit_id}").json()["status"])


def _chunks_running(server: Server, ids: list[str]) -> int:
    """a's audits past their parse: read, their chunks at work (or waiting for one)."""
    from citeaudit.store import Repository, make_engine

    engine = make_engine(server.env["CITEAUDIT_DATABASE_URL"])
    try:
        repo = Repository(engine)
        return sum(bool(repo.chunks(i)) for i in ids)
    finally:
        engine.dispose()


@pytest.mark.services
@pytest.mark.slow
def test_one_accounts_long_chunks_leave_processes_to_the_others(cluster: Server) -> None:
    sleeping = [_submit(cluster, "a", "HOSTILE-SLEEP") for _ in range(3)]
    # a's audits are all read, their chunks made, before b sends its own
    wait_for(
        lambda: _chunks_running(cluster, sleeping) == 3, 60, "a's audits to reach their chunks"
    )
    healthy = _submit(cluster, "b", "plain")
    with cluster.client("b") as client:
        status = wait_done(client, healthy, timeout=SOFT + 60)
    assert status["status"] == "done", status
    states = [_status(cluster, "a", i) for i in sleeping]
    assert all(s in ("queued", "running") for s in states), states
