"""Our own network on global addresses: an IPv6 site, or a network the operator names.

"Private" was judged from the address alone (RFC 1918, ULA, loopback...) plus this
machine's own addresses and the subnets on its own links. But a dual-stack network
numbers its machines with global IPv6 addresses: a cloud VPC holds one /56 (one /64
per subnet), a site one /48, and their firewalls trust "the VPC" or "the site". Only
the server's own /64 was refused, so a link, a webhook or a mail exchanger answering
an address of the next subnet (``2600:1f18:aaaa:bb02::20``: the database subnet,
its security group open to the VPC) was "public" and was connected to from inside.
A campus numbered from its own public /16, or a VPC using public IPv4 space, is the
same for IPv4, and no table of ours says so: the operator declares such networks
(``CITEAUDIT_INTERNAL_NETWORKS``), and they are refused like private ones.

The tables are the shapes of /proc/net/if_inet6 and /proc/net/ipv6_route on an
instance of such a VPC (test_redteam_ssrf_local_prefixes.py has the others).
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.links import errors
from citeaudit.links.checker import LinkChecker
from citeaudit.links.own_addresses import internal_networks, own_addresses
from citeaudit.links.safety import AddressRule, NonPublicAddress, Resolver, is_forbidden_address
from citeaudit.links.targets import target_for
from citeaudit.links.transport import PerHostTransport
from citeaudit.watch.mail_exchangers import MailDns, exchanger_refusal
from tests.security.test_ssrf_hops import SERVICE
from tests.security.webhook_refusal import assert_webhook_refused

NO_HOP = "00000000000000000000000000000000"
# Our address, on the VPC's subnet 2600:1f18:aaaa:bb01::/64 (on-link), default via
# the VPC's router.
IF_INET6 = (
    "26001f18aaaabb010000000000000010 02 40 00 00     eth0\n"
    "fe800000000000000000000000000001 02 40 20 80     eth0\n"
    "00000000000000000000000000000001 01 80 10 80       lo\n"
)
IPV6_ROUTE = (
    f"26001f18aaaabb010000000000000000 40 {NO_HOP} 00 {NO_HOP} 00000100 1 0 00000001 eth0\n"
    f"{NO_HOP} 00 {NO_HOP} 00 fe800000000000000000000000000001 00000400 1 0 00000003 eth0\n"
)
# The VPC's other subnets: behind its router, inside its /56.
OUR_SITE = ["2600:1f18:aaaa:bb02::20", "2600:1f18:aaaa:bbff::1", "2600:1f18:aaaa:bb00::1"]
# Another customer's VPC of the same provider, and the rest of the Internet.
ELSEWHERE = ["2600:1f18:aaaa:cc00::1", "2600:1f18:aaab::1", "2001:4860:4860::8888", "8.8.8.8"]
# A campus numbered from its own public /16, declared by the operator.
CAMPUS = "130.79.0.0/16"


@pytest.fixture
def vpc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The guard's own tables are a dual-stack VPC instance's."""
    (tmp_path / "inet6").write_text(IF_INET6)
    (tmp_path / "route6").write_text(IPV6_ROUTE)
    for name in ("fib_trie", "route"):
        monkeypatch.setattr(own_addresses, name, tmp_path / "absent")
    monkeypatch.setattr(own_addresses, "if_inet6", tmp_path / "inet6")
    monkeypatch.setattr(own_addresses, "ipv6_route", tmp_path / "route6")
    monkeypatch.setattr(own_addresses, "ttl", 0.0)
    monkeypatch.setattr(own_addresses, "_read_at", float("-inf"))
    yield
    monkeypatch.undo()
    own_addresses._read_at = float("-inf")  # this machine's own tables again


