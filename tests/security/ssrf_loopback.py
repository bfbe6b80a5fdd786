"""What the SSRF red-team modules (``test_redteam_ssrf_*.py``) share: the CLI's link
policy, a link checker whose names a stand-in name server answers, and an SMTP relay's
inbox. Their loopback servers are fixtures (``conftest.py``).

127.0.0.2 plays the public web (the rule's injected `forbidden`:
`only_127_0_0_2_is_public`); 127.0.0.1 and 127.0.0.3 play the reader's network.
"""

from __future__ import annotations

import asyncio
import dataclasses
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from citeaudit.links.checker import LinkChecker
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.safety import Lookup, Resolver
from citeaudit.links.targets import LinkTarget
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkCheck
from citeaudit.settings import ServiceSettings
from tests.security.test_ssrf_hops import SERVICE, only_127_0_0_2_is_public

# The CLI's rule: private networks allowed ("your intranet is yours").
CLI = dataclasses.replace(SERVICE, allow_private_networks=True)


def cli_transport(lookup: Lookup, *, ttl: float = 0) -> PerHostTransport:
    """The link transport with private networks allowed, only 127.0.0.2 public, and
    every name answered by `lookup` (asked again for each connection: `ttl` 0)."""
    return PerHostTransport(
        per_host=2,
        allow_private=True,
        forbidden=only_127_0_0_2_is_public,
        resolver=Resolver(ttl=ttl, lookup=lookup),
    )


def cli_checker(lookup: Lookup, policy: LinkPolicy = CLI, **kwargs: Any) -> LinkChecker:
    """A link checker on `cli_transport(lookup)`, judging by the same rule; no probe."""
    return LinkChecker(
        policy,
        transport=cli_transport(lookup),
        probe_urls=(),
        **kwargs,
    )


class Inbox:
    """An aiosmtpd handler that keeps each delivered envelope's recipients."""

    def __init__(self) -> None:
        self.recipients: list[list[str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 OK"


@dataclass(frozen=True, slots=True)
class Relay:
    """An SMTP relay on loopback (the `relay` fixture): its port, the settings that
    name it, and what it received."""

    port: int
    settings: ServiceSettings
    inbox: Inbox


@contextmanager
def running_relay() -> Iterator[tuple[int, Inbox]]:
    """An aiosmtpd relay on a free loopback port while the block runs: its port and
    the inbox of what it received."""
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, inbox
    finally:
        controller.stop()


def delivered(inbox: Inbox, count: int) -> list[list[str]]:
    """The recipients once `count` mails have arrived (or 5 s have passed)."""
    deadline = time.monotonic() + 5
    while len(inbox.recipients) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return inbox.recipients


def check_answering(address: str, url: str) -> tuple[LinkCheck, list[str]]:
    """`url` checked with the CLI's rule, every name answering `address`: the check,
    and the names the stand-in name server was asked."""
    asked: list[str] = []

    async def dns(host: str, port: int) -> list[str]:
        asked.append(host)
        return [address]

    async def go() -> LinkCheck:
        async with cli_checker(dns) as checker:
            return await checker.check(LinkTarget("url", url))

    return asyncio.run(go()), asked
