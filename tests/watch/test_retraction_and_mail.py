"""A cited work retracted in the registry stand-in (spec point 2); e-mail through a
local SMTP server (aiosmtpd); webhook retries with backoff; each event once."""

from __future__ import annotations

import copy
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from citeaudit.store import Repository
from citeaudit.watch import (
    ChangeKind,
    account_by_name,
    changes_for_audit,
    deliver_due,
    recheck_now,
    set_notify_settings,
    watch_audit,
)
from tests.stand_ins.registry_server import RegistryStandIn
from tests.watch.conftest import HOUR, LOOPBACK_HOOKS, hours_pass, stored_audit, watch_settings
from tests.watch.receiver import Receiver
from tests.watch.site import Site

DOI = "10.1038/nature14539"
RETRACTION = {
    "updated": {"date-parts": [[2030, 1, 2]]},
    "DOI": "10.1038/retraction-notice",
    "type": "retraction",
    "source": "publisher",
}


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Controller, Inbox]]:
    inbox = Inbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()


@pytest.fixture
def registry() -> Iterator[RegistryStandIn]:
    server = RegistryStandIn().start()
    try:
        yield server
    finally:
        server.stop()


def resolution(doi: str) -> dict[str, Any]:
    return {"reference_id": "ref-doi", "state": "resolved", "doi": doi, "record": {"notices": []}}


def test_newly_retracted_by_webhook_and_mail(
    tmp_path: Path,
    repo: Repository,
    site: Site,
    registry: RegistryStandIn,
    receiver: Receiver,
    smtp: tuple[Controller, Inbox],
) -> None:
    controller, inbox = smtp
    settings = watch_settings(
        tmp_path,
        site.url(1, "/"),
        crossref_url=registry.url,
        datacite_url=registry.url,
        smtp_host="127.0.0.1",
        smtp_port=controller.port,
        smtp_from="watch@citeaudit.test",
    )
    account = account_by_name(repo, "journal")
    _, secret = set_notify_settings(
        repo,
        account,
        webhook_url=receiver.url,
        email_to="editor@journal.test",
        policy=LOOPBACK_HOOKS,
    )
    receiver.secret = secret or ""
    audit_id = stored_audit(repo, account, [], resolutions=[resolution(DOI)])
    watch_audit(repo, account, audit_id, collection="Issue 3")

    summary, _ = recheck_now(repo, settings)
    assert summary.dois_checked == 1 and summary.changes == 0

    registry.works[DOI] = {**copy.deepcopy(registry.works[DOI]), "updated-by": [RETRACTION]}
    summary, stats = recheck_now(repo, settings)
    assert summary.kinds == {"newly_retracted": 1}
    assert stats.sent == 2  # one webhook, one e-mail
    changes = changes_for_audit(repo, account, audit_id)
    assert [(c.kind, c.doi, c.reference_ids) for c in changes] == [
        (ChangeKind.NEWLY_RETRACTED, DOI, ("ref-doi",))
    ]
    assert changes[0].notice is not None
    assert changes[0].notice.doi == "10.1038/retraction-notice"
    assert [d["event"] for d in receiver.deliveries] == ["newly_retracted"]
    assert receiver.bad_signatures == 0
    assert len(inbox.messages) == 1
    message = inbox.messages[0]
    assert message.rcpt_tos == ["editor@journal.test"]
    text = message.content.decode()
    assert "retracted" in text and DOI in text and "Issue 3" in text

    summary, stats = recheck_now(repo, settings)  # the same notice again: nothing new
    assert summary.changes == 0 and stats.sent == 0
    assert len(receiver.deliveries) == 1 and len(inbox.messages) == 1


def test_webhook_retried_with_backoff_then_once(
    tmp_path: Path, repo: Repository, site: Site, receiver: Receiver
) -> None:
    settings = watch_settings(
        tmp_path, site.url(1, "/"), watch_newly_broken_gap=0, webhook_backoff=HOUR
    )
    account = account_by_name(repo, "journal")
    _, secret = set_notify_settings(repo, account, webhook_url=receiver.url, policy=LOOPBACK_HOOKS)
    receiver.secret = secret or ""
    audit_id = stored_audit(repo, account, [site.url(0, "/page/x")])
    watch_audit(repo, account, audit_id)
    site.dead.add("/page/x")
    receiver.fail_next = 2
    recheck_now(repo, settings)
    summary, stats = recheck_now(repo, settings)  # gap 0: the second failure is news
    assert summary.kinds == {"newly_broken": 1}
    assert (stats.sent, stats.retried) == (0, 1)
    assert deliver_due(repo, settings).sent == 0  # not due before the backoff
    hours_pass(repo, 1)
    assert deliver_due(repo, settings).retried == 1  # second failure; next wait 2 hours
    hours_pass(repo, 1)
    assert deliver_due(repo, settings).sent == 0
    hours_pass(repo, 1)
    assert deliver_due(repo, settings).sent == 1
    assert deliver_due(repo, settings).sent == 0
    assert receiver.attempts == 3 and len(receiver.deliveries) == 1


def test_bad_secret_is_refused_by_the_receiver(
    tmp_path: Path, repo: Repository, site: Site, receiver: Receiver
) -> None:
    """The signature really is checked: a receiver with another secret refuses it.
    Its retry waits an hour: with the suite's 0.05 s backoff, a loaded machine let the
    retry fall due within the same sweep, twice (3 refused deliveries, not 1)."""
    settings = watch_settings(
        tmp_path, site.url(1, "/"), watch_newly_broken_gap=0, webhook_backoff=HOUR
    )
    account = account_by_name(repo, "journal")
    set_notify_settings(repo, account, webhook_url=receiver.url, policy=LOOPBACK_HOOKS)
    receiver.secret = "not-the-secret"
    audit_id = stored_audit(repo, account, [site.url(0, "/page/y")])
    watch_audit(repo, account, audit_id)
    site.dead.add("/page/y")
    recheck_now(repo, settings)
    _, stats = recheck_now(repo, settings)
    assert stats.sent == 0 and receiver.bad_signatures == 1 and receiver.deliveries == []
