"""A notification address names one mailbox: never a list the relay splits for us.

``smtplib.send_message`` takes the recipients from the ``To`` header: an account's
address "root,me@example.org" was two RCPT TO (the relay's own ``root``, and the
account's), "root;me@example.org" was ``root`` alone. The stand-in is a real SMTP
server on loopback (aiosmtpd) that records each envelope's recipients.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from citeaudit.settings import ServiceSettings
from citeaudit.store import Repository, make_engine, upgrade
from citeaudit.store.watching.records import WatchError
from citeaudit.watch.mail_address import mail_address_problem
from citeaudit.watch.mailer import send_mail
from citeaudit.watch.notify_settings import set_notify_settings
from citeaudit.watch.webhook import DeliveryError

LISTS = [
    "root,me@example.org",
    "root;me@example.org",
    "me@example.org,root",
    "me@example.org>,<root",
    '"root,x"me@example.org',
    "me(root)@example.org",
    "Me <me@example.org>",
    "me@[127.0.0.1]",
    "me@example.org\u2028root",
]
ADDRESSES = ["me@example.org", "first.last+tag@mail.example.co.uk", "me@localhost", "ü@exämple.de"]


class _Inbox:
    def __init__(self) -> None:
        self.recipients: list[list[str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 OK"


@pytest.fixture
def relay() -> Iterator[tuple[ServiceSettings, _Inbox]]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield ServiceSettings(smtp_host="127.0.0.1", smtp_port=port), inbox
    finally:
        controller.stop()


@pytest.mark.parametrize("to", LISTS)
def test_an_address_list_is_not_an_address(to: str) -> None:
    assert mail_address_problem(to) is not None


@pytest.mark.parametrize("to", ADDRESSES)
def test_ordinary_addresses_are_addresses(to: str) -> None:
    assert mail_address_problem(to) is None


@pytest.mark.parametrize("to", LISTS)
def test_a_list_is_refused_when_saved(to: str, tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'watch.db'}")
    upgrade(engine)
    try:
        with pytest.raises(WatchError):
            set_notify_settings(Repository(engine), 1, email_to=to)
    finally:
        engine.dispose()


@pytest.mark.parametrize("to", LISTS)
def test_a_stored_list_sends_to_nobody(relay: tuple[ServiceSettings, _Inbox], to: str) -> None:
    """An address saved before the check, or by hand: refused at delivery too."""
    settings, inbox = relay
    with pytest.raises(DeliveryError) as caught:
        send_mail(settings, to, "subject", "text", "event")
    assert caught.value.permanent
    time.sleep(0.2)
    assert inbox.recipients == []


def test_the_one_recipient_is_the_address_itself(relay: tuple[ServiceSettings, _Inbox]) -> None:
    settings, inbox = relay
    send_mail(settings, "me@example.org", "A link\r\nBcc: root broke", "text", "ev\nent")
    deadline = time.monotonic() + 5
    while not inbox.recipients and time.monotonic() < deadline:
        time.sleep(0.05)
    assert inbox.recipients == [["me@example.org"]]
