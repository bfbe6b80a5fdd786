"""A link's report must not say which names our DNS answers under a top-level domain
that the root zone does not delegate.

Where private networks are refused (the service, a confined run), a name only a local
resolver can answer is refused before it is looked up (`safety.is_local_name`), with
the one answer a private address gets, whether it exists or not. Which top-level
domains only a local resolver answers was judged by shape: a label of two or more
letters "looks delegated". So ``vault.svc`` (a Kubernetes-style or Cloud Map
namespace), ``redis.docker``, ``db.lab``, ``nas.vpc``, ``ci.dmz``: each was
asked of our own resolver, and came back "private-address" where our network has the
machine and "its host name does not resolve" where it has not -- an upload of guesses
mapped our private zones, the oracle `internal_zones` closed for the search list's
zones only. ``.onion`` and ``.alt`` (RFC 7686, 9476) are never delegated either.

A top-level domain is now judged by the root zone's list (`delegated_tlds`, IANA's):
a name under any other one can only be answered by our own resolver, and is refused
unasked, as ``db.internal`` is. Names under delegated ones are looked up as before,
and so are RFC 2606's ``.test``, ``.example`` and ``.invalid``: the public stand-ins of
tests and documentation (left: a deployment whose private zone is under ``.test``).
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest

from citeaudit.links import pinned, safety
from citeaudit.links.safety import AddressRule, is_local_name
from tests.security import test_rt35s_cname_into_our_network as rt35s
from tests.security.ssrf_loopback import CLI
from tests.security.test_rt35s_cname_into_our_network import chains  # noqa: F401 (fixture)
from tests.security.test_rt35s_internal_zones import _said, _service_checks
from tests.security.test_ssrf_hops import Hops

# Names our own resolver answers (a private address); any other does not exist.
KNOWN = {
    "vault.svc",
    "redis.docker",
    "db.lab",
    "nas.vpc",
    "ci.dmz",
    "wiki.xn--zckzah",  # .テスト, IANA's old test IDN: never in the root zone
}
GUESSES = [
    ("vault.svc", "vaulz.svc"),
    ("redis.docker", "rediz.docker"),
    ("db.lab", "dc.lab"),
    ("nas.vpc", "nas2.vpc"),
    ("ci.dmz", "cj.dmz"),
    ("wiki.xn--zckzah", "wikj.xn--zckzah"),
]


@pytest.fixture
def our_dns(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Our own name server: `KNOWN` names answer a private address (loopback, which
    the service refuses), any other does not exist. Every name asked is kept."""
    asked: list[str] = []

    def fake(host: Any, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        name = str(host).rstrip(".").lower()
        asked.append(name)
        if name in KNOWN:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", int(port or 0)))]
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(safety.socket, "getaddrinfo", fake)
    monkeypatch.setattr(pinned.socket, "getaddrinfo", fake)
    yield asked


@pytest.mark.parametrize(("known", "missing"), GUESSES)
def test_a_name_under_an_undelegated_tld_reads_the_same_whether_it_exists(
    our_dns: list[str], known: str, missing: str
) -> None:
    exists, unknown = _service_checks([f"http://{known}/", f"http://{missing}/"])
    assert exists.reason == "private-address"
    assert _said(exists) == _said(unknown)
    assert our_dns == []  # neither was asked of our name server


def test_a_redirect_to_an_undelegated_tld_is_refused_unasked(our_dns: list[str]) -> None:
    public = Hops().start()
    try:
        exists, unknown = _service_checks(
            [
                public.to("http://vault.svc:8200/v1/sys/health"),
                public.to("http://vaulz.svc:8200/v1/sys/health"),
            ]
        )
        assert len(public.paths) == 2
    finally:
        public.stop()
    assert _said(exists)[:2] == _said(unknown)[:2] == (exists.outcome, "private-address")
    assert our_dns == []


@pytest.mark.parametrize(
    "host",
    [
        "x.onion",
        "x.alt",
        "x.svc",
        "X.SVC.",
        "x.docker",
        "x.vpc",
        "x.lab",
        "x.ｓｖｃ",
        "x．svc",
        "x.xn--zckzah",
        "x.テスト",
        "x.svc%2e",
        "x.s%76c",
    ],
)
def test_undelegated_tlds_are_local_names(host: str) -> None:
    assert is_local_name(host)
    assert AddressRule().host_refusal(host, 80) is not None


@pytest.mark.parametrize(
    "host",
    [
        "example.com",
        "www.example.org",
        "doi.org",
        "x.dev",
        "x.prod",
        "x.aws",
        "x.office",
        "x.int",
        "x.ad",
        "x.рф",
        "x.xn--p1ai",
        "x.中国",
        "x.xn--fiqs8s",
        "x.museum",
        "x.test",
        "x.example",
        "x.invalid",
        "x.COM.",
        "x.ｃｏｍ",
    ],
)
def test_delegated_tlds_are_looked_up_as_before(host: str) -> None:
    assert not is_local_name(host)
    assert AddressRule().host_refusal(host, 80) is None


def test_the_cli_still_asks_its_own_resolver(our_dns: list[str]) -> None:
    """Where private networks are allowed (an author's intranet), such names are
    looked up and checked as before."""
    _service_checks(["http://vault.svc/"], CLI)
    assert "vault.svc" in our_dns


@pytest.mark.usefixtures("chains")
def test_a_cname_chain_to_an_undelegated_tld_reads_the_same_whether_its_end_exists(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """rt35s's chains, ending under ``.svc``: ``s.attacker.example CNAME vault.svc.``
    (our resolver answers it) against ``t.attacker.example CNAME vaulz.svc.`` (no such
    name): the chain's end is a local-only name now, so both read "private-address"."""
    monkeypatch.setitem(rt35s.CHAINS, "s.attacker.example", "vault.svc")
    monkeypatch.setitem(rt35s.CHAINS, "t.attacker.example", "vaulz.svc")
    monkeypatch.setattr(rt35s, "ANSWERED", {*rt35s.ANSWERED, "s.attacker.example"})
    there, absent = _service_checks(["http://s.attacker.example/", "http://t.attacker.example/"])
    assert there.reason == "private-address"
    assert _said(there) == _said(absent)
