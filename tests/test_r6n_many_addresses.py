"""A name with thousands of addresses is not thousands of connection attempts.

The registries' and webhooks' pinned backend (`links.pinned.PinnedBackend`) resolved
a name, checked every address and then tried them in turn until one connected. A
webhook host whose DNS answer lists 4,000 public addresses that refuse at once (a
TCP answer holds that many) had one delivery send a SYN to every one of them, on the
port the account chose -- past the delivery's deadline too, where each try is
started with no time left and fails at once. A link's connection tries the first
`MAX_GATED` (four) addresses; a pinned connection now tries at most `MAX_TRIED`.
The attempts are counted where the library would open them (httpcore's backend).
"""

from __future__ import annotations

from typing import Any

import httpcore
import httpx
import pytest

from citeaudit.links import pinned
from citeaudit.links.pinned import PinnedBackend, pinned_client
from citeaudit.links.safety import AddressRule

MANY = [f"203.0.113.{i}" for i in range(1, 200)]  # stand-ins for public addresses


def _public(ip: Any) -> bool:
    return False  # every address counts as public here: only the count is judged


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    tried: list[str] = []

    def refuse(self: Any, host: str, port: int, **kwargs: Any) -> Any:
        tried.append(host)
        raise httpcore.ConnectError("connection refused")

    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp", refuse)
    return tried


def test_a_pinned_connection_tries_a_few_of_a_names_addresses(attempts: list[str]) -> None:
    backend = PinnedBackend(httpcore, AddressRule(forbidden=_public), lookup=lambda h, p: MANY)
    with pytest.raises(httpcore.ConnectError):
        backend.connect_tcp("many.example", 443, timeout=5.0)
    assert attempts == MANY[: pinned.MAX_TRIED]  # before: all 199, one after another
    assert pinned.MAX_TRIED <= 8


def test_a_webhook_to_a_name_of_many_addresses_sends_a_few_syns(attempts: list[str]) -> None:
    rule = AddressRule(forbidden=_public)
    with (
        pinned_client(rule, timeout=2.0, lookup=lambda h, p: MANY) as client,
        pytest.raises(httpx.ConnectError),
    ):
        client.post("http://many.example:25/hook", content=b"{}")
    assert len(attempts) <= pinned.MAX_TRIED  # before: 199


def test_both_families_are_tried_when_a_name_has_many_of_one(attempts: list[str]) -> None:
    """Cut to a few, a name's addresses are taken from both families in turn: ten
    IPv6 addresses first (unreachable on a network without IPv6) do not leave its
    IPv4 ones untried."""
    v6 = [f"2001:db8::{i}" for i in range(1, 11)]
    v4 = ["203.0.113.1", "203.0.113.2"]
    backend = PinnedBackend(httpcore, AddressRule(forbidden=_public), lookup=lambda h, p: v6 + v4)
    with pytest.raises(httpcore.ConnectError):
        backend.connect_tcp("dual.example", 443, timeout=5.0)
    assert set(v4) <= set(attempts) and len(attempts) <= pinned.MAX_TRIED
