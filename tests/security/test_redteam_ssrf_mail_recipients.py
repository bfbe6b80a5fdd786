"""A notification address names one mailbox: never a list the relay splits for us.

``smtplib.send_message`` takes the recipients from the ``To`` header: an account's
address "root,me@example.org" was two RCPT TO (the relay's own ``root``, and the
account's), "root;me@example.org" was ``root`` alone. The stand-in is a real SMTP
server on loopback (aiosmtpd) that records each envelope's recipients.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from citeaudit.store import Repository, make_engine, upgrade
from citeaudit.store.watching.records import WatchError
from citeaudit.watch.mail_address import mail_address_problem
from citeaudit.watch.mailer import send_mail
from citeaudit.watch.notify_settings import set_notify_settings
from citeaudit.watch.webhook import DeliveryError
from tests.security.ssrf_loopback import Relay, delivered

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
def test_a_stored_list_sends_to_nobody(relay: Relay, to: str) -> None:
    """An address saved before the check, or by hand: refused at delivery too."""
    settings, inbox = relay.settings, relay.inbox
    with pytest.raises(DeliveryError) as caught:
        send_mail(settings, to, "subject", "text", "event")
    assert caught.value.permanent
    time.sleep(0.2)
    assert inbox.recipients == []


def test_the_one_recipient_is_the_address_itself(relay: Relay) -> None:
    settings, inbox = relay.settings, relay.inbox
    send_mail(settings, "me@example.org", "A link\r\nBcc: root broke", "text", "ev\nent")
    delivered(inbox, 1)
    assert inbox.recipients == [["me@example.org"]]
