"""A registry's redirect hop is judged like a link's hop, and its failure is the hop's.

Class 1 -- a failure past a redirect is blamed on the registry. Crossref's client
follows redirects (each hop's address checked, pinned, five hops at most). Before, a
hop that could not be reached -- a host that refuses, a name that does not resolve, a
scheme we do not speak, port 0, an endless loop -- was read as the *registry's*
failure: "unreachable (unknown host)" opened the circuit at once, and the rest of the
audit's look-ups were "unavailable" though the registry answered every one of them;
a scheme we do not speak or a loop was retried (each retry the whole chain again) and
counted towards the breaker. One DOI whose record redirects somewhere hostile (or a
registry stand-in doing so) silenced the registry for the whole upload. Now the
request that redirected is the one that fails, once, with a reason naming the
redirect; the registry keeps being asked.

Class 2 -- a redirect's URL meets the link checker's URL rules (`targets.url_problem`:
port 1 to 65535, no whitespace or controls, a host DNS can carry) before any name in
it is looked up or connected to. Before, ``http://host:0/`` was looked up and
connected to by the registry and webhook clients, which the link checker refuses.

The registry stand-in is a raw HTTP server on 127.0.0.1 (its exact origin is the
configured one); ``elsewhere.test`` is answered by a stand-in name server as
127.0.0.2, which plays a public host (it refuses, but on the port of a stand-in that
sends the request back to the registry: a loop between two hosts).
"""

from __future__ import annotations

import ipaddress
import json
import socket
from collections.abc import Iterator
from typing import Any

import httpx
import httpx2
import pytest

from citeaudit.links.pinned import pinned_client, pinned_client2
from citeaudit.links.safety import AddressRule, IPAddress, allowed
from citeaudit.resolve.channel import Channel, RetryPolicy
from citeaudit.resolve.crossref import CrossrefRegistry
from citeaudit.resolve.interface import Answer
from citeaudit.resolve.limiter import LocalLimiter
from tests.security.redteam_net_server import RawServer, answer

PUBLIC = ipaddress.ip_address("127.0.0.2")
RETRY = RetryPolicy(attempts=3, base=0.01, cap=0.05, max_retry_after=2.0)


def only_127_0_0_2_is_public(ip: IPAddress) -> bool:
    return ip != PUBLIC


class NameServer:
    """Answers ``elsewhere.test`` with 127.0.0.2 and nothing else; counts questions."""

    def __init__(self) -> None:
        self.questions: list[tuple[str, int]] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.questions.append((host, port))
        if host.rstrip(".") == "elsewhere.test":
            return [str(PUBLIC)]
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")


