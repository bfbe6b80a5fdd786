"""E-mail deliveries through the configured SMTP server (plain, or STARTTLS).

STARTTLS verifies the server's certificate and name against the one trust store every
client of ours uses (`links.tls`), or against `CITEAUDIT_SMTP_CA_FILE` when the relay's
certificate comes from a private CA: ``smtplib``'s own default context verifies
nothing, so anyone on the path could have answered the STARTTLS and read the SMTP
password from the AUTH that follows. Without STARTTLS the password is never sent
unless `smtp_allow_plain_auth` says the path is trusted (the settings refuse to start
otherwise; checked here again for settings built by hand).

The recipient is the account's one address (`mail_address`), named to the server by
us: ``send_message`` would otherwise read the recipients from the ``To`` header, where
``root,me@example.org`` is two of them. Header values lose their control characters
(a watched link's URL is in the subject). The address's domain is where the relay
delivers, judged as a webhook's host is (`WebhookPolicy.mail_refusal`): never the
relay's own ``root@localhost`` or a machine of its network (``me@10.0.0.5``,
``me@db.internal``) unless the operator allows private destinations -- nor the hosts
DNS names as its mail exchangers (`mail_exchangers`: ``me@in.attacker.example`` whose
MX is ``db.internal.``), looked up at every delivery.

The whole conversation has a deadline (`MAIL_DEADLINE`):
``smtplib``'s timeout is per socket read, so a relay that sent its greeting as endless
``220-`` lines, or answered each command just inside the timeout, held the delivery
sweep past its budget and its task's time limit. At the deadline a watchdog shuts the
connection down (`_Watchdog`) and the delivery fails as `RelayStalled`.
"""

from __future__ import annotations

import contextlib
import functools
import re
import smtplib
import socket
import ssl
import threading
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

from citeaudit.links.tls import default_ssl_context
from citeaudit.settings import ServiceSettings
from citeaudit.watch.mail_address import mail_address_problem
from citeaudit.watch.mail_exchangers import RouteUnknown, exchanger_refusal
from citeaudit.watch.webhook import DeliveryError
from citeaudit.watch.webhook_policy import WebhookPolicy


@functools.cache
def _ca_context(ca_file: Path) -> ssl.SSLContext:
    """A verifying context (certificate and host name) trusting only `ca_file`."""
    return ssl.create_default_context(cafile=str(ca_file))


def smtp_tls_context(settings: ServiceSettings) -> ssl.SSLContext:
    if settings.smtp_ca_file is not None:
        return _ca_context(settings.smtp_ca_file)
    return default_ssl_context()


# Controls, line separators, and bidi embeddings, overrides and isolates.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+")


def _header(value: str) -> str:
    """`value` on one line: ``EmailMessage`` refuses a line break in a header (the
    delivery failed as an internal error), and no other control character belongs."""
    return _CONTROL.sub(" ", value)


