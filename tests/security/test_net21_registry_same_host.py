"""A registry's redirect on its own host: a loop is not retried, another port is another
server, and a refusal there is worded as a redirect.

Class 1 -- a redirect loop on the registry's own host was retried. Crossref's client
follows redirects (five hops at most); a record answering with a redirect to itself
ended in "too many redirects", which the channel took for a passing failure and sent
again, each retry the whole chain (three attempts: 18 requests for one DOI). A loop
is the same loop when asked again: it is that request's final failure, counted by the
breaker (the registry's own host misbehaving), sent once.

Class 2 -- "the same host" was the host name alone. A redirect from
``registry.example:P`` to ``registry.example:Q`` (another port: another service of
that machine) counted as the asked server's: a refusal there for a non-public address
was worded as a first hop ("the address is not public", as if the configured registry
URL itself were private), and a port that refused the connection was "unreachable
(connection refused)", which opened the registry's circuit on the first request. The
hop's server is its host and port (the scheme's default port standing for none, so
http -> https on one host stays the same server), in both HTTP libraries.

Stand-ins: raw HTTP servers on loopback; a stand-in name server answers
``registry.example`` with the server's address; ``forbidden=`` plays 127.0.0.2 as a
public address where a public port that refuses is needed.
"""

from __future__ import annotations

import ipaddress
import json
import socket
from collections.abc import Callable, Iterator
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
from citeaudit.resolve.sending import failure_from
from tests.security.redteam_net_server import RawServer, answer

RETRY = RetryPolicy(attempts=3, base=0.01, cap=0.05, max_retry_after=2.0)
PUBLIC = ipaddress.ip_address("127.0.0.2")
RECORD = {"message": {"DOI": "10.1000/ok", "title": ["A title"], "type": "journal-article"}}


def only_127_0_0_2_is_public(ip: IPAddress) -> bool:
    return ip != PUBLIC


def names_for(address: str) -> Callable[[str, int], list[str]]:
    """A stand-in name server answering ``registry.example`` with `address`."""

    def lookup(host: str, port: int) -> list[str]:
        if host.rstrip(".").lower() == "registry.example":
            return [address]
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    return lookup


def _closed_port(host: str) -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _registry_server(host: str, hops: dict[str, str]) -> RawServer:
    """A Crossref stand-in on `host`: ``10.1000/ok`` is found, each other DOI's suffix
    names its redirect in `hops` (``{self}``: the request's own URL)."""

    def works(sock: socket.socket, target: str) -> None:
        key = target.split("%2F", 1)[1].split("?", 1)[0] if "%2F" in target else ""
        if key == "ok":
            body = json.dumps(RECORD).encode()
            sock.sendall(answer("200 OK", [("Content-Type", "application/json")], body))
            return
        location = hops[key].replace("{self}", target)
        sock.sendall(answer("302 Found", [("Location", location)]))

    return RawServer({"/works/": works}, host=host).start()


def _crossref(base_url: str, **kwargs: Any) -> tuple[CrossrefRegistry, Channel]:
    channel = Channel("crossref", LocalLimiter(1000.0, 4), policy=RETRY)
    registry = CrossrefRegistry(channel, base_url=base_url, timeout=2.0, **kwargs)
    registry.begin()
    return registry, channel


# -- class 1: a loop on the registry's own host ------------------------------------------


@pytest.fixture
def looping() -> Iterator[RawServer]:
    server = _registry_server("127.0.0.1", {"loop": "{self}", "hop": "/works/10.1000%2Floop"})
    yield server
    server.stop()


@pytest.mark.parametrize("doi", ["10.1000/loop", "10.1000/hop"])
def test_a_loop_on_the_registrys_own_host_is_sent_once(looping: RawServer, doi: str) -> None:
    registry, channel = _crossref(looping.url(""))
    try:
        found = registry.work(doi)
        benign = registry.work("10.1000/ok")
    finally:
        registry.close()
    assert found.answer is Answer.UNAVAILABLE
    assert found.reason is not None and "redirect" in found.reason, found.reason
    assert "unreachable" not in found.reason
    assert channel.broken is None
    assert benign.answer is Answer.FOUND, benign.reason
    # One chain: the first request and the client's five hops; no retry of it.
    assert looping.hits["/works/"] == 6 + 1, looping.hits


