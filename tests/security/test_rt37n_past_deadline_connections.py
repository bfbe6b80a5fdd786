"""Past the run's deadline no link is begun: no name looked up, no connection opened.

A link phase with `max_run_time` cut each check at the deadline (`workers._within`),
but a worker kept taking the links left and starting each one under a timeout that
had already passed: the timeout only stops a task at its first wait, and a check
runs from its start to that wait in one go -- the host's look-up task started, a
socket connected. Every link left past the deadline was a connection to its host
(a SYN each: 5,000 links, 5,000 connections, with several seconds of the worker's
time past its budget, `benches/rt37n_scaling.py`). Now a link taken past the
deadline is unverified, out of time, without being begun.

Counted at the TCP level: the stand-in is a listening socket that never accepts
during the run (every request is held: the kernel completes the handshake), and the
connections queued are counted after it; the network probes go to another stand-in.
No clock is read: the run can only end through its deadline.
"""

from __future__ import annotations

import asyncio
import socket
from collections import Counter

import httpx

from citeaudit.links.archive_suggestion import MARGIN, ArchiveSuggestion
from citeaudit.links.checker import LinkChecker
from citeaudit.links.judged import Judged
from citeaudit.links.network_state import OUT_OF_TIME
from citeaudit.links.policy import HostGate
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.security.redteam_net_server import RawServer, fast_page, loopback_policy

LINKS = 300
POLICY = loopback_policy(
    read_timeout=60.0, total_timeout=60.0, connect_timeout=60.0, max_run_time=1.0
)


def _queued(listener: socket.socket) -> int:
    """The connections waiting in `listener`'s queue (accepted and closed here)."""
    listener.setblocking(False)
    count = 0
    while True:
        try:
            conn, _ = listener.accept()
        except BlockingIOError:
            return count
        conn.close()
        count += 1


def test_links_left_at_the_deadline_open_no_connection() -> None:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(4096)
    base = f"http://127.0.0.1:{listener.getsockname()[1]}"
    probes = RawServer({"/": fast_page}).start()  # our network is up
    try:

        async def go() -> list[tuple[LinkOutcome, str | None]]:
            async with LinkChecker(
                POLICY, doi_url=probes.url("/"), archive_url=None, probe_urls=[probes.url("/")]
            ) as checker:
                targets = [target_for(f"{base}/page/{i}") for i in range(LINKS)]
                return [(c.outcome, c.reason) for c in await checker.check_all(targets)]

        verdicts = asyncio.run(go())
        connections = _queued(listener)
    finally:
        listener.close()
        probes.stop()
    assert Counter(verdicts) == {(LinkOutcome.UNVERIFIED, OUT_OF_TIME): LINKS}
    # Those in flight when the run began (the host's share); none begun after it.
    assert connections <= POLICY.per_host, connections


def test_no_archive_look_up_is_begun_past_its_margin() -> None:
    # A broken link judged in the last moment of the run: its archive look-up's own
    # deadline (`MARGIN` before the run's) has passed, so none is sent.
    sent: list[str] = []

    def archive(request: httpx.Request) -> httpx.Response:
        sent.append(str(request.url))
        return httpx.Response(200, json={"archived_snapshots": {}})

    async def go(margin_left: float) -> None:
        policy = loopback_policy(archive=True)
        async with httpx.AsyncClient(transport=httpx.MockTransport(archive)) as client:
            suggestion = ArchiveSuggestion(
                client,
                "http://archive.invalid",
                policy,
                HostGate(policy.per_host, 0.0),
                asyncio.Semaphore(4),
                lambda url: True,
            )
            broken = LinkCheck(
                url="http://example.org/gone", outcome=LinkOutcome.BROKEN, reason="status-404"
            )
            now = asyncio.get_running_loop().time()
            await suggestion.add(Judged(broken), now + MARGIN + margin_left)

    asyncio.run(go(-0.01))
    assert sent == []
    asyncio.run(go(60.0))  # with time left, it is asked (the test can fail)
    assert len(sent) == 1