def send_mail(settings: ServiceSettings, to: str, subject: str, text: str, event: str) -> None:
    """Send one notification through the relay, or raise `DeliveryError`: within the
    exchanger look-ups' budget and the conversation's deadline (`MAIL_DEADLINE`)."""
    problem = mail_address_problem(to)
    if problem is not None:  # saved before the check was strict, or set by hand
        raise DeliveryError(f"invalid e-mail address: {problem}", permanent=True)
    # Its domain is where the relay delivers: judged at every delivery, as a webhook's
    # host is (an address saved before the rule, or set by hand, sends to nobody).
    policy = WebhookPolicy.from_settings(settings)
    refused = policy.mail_refusal(to)
    if refused is not None:
        raise DeliveryError(refused, permanent=True)
    if settings.smtp_check_exchangers:
        _judge_exchangers(to, policy)
    if not settings.smtp_host:
        raise DeliveryError("no SMTP server configured (CITEAUDIT_SMTP_HOST)", permanent=True)
    login = bool(settings.smtp_user and settings.smtp_password)
    if login and not settings.smtp_starttls and not settings.smtp_allow_plain_auth:
        raise DeliveryError(
            "SMTP AUTH without STARTTLS would send the password unencrypted "
            "(CITEAUDIT_SMTP_STARTTLS, CITEAUDIT_SMTP_ALLOW_PLAIN_AUTH)",
            permanent=True,
        )
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = to
    message["Subject"] = _header(subject)
    message["X-Citeaudit-Event"] = _header(event)
    message.set_content(text)
    watchdog = _Watchdog(MAIL_DEADLINE)
    # Not connected yet: ``connect`` reads the greeting before it returns, so the
    # watchdog is handed the socket as it is made. ``connect`` leaves the name STARTTLS
    # verifies unset (the constructor would set it, and connect unwatched).
    smtp = smtplib.SMTP(timeout=SMTP_TIMEOUT)
    smtp._get_socket = watchdog.watching(smtp._get_socket)  # type: ignore[attr-defined]
    smtp._host = settings.smtp_host  # type: ignore[attr-defined]
    try:
        with watchdog, smtp:
            smtp.connect(settings.smtp_host, settings.smtp_port)
            if settings.smtp_starttls:
                smtp.starttls(context=smtp_tls_context(settings))
            if login:
                assert settings.smtp_user is not None and settings.smtp_password is not None
                smtp.login(settings.smtp_user, settings.smtp_password)
            smtp.send_message(message, to_addrs=[to])
    except smtplib.SMTPRecipientsRefused as exc:
        raise DeliveryError(f"recipient refused: {exc}", permanent=True) from exc
    except (smtplib.SMTPException, OSError) as exc:
        if watchdog.fired or isinstance(exc, TimeoutError):
            raise RelayStalled(
                f"SMTP: the relay took longer than its deadline ({MAIL_DEADLINE:.0f} s)"
            ) from exc
        raise DeliveryError(f"SMTP: {type(exc).__name__}: {exc}") from exc


SMTP_TIMEOUT = 30.0  # seconds of one socket operation with the relay
# The whole conversation, greeting to QUIT: with the exchangers' look-ups (10 s) one
# delivery started at the end of a sweep's budget (half the task's time limit, 60 s)
# still ends inside the task's limit (120 s).
MAIL_DEADLINE = 30.0


class RelayStalled(DeliveryError):
    """The relay did not finish the conversation in time: every mail goes through
    it, so the sweep sends no more mail this time (`notify`)."""


class RouteStalled(DeliveryError):
    """DNS gave no answer about the recipient domain's mail exchangers, within their
    budget: the sweep sends no more mail to that domain this time (`notify`)."""


class _Watchdog:
    """Shuts a connection down once `seconds` have passed: a blocked read then ends
    at once, however the relay paces its bytes. It holds its own duplicate of the
    socket (the same connection, STARTTLS or not), closed only after it is stopped,
    so it never shuts down a descriptor the process has reused since."""

    def __init__(self, seconds: float) -> None:
        self._held: socket.socket | None = None
        self._lock = threading.Lock()
        self.fired = False
        self._timer = threading.Timer(seconds, self._cut)
        self._timer.daemon = True

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def watching(
        self, connect: Callable[[str, int, float], socket.socket]
    ) -> Callable[[str, int, float], socket.socket]:
        """`connect` (``SMTP._get_socket``), its socket watched as soon as it is made."""

        def watched(host: str, port: int, timeout: float) -> socket.socket:
            sock = connect(host, port, timeout)
            with self._lock:
                self._held = sock.dup()
                fired = self.fired
            if fired:  # the deadline passed as the connection was made
                self._cut()
            return sock

        return watched

    def _cut(self) -> None:
        with self._lock:
            self.fired = True
            if self._held is not None:
                with contextlib.suppress(OSError):
                    self._held.shutdown(socket.SHUT_RDWR)

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        with self._lock:
            if self._held is not None:
                self._held.close()
                self._held = None


def _judge_exchangers(to: str, policy: WebhookPolicy) -> None:
    """Refuse `to` when a host its domain's DNS names for mail is a private destination
    (`mail_exchangers`); a name server with no answer for now: tried again later."""
    try:
        refused = exchanger_refusal(to.rpartition("@")[2], policy.rule())
    except RouteUnknown as exc:
        raise RouteStalled(f"mail exchangers not known for now: {exc}") from exc
    if refused is not None:
        raise DeliveryError(
            f"{refused} is a private destination (a mail exchanger of the address)",
            permanent=True,
        )
