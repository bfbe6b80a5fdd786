"""The SMTP password never crosses the wire unencrypted, and a private CA can vouch for
the mail relay.

Before: with CITEAUDIT_SMTP_STARTTLS off (its default) and a user and password set,
the notifier logged in on the plain connection -- the first notification handed the
password to anyone on the path, silently. The settings now refuse to start that way
unless CITEAUDIT_SMTP_ALLOW_PLAIN_AUTH says the path is trusted, and the mailer
refuses it again for settings built by hand. And a relay with a certificate of a
private CA could not be used with STARTTLS at all (only the public store was
trusted): CITEAUDIT_SMTP_CA_FILE names the CA bundle. The stand-ins are real SMTP
servers on loopback (aiosmtpd); the CA and certificate are made by the test.
"""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from pydantic import ValidationError

from citeaudit.settings import ServiceSettings
from citeaudit.watch.mailer import send_mail
from citeaudit.watch.webhook import DeliveryError


class _Inbox:
    def __init__(self) -> None:
        self.auth: list[bytes] = []
        self.messages = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages += 1
        return "250 OK"

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        self.auth.append(getattr(data, "password", b""))
        return AuthResult(success=True)


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _openssl(*args: str) -> None:
    subprocess.run(["openssl", *args], check=True, capture_output=True)


@pytest.fixture(scope="module")
def private_ca(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """A CA of the test's own, and a server certificate for 127.0.0.1 it signed."""
    if shutil.which("openssl") is None:
        pytest.skip("no openssl command to make a test certificate")
    d = tmp_path_factory.mktemp("ca")
    ca_key, ca, key, csr, cert = (d / n for n in ("ca.key", "ca.pem", "k.pem", "r.csr", "c.pem"))
    ext = d / "ext.cnf"
    ext.write_text("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n")
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=Test Mail CA",
             "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign",
             "-keyout", str(ca_key), "-out", str(ca), "-days", "2")  # fmt: skip
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
             "-keyout", str(key), "-out", str(csr))  # fmt: skip
    _openssl("x509", "-req", "-in", str(csr), "-CA", str(ca), "-CAkey", str(ca_key),
             "-CAcreateserial", "-out", str(cert), "-days", "2", "-extfile", str(ext))  # fmt: skip
    return ca, cert, key


def _server(inbox: _Inbox, context: ssl.SSLContext | None) -> Controller:
    kwargs: dict[str, Any] = {}
    if context is not None:
        kwargs = {"tls_context": context, "require_starttls": True, "auth_require_tls": True}
    else:
        kwargs = {"auth_require_tls": False}
    return Controller(
        inbox,
        hostname="127.0.0.1",
        port=_port(),
        authenticator=inbox.authenticate,
        **kwargs,
    )


@pytest.fixture
def plain_server() -> Iterator[tuple[Controller, _Inbox]]:
    """A mail server that takes AUTH on a plain connection (as many relays will)."""
    inbox = _Inbox()
    controller = _server(inbox, None)
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()


@pytest.fixture
def private_server(
    private_ca: tuple[Path, Path, Path],
) -> Iterator[tuple[Controller, _Inbox]]:
    """A mail server offering STARTTLS with a certificate of the private CA."""
    _, cert, key = private_ca
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    inbox = _Inbox()
    controller = _server(inbox, context)
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()


def test_a_password_without_starttls_is_a_configuration_error_at_start() -> None:
    with pytest.raises(ValidationError, match="SMTP_STARTTLS"):
        ServiceSettings(smtp_host="mail.example.org", smtp_user="u", smtp_password="p")
    # Said explicitly, it is allowed; TLS, or no password, needs no such word.
    assert ServiceSettings(
        smtp_host="127.0.0.1", smtp_user="u", smtp_password="p", smtp_allow_plain_auth=True
    ).smtp_allow_plain_auth
    ServiceSettings(smtp_host="mail.example.org", smtp_user="u", smtp_password="p",
                    smtp_starttls=True)  # fmt: skip
    ServiceSettings(smtp_host="mail.example.org")


def test_the_mailer_never_sends_the_password_on_a_plain_connection(
    plain_server: tuple[Controller, _Inbox],
) -> None:
    controller, inbox = plain_server
    # Settings built past validation (as a test or a caller might): refused again.
    settings = ServiceSettings.model_construct(
        **{
            **ServiceSettings().model_dump(),
            "smtp_host": "127.0.0.1",
            "smtp_port": controller.port,
            "smtp_user": "mailer",
            "smtp_password": "the-secret",
        }
    )
    with pytest.raises(DeliveryError) as caught:
        send_mail(settings, "editor@example.org", "subject", "text", "event")
    assert caught.value.permanent
    assert inbox.auth == [] and inbox.messages == 0

    trusted = settings.model_copy(update={"smtp_allow_plain_auth": True})
    send_mail(trusted, "editor@example.org", "subject", "text", "event")
    assert inbox.auth == [b"the-secret"] and inbox.messages == 1


def test_a_private_ca_file_vouches_for_the_relay(
    private_ca: tuple[Path, Path, Path], private_server: tuple[Controller, _Inbox]
) -> None:
    ca, _, _ = private_ca
    controller, inbox = private_server
    common = {
        "smtp_host": "127.0.0.1",
        "smtp_port": controller.port,
        "smtp_starttls": True,
        "smtp_user": "mailer",
        "smtp_password": "the-secret",
    }
    # The public store does not know the private CA: nothing is sent.
    with pytest.raises(DeliveryError):
        send_mail(ServiceSettings(**common), "editor@example.org", "s", "text", "event")
    assert inbox.auth == [] and inbox.messages == 0

    settings = ServiceSettings(**common, smtp_ca_file=ca)
    send_mail(settings, "editor@example.org", "subject", "text", "event")
    assert inbox.auth == [b"the-secret"] and inbox.messages == 1
