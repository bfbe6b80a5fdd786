"""NAT64 discovery fails closed: until ipv4only.arpa is answered, no prefix is "none".

The network's NAT64 prefix is learnt from the resolver's AAAA answers for
``ipv4only.arpa`` (RFC 7050), waited for at most 2 s at a process's first connection.
A resolver that was silent in that time, or failed (SERVFAIL), left the prefixes
empty, and an address synthesized from ``A 10.0.0.5`` (``2600:1:64::a00:5``) was an
ordinary public address until an answer came: the gateway delivered to the private
address. Now nothing learnt yet means any global IPv6 address may be synthesized:
refused where private networks are refused, and read at every RFC 6052 length for a
metadata address where they are allowed. IPv4 is unaffected; a failed later
question keeps what was learnt; "no AAAA" is an answer (no NAT64).
"""

from __future__ import annotations

import concurrent.futures
import ipaddress
import socket
import threading
from collections.abc import Iterator

import pytest

from citeaudit.links import nat64
from citeaudit.links.nat64 import Nat64Prefixes, nat64_prefixes
from citeaudit.links.safety import AddressRule, is_forbidden_address, is_metadata_address
from citeaudit.model.link import LinkOutcome
from tests.security.test_redteam_ssrf_nat64_prefix import (
    METADATA_VIA_GATEWAY,
    PREFIX_ANSWERS,
    PRIVATE_VIA_GATEWAY,
    PUBLIC_VIA_GATEWAY,
    _link,
)


@pytest.fixture(params=["silent", "failing"])
def no_answer(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The resolver does not answer ipv4only.arpa in time, or answers SERVFAIL."""
    release = threading.Event()

    def silent() -> list[str] | None:
        release.wait(10)
        return None

    def failing() -> list[str] | None:
        return None

    monkeypatch.setattr(nat64_prefixes, "lookup", silent if request.param == "silent" else failing)
    monkeypatch.setattr(nat64_prefixes, "wait", 0.05)
    nat64_prefixes.forget()
    try:
        nat64_prefixes.fresh()
        yield
    finally:
        release.set()
        monkeypatch.undo()
        nat64_prefixes.forget()
        nat64_prefixes.fresh()


def test_a_synthesized_private_address_is_refused_before_the_prefix_is_known(
    no_answer: None,
) -> None:
    assert nat64_prefixes.pending()
    assert is_forbidden_address(ipaddress.ip_address(PRIVATE_VIA_GATEWAY))
    assert AddressRule().url_refusal(f"http://[{PRIVATE_VIA_GATEWAY}]/") is not None
    # Any global IPv6 address may be synthesized; IPv4 is judged as ever.
    assert is_forbidden_address(ipaddress.ip_address(PUBLIC_VIA_GATEWAY))
    assert not is_forbidden_address(ipaddress.ip_address("8.8.8.8"))
    assert is_forbidden_address(ipaddress.ip_address("64:ff9b::a00:5"))  # well-known, always
    assert not is_forbidden_address(ipaddress.ip_address("64:ff9b::808:808"))


def test_a_link_synthesized_from_a_private_address_is_refused_before_the_prefix_is_known(
    no_answer: None,
) -> None:
    check = _link(PRIVATE_VIA_GATEWAY)
    assert check.outcome is not LinkOutcome.OK
    assert check.reason == "private-address", check


def test_the_metadata_service_is_refused_with_private_allowed_before_the_prefix_is_known(
    no_answer: None,
) -> None:
    assert is_metadata_address(ipaddress.ip_address(METADATA_VIA_GATEWAY))
    assert AddressRule(allow_private=True).refuses(ipaddress.ip_address(METADATA_VIA_GATEWAY))
    assert not AddressRule(allow_private=True).refuses(ipaddress.ip_address(PUBLIC_VIA_GATEWAY))
    check = _link(METADATA_VIA_GATEWAY, allow_private=True)
    assert check.reason == "private-address", check


def test_a_failed_later_question_keeps_what_was_learnt() -> None:
    answers: list[list[str] | None] = [PREFIX_ANSWERS, None]
    prefixes = Nat64Prefixes(lookup=lambda: answers.pop(0))
    assert prefixes.pending()
    prefixes._ask(concurrent.futures.Future())
    prefixes._ask(concurrent.futures.Future())  # SERVFAIL on the re-ask
    assert not prefixes.pending()
    assert prefixes.carried(ipaddress.IPv6Address(PRIVATE_VIA_GATEWAY)) == (
        ipaddress.IPv4Address("10.0.0.5"),
    )


def test_no_aaaa_is_an_answer_and_a_resolver_failure_is_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def raising(code: int) -> object:
        def getaddrinfo(*args: object, **kwargs: object) -> object:
            raise socket.gaierror(code, "stand-in")

        return getaddrinfo

    monkeypatch.setattr(socket, "getaddrinfo", raising(socket.EAI_NONAME))
    assert nat64._ask_ipv4only_arpa() == []
    monkeypatch.setattr(socket, "getaddrinfo", raising(socket.EAI_AGAIN))
    assert nat64._ask_ipv4only_arpa() is None
    prefixes = Nat64Prefixes(lookup=lambda: None)
    prefixes._ask(concurrent.futures.Future())
    assert prefixes.pending()


def test_declared_prefixes_are_never_pending() -> None:
    prefixes = Nat64Prefixes(lookup=lambda: None, declared=nat64.declared("none"))
    assert not prefixes.pending()
    assert prefixes.carried(ipaddress.IPv6Address(PUBLIC_VIA_GATEWAY)) == ()
