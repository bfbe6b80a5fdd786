"""A notification address's domain is a host the SMTP relay delivers to: judged as a
webhook's host is.

The relay connects to the domain of the one recipient we name (or delivers locally):
``root@localhost`` was the relay's own root mailbox, ``me@10.0.0.5`` (written
``127.1``, ``0x7f.1``, full-width...) a machine of its network on port 25, and
``me@db.internal`` whatever the relay's resolver calls that -- each fed the audit's
findings and URLs. The address's form was checked (one mailbox, no list), its
destination never. The stand-in relay is aiosmtpd on loopback; the refused domains
are never looked up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.settings import ServiceSettings
from citeaudit.store import Repository, make_engine, upgrade
from citeaudit.store.watching.records import WatchError
from citeaudit.watch.mailer import send_mail
from citeaudit.watch.notify_settings import set_notify_settings
from citeaudit.watch.webhook import DeliveryError
from citeaudit.watch.webhook_policy import WebhookPolicy
from tests.security.ssrf_loopback import Relay, delivered

PRIVATE = [
    "root@localhost",
    "me@127.0.0.1",
    "me@127.1",
    "me@0x7f.1",
    "me@\uff11\uff12\uff17.\uff10.\uff10.\uff11",  # full-width digits
    "me@10.0.0.5",
    "me@100.64.0.1",
    "me@db.internal",
    "me@relay.local",
    "me@router.home.arpa",
]
METADATA = ["me@169.254.169.254", "me@100.100.100.200"]
PUBLIC = ["me@example.org", "\u00fc@ex\u00e4mple.de", "editor@journal.test"]


@pytest.mark.parametrize("to", PRIVATE + METADATA)
def test_a_private_destination_is_refused_when_saved(to: str, tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'watch.db'}")
    upgrade(engine)
    try:
        with pytest.raises(WatchError, match="private destination"):
            set_notify_settings(Repository(engine), 1, email_to=to, policy=WebhookPolicy())
    finally:
        engine.dispose()


@pytest.mark.parametrize("to", PRIVATE + METADATA)
def test_a_stored_private_destination_is_never_mailed(relay: Relay, to: str) -> None:
    """Saved before the rule, or by hand: refused at delivery, for good."""
    port, inbox = relay.port, relay.inbox
    settings = ServiceSettings(smtp_host="127.0.0.1", smtp_port=port)
    with pytest.raises(DeliveryError, match="private destination") as caught:
        send_mail(settings, to, "subject", "text", "event")
    assert caught.value.permanent
    send_mail(settings, "me@example.org", "subject", "text", "event")  # the relay works
    assert delivered(inbox, 1) == [["me@example.org"]]


@pytest.mark.parametrize("to", PRIVATE)
def test_the_operator_may_allow_private_destinations(relay: Relay, to: str) -> None:
    port, inbox = relay.port, relay.inbox
    settings = ServiceSettings(
        smtp_host="127.0.0.1",
        smtp_port=port,
        webhook_allow_private_networks=True,
        webhook_allow_own_machine=True,  # root@localhost: the relay's own machine
    )
    assert WebhookPolicy(allow_private=True, allow_own_machine=True).mail_refusal(to) is None
    send_mail(settings, to, "subject", "text", "event")
    assert delivered(inbox, 1) == [[to]]


@pytest.mark.parametrize("to", METADATA)
def test_metadata_services_stay_refused_when_private_is_allowed(to: str) -> None:
    assert WebhookPolicy(allow_private=True).mail_refusal(to) is not None


@pytest.mark.parametrize("to", PUBLIC)
def test_public_domains_are_mailed(relay: Relay, to: str) -> None:
    port, inbox = relay.port, relay.inbox
    assert WebhookPolicy().mail_refusal(to) is None
    send_mail(ServiceSettings(smtp_host="127.0.0.1", smtp_port=port), to, "s", "t", "e")
    assert delivered(inbox, 1) == [[to]]
