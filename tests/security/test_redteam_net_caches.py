"""What a hostile server writes in a Location is not kept for the life of the worker.

The address rule remembers its reading of the last 4,096 hosts (`literal_address`)
and the URL parser its last 2,048 URLs (`sendable_url`), process-wide: a Location
may be 64 KB, so redirects to long hosts or paths left hundreds of megabytes held by
those caches after the audit had ended, in every worker process that met them (the
process lives for hundreds of tasks). Long inputs are now read without being
remembered. (A Location past `targets.MAX_URL_LENGTH`, 8,192 characters, is not read
at all since rt39b: the Locations here are past the caches' bound, within that one.)
Measured: memory still allocated after the run (tracemalloc), not time.
(The libraries' own parsing caches -- yarl's, ``urllib.parse``'s -- keep their last
hundred or so: bounded, whatever the number of links.)
"""

from __future__ import annotations

import asyncio
import gc
import socket
import tracemalloc
from collections.abc import Iterator

import pytest

from citeaudit.links.checker import LinkChecker
from citeaudit.links.targets import target_for
from tests.security.redteam_net_server import RawServer, answer, loopback_policy

# Timeouts far past what a link needs: a loaded machine (tracemalloc slows every
# allocation) must not time links out, which would leave paths unfollowed; what the
# test measures is memory kept after the run, which time cannot hide.
POLICY = loopback_policy(
    concurrency=16, per_host=8, connect_timeout=60.0, read_timeout=60.0, total_timeout=60.0
)
LINKS = 300
LONG = 8_000  # past the caches' bound (2,048), within targets.MAX_URL_LENGTH (8,192)


def _long_host(sock: socket.socket, target: str) -> None:
    n = target.rsplit("/", 1)[-1]
    location = f"http://{n}{'a' * LONG}.example.org/"
    sock.sendall(answer("302 Found", [("Location", location)]))


def _long_path(sock: socket.socket, target: str) -> None:
    n = target.rsplit("/", 1)[-1]
    location = f"/end/{n}/{'b' * LONG}"
    sock.sendall(answer("302 Found", [("Location", location)]))


def _end(sock: socket.socket, target: str) -> None:
    sock.sendall(answer("404 Not Found", body=b"gone"))


@pytest.fixture(scope="module")
def server() -> Iterator[RawServer]:
    s = RawServer({"/host/": _long_host, "/path/": _long_path, "/end/": _end}).start()
    yield s
    s.stop()


def test_long_locations_are_not_kept_after_the_run(server: RawServer) -> None:
    async def go() -> None:
        async with LinkChecker(
            POLICY, doi_url=server.url("/"), archive_url=None, probe_urls=[server.url("/")]
        ) as checker:
            targets = [
                target_for(server.url(f"/{kind}/{i}"))
                for kind in ("host", "path")
                for i in range(LINKS)
            ]
            await checker.check_all(targets)

    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        asyncio.run(go())
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert server.hits["/end/"] == LINKS  # the long paths were followed
    # 600 Locations of 8 KB: 4.8 MB, about three times that once parsed and kept (as
    # 60 KB ones were: 65 MB of 36). The libraries' own caches (yarl's and urllib's
    # URL parsing) keep their last 128 or so whatever the count of links: a few MB.
    assert kept < 8 * 1024 * 1024, f"{kept / 2**20:.1f} MB still held"
