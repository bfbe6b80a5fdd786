"""A network-specific NAT64 prefix delivers to the IPv4 address it carries.

On an IPv6-only network with DNS64, a name whose only record is ``A 10.0.0.5`` is
answered ``AAAA <prefix>::a00:5``, and the NAT64 gateway connects to 10.0.0.5. The
well-known prefix 64:ff9b::/96 was judged by what it carries; the network's own prefix
(any global /32../96) was an ordinary public address, so a hostile name reached the
private network (or, with private networks allowed, the metadata service) through
the gateway. The prefix is learnt as RFC 7050 says, from the AAAA answers for
``ipv4only.arpa``; the name server stand-in here answers that question with the
prefix 2600:1:64::/96, and a link's name with an address inside it.
"""

from __future__ import annotations

import asyncio
import dataclasses
import ipaddress
import threading
import time
from collections.abc import Iterator

import pytest

from citeaudit.links.checker import LinkChecker
from citeaudit.links.nat64 import carried_by_prefix, nat64_prefixes, prefixes_in
from citeaudit.links.safety import AddressRule, Resolver, is_forbidden_address
from citeaudit.links.targets import LinkTarget
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.security.test_ssrf_hops import SERVICE
from tests.security.webhook_refusal import assert_webhook_refused

PREFIX_ANSWERS = ["2600:1:64::c000:aa", "2600:1:64::c000:ab"]  # ipv4only.arpa, synthesized
PRIVATE_VIA_GATEWAY = "2600:1:64::a00:5"  # 10.0.0.5
METADATA_VIA_GATEWAY = "2600:1:64::a9fe:a9fe"  # 169.254.169.254
PUBLIC_VIA_GATEWAY = "2600:1:64::808:808"  # 8.8.8.8


