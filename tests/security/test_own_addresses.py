"""A link to this machine's own public address is refused like loopback: on a server
whose network card holds a public address, that address reaches its own Redis."""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path

import pytest

from citeaudit.links.own_addresses import OwnAddresses, own_addresses, parse_fib_trie
from citeaudit.links.safety import is_forbidden_address

# The shape of /proc/net/fib_trie on a VM whose eth0 holds a public address.
FIB_TRIE = """Main:
  +-- 0.0.0.0/0 3 0 5
     |-- 0.0.0.0
        /0 universe UNICAST
     +-- 8.8.8.0/24 2 0 2
        |-- 8.8.8.0
           /24 link UNICAST
        |-- 8.8.8.77
           /32 host LOCAL
        |-- 8.8.8.255
           /32 link BROADCAST
Local:
  +-- 0.0.0.0/0 3 0 5
     |-- 8.8.8.77
        /32 host LOCAL
"""
IF_INET6 = (
    "2a0014500000000000000000000000aa 02 40 00 80     eth0\n"
    "00000000000000000000000000000001 01 80 10 80       lo\n"
)


def test_the_kernel_tables_name_our_own_addresses_only(tmp_path: Path) -> None:
    (tmp_path / "fib").write_text(FIB_TRIE)
    (tmp_path / "inet6").write_text(IF_INET6)
    own = OwnAddresses(fib_trie=tmp_path / "fib", if_inet6=tmp_path / "inet6")
    assert ipaddress.ip_address("8.8.8.77") in own
    assert ipaddress.ip_address("2a00:1450::aa") in own
    # The network and broadcast routes of the same interface are not our address.
    assert ipaddress.ip_address("8.8.8.255") not in own
    assert ipaddress.ip_address("8.8.8.8") not in own
    assert parse_fib_trie("|-- 999.1.1.1\n   /32 host LOCAL\n") == frozenset()


def test_unreadable_tables_are_no_addresses(tmp_path: Path) -> None:
    own = OwnAddresses(fib_trie=tmp_path / "absent", if_inet6=tmp_path / "absent6")
    assert own.current() == frozenset()


def test_tables_are_read_again_after_their_time(tmp_path: Path) -> None:
    fib = tmp_path / "fib"
    fib.write_text("")
    own = OwnAddresses(fib_trie=fib, if_inet6=tmp_path / "absent", ttl=0.0)
    assert ipaddress.ip_address("8.8.8.77") not in own
    fib.write_text(FIB_TRIE)
    assert ipaddress.ip_address("8.8.8.77") in own


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads Linux's tables")
def test_every_address_of_this_machine_is_forbidden() -> None:
    mine = own_addresses.current()
    assert ipaddress.ip_address("127.0.0.1") in mine
    assert all(is_forbidden_address(address) for address in mine)


def test_a_public_address_on_our_own_card_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guard reads the tables it is given (here a VM's, written to a file)."""
    (tmp_path / "fib").write_text(FIB_TRIE)
    monkeypatch.setattr(own_addresses, "fib_trie", tmp_path / "fib")
    monkeypatch.setattr(own_addresses, "ttl", 0.0)
    # What was read is given back too, so later tests see this machine's tables.
    monkeypatch.setattr(own_addresses, "_known", own_addresses.current())
    monkeypatch.setattr(own_addresses, "_read_at", float("-inf"))
    assert is_forbidden_address(ipaddress.ip_address("8.8.8.77"))
    assert not is_forbidden_address(ipaddress.ip_address("8.8.8.8"))
