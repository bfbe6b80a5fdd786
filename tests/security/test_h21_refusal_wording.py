"""A refused first request is not worded as a redirect; a refused redirect still is.

Class: `resolve.sending.failure_from` worded every refusal for a non-public address
"refused: a redirect to a non-public address". When the request's own URL is the
non-public one -- a registry URL the operator configured on a name that now resolves
to a private or metadata address, a first hop that names loopback or an intranet
address -- nothing redirected anywhere, and a reader of the report went looking for a
redirect (and blamed the registry's records). Now a first hop says "refused: the
address is not public" and a hop reached by a redirect keeps the redirect wording;
both stay final (no retry, not "unreachable", no open circuit).

Instances: first hops naming loopback (IPv4, IPv6), a private network, a name a
stand-in name server resolves privately, a configured registry name that resolves to
a metadata address -- through both HTTP libraries' pinned clients, the registries'
`send_get` and the Crossref client; redirects from a loopback registry stand-in to a
loopback port, a private literal and a name resolving privately. No connection is
ever made to a refused address: each is refused before connecting.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import httpx
import httpx2
import pytest

from citeaudit.links.pinned import pinned_client, pinned_client2
from citeaudit.links.safety import AddressRule, allowed
from citeaudit.resolve.channel import Channel, RetryPolicy, TransportFailure
from citeaudit.resolve.crossref import CrossrefRegistry
from citeaudit.resolve.interface import Answer
from citeaudit.resolve.limiter import LocalLimiter
from citeaudit.resolve.sending import failure_from, send_get
from tests.security.redteam_net_server import RawServer, answer

FAST = RetryPolicy(attempts=2, base=0.01, cap=0.05, max_retry_after=1.0)

PRIVATE_NAMES = {"intranet.test": "192.168.7.9", "cloud.test": "169.254.169.254"}


def names(host: str, port: int) -> list[str]:
    """A stand-in name server: the names above, nothing else."""
    found = PRIVATE_NAMES.get(host.rstrip(".").lower())
    if found is None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    return [found]


FIRST_HOPS = [
    "http://127.0.0.1:9/works/10.1000%2Fx",
    "http://[::1]:9/works",
    "http://10.20.30.40/works",
    "http://localhost:9/works",  # a name that is loopback itself, refused unasked
    "http://intranet.test:8080/works",
    "http://cloud.test/latest/meta-data/",
]


def _first_hop_words(failure: TransportFailure | None) -> None:
    assert failure is not None
    assert "redirect" not in failure.reason, failure.reason
    assert failure.reason.startswith("refused:") and "not public" in failure.reason
    assert failure.final and not failure.unreachable


def _redirect_words(failure: TransportFailure | None) -> None:
    assert failure is not None
    assert "redirect" in failure.reason and "non-public" in failure.reason, failure.reason
    assert failure.final and not failure.unreachable


@pytest.mark.parametrize("url", FIRST_HOPS)
def test_a_refused_first_hop_through_send_get(url: str) -> None:
    client = pinned_client(AddressRule(), timeout=2.0, lookup=names)
    with client, pytest.raises(TransportFailure) as raised:
        send_get(client, url)()
    _first_hop_words(raised.value)


@pytest.mark.parametrize("make", [pinned_client, pinned_client2])
@pytest.mark.parametrize("url", FIRST_HOPS)
def test_a_refused_first_hop_in_both_libraries(make: Any, url: str) -> None:
    lib = httpx if make is pinned_client else httpx2
    client = make(AddressRule(), timeout=2.0, lookup=names, follow_redirects=True)
    with client, pytest.raises(lib.HTTPError) as raised:
        client.get(url)
    _first_hop_words(failure_from(raised.value))


def test_a_configured_registry_name_resolving_to_a_metadata_address() -> None:
    """The operator's Crossref URL is exempt from the private-network test, but a name
    of it that resolves to the cloud's metadata service is refused: the first hop."""
    channel = Channel("crossref", LocalLimiter(100.0, 2), policy=FAST)
    crossref = CrossrefRegistry(
        channel, base_url="http://cloud.test:8080", timeout=2.0, lookup=names
    )
    try:
        crossref.begin()
        found = crossref.works(["10.1000/first-hop"])
    finally:
        crossref.close()
    (lookup,) = found.values()
    assert lookup.answer is Answer.UNAVAILABLE
    assert lookup.reason is not None and "redirect" not in lookup.reason, lookup.reason
    assert "not public" in lookup.reason
    assert channel.broken is None  # the registry's circuit is not opened by it


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


REDIRECTS = {
    "another-port": f"http://127.0.0.1:{_closed_port()}/record",
    "private-literal": "http://10.0.0.8/record",
    "ipv6-loopback": "http://[::1]:8080/record",
    "private-name": "http://intranet.test/record",
    "metadata-name": "http://cloud.test/latest/meta-data/",
}


@pytest.fixture(scope="module")
def bouncer() -> Iterator[RawServer]:
    def hop(sock: socket.socket, target: str) -> None:
        sock.sendall(answer("302 Found", [("Location", REDIRECTS[target.split("/")[2]])]))

    server = RawServer({"/go/": hop}).start()
    yield server
    server.stop()


@pytest.mark.parametrize("make", [pinned_client, pinned_client2])
@pytest.mark.parametrize("where", list(REDIRECTS))
def test_a_refused_redirect_keeps_the_redirect_wording(
    bouncer: RawServer, make: Any, where: str
) -> None:
    lib = httpx if make is pinned_client else httpx2
    rule = AddressRule(allowed_origins=allowed([bouncer.url("")]))
    client = make(rule, timeout=2.0, lookup=names, follow_redirects=True)
    with client, pytest.raises(lib.HTTPError) as raised:
        client.get(bouncer.url(f"/go/{where}"))
    _redirect_words(failure_from(raised.value))
