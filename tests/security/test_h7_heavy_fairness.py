"""Red team H7: one account's flood of heavy requests never holds another account back.

Rendering a report, making a fixed file, reading every finding and opening an uploaded
PDF take a place of `service.heavy` (two a process). The places were one queue for
all: an account that asked a hundred times for its 100,000-reference audit's report
(about twelve seconds each) put every other account's report, findings and PDF upload
twenty minutes back. Now one account's work holds at most `HEAVY_PER_OWNER` places,
queued or running, and another account's request takes the place left. The renders
are held by a stand-in and counted: no clock decides anything (GUARD only ends a
request that would otherwise wait for ever).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from citeaudit.service import heavy
from citeaudit.store import Repository, make_engine
from tests.security.test_redteam_heavy_requests import _Held, audit, finished_audit, held_reports
from tests.security.test_redteam_slow_clients import GUARD, Served, served

__all__ = ["audit", "held_reports", "served"]  # fixtures: the server, one audit, held renders

FLOOD = 6
PAPER = b"As Okafor (2002) found [@okafor2002].\n"
BIB = b"@article{okafor2002, author={Okafor, B.}, title={Made up}, journal={J}, year=2002}\n"


@pytest.fixture
def other_account(served: Served) -> Iterator[str]:
    """A second account's token, made in the server's own store."""
    engine = make_engine(os.environ["CITEAUDIT_DATABASE_URL"])
    try:
        yield Repository(engine).create_token("someone-else")
    finally:
        engine.dispose()


def test_one_accounts_flood_leaves_a_place_to_another(
    served: Served, audit: str, held_reports: _Held, other_account: str
) -> None:
    mine = finished_audit(
        served, other_account, PAPER, BIB
    )  # before the flood: uploads are not heavy
    auth = {"Authorization": f"Bearer {served.token}"}
    flood: list[int] = []

    def report() -> None:
        answer = httpx.get(f"{audit}/report?format=json", headers=auth, timeout=GUARD * 4)
        flood.append(answer.status_code)

    senders = [threading.Thread(target=report, daemon=True) for _ in range(FLOOD)]
    for sender in senders:
        sender.start()
    guard = time.monotonic() + GUARD
    while held_reports.now < heavy.HEAVY_PER_OWNER and time.monotonic() < guard:
        time.sleep(0.05)
    time.sleep(1.0)  # every flood request at a render, or queued for one
    try:  # the other account's findings: heavy work too, and nothing of it is held
        answer: int | None = httpx.get(
            f"{mine}/findings", headers={"Authorization": f"Bearer {other_account}"}, timeout=5.0
        ).status_code
    except httpx.TimeoutException:
        answer = None  # queued behind the flood's held renders
    with held_reports.lock:
        flooding = held_reports.now
    held_reports.release.set()
    for sender in senders:
        sender.join(GUARD * 4)
    assert answer == 200, "another account's request waited behind one account's flood"
    assert flooding <= heavy.HEAVY_PER_OWNER < heavy.HEAVY_AT_ONCE, f"{flooding} renders"
    assert flood == [200] * FLOOD, flood  # the flood is served all the same, in turn


@pytest.fixture
def held_changes(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Held]:
    from citeaudit.api.routes import watch

    held = _Held()
    monkeypatch.setattr(watch, "changes_for_collection", held.around(watch.changes_for_collection))
    yield held
    held.release.set()


def test_watched_changes_are_heavy_work_of_their_account(
    served: Served, audit: str, held_changes: _Held, other_account: str
) -> None:
    """A collection's changes list every watched audit's still-broken links on each
    request: read a few at a time, one account's at most `HEAVY_PER_OWNER`."""
    mine = finished_audit(served, other_account, PAPER, BIB)
    auth = {"Authorization": f"Bearer {served.token}"}
    base = f"http://127.0.0.1:{served.port}/api/v1"
    watched = httpx.post(
        f"{audit}/watch",
        json={"collection": "journal"},
        headers=auth,
        timeout=GUARD,
    )
    assert watched.status_code == 200, watched.text
    flood: list[int] = []

    def changes() -> None:
        answer = httpx.get(
            f"{base}/watch/collections/journal/changes", headers=auth, timeout=GUARD * 4
        )
        flood.append(answer.status_code)

    senders = [threading.Thread(target=changes, daemon=True) for _ in range(FLOOD)]
    for sender in senders:
        sender.start()
    guard = time.monotonic() + GUARD
    while held_changes.now < heavy.HEAVY_PER_OWNER and time.monotonic() < guard:
        time.sleep(0.05)
    time.sleep(1.0)  # every flood request reading, or queued for a place
    try:
        answer: int | None = httpx.get(
            f"{mine}/findings", headers={"Authorization": f"Bearer {other_account}"}, timeout=5.0
        ).status_code
    except httpx.TimeoutException:
        answer = None
    with held_changes.lock:
        flooding = held_changes.now
    held_changes.release.set()
    for sender in senders:
        sender.join(GUARD * 4)
    assert flooding <= heavy.HEAVY_PER_OWNER, f"{flooding} collection reads at once"
    assert answer == 200, "another account's request waited behind one account's flood"
    assert flood == [200] * FLOOD, flood