@pytest.fixture
def dns64(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The network's DNS64 (stand-in): it synthesizes ipv4only.arpa's AAAA answers."""
    asked = [0]

    def ipv4only_arpa() -> list[str]:
        asked[0] += 1
        return PREFIX_ANSWERS

    monkeypatch.setattr(nat64_prefixes, "lookup", ipv4only_arpa)
    nat64_prefixes.forget()
    try:
        yield asked
    finally:
        monkeypatch.undo()
        nat64_prefixes.forget()  # later tests learn this machine's own answer
        nat64_prefixes.fresh()


# RFC 6052 section 2.4: 192.0.2.33 under 2001:db8::/32, /40, /48, /56, /64 and /96.
RFC6052 = {
    32: "2001:db8:c000:221::",
    40: "2001:db8:1c0:2:21::",
    48: "2001:db8:122:c000:2:2100::",
    56: "2001:db8:122:3c0:0:221::",
    64: "2001:db8:122:344:c0:2:2100:0",
    96: "2001:db8:122:344::192.0.2.33",
}


@pytest.mark.parametrize("length", sorted(RFC6052))
def test_the_carried_address_is_read_at_every_prefix_length(length: int) -> None:
    ip = ipaddress.IPv6Address(RFC6052[length])
    assert carried_by_prefix(ip, length) == ipaddress.IPv4Address("192.0.2.33")


def test_the_prefix_is_read_from_the_synthesized_answers() -> None:
    assert {(str(n), n_len) for n, n_len in prefixes_in([*PREFIX_ANSWERS, "::1", "x"])} == {
        ("2600:1:64::/96", 96)
    }
    assert prefixes_in([]) == frozenset()


def _link(address: str, *, allow_private: bool = False) -> LinkCheck:
    policy = dataclasses.replace(SERVICE, allow_private_networks=allow_private)

    async def dns(host: str, port: int) -> list[str]:
        return [address]

    async def go() -> LinkCheck:
        transport = PerHostTransport(
            per_host=2, allow_private=allow_private, resolver=Resolver(ttl=0, lookup=dns)
        )
        async with LinkChecker(policy, transport=transport, probe_urls=()) as checker:
            return await checker.check(LinkTarget("url", "http://a-only.test/admin"))

    return asyncio.run(go())


def test_a_name_synthesized_from_a_private_address_is_refused(dns64: list[int]) -> None:
    check = _link(PRIVATE_VIA_GATEWAY)
    assert dns64[0] == 1  # learnt once, before the first connection
    assert check.outcome is not LinkOutcome.OK
    assert check.reason == "private-address", check


def test_the_metadata_service_through_the_gateway_is_refused_with_private_allowed(
    dns64: list[int],
) -> None:
    check = _link(METADATA_VIA_GATEWAY, allow_private=True)
    assert check.reason == "private-address", check


def test_a_literal_in_the_prefix_is_judged_by_what_it_carries(dns64: list[int]) -> None:
    nat64_prefixes.fresh()
    assert is_forbidden_address(ipaddress.ip_address(PRIVATE_VIA_GATEWAY))
    assert AddressRule().url_refusal(f"http://[{PRIVATE_VIA_GATEWAY}]/") is not None
    assert not is_forbidden_address(ipaddress.ip_address(PUBLIC_VIA_GATEWAY))


def test_a_webhook_synthesized_from_a_private_address_is_refused(dns64: list[int]) -> None:
    assert_webhook_refused(PRIVATE_VIA_GATEWAY, allow_private=False)


def test_a_silent_name_server_is_waited_for_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first question is waited for at most `wait`; nothing learnt yet fails
    closed (`test_redteam_leftovers_nat64`).

    No clock bound decides it: the name server never answers until the test ends, and
    once the first wait is over `wait` becomes an hour, so a later caller that waited
    would hang. (Asserting the later calls took under 0.2 s failed on a busy machine,
    where starting an event loop alone can take longer.)"""
    release = threading.Event()

    def silent() -> list[str]:
        release.wait()  # never answers while the test runs
        return []

    waited: list[float] = []

    def first_then_later() -> None:
        started = time.monotonic()
        nat64_prefixes.fresh()
        waited.append(time.monotonic() - started)
        nat64_prefixes.wait = 3600.0  # a later call that waited would hang here
        nat64_prefixes.fresh()
        asyncio.run(nat64_prefixes.fresh_async())

    monkeypatch.setattr(nat64_prefixes, "lookup", silent)
    monkeypatch.setattr(nat64_prefixes, "wait", 0.3)
    nat64_prefixes.forget()
    try:
        caller = threading.Thread(target=first_then_later, daemon=True)
        caller.start()
        caller.join(60)  # liveness only: the calls return at once after the first wait
        assert not caller.is_alive(), "a call waited for the silent name server"
        assert waited and waited[0] >= 0.25  # the first did wait for an answer
        assert is_forbidden_address(ipaddress.ip_address(PUBLIC_VIA_GATEWAY))
    finally:
        release.set()
        monkeypatch.undo()
        nat64_prefixes.forget()
        nat64_prefixes.fresh()


def test_a_forked_worker_asks_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """A question in flight when a Celery pool forks has no thread in the child: the
    child asks for itself instead of waiting for an answer that never comes."""
    import os

    release = threading.Event()

    def silent() -> list[str]:
        release.wait(10)
        return []

    monkeypatch.setattr(nat64_prefixes, "lookup", silent)
    monkeypatch.setattr(nat64_prefixes, "wait", 0.5)
    nat64_prefixes.forget()
    try:
        nat64_prefixes.fresh(timeout=0.0)  # asked, not answered: the thread waits
        nat64_prefixes.forget()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: the network's DNS64 answers it at once
            try:
                nat64_prefixes.lookup = lambda: PREFIX_ANSWERS
                nat64_prefixes.fresh()
                verdict = is_forbidden_address(ipaddress.ip_address(PRIVATE_VIA_GATEWAY))
                os.write(write, b"1" if verdict else b"0")
            finally:
                os._exit(0)
        os.close(write)
        answer = os.read(read, 1)
        os.waitpid(pid, 0)
        assert answer == b"1"
    finally:
        release.set()
        monkeypatch.undo()
        nat64_prefixes.forget()
        nat64_prefixes.fresh()


def test_declared_prefixes_are_used_without_asking() -> None:
    """An operator's CITEAUDIT_NAT64_PREFIXES: the prefix judges addresses, nothing asked."""
    import ipaddress

    from citeaudit.links.nat64 import Nat64Prefixes, declared

    asked: list[int] = []

    def lookup() -> list[str]:
        return []

    prefixes = Nat64Prefixes(lookup=lookup, declared=declared("2001:db8:64::/96"))
    prefixes.fresh()
    assert asked == []
    assert prefixes.carried(ipaddress.IPv6Address("2001:db8:64::a00:5")) == (
        ipaddress.IPv4Address("10.0.0.5"),
    )
    assert declared("none") == frozenset()
    with pytest.raises(ValueError, match="NAT64 prefixes"):
        declared("2001:db8::/80")