def test_a_registry_that_loops_on_every_request_is_still_stopped(looping: RawServer) -> None:
    """Counted by the breaker: a registry whose own host loops for every record is
    broken, and the run stops asking it after the breaker's threshold."""
    registry, channel = _crossref(looping.url(""))
    try:
        for _ in range(RETRY.breaker_threshold):
            registry.work("10.1000/loop")
    finally:
        registry.close()
    assert channel.broken is not None
    assert looping.hits["/works/"] == 6 * RETRY.breaker_threshold


@pytest.mark.parametrize("make", [pinned_client, pinned_client2])
def test_a_same_host_loop_is_final_in_both_libraries(looping: RawServer, make: Any) -> None:
    lib = httpx if make is pinned_client else httpx2
    client = make(
        AddressRule(allowed_origins=allowed([looping.url("")])), timeout=2.0, follow_redirects=True
    )
    with client, pytest.raises(lib.TooManyRedirects) as raised:
        client.get(looping.url("/works/10.1000%2Floop"))
    failure = failure_from(raised.value)
    assert failure is not None and failure.final and failure.counted, failure
    assert "redirect" in failure.reason


# -- class 2: another port of the registry's host ----------------------------------------


@pytest.fixture
def on_loopback() -> Iterator[RawServer]:
    """The registry as ``registry.example`` (answered 127.0.0.1, its configured origin);
    its records redirect to the same name on another port, which is loopback."""
    closed = _closed_port("127.0.0.1")
    server = _registry_server("127.0.0.1", {"port": f"http://registry.example:{closed}/record"})
    yield server
    server.stop()


def _named(server: RawServer, path: str = "") -> str:
    return f"http://registry.example:{server.port}{path}"


@pytest.mark.parametrize("make", [pinned_client, pinned_client2])
def test_a_refusal_on_another_port_is_worded_as_a_redirect(
    on_loopback: RawServer, make: Any
) -> None:
    lib = httpx if make is pinned_client else httpx2
    rule = AddressRule(allowed_origins=allowed([_named(on_loopback)]))
    client = make(rule, timeout=2.0, lookup=names_for("127.0.0.1"), follow_redirects=True)
    with client, pytest.raises(lib.HTTPError) as raised:
        client.get(_named(on_loopback, "/works/10.1000%2Fport"))
    failure = failure_from(raised.value)
    assert failure is not None and failure.final and not failure.unreachable
    assert "redirect" in failure.reason and "non-public" in failure.reason, failure.reason


def test_a_refusal_on_another_port_through_crossref(on_loopback: RawServer) -> None:
    registry, channel = _crossref(_named(on_loopback), lookup=names_for("127.0.0.1"))
    try:
        found = registry.work("10.1000/port")
    finally:
        registry.close()
    assert found.answer is Answer.UNAVAILABLE
    assert found.reason is not None and "redirect" in found.reason, found.reason
    assert channel.broken is None
    assert on_loopback.hits["/works/"] == 1


@pytest.fixture
def on_public() -> Iterator[RawServer]:
    """The registry on 127.0.0.2 (playing public); another port of it refuses."""
    closed = _closed_port(str(PUBLIC))
    server = _registry_server(str(PUBLIC), {"port": f"http://registry.example:{closed}/record"})
    yield server
    server.stop()


def test_another_port_that_refuses_fails_that_request_only(on_public: RawServer) -> None:
    registry, channel = _crossref(
        _named(on_public), lookup=names_for(str(PUBLIC)), forbidden=only_127_0_0_2_is_public
    )
    try:
        hostile = [registry.work("10.1000/port") for _ in range(RETRY.breaker_threshold)]
        benign = registry.work("10.1000/ok")
    finally:
        registry.close()
    for lookup in hostile:
        assert lookup.answer is Answer.UNAVAILABLE
        assert lookup.reason is not None and "redirect" in lookup.reason, lookup.reason
        assert "unreachable" not in lookup.reason
    assert channel.broken is None
    assert benign.answer is Answer.FOUND, benign.reason
    assert on_public.hits["/works/"] == RETRY.breaker_threshold + 1


def test_http_to_https_on_one_host_stays_the_asked_servers() -> None:
    """The scheme's default port stands for none: ``http://h`` and ``https://h`` are
    one server (a registry moving to https is still the registry)."""
    from citeaudit.links.pinned import same_server

    assert same_server("http://api.example/works", "https://api.example/works")
    assert same_server("http://api.example:80/", "https://API.example:443/x")
    assert not same_server("http://api.example/", "http://api.example:8080/")
    assert not same_server("https://api.example/", "https://other.example/")
