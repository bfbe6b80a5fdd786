"""A redirect chain keeps a browser's share of cookies, not every one its hops set.

Before: the link checker kept, for each chain, every cookie each hop set, parsed each
hop's cookies through a mail message of its whole head, sent every kept cookie on
every later hop and sorted them all for loop detection at each. aiohttp reads 512
header lines of an answer, so each of eleven hops (ten redirects) could set 500: the
chain held 5,555 cookies, sent a Cookie header of some 100 KB on its last hops, and
cost the event loop -- the one thread of every link in the phase -- about 1.9 s of CPU
for one link (with 8 hops: 1,328,094 counted calls at 480 cookies a hop, 188,782 at
60; now 111,750 and 103,001). Now a chain keeps at most `MAX_CHAIN_COOKIES` (50: what
RFC 6265 has a browser keep for one domain at least), each set by a header of at most
4,096 bytes, and an answer's Set-Cookie lines past the count are not parsed; a
consent gate that sets a cookie and sends us back still passes.

Counted, not timed (`counted_work.calls_in`), and seen from the hostile server: the
Cookie header the last hop receives.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import httpx
import pytest

from citeaudit.links.cookies import MAX_CHAIN_COOKIES, ChainCookies, cookie_state
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.security.counted_work import MAX_GROWTH, SCALE, calls_in
from tests.security.redteam_net_server import RawServer, answer, check_one, loopback_policy

HOPS = 8


def _hops(per_hop: int) -> None:
    """What the fetcher does with a chain's cookies, hop by hop."""
    cookies = ChainCookies()
    for hop in range(HOPS):
        url = httpx.URL(f"https://tracker.example/{hop}")
        raw = [(b"set-cookie", b"c%d_%d=v; Path=/" % (hop, i)) for i in range(per_hop)]
        cookies.take(302, raw, "GET", url)
        assert cookies.jar is not None
        carrier = httpx.Request("GET", url)
        cookies.jar.set_cookie_header(carrier)
        cookie_state(cookies)
    assert len(cookies.jar.jar) <= MAX_CHAIN_COOKIES


def test_a_chains_cookie_work_does_not_grow_with_what_its_hops_set() -> None:
    small = calls_in(lambda: _hops(200))
    large = calls_in(lambda: _hops(200 * SCALE))
    growth = (large + 1_000) / (small + 1_000)
    assert growth <= MAX_GROWTH, f"cookie work grew {growth:.1f}x for {SCALE}x"
    # And bounded outright: past the count, further Set-Cookie lines are not read.
    assert large < 4 * small


def test_a_cookie_replacing_a_kept_one_is_kept_past_the_count() -> None:
    cookies = ChainCookies()
    url = httpx.URL("https://site.example/")
    cookies.take(302, [(b"set-cookie", b"k%d=1" % i) for i in range(80)], "GET", url)
    assert cookies.jar is not None
    assert len(cookies.jar.jar) == MAX_CHAIN_COOKIES
    kept = sorted(c.name for c in cookies.jar.jar)[0]
    cookies.take(302, [(b"set-cookie", f"{kept}=2".encode())], "GET", url)
    assert cookies.jar.get(kept) == "2"
    assert len(cookies.jar.jar) == MAX_CHAIN_COOKIES


def test_an_oversized_cookie_is_not_kept() -> None:
    cookies = ChainCookies()
    cookies.take(
        200, [(b"set-cookie", b"big=" + b"v" * 5000), (b"set-cookie", b"small=1")], "GET",
        httpx.URL("https://site.example/"),
    )  # fmt: skip
    assert cookies.jar is not None
    assert [c.name for c in cookies.jar.jar] == ["small"]


# --- through the link checker, against a loopback stand-in --------------------------

PER_HOP = {"/flood/": 60, "/big/": 60 * SCALE}  # aiohttp reads at most 512 header lines


def _cookie_flood(sock: socket.socket, target: str) -> None:
    route, hop_text = target.rsplit("/", 1)
    hop = int(hop_text)
    count = PER_HOP[f"{route}/"]
    cookies = [("Set-Cookie", f"c{hop}_{i}=v; Path=/") for i in range(count)]
    if hop >= HOPS:
        sock.sendall(answer("200 OK", body=b"ok"))
    else:
        sock.sendall(answer("302 Found", [("Location", f"{route}/{hop + 1}"), *cookies]))


def _gate(sock: socket.socket, target: str) -> None:
    if "consent" in target:
        sock.sendall(answer("200 OK", body=b"ok"))
    else:
        sock.sendall(
            answer("302 Found", [("Location", "/gate?consent=1"), ("Set-Cookie", "consent=yes")])
        )


@pytest.fixture(scope="module")
def server() -> Iterator[RawServer]:
    s = RawServer({"/flood/": _cookie_flood, "/big/": _cookie_flood, "/gate": _gate}).start()
    yield s
    s.stop()


def _check(server: RawServer, path: str) -> LinkCheck:
    return check_one(server, path, loopback_policy(read_timeout=10.0, total_timeout=20.0))


def test_a_chain_of_cookie_floods_costs_the_event_loop_what_its_heads_do(
    server: RawServer,
) -> None:
    checks: list[LinkCheck] = []
    small = calls_in(lambda: checks.append(_check(server, "/flood/0")))
    large = calls_in(lambda: checks.append(_check(server, "/big/0")))
    assert all(c.outcome is LinkOutcome.OK for c in checks), checks
    assert server.hits["/flood/"] == server.hits["/big/"] == HOPS + 1
    growth = (large + 1_000) / (small + 1_000)
    print(f"calls: {small} at {PER_HOP['/flood/']} cookies a hop, {large} at {PER_HOP['/big/']}")
    # Past the count, a hop's further cookies cost their header lines only (7x before).
    assert growth <= 2, f"the chain's work grew {growth:.1f}x for {SCALE}x the cookies"


def test_a_consent_gate_still_passes(server: RawServer) -> None:
    assert _check(server, "/gate").outcome is LinkOutcome.OK
