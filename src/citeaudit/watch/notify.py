"""Delivering the outbox: each owed notification claimed, sent, marked -- once.

The store claims each row for one deliverer and marks it (`store.watching.outbox`);
here it is worded and sent. A failure is retried with exponential backoff
(`webhook_backoff`, doubling) up to `webhook_max_attempts`, then marked failed with
the reason. A deliverer killed between sending and marking leaves the claim to run
out, and the row is sent again: receivers can drop that repeat by its
X-Citeaudit-Delivery id.

A webhook URL is judged by the operator's webhook rule (`WebhookPolicy`) at every
delivery, not only when it was saved, and its address by that rule's private-network
setting -- never by the link checks' `allow_private_networks`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import timedelta

import httpx

from citeaudit.links.pinned import SyncLookup, system_lookup
from citeaudit.links.retry import Backoff
from citeaudit.settings import ServiceSettings
from citeaudit.store.repository import Repository
from citeaudit.store.watching.outbox import claim, defer, delivery, mark_failed, mark_sent
from citeaudit.store.watching.times import utcnow
from citeaudit.watch.mailer import RelayStalled, RouteStalled, send_mail
from citeaudit.watch.model import DeliveryStats
from citeaudit.watch.payload import build_payload, mail_text
from citeaudit.watch.webhook import DeliveryError, post
from citeaudit.watch.webhook_allowance import ReceiverBusy, SweepAllowance
from citeaudit.watch.webhook_policy import WebhookPolicy

log = logging.getLogger(__name__)


# Rows claimed at a time: a sweep that stops at its time leaves at most this many
# minus one claimed, sent by a later sweep once the claim runs out (`CLAIM`).
CLAIM_BATCH = 5


def deliver_due(
    repo: Repository,
    settings: ServiceSettings,
    *,
    limit: int = 200,
    lookup: SyncLookup = system_lookup,
    budget: float | None = None,
) -> DeliveryStats:
    """Send what is owed now; returns how many were sent, put back, given up.

    Each delivery stands alone: whatever one row's URL, address or receiver does
    (even an error nobody foresaw), it is recorded on that row and the sweep goes on
    to the next account's. `lookup` resolves webhook hosts (tests stand in for DNS).

    A receiver is a stranger's server: one that lets a delivery time out is not asked
    again in the same sweep (its other rows wait their backoff, as if they had timed
    out too), and the sweep stops claiming after `budget` seconds (half the task's
    time limit by default). A receiver that held each delivery for its deadline, with
    a few hundred rows owed, kept every sweep on its own rows until the task was
    killed, and every other account's notifications waited behind it. So did one
    answering just inside each deadline, which never times out: each receiver (a
    webhook URL, a mail domain) has one webhook timeout of a sweep's time, whatever
    it answers (`SweepAllowance`); its further rows wait one backoff, unsent and with
    no attempt counted (`ReceiverBusy`).
    """
    end = time.monotonic() + (settings.task_time_limit / 2 if budget is None else budget)
    stalled: set[str] = set()
    clock = SweepAllowance(settings.webhook_timeout)
    sent = retried = failed = taken = 0
    while taken < limit and time.monotonic() < end:
        rows = claim(repo, utcnow(), min(CLAIM_BATCH, limit - taken))
        if not rows:
            break
        taken += len(rows)
        for row_id in rows:
            if time.monotonic() >= end:
                break  # the rest of the batch is sent once its claim runs out
            try:
                _send(repo, settings, row_id, lookup, stalled, clock)
            except ReceiverBusy as busy:
                # Sent by a later sweep, no attempt spent: a fast receiver owed a burst
                # is slowed, never given up on.
                defer(repo, row_id, str(busy), timedelta(seconds=settings.webhook_backoff))
                retried += 1
                continue
            except Exception as exc:  # one account's failure is never the others'
                error = exc if isinstance(exc, DeliveryError) else _unforeseen(row_id, exc)
                if mark_failed(repo, row_id, str(error), backoff(settings, error.permanent)):
                    failed += 1
                else:
                    retried += 1
                continue
            mark_sent(repo, row_id)
            sent += 1
    return DeliveryStats(sent, retried, failed)


def backoff(settings: ServiceSettings, permanent: bool) -> Callable[[int], timedelta | None]:
    """After `attempts` failures: the wait before the next try, doubling (the one retry
    rule, `links/retry.py`); None to give up."""

    rule = Backoff(attempts=settings.webhook_max_attempts, base=settings.webhook_backoff)

    def wait(attempts: int) -> timedelta | None:
        if permanent or attempts >= rule.attempts:
            return None
        return timedelta(seconds=rule.delay(attempts - 1))

    return wait


def _unforeseen(row_id: int, exc: Exception) -> DeliveryError:
    """An error no delivery path names: logged with its traceback, retried as usual."""
    log.exception("delivery %s failed unexpectedly", row_id)
    return DeliveryError(f"internal error: {type(exc).__name__}")


# In `stalled` once the mail relay did not finish a conversation in time: every mail
# goes through it, so no more mail is sent in this sweep.
RELAY = "smtp:"


def _send(
    repo: Repository,
    settings: ServiceSettings,
    row_id: int,
    lookup: SyncLookup,
    stalled: set[str],
    clock: SweepAllowance,
) -> None:
    """Send one row; `stalled`: webhook URLs, the relay (`RELAY`) and recipient
    domains whose mail exchangers were not known, that timed out earlier in this
    sweep (not asked again now; one that times out here joins them). `clock`: each
    receiver's time in this sweep; one that has used its share is `ReceiverBusy`."""
    owed = delivery(repo, row_id)
    if owed is None:
        raise DeliveryError("the change or the account's settings are gone", permanent=True)
    payload = build_payload(owed)
    event = payload["event_id"]
    if owed.channel == "webhook":
        if not owed.webhook_url or not owed.webhook_secret:
            raise DeliveryError("no webhook URL or secret set", permanent=True)
        if owed.webhook_url in stalled:
            raise DeliveryError("not sent: the receiver timed out earlier in this sweep")
        if clock.used_up(owed.webhook_url):
            raise ReceiverBusy("not sent: the receiver used its share of this sweep")
        # Judged again now: a URL saved before the operator tightened the rule.
        policy = WebhookPolicy.from_settings(settings)
        refused = policy.refusal(owed.webhook_url)
        if refused is not None:
            raise DeliveryError(refused, permanent=True)
        started = time.monotonic()
        try:
            post(
                owed.webhook_url,
                payload,
                owed.webhook_secret,
                event=event,
                delivery=str(row_id),
                timeout=settings.webhook_timeout,
                allow_private=policy.allow_private,
                allow_own_machine=policy.allow_own_machine,
                lookup=lookup,
                backends=policy.rule().backends,
            )
        except DeliveryError as exc:
            if isinstance(exc.__cause__, httpx.TimeoutException):
                stalled.add(owed.webhook_url)
            raise
        finally:
            clock.charge(owed.webhook_url, time.monotonic() - started)
    else:
        if not owed.email_to:
            raise DeliveryError("no e-mail address set", permanent=True)
        if RELAY in stalled:
            raise DeliveryError("not sent: the mail relay timed out earlier in this sweep")
        # A domain whose name servers gave no answer about its mail exchangers within
        # their budget (10 s) is not asked again in the sweep: one account's silent
        # domain, with many mails owed, spent every sweep's budget on its own rows.
        domain = "mail:" + owed.email_to.rpartition("@")[2].lower().rstrip(".")
        if domain in stalled:
            raise DeliveryError(
                "not sent: its mail exchangers were not known earlier in this sweep"
            )
        if clock.used_up(domain):
            raise ReceiverBusy("not sent: the domain used its share of this sweep")
        subject, text = mail_text(payload)
        started = time.monotonic()
        try:
            send_mail(settings, owed.email_to, subject, text, event)
        except RelayStalled:
            stalled.add(RELAY)
            raise
        except RouteStalled:
            stalled.add(domain)
            raise
        finally:
            # The domain's name servers (the exchanger check) may answer just inside
            # their budget each time: the domain has its share of the sweep too.
            clock.charge(domain, time.monotonic() - started)
