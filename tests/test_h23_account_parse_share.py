"""One account's hostile uploads hold at most a share of the workers, never all of them.

Class: a parse step reads a stranger's files; one that runs until the hard time limit
holds its worker process that long (five and a half minutes by default). Admission let
an account have 20 audits in flight, and the queue is first in, first out: an account
that sent as many hostile uploads as the cluster has pool processes held every one of
them, and every other account's audits -- a healthy one sent a second later -- waited
behind it for the hard limit, again and again. Now an account reads at most
`PARSES_PER_ACCOUNT` audits at once over all workers (leases in the broker's Redis,
`workers.account_share`); its further parse steps are put back for later, and the
other processes serve the other accounts.

Real processes: `citeaudit serve` and one Celery worker with three pool processes, a
reader that ignores the soft limit for one named upload
(`tests.service.h23_stubborn_reader`). Account "a" sends three stuck uploads, account
"b" a healthy one: b's audit is done while a's are all still queued or running (before
the fix b waited for a process, which only the hard limit freed -- by failing a's
audits). Outcomes, never seconds: the waits are safety nets.
"""

from __future__ import annotations

import pytest

from tests.service.conftest import Server, pg_url  # noqa: F401 - the fixture
from tests.service.h23_stubborn_reader import STUBBORN
from tests.service.helpers import wait_done
from tests.service.one_worker import cluster_fixtures
from tests.service.processes import create_token, wait_for

REDIS_DB = 14  # as test_redteam_freeze_worker_survives: module-scoped, never at once
SOFT = 60  # seconds: the parse step's soft limit: far past what the test needs
GRACE = 2
MD = (
    b"# Bericht\n\nWie Lange (2020) und Weber (2018) zeigen.\n\n"
    b"## Literatur\n\nWeber, P. (2018). Ein Titel. Zeitschrift, 2, 1-5.\n"
)
BIB = b"@article{lange2020, author={Lange, A.}, title={T}, journal={J}, year={2020}}\n"


redis_url, started = cluster_fixtures(
    REDIS_DB,
    "h23-share",
    "tests.service.h23_stubborn_reader:no_phases",
    60,
    cluster_name="started",
    CITEAUDIT_PARSE_TIME_LIMIT=str(SOFT),
    CITEAUDIT_TIME_LIMIT_GRACE=str(GRACE),
    CITEAUDIT_WORKER_CONCURRENCY="3",
)


@pytest.fixture(scope="module")
def cluster(started: Server) -> Server:
    """The started cluster, where account "b" holds a token too."""
    started.tokens["b"] = create_token(started.env, "account-b")
    return started


def _submit(server: Server, account: str, bib_name: str) -> str:
    with server.client(account) as client:
        answer = client.post(
            "/api/v1/audits",
            files=[
                ("manuscript", ("bericht.md", MD, "text/markdown")),
                ("bibliography", (bib_name, BIB, "application/x-bibtex")),
            ],
            data={"links": "false", "resolve": "false"},
        )
        assert answer.status_code == 202, answer.text
        return str(answer.json()["id"])


def _status(server: Server, account: str, audit_id: str) -> str:
    with server.client(account) as client:
        return str(client.get(f"/api/v1/audits/{audit_id}").json()["status"])


def stuck_parses_leave_processes(cluster: Server) -> None:
    """Account a sends three stuck uploads, b a healthy one: b's is done, a's wait.

    (The scenario the RabbitMQ suite runs too, tests/test_h24_rabbitmq_parse_share.py.)"""
    stuck = [_submit(cluster, "a", STUBBORN) for _ in range(3)]
    # a's first audits are being read (stuck) before b sends its own
    wait_for(
        lambda: sum(_status(cluster, "a", i) == "running" for i in stuck) >= 2,
        60,
        "two of a's audits to be read",
    )
    healthy = _submit(cluster, "b", "literatur.bib")
    with cluster.client("b") as client:
        status = wait_done(client, healthy, timeout=SOFT + GRACE + 60)
    assert status["status"] == "done", status
    states = [_status(cluster, "a", i) for i in stuck]
    assert all(s in ("queued", "running") for s in states), states


@pytest.mark.services
@pytest.mark.slow
def test_one_accounts_stuck_parses_leave_processes_to_the_others(cluster: Server) -> None:
    stuck_parses_leave_processes(cluster)
