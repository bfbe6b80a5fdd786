"""A link's hop is judged by the address it was sent to, not by a second look-up.

With private networks allowed (the CLI), a public hop never sends us into them
(`Fetcher`'s chain rule), and a dead link that was private is never told to the
archive. Both read the addresses a look-up of the hop's host gave just before the
request -- but the request did not always go there:

- the look-up failed (a name server failing once) and the connection asked again,
  getting a public address: the chain did not count as public, and that public
  server's 302 to ``http://192.168.1.1/...`` was followed into the reader's network;
  a private answer the second time was a dead intranet link told to the archive;
- the name answered a public and a private address (not public, then), and the
  public one answered: its redirect into the network was followed;
- the name now named a private address, but the request reused a keep-alive
  connection made when it named a public one: the public server's redirect into the
  network was followed, the hop having "been private".

Now a connection is reused only by a request checked for the same addresses, and
each hop is judged again by the address its answer came from. 127.0.0.2 plays the
public web (the rule's injected `forbidden`), 127.0.0.1 and 127.0.0.3 the network.
"""

from __future__ import annotations

import asyncio
import dataclasses

import pytest

from citeaudit.links.checker import LinkChecker
from citeaudit.links.safety import NameLookupFailed
from citeaudit.links.targets import target_for
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.security.ssrf_loopback import CLI, cli_checker
from tests.security.test_ssrf_hops import SERVICE, Hops, only_127_0_0_2_is_public
from tests.stand_ins.private_service import SECRET, PrivateService


def _port(server: Hops) -> str:
    return server.url.rsplit(":", 1)[1]


class _FlakyDns:
    """Fails its first `failures` questions, then answers `address`."""

    def __init__(self, failures: int, address: str) -> None:
        self.failures = failures
        self.address = address
        self.asked = 0

    async def __call__(self, host: str, port: int) -> list[str]:
        self.asked += 1
        if self.asked <= self.failures:
            raise NameLookupFailed(f"{host}: SERVFAIL")
        return [self.address]


@pytest.mark.parametrize("failures", [1, 2, 3])
def test_a_first_hop_whose_look_up_failed_is_judged_by_where_it_went(
    intranet: PrivateService, public: Hops, failures: int
) -> None:
    """Whichever look-up fails (the scheduler's, the hop's, the connection's), the
    public server's redirect into the network is never followed."""
    dns = _FlakyDns(failures, "127.0.0.2")

    async def go() -> LinkCheck:
        async with cli_checker(dns) as checker:
            url = public.to(intranet.url("/router/apply?dns=evil"))
            url = url.replace("127.0.0.2", "flaky.test")
            return (await checker.check_all([target_for(url)]))[0]

    check = asyncio.run(go())
    assert dns.asked >= 2
    assert intranet.contacts == 0
    assert check.outcome is not LinkOutcome.OK
    assert SECRET not in repr(check)


def test_a_name_answering_public_and_private_is_judged_by_the_one_that_answered(
    intranet: PrivateService, public: Hops
) -> None:
    """Some of its addresses private: the hop did not count as public, yet the public
    one answered (first in line), and its redirect into the network was followed."""

    async def dns(host: str, port: int) -> list[str]:
        return ["127.0.0.2", "127.0.0.3"]

    async def go() -> LinkCheck:
        async with cli_checker(dns) as checker:
            url = public.to(intranet.url("/router/apply")).replace("127.0.0.2", "mixed.test")
            return (await checker.check_all([target_for(url)]))[0]

    check = asyncio.run(go())
    assert any(p.startswith("/to/") for p in public.paths)
    assert intranet.contacts == 0
    assert check.outcome is not LinkOutcome.OK


def test_a_kept_connection_does_not_carry_a_hop_past_its_check(
    intranet: PrivateService, public: Hops
) -> None:
    """The name answers public, then private: the second request must not ride the
    connection the first one left open to the public server."""
    answer = ["127.0.0.2"]

    async def dns(host: str, port: int) -> list[str]:
        return list(answer)

    async def go() -> tuple[LinkCheck, LinkCheck]:
        async with cli_checker(dns) as checker:
            page = f"http://rebind.test:{_port(public)}/page"
            first = (await checker.check_all([target_for(page)]))[0]
            answer[:] = ["127.0.0.1"]
            url = public.to(intranet.url("/router/apply")).replace("127.0.0.2", "rebind.test")
            second = (await checker.check_all([target_for(url)]))[0]
            return first, second

    first, second = asyncio.run(go())
    assert first.outcome is LinkOutcome.OK  # the public page, on a kept connection
    assert not any(p.startswith("/to/") for p in public.paths)
    assert intranet.contacts == 0
    assert second.outcome is not LinkOutcome.OK


def test_a_dead_link_that_went_private_on_a_second_look_up_is_not_archived(
    public: Hops, intranet_site: Hops
) -> None:
    # One failure: the request's own look-up fails (dns-unanswered, asked again once
    # the network is known up), and the second request's look-up names the intranet.
    # (Two failures were the request's look-up and its connection's second one, which
    # no longer asks: net22, tests/security/test_net22_one_lookup.py.)
    dns = _FlakyDns(1, "127.0.0.3")

    async def go() -> LinkCheck:
        async with cli_checker(
            dns,
            dataclasses.replace(CLI, archive=True),
            archive_url=f"{public.url}/archive/https%3A%2F%2Fweb.archive.org%2Fweb%2F1%2Fx",
        ) as checker:
            url = f"http://wiki.example:{_port(intranet_site)}/gone?token=s3cret"
            return (await checker.check_all([target_for(url)]))[0]

    check = asyncio.run(go())
    assert intranet_site.paths  # checked: your intranet is yours
    assert check.outcome is LinkOutcome.BROKEN
    assert [p for p in public.paths if p.startswith("/archive/")] == []
    assert check.archive_url is None


def test_kept_connections_are_still_reused_for_the_same_addresses(public: Hops) -> None:
    """The pool is keyed by the checked addresses, not given up: one pool serves a
    host's links while its name keeps its answer."""
    pools: list[object] = []

    async def go() -> list[LinkCheck]:
        transport = PerHostTransport(
            per_host=1, allow_private=False, forbidden=only_127_0_0_2_is_public
        )
        async with LinkChecker(
            dataclasses.replace(SERVICE, per_host=1),
            transport=transport,
            probe_urls=(),
        ) as checker:
            checks = [
                (await checker.check_all([target_for(f"{public.url}/page{i}")]))[0]
                for i in range(3)
            ]
            pools.extend(transport._pools)
            return checks

    checks = asyncio.run(go())
    assert all(c.outcome is LinkOutcome.OK for c in checks)
    assert len(pools) == 1
