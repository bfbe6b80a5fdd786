"""A notification address's local part cannot carry a route for the relay to follow.

The relay delivers to the domain after the ``@``, and that domain is judged
(`AddressRule.mail_refusal`). But mail relays still honour two old routing forms
inside the local part when the domain is one of their own: the "percent hack"
(``user%host@relay-domain`` becomes ``user@host``; Postfix's ``allow_percent_hack``
and sendmail both default to it) and UUCP bang paths (``host!user@relay-domain``
becomes ``user@host``; Postfix's ``swap_bangpath``). The relay's own name is in the
``Received`` line of every notification an account gets, so an account could name
``root%db.corp.example@<the relay>`` and have the relay deliver the audit's mail to a
machine of its network that the domain check never saw. The stand-in relay is
aiosmtpd on loopback; it records what it was asked to deliver.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.settings import ServiceSettings
from citeaudit.store import Repository, make_engine, upgrade
from citeaudit.store.watching.records import WatchError
from citeaudit.watch.mail_address import mail_address_problem
from citeaudit.watch.mailer import send_mail
from citeaudit.watch.notify_settings import set_notify_settings
from citeaudit.watch.webhook import DeliveryError
from citeaudit.watch.webhook_policy import WebhookPolicy
from tests.security.ssrf_loopback import Relay, delivered

ROUTED = [
    "root%db.corp.example@mail.relay.example",  # percent hack: root@db.corp.example
    "me%10.0.0.5@mail.relay.example",
    "root%localhost@mail.relay.example",
    "a%b%root@mail.relay.example",
    "db.corp.example!root@mail.relay.example",  # bang path: root@db.corp.example
    "gw!db!root@mail.relay.example",
]
PLAIN = [
    "me@example.org",
    "first.last+tag@mail.example.co.uk",
    "o'brien@example.org",
    "a_b-c=d~e@example.org",
    "\u00fc@ex\u00e4mple.de",
]


@pytest.mark.parametrize("to", ROUTED)
def test_a_routed_local_part_is_not_an_address(to: str) -> None:
    assert mail_address_problem(to) is not None


@pytest.mark.parametrize("to", PLAIN)
def test_plain_local_parts_stay_addresses(to: str) -> None:
    assert mail_address_problem(to) is None
    assert WebhookPolicy().mail_refusal(to) is None


@pytest.mark.parametrize("to", ROUTED[:1] + ROUTED[4:5])
def test_a_routed_address_is_refused_when_saved(to: str, tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'watch.db'}")
    upgrade(engine)
    try:
        with pytest.raises(WatchError):
            set_notify_settings(Repository(engine), 1, email_to=to, policy=WebhookPolicy())
    finally:
        engine.dispose()


@pytest.mark.parametrize("to", ROUTED[:1] + ROUTED[4:5])
def test_a_stored_routed_address_is_never_mailed(relay: Relay, to: str) -> None:
    """Saved before the rule, or by hand: refused at delivery, for good, even where
    the operator allows private destinations (the route is the relay's to read)."""
    for allow in (False, True):
        settings = ServiceSettings(
            smtp_host="127.0.0.1", smtp_port=relay.port, webhook_allow_private_networks=allow
        )
        with pytest.raises(DeliveryError) as caught:
            send_mail(settings, to, "subject", "text", "event")
        assert caught.value.permanent
    send_mail(relay.settings, "me@example.org", "subject", "text", "event")  # the relay works
    assert delivered(relay.inbox, 1) == [["me@example.org"]]