def _closed_port() -> int:
    """A port nothing listens on at 127.0.0.2 (bound and released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.2", 0))
        return int(sock.getsockname()[1])


CLOSED = _closed_port()

# Where each hostile DOI's record redirects (a Location header of the registry).
HOPS = {
    "refusing": f"http://elsewhere.test:{CLOSED}/record",
    "unknown": "http://nowhere-at-all.test/record",
    "ftp": "ftp://elsewhere.test/record",
    "javascript": "javascript:alert(1)",
    "data": "data:application/json,{}",
    "port0": "http://elsewhere.test:0/record",
    "space": "http://else where.test/record",
    "loop": "http://elsewhere.test:{bounce}/bounce",  # which sends us back: a loop
}

RECORD = {"message": {"DOI": "10.1000/ok", "title": ["A title"], "type": "journal-article"}}


@pytest.fixture
def registry_server() -> Iterator[RawServer]:
    def works(sock: socket.socket, target: str) -> None:
        key = target.split("%2F", 1)[1].split("?", 1)[0] if "%2F" in target else ""
        if key == "ok":
            body = json.dumps(RECORD).encode()
            sock.sendall(answer("200 OK", [("Content-Type", "application/json")], body))
        else:
            location = HOPS[key].replace("{bounce}", str(bounce.port))
            sock.sendall(answer("302 Found", [("Location", location)]))

    def back(sock: socket.socket, target: str) -> None:
        sock.sendall(answer("302 Found", [("Location", server.url("/works/10.1000%2Floop"))]))

    # "Another host" of the loop: 127.0.0.2, which the stand-in name server names.
    bounce = RawServer({"/bounce": back}, host=str(PUBLIC)).start()
    server = RawServer({"/works/": works}).start()
    yield server
    server.stop()
    bounce.stop()


def _crossref(server: RawServer, names: NameServer) -> tuple[CrossrefRegistry, Channel]:
    channel = Channel("crossref", LocalLimiter(1000.0, 4), policy=RETRY)
    registry = CrossrefRegistry(
        channel,
        base_url=server.url(""),
        timeout=2.0,
        forbidden=only_127_0_0_2_is_public,
        lookup=names,
    )
    registry.begin()
    return registry, channel


@pytest.mark.parametrize("hop", sorted(HOPS))
def test_a_failing_redirect_hop_fails_that_request_only(
    registry_server: RawServer, hop: str
) -> None:
    names = NameServer()
    registry, channel = _crossref(registry_server, names)
    try:
        # First (the preflight) and past the breaker's threshold of failed requests.
        hostile = [registry.work(f"10.1000/{hop}") for _ in range(RETRY.breaker_threshold)]
        benign = registry.work("10.1000/ok")
    finally:
        registry.close()
    for lookup in hostile:
        assert lookup.answer is Answer.UNAVAILABLE
        assert lookup.reason is not None and "redirect" in lookup.reason, lookup.reason
        assert "unreachable" not in lookup.reason
    assert channel.broken is None
    assert benign.answer is Answer.FOUND, benign.reason
    # Each hostile DOI was asked once: no retry of a chain that ended past the registry
    # (a loop between two hosts is its six requests, the client's bound: three here).
    per_ask = 3 if hop == "loop" else 1
    assert registry_server.hits["/works/"] == per_ask * RETRY.breaker_threshold + 1


# -- class 2: the link checker's URL rules on every followed hop -------------------------

BAD_HOPS = [
    "http://elsewhere.test:0/record",
    "https://elsewhere.test:0/",
    "http://elsewhere.test:65536/",
    "http://elsewhere.test:99999999999/",
    "http://else where.test/",
    "http://elsewhere.test/\x00",
    "http://elsewhere..test/",
    "http://" + "a" * 64 + ".elsewhere.test/",
]


@pytest.fixture
def bad_hop_server() -> Iterator[RawServer]:
    def hop(sock: socket.socket, target: str) -> None:
        index = int(target.rsplit("/", 1)[1])
        sock.sendall(answer("302 Found", [("Location", BAD_HOPS[index])]))

    server = RawServer({"/hop/": hop}).start()
    yield server
    server.stop()


@pytest.mark.parametrize("make", [pinned_client, pinned_client2])
@pytest.mark.parametrize("index", range(len(BAD_HOPS)))
def test_a_redirect_the_link_checker_refuses_is_never_looked_up(
    bad_hop_server: RawServer, make: Any, index: int
) -> None:
    names = NameServer()
    rule = AddressRule(
        allowed_origins=allowed([bad_hop_server.url("")]), forbidden=only_127_0_0_2_is_public
    )
    lib = httpx if make is pinned_client else httpx2
    client = make(rule, timeout=2.0, follow_redirects=True, lookup=names)
    with client, pytest.raises(lib.HTTPError):
        client.get(bad_hop_server.url(f"/hop/{index}"))
    assert names.questions == []
    assert bad_hop_server.hits["/hop/"] == 1


def test_redirect_hops_that_time_out_are_not_retried_but_open_the_breaker() -> None:
    """The other side of class 1: a registry redirecting every request to a host that
    never answers. Each request is sent once (no retry of the whole chain), and the
    breaker hears of each, so the run stops asking after its threshold instead of
    spending a whole deadline on every look-up of the run."""
    silent = socket.socket()
    silent.bind((str(PUBLIC), 0))
    silent.listen(16)  # accepts, never answers
    location = f"http://elsewhere.test:{silent.getsockname()[1]}/record"

    def works(sock: socket.socket, target: str) -> None:
        sock.sendall(answer("302 Found", [("Location", location)]))

    server = RawServer({"/works/": works}).start()
    channel = Channel("crossref", LocalLimiter(1000.0, 4), policy=RETRY)
    registry = CrossrefRegistry(
        channel,
        base_url=server.url(""),
        timeout=0.3,
        forbidden=only_127_0_0_2_is_public,
        lookup=NameServer(),
    )
    try:
        registry.begin()
        asked = [registry.work(f"10.1000/silent{i}") for i in range(RETRY.breaker_threshold + 2)]
    finally:
        registry.close()
        server.stop()
        silent.close()
    assert all(a.answer is Answer.UNAVAILABLE for a in asked)
    assert asked[0].reason is not None and "timeout" in asked[0].reason
    assert channel.broken is not None
    assert server.hits["/works/"] == RETRY.breaker_threshold  # once each, then no more
