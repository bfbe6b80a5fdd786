"""A registry look-up in flight when the run's time runs out ends then, not at its own
deadline.

A registry run has a deadline (in the service 0.6 of a chunk's time limit): past it
nothing more is sent. But a request already sent kept its own exchange deadline --
three times the registry timeout, twice that for a redirect chain: a registry that
answered every look-up a byte at a time (each byte well inside the read timeout)
held each of the run's workers for a minute past the run's end (registry timeout
20 s), and with `CITEAUDIT_REGISTRY_TIMEOUT=60` for six, past the chunk's time limit:
the chunk was killed and the audit failed. Now every exchange ends by the run's
deadline too, and what it cut is "not asked: the run's time ran out first", never a
failure of the registry (no open circuit, nothing cached as not found).

The stand-in drips a JSON answer one byte every 0.2 s; the run's deadline is 1 s.
The run is given a generous 30 s in a thread (before: the exchange's 60 s).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.model.resolution import ResolutionState
from citeaudit.resolve.channel import OUT_OF_TIME
from citeaudit.resolve.enricher import build_resolver
from citeaudit.resolve.interface import ResolveRun
from citeaudit.settings import Settings
from tests.resolve.conftest import FAST_RETRY, ref
from tests.security.redteam_net_server import RawServer

GENEROUS = 30.0
REFERENCES = 6


def _drip(sock: socket.socket, target: str) -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
    sock.sendall(head)
    for _ in range(100000):
        time.sleep(0.2)
        sock.sendall(b" ")


@pytest.fixture
def dripping() -> Iterator[RawServer]:
    server = RawServer({"/": _drip}).start()
    try:
        yield server
    finally:
        server.stop()


def test_a_look_up_in_flight_ends_with_the_runs_time(dripping: RawServer, tmp_path: Path) -> None:
    url = dripping.url("")
    settings = Settings(
        crossref_url=url,
        doi_url=url,
        datacite_url=url,
        cache_dir=tmp_path / "cache",
        registry_timeout=20.0,  # the default: a read may wait 20 s, an exchange 60 s
        redis_url=None,
    )
    resolver = build_resolver(settings, policy=FAST_RETRY)
    resolver.max_run_time = 1.0
    references = [ref(f"r{i}", doi=f"10.1234/slow.{i}", title="A study") for i in range(REFERENCES)]
    box: dict[str, ResolveRun] = {}
    run_thread = threading.Thread(
        target=lambda: box.update(run=resolver.resolve(references)), daemon=True
    )
    run_thread.start()
    run_thread.join(GENEROUS)
    assert not run_thread.is_alive(), "look-ups sent before the deadline still hold the run"
    resolver.close()
    run = box["run"]
    assert len(run.resolutions) == REFERENCES  # every reference has its answer
    for resolution in run.resolutions.values():
        assert resolution.state is ResolutionState.FAILED
        assert OUT_OF_TIME in (resolution.reason or ""), resolution.reason  # our limit
    assert run.reason is not None and OUT_OF_TIME in run.reason
    assert sum(dripping.hits.values()) >= 1  # asked, and cut at the deadline
