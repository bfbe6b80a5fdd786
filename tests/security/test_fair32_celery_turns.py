"""fair32: under Celery, another account's audit waits behind one account's queue.

Without a broker a free place goes to the account with the fewest audits running
(svc31, `service.embedded`). With Celery the audits' steps share first-in, first-out
queues: an account that sent its 20 audits in flight before another account's single
audit had all 20 read first, one after the other once its per-account places
(`workers.account_share`) were as many as the pool's processes.

A real worker on the real Redis, one pool process; the first audit's chunk is held
(`tests.security.fair32_held_phases`) until every audit is sent, then the chunks go in
the order their audits were read. Counted: where the other account's audit came --
7th of 7 before; now 2nd, as without a broker: a parse step of an account yields its
turn while another account with fewer audits running has one queued
(`workers.tasks._yields_turn`, `Quotas.behind_another_account`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.service.dispatch import CeleryDispatcher
from citeaudit.store import Repository, make_engine, upgrade
from citeaudit.store.views import NewFile
from tests.redis_db import redis_db
from tests.service.processes import Proc, base_env, celery_worker, wait_for

pytestmark = [pytest.mark.services, pytest.mark.slow]

SPEC = "tests.security.fair32_held_phases:enrichers"
FLOOD = 6  # one account's audits sent first (20 may be in flight; fewer show it)
OPTIONS = {"links": False}  # one resolution chunk per audit
LIVENESS = 120.0  # real seconds a wait may take at most (only when the test fails)


def _upload(doi: str) -> list[NewFile]:
    return [NewFile("bibliography", "refs.bib", "text", f"@article{{k, doi={{{doi}}}}}\n".encode())]


@pytest.fixture
def redis_url() -> Iterator[str]:
    yield from redis_db(13)


def test_another_accounts_audit_is_read_next_under_celery(tmp_path: Path, redis_url: str) -> None:
    folder = tmp_path / "held"
    folder.mkdir()
    database = f"sqlite:///{tmp_path / 'store.db'}"
    engine = make_engine(database)
    upgrade(engine)
    repo = Repository(engine)
    flooder = repo.account_for_token(repo.create_token("flooder"))
    other = repo.account_for_token(repo.create_token("other"))
    assert flooder is not None and other is not None
    env = base_env(
        tmp_path,
        CITEAUDIT_DATABASE_URL=database,
        CITEAUDIT_BROKER_URL=redis_url,
        FAIR32_HOLD_DIR=str(folder),
    )
    launcher = [sys.executable, "-m", "tests.service.fake_phases_launcher", SPEC]
    args = celery_worker("audits,registry,links", "fair32-turns@%h", launcher=launcher)
    worker = Proc("worker", args, env, tmp_path / "worker.log")
    dispatcher = CeleryDispatcher(redis_url)
    order_log = folder / "order.log"
    try:
        wait_for(
            lambda: "ready." in worker.output() or worker.popen.poll() is not None,
            60,
            "the worker to start",
        )
        assert worker.popen.poll() is None, worker.output()
        flood = [
            repo.create_audit(flooder, _upload(f"10.1000/a{n}"), OPTIONS) for n in range(FLOOD)
        ]
        dispatcher.submit(flood[0])
        wait_for(order_log.exists, LIVENESS, "the first audit's chunk to be held")
        for audit_id in flood[1:]:
            dispatcher.submit(audit_id)
        single = repo.create_audit(other, _upload("10.1000/b0"), OPTIONS)
        dispatcher.submit(single)
        (folder / "release").write_text("")

        def order() -> list[str]:
            return order_log.read_text().split()

        wait_for(lambda: len(order()) >= FLOOD + 1, LIVENESS, "every audit's chunk")
    finally:
        (folder / "release").write_text("")
        dispatcher.close()
        worker.stop()
        engine.dispose()
    started = order()
    assert sorted(started) == sorted([*(f"10.1000/a{n}" for n in range(FLOOD)), "10.1000/b0"])
    # Before: 7th of 7 (after every audit of the account that sent first).
    assert started.index("10.1000/b0") == 1, started
