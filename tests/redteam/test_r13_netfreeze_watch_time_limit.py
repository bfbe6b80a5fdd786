"""A watch re-check batch ends within its own task's time limit, not a chunk's.

Link checks and registry look-ups in the service end by a run deadline, a share of
the task's time limit (`RUN_SHARE`). The watch's re-check batches run as their own
Celery tasks under `CITEAUDIT_WATCH_TIME_LIMIT`, but took their deadline from
`CITEAUDIT_CHUNK_TIME_LIMIT`: an operator who gave audit chunks more time (1,000 s:
a 600 s run) and watch batches less (a few minutes) had every batch holding a
tarpit's links killed at its limit, with nothing recorded and every link due again
to be killed again. Now a batch's run deadline is a share of the watch limit.

Here the watch limit is 2 s and the chunk limit 1,000 s: a batch of links to a
server that accepts and never answers, and a batch of DOIs against a registry that
drips its answers, each end in about 1.2 s, with what they could not ask given back
(due again) and nothing recorded as checked. Each batch runs in a thread given a
generous 60 s (before: the links' chains, 5 s a request, one at a time; the
registry's 600 s run).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from citeaudit.links.network_state import OUT_OF_TIME
from citeaudit.store import Repository
from citeaudit.store.tables import LinkCheckRow
from citeaudit.watch import RecheckSummary, account_by_name, run_link_batch, sweep, watch_audit
from citeaudit.watch.retractions import recheck_dois
from tests.security.redteam_net_server import RawServer, answer
from tests.watch.conftest import stored_audit, watch_settings

GENEROUS = 60.0
TARPIT_LINKS = 12


def _never(sock: socket.socket, target: str) -> None:
    time.sleep(30.0)  # accepted, never answered (the test ends long before)


def _ok(sock: socket.socket, target: str) -> None:
    sock.sendall(answer("200 OK", body=b"<title>ok</title>"))


def _drip(sock: socket.socket, target: str) -> None:
    sock.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 9999\r\n\r\n"
    )
    for _ in range(9999):
        time.sleep(0.2)
        sock.sendall(b" ")


@pytest.fixture
def servers() -> Iterator[tuple[RawServer, RawServer, RawServer]]:
    tarpit = RawServer({"/": _never}, host="127.0.0.1").start()
    probe = RawServer({"/": _ok}, host="127.0.0.2").start()
    registry = RawServer({"/": _drip}, host="127.0.0.3").start()
    try:
        yield tarpit, probe, registry
    finally:
        for s in (tarpit, probe, registry):
            s.stop()


def _within_a_minute(work: Callable[[], RecheckSummary]) -> RecheckSummary:
    box: dict[str, Any] = {}
    thread = threading.Thread(target=lambda: box.update(out=work()), daemon=True)
    thread.start()
    thread.join(GENEROUS)
    assert not thread.is_alive(), "the batch outlived its task's time limit"
    return box["out"]  # type: ignore[no-any-return]


def test_a_watch_batch_ends_by_the_watch_time_limit(
    servers: tuple[RawServer, RawServer, RawServer], tmp_path: Path, repo: Repository
) -> None:
    tarpit, probe, registry = servers
    settings = watch_settings(
        tmp_path,
        probe.url("/"),
        crossref_url=registry.url(""),
        datacite_url=registry.url(""),
        link_per_host=1,
        link_timeout=5.0,
        registry_timeout=20.0,
        chunk_time_limit=1000.0,  # an audit chunk's run: 600 s
        watch_time_limit=2.0,  # a watch batch's task: 2 s (its run: 1.2 s)
    )
    account = account_by_name(repo, "journal")
    urls = [tarpit.url(f"/p{i}") for i in range(TARPIT_LINKS)]
    watch_audit(repo, account, stored_audit(repo, account, urls))
    plan = sweep(repo, settings)
    [batch] = plan.link_batches
    summary = _within_a_minute(
        lambda: run_link_batch(repo, settings, batch, probe_urls=[probe.url("/")])
    )
    assert summary.links_checked < TARPIT_LINKS  # the rest given back, due again
    with repo.session() as s:
        reasons = list(s.scalars(select(LinkCheckRow.reason)))
    assert len(reasons) == TARPIT_LINKS + summary.links_checked  # the audit's, and ours
    assert OUT_OF_TIME not in reasons  # given back, never recorded as a check

    dois = [f"10.1234/slow.{i}" for i in range(3)]
    doi_summary = _within_a_minute(lambda: recheck_dois(repo, settings, dois))
    assert doi_summary.dois_checked == 0  # not asked in time: they stay due


def test_links_a_batch_had_no_time_for_wait_out_their_lease(
    servers: tuple[RawServer, RawServer, RawServer], tmp_path: Path, repo: Repository
) -> None:
    """A tarpit's links given back at once were leased again by the next sweep (a
    minute later) and held a links worker for the batch's whole run time, sweep after
    sweep, for as long as the watch lasted. They now wait out the lease the batch took
    (`CITEAUDIT_WATCH_LEASE`, 15 minutes) before a sweep takes them again."""
    tarpit, probe, _ = servers
    settings = watch_settings(
        tmp_path,
        probe.url("/"),
        link_per_host=1,
        link_timeout=5.0,
        watch_time_limit=2.0,
    )
    account = account_by_name(repo, "journal")
    urls = [tarpit.url(f"/p{i}") for i in range(TARPIT_LINKS)]
    watch_audit(repo, account, stored_audit(repo, account, urls))
    [batch] = sweep(repo, settings).link_batches
    summary = _within_a_minute(
        lambda: run_link_batch(repo, settings, batch, probe_urls=[probe.url("/")])
    )
    # 1.2 s of run, 5 s a request the tarpit never answers: none asked to the end
    assert summary.links_checked == 0
    again = sweep(repo, settings)  # the next sweep
    taken = {link_id for b in again.link_batches for link_id in b}
    assert taken.isdisjoint(batch), "the tarpit's links were taken again at once"
