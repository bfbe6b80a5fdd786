"""svc31: watch requests sent together each passed the watched-links ceiling alone.

`max_watched_links_per_account` bounds the links and DOIs one account's watched audits
have re-checked every sweep. `watch_audit` counted the account's watched links, then
added the watch, in a transaction that took no lock: requests for several audits at
once each counted the watches committed before any of them and each saw room, so
every one was watched: here two audits of 3 links each under a ceiling of 4, and
so on for as many requests as arrive together (twenty audits of 99,000 links would
be 1,980,000 links re-checked a sweep under the default 100,000) -- the docstring's
"at most one audit past" held for two requests, not for twenty. Now the account's row is
written first in the transaction (PostgreSQL's row lock, SQLite's write lock), as the
audit admissions do (`store.quotas`): the counts and the insert are one step per
account.

Made deterministic: each request, once its count passed, waits for the other at a
barrier (a bounded wait, no timed assert). Without the lock both requests count before
either writes; with it the second waits for the first's commit, the barrier gives up,
and the second counts the first's links. Counted: audits watched after both requests.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from citeaudit.store import Repository, make_engine, upgrade
from citeaudit.store.watch_tables import Watch
from citeaudit.store.watching import watches
from citeaudit.store.watching.records import WatchLimitError
from citeaudit.watch import account_by_name, watch_audit
from tests.need import missing
from tests.watch.conftest import stored_audit

LINKS = 3  # each audit's; the ceiling lets one audit be watched, not two
CEILING = 4
BARRIER_WAIT = 3.0  # seconds a request waits for the other at the barrier, at most


@pytest.fixture(params=["sqlite", "postgresql"])
def repo(
    request: pytest.FixtureRequest, tmp_path: Path, migrated_sqlite: Callable[[Path], str]
) -> Iterator[Repository]:
    if request.param == "sqlite":
        url = migrated_sqlite(tmp_path / "svc31.db")
    else:
        if not os.environ.get("CITEAUDIT_TEST_DATABASE_URL"):
            missing("PostgreSQL not available (CITEAUDIT_TEST_DATABASE_URL unset)")
        from tests.service.conftest import fresh_database

        made = fresh_database()
        url = next(made)
    engine = make_engine(url)
    upgrade(engine)
    try:
        yield Repository(engine)
    finally:
        engine.dispose()
        if request.param == "postgresql":
            next(made, None)


def test_watch_requests_at_once_stay_within_the_ceiling(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = account_by_name(repo, "racer")
    audits = [
        stored_audit(repo, account, [f"https://example.org/svc31/{n}/{i}" for i in range(LINKS)])
        for n in range(2)
    ]
    barrier = threading.Barrier(2, timeout=BARRIER_WAIT)
    counted = watches._refuse_past_ceiling

    def count_then_wait(*args: object, **kwargs: object) -> None:
        counted(*args, **kwargs)  # type: ignore[arg-type]
        # Both counted before either wrote: the race, every time. Broken: the other
        # waits for this one's commit (the fix).
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait()

    monkeypatch.setattr(watches, "_refuse_past_ceiling", count_then_wait)
    outcomes: list[str] = []

    def watch(audit_id: str) -> None:
        try:
            watch_audit(repo, account, audit_id, max_links=CEILING)
            outcomes.append("watched")
        except WatchLimitError:
            outcomes.append("refused")

    threads = [threading.Thread(target=watch, args=(a,)) for a in audits]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with repo.session() as s:
        watched = s.scalar(select(func.count()).select_from(Watch)) or 0
    assert sorted(outcomes) == ["refused", "watched"], outcomes
    assert watched == 1
