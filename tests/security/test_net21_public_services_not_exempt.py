"""The well-known public services are never exempt from the address rule.

Class: a configured service's exact origin is exempt from the private-network test
(`AddressRule.allowed_origins`) so that an operator's mirror on the intranet, or a
test's stand-in on loopback, can be asked. The built-in defaults took the same
exemption: ``api.crossref.org``, ``api.datacite.org``, ``doi.org`` and
``archive.org`` are public by definition, yet a DNS answer naming loopback, an
intranet address or this machine for one of them (a poisoned or spoofed answer, a
hijacked resolver on the way) was connected to -- a registry look-up or a DOI
resolution sent to 127.0.0.1:443 or 10.0.0.5:80. Only the metadata addresses were
refused (net19). Now an origin on one of those names is judged like any host, on every
client that takes an exemption (the registries' pinned clients, the link checker's
trusted client for the resolver, the archive and the reachability probe): `allowed`
drops it. An operator's own mirror keeps its exemption.

Stand-ins: a name server answering every name with a private address; the requests
are refused before any connection, so no TLS or listener on port 443 is needed (a
connection would fail "connection refused"/"unreachable" instead).
"""

from __future__ import annotations

import socket
from typing import Any

import httpx
import httpx2
import pytest

from citeaudit.links.pinned import pinned_client, pinned_client2
from citeaudit.links.safety import AddressRule, allowed
from citeaudit.resolve.channel import Channel, RetryPolicy
from citeaudit.resolve.crossref import CrossrefRegistry
from citeaudit.resolve.interface import Answer
from citeaudit.resolve.limiter import LocalLimiter
from citeaudit.resolve.sending import failure_from

RETRY = RetryPolicy(attempts=2, base=0.01, cap=0.05, max_retry_after=1.0)

DEFAULTS = [
    "https://api.crossref.org",
    "https://api.datacite.org",
    "https://doi.org",
    "http://doi.org",
    "https://dx.doi.org",
    "https://archive.org/wayback/available",
    "https://API.Crossref.org.",
]


def private_names(address: str) -> Any:
    asked: list[str] = []

    def lookup(host: str, port: int) -> list[str]:
        asked.append(host)
        if not host:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [address]

    lookup.asked = asked  # type: ignore[attr-defined]
    return lookup


@pytest.mark.parametrize("url", DEFAULTS)
def test_a_public_service_is_not_an_exempt_origin(url: str) -> None:
    assert allowed([url]) == frozenset()


def test_an_operators_mirror_stays_exempt() -> None:
    assert allowed(["http://mirror.intranet.example:8080/crossref"]) == {
        ("mirror.intranet.example", 8080)
    }
    assert allowed(["http://127.0.0.1:9000"]) == {("127.0.0.1", 9000)}


# Loopback only: before the fix each was connected to (nothing listens on 80/443).
@pytest.mark.parametrize("address", ["127.0.0.1", "127.0.0.9", "::1", "::ffff:127.0.0.1"])
@pytest.mark.parametrize("make", [pinned_client, pinned_client2])
@pytest.mark.parametrize("url", ["https://api.crossref.org/works", "http://doi.org/api/x"])
def test_a_registry_name_answering_privately_is_refused(address: str, make: Any, url: str) -> None:
    lib = httpx if make is pinned_client else httpx2
    base = url.rsplit("/", 1)[0].rsplit("/", 1)[0] if "api/x" in url else url.rsplit("/", 1)[0]
    rule = AddressRule(allowed_origins=allowed([base]))
    client = make(rule, timeout=2.0, lookup=private_names(address))
    with client, pytest.raises(lib.HTTPError) as raised:
        client.get(url)
    failure = failure_from(raised.value)
    assert failure is not None and "not public" in failure.reason, failure


def test_crossref_at_its_default_url_answering_loopback() -> None:
    channel = Channel("crossref", LocalLimiter(100.0, 2), policy=RETRY)
    crossref = CrossrefRegistry(channel, timeout=2.0, lookup=private_names("127.0.0.1"))
    try:
        crossref.begin()
        found = crossref.work("10.1000/poisoned")
    finally:
        crossref.close()
    assert found.answer is Answer.UNAVAILABLE
    assert found.reason is not None and "not public" in found.reason, found.reason
    assert channel.broken is None
