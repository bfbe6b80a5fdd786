"""STARTTLS to the mail server verifies its certificate before the password is sent.

``smtplib.SMTP.starttls()`` without a context uses an unverifying one (CERT_NONE, no
host name check): anyone on the path to the configured mail server could answer the
STARTTLS with a certificate of their own and read CITEAUDIT_SMTP_USER and
CITEAUDIT_SMTP_PASSWORD from the AUTH that follows. The mailer now hands it the one
verifying context every client of ours uses (`links.tls`). The stand-in here is a
real SMTP server on loopback (aiosmtpd) with a self-signed certificate: it must never
see an AUTH command.
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

from citeaudit.settings import ServiceSettings
from citeaudit.watch.mailer import send_mail
from citeaudit.watch.webhook import DeliveryError


class _Inbox:
    def __init__(self) -> None:
        self.auth: list[str] = []
        self.messages = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages += 1
        return "250 OK"

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        self.auth.append(mechanism)
        return AuthResult(success=True)


@pytest.fixture
def impostor(tmp_path: Path) -> Iterator[tuple[Controller, _Inbox]]:
    """A mail server offering STARTTLS with a certificate nobody vouches for."""
    if shutil.which("openssl") is None:
        pytest.skip("no openssl command to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = _Inbox()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        tls_context=context,
        require_starttls=True,
        authenticator=inbox.authenticate,
        auth_require_tls=True,
    )
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()


def test_the_password_is_not_sent_to_a_server_whose_certificate_is_not_verified(
    impostor: tuple[Controller, _Inbox],
) -> None:
    controller, inbox = impostor
    settings = ServiceSettings(
        smtp_host="127.0.0.1",
        smtp_port=controller.port,
        smtp_starttls=True,
        smtp_user="mailer",
        smtp_password="the-secret",
    )
    with pytest.raises(DeliveryError):
        send_mail(settings, "editor@example.org", "subject", "text", "event")
    assert inbox.auth == []
    assert inbox.messages == 0