@pytest.fixture
def campus(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The operator declared the campus network internal."""
    monkeypatch.setattr(own_addresses, "declared", internal_networks(CAMPUS))
    yield
    monkeypatch.undo()
    own_addresses._read_at = float("-inf")


def _link_check(address: str) -> str | None:
    """The service's verdict reason for a link whose name answers `address`."""

    async def answer(host: str, port: int) -> list[str]:
        return [address]

    async def run() -> str | None:
        transport = PerHostTransport(
            per_host=2, allow_private=False, resolver=Resolver(ttl=0, lookup=answer)
        )
        async with LinkChecker(SERVICE, transport=transport, probe_urls=()) as checker:
            check = await checker.check(target_for("http://db-admin.example.org:8080/"))
        return check.reason

    return asyncio.run(run())


def _mail_refusal(address: str) -> str | None:
    """The exchanger refusal of a recipient domain whose only MX answers `address`."""
    dns = MailDns(lambda domain, timeout: ["mx.example.org"], lambda host, port: [address])
    return exchanger_refusal("example.org", AddressRule(), dns)


@pytest.mark.usefixtures("vpc")
@pytest.mark.parametrize("address", OUR_SITE)
def test_an_address_of_our_own_ipv6_site_is_refused_everywhere(address: str) -> None:
    assert is_forbidden_address(ipaddress.ip_address(address))
    with pytest.raises(NonPublicAddress):
        AddressRule().check("db-admin.example.org", 8080, [address])
    assert AddressRule().url_refusal(f"http://[{address}]:8080/") is not None
    assert _link_check(address) == errors.PRIVATE
    assert_webhook_refused(address, allow_private=False)
    assert _mail_refusal(address) is not None
    AddressRule(allow_private=True).check("intranet.example.org", 80, [address])  # the CLI's


@pytest.mark.usefixtures("vpc")
@pytest.mark.parametrize("address", ELSEWHERE)
def test_other_sites_stay_public(address: str) -> None:
    assert not is_forbidden_address(ipaddress.ip_address(address))
    assert _mail_refusal(address) is None


@pytest.mark.usefixtures("campus")
@pytest.mark.parametrize("address", ["130.79.1.10", "130.79.255.254", "::ffff:130.79.1.10"])
def test_a_declared_internal_network_is_refused_everywhere(address: str) -> None:
    assert is_forbidden_address(ipaddress.ip_address(address))
    with pytest.raises(NonPublicAddress):  # the registries' and webhooks' backend asks this
        AddressRule().check("db-admin.example.org", 8080, [address])
    assert _link_check(address) == errors.PRIVATE
    assert_webhook_refused(address, allow_private=False)
    assert _mail_refusal(address) is not None
    AddressRule(allow_private=True).check("intranet.example.org", 80, [address])


@pytest.mark.usefixtures("campus")
@pytest.mark.parametrize("address", ["130.78.255.255", "130.80.0.1", "8.8.8.8"])
def test_addresses_beside_a_declared_network_stay_public(address: str) -> None:
    assert not is_forbidden_address(ipaddress.ip_address(address))


def test_the_declaration_is_read_from_the_environment() -> None:
    code = (
        "import ipaddress\n"
        "from citeaudit.links.safety import is_forbidden_address as f\n"
        "print(f(ipaddress.ip_address('130.79.1.10')), f(ipaddress.ip_address('130.80.0.1')))"
    )
    env = {**os.environ, "CITEAUDIT_INTERNAL_NETWORKS": f" {CAMPUS}, 2a01:4f8:10::/48 "}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["True", "False"]
    env["CITEAUDIT_INTERNAL_NETWORKS"] = "130.79.0.0/33"
    bad = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert bad.returncode != 0
    assert "CITEAUDIT_INTERNAL_NETWORKS" in bad.stderr


def test_internal_networks_are_read_strictly() -> None:
    assert internal_networks("") == ()
    assert internal_networks("none") == ()
    assert [str(n) for n in internal_networks("10.0.0.0/8,2a01:4f8::/32")] == [
        "10.0.0.0/8",
        "2a01:4f8::/32",
    ]
    for wrong in ("130.79.0.1/16", "campus", "0.0.0.0/0", "::/0"):
        with pytest.raises(ValueError, match="CITEAUDIT_INTERNAL_NETWORKS"):
            internal_networks(wrong)
