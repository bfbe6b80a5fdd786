"""svc31: the embedded executor ran audits first come, first served, whoever sent them.

Without a broker, audits run in the API process, `embedded_workers` (2) at a time; the
rest waited in the thread pool's queue in the order they came. One account may have
20 audits in flight: sent together, the next account's one audit waited behind all of
them -- ten rounds of two, each up to the parse limit (300 s) and a network phase of
up to 5,000 checks: the better part of an hour, or hours, for an audit of one entry,
while `service.admission` says one account's flood never takes another's place. Now
a place that comes free goes to the waiting audit of the account with the fewest
audits running (then the longest waiting): the other account waits for one audit at
most.

Counted, not timed: the order in which audits start, on one place, with the first
audit held until all are sent.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from citeaudit.service.embedded import InProcessDispatcher
from citeaudit.service.jobs import Jobs
from citeaudit.store import Repository, make_engine, upgrade
from citeaudit.store.views import NewFile
from tests.redteam.offline_service import offline_settings

WAIT = 10.0  # seconds a step waits for the one before, at most
FLOOD = 20  # an account's audits in flight by default; more than the pool's threads


def test_another_accounts_audit_runs_next(
    tmp_path: Path, migrated_sqlite: Callable[[Path], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = offline_settings(tmp_path, database_url=migrated_sqlite(tmp_path / "t.db"))
    engine = make_engine(settings.database_url)
    upgrade(engine)
    repo = Repository(engine)
    flooder = repo.account_for_token(repo.create_token("flooder"))
    other = repo.account_for_token(repo.create_token("other"))
    assert flooder is not None and other is not None
    upload = [NewFile("bibliography", "a.bib", "text", b"@misc{k,}")]
    flood = [repo.create_audit(flooder, upload, {}) for _ in range(FLOOD)]
    single = repo.create_audit(other, upload, {})

    started: list[str] = []
    first_running = threading.Event()
    release = threading.Event()
    all_ran = threading.Event()

    def run(self: InProcessDispatcher, audit_id: str, place: object = None) -> None:
        started.append(audit_id)
        if len(started) == 1:
            first_running.set()
            release.wait(WAIT)
        if len(started) == FLOOD + 1:
            all_ran.set()

    monkeypatch.setattr(InProcessDispatcher, "run", run)
    dispatcher = InProcessDispatcher(Jobs(repo, settings), 1)
    try:
        dispatcher.submit(flood[0])
        assert first_running.wait(WAIT)
        for audit_id in [*flood[1:], single]:  # the flood first, then the other account's
            dispatcher.submit(audit_id)
        release.set()
        assert all_ran.wait(WAIT), started
    finally:
        dispatcher.close()
        engine.dispose()
    assert sorted(started) == sorted([*flood, single])
    assert started[1] == single, (
        f"the other account's audit started {started.index(single) + 1}th of {len(started)}"
    )
