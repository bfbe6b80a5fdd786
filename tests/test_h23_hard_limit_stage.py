"""A step killed at its hard time limit names the stage it was in, as the soft limit does.

Class: a step past its soft time limit fails its audit with the stage it was in (which
upload it was reading, the matching, the rules: `service.stage`). A step that swallows
the soft limit -- a reader stuck in native code, a library that catches everything --
is killed at the hard one, and the worker's main process fails the audit
(`workers.tasks._hard_time_limit`); the stage lived in the killed process, and the
reason said only "reading the files took longer than its limit": the editor with
several uploads could not tell which one to fix. Now the pool process notes each
stage where its main process reads it (`workers.stage_notes`), and the reason names it.

Real processes: `citeaudit serve` and one Celery worker (the compose commands) on
Redis and PostgreSQL, with a bibliography reader that ignores the soft limit for one
named upload (`tests.service.h23_stubborn_reader`). Outcomes, never seconds: the
waits are safety nets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.service.conftest import Server, pg_url  # noqa: F401 - the fixture
from tests.service.h23_stubborn_reader import STUBBORN
from tests.service.helpers import wait_done
from tests.service.one_worker import cluster_fixtures
from tests.service.processes import wait_for

REDIS_DB = 9  # as test_redteam_freeze_worker_memory: module-scoped, never at once
SOFT = 6  # seconds: the parse step's soft limit here (a cold worker process needs ~2)
GRACE = 2  # then the hard limit kills the pool process
MD = (
    b"# Rapport\n\nComme l'ont montr\xc3\xa9 Leroy (2020) et Morel (2018).\n\n"
    b"## R\xc3\xa9f\xc3\xa9rences\n\nMorel, P. (2018). Un titre. Revue, 2, 1-5.\n"
)
BIB = b"@article{leroy2020, author={Leroy, A.}, title={T}, journal={J}, year={2020}}\n"


redis_url, cluster = cluster_fixtures(
    REDIS_DB,
    "h23-hard",
    "tests.service.h23_stubborn_reader:no_phases",
    30,
    CITEAUDIT_PARSE_TIME_LIMIT=str(SOFT),
    CITEAUDIT_TIME_LIMIT_GRACE=str(GRACE),
    CITEAUDIT_WORKER_CONCURRENCY="1",
)


@pytest.mark.services
@pytest.mark.slow
def test_a_parse_killed_at_the_hard_limit_names_the_upload(
    cluster: Server,
    redis_url: str,
    pg_url: str,  # noqa: F811 - the imported fixture
) -> None:
    with cluster.client() as client:
        answer = client.post(
            "/api/v1/audits",
            files=[
                ("manuscript", ("rapport.md", MD, "text/markdown")),
                ("bibliography", ("autres.bib", BIB, "application/x-bibtex")),
                ("bibliography", (STUBBORN, BIB, "application/x-bibtex")),
            ],
            data={"links": "false", "resolve": "false"},
        )
        assert answer.status_code == 202, answer.text
        audit_id = str(answer.json()["id"])
        status = wait_done(client, audit_id, timeout=SOFT + GRACE + 60)
    log = Path(cluster.procs[1].log).read_text(errors="replace")
    assert "Hard time limit" in log, log[-3000:]  # killed, not stopped at the soft limit
    assert status["status"] == "failed", status
    error = str(status["error"])
    assert error.startswith("timed out: reading the files"), error
    assert f"stopped while reading the upload '{STUBBORN}'" in error, error
    assert "autres.bib" not in error
    # The killed step was acknowledged, not put back: once the broker holds nothing
    # (decided by its state, not a pause), it was started exactly once.
    wait_for(lambda: _broker_settled(redis_url), 60, "the killed step's message to be gone")
    assert _parse_starts(pg_url, audit_id) == 1
    # and its account's parse place was given back by the main process
    assert _places_held(redis_url, pg_url, audit_id) == 0


def _places_held(url: str, pg: str, audit_id: str) -> int:
    import redis
    from workers.account_share import place_key

    from citeaudit.store import Repository, make_engine

    engine = make_engine(pg)
    try:
        audit = Repository(engine).get_audit(audit_id)
        assert audit is not None
    finally:
        engine.dispose()
    client = redis.Redis.from_url(url)
    try:
        return int(client.zcard(place_key(audit.account_id)))
    finally:
        client.close()


def _broker_settled(url: str) -> bool:
    import redis

    client = redis.Redis.from_url(url)
    try:
        return int(client.llen("audits")) == 0 and int(client.hlen("unacked")) == 0
    finally:
        client.close()


def _parse_starts(pg: str, audit_id: str) -> int:
    from citeaudit.store import Repository, make_engine
    from citeaudit.store.tables import StepDelivery

    engine = make_engine(pg)
    try:
        with Repository(engine).session() as s:
            row = s.get(StepDelivery, (audit_id, "parse"))
            return row.count if row is not None else 0
    finally:
        engine.dispose()
