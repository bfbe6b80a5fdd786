"""E-mail deliveries through the configured SMTP server (plain, or STARTTLS).

STARTTLS verifies the server's certificate and name against the one trust store every
client of ours uses (`links.tls`), or against `CITEAUDIT_SMTP_CA_FILE` when the relay's
certificate comes from a private CA: ``smtplib``'s own default context verifies
nothing, so anyone on the path could have answered the STARTTLS and read the SMTP
password from the AUTH that follows. Without STARTTLS the password is never sent
unless `smtp_allow_plain_auth` says the path is trusted (the settings refuse to start
otherwise; checked here again for settings built by hand).
"""

from __future__ import annotations

import functools
import smtplib
import ssl
from email.message import EmailMessage
from pathlib import Path

from citeaudit.links.tls import default_ssl_context
from citeaudit.settings import ServiceSettings
from citeaudit.watch.webhook import DeliveryError


@functools.cache
def _ca_context(ca_file: Path) -> ssl.SSLContext:
    """A verifying context (certificate and host name) trusting only `ca_file`."""
    return ssl.create_default_context(cafile=str(ca_file))


def smtp_tls_context(settings: ServiceSettings) -> ssl.SSLContext:
    if settings.smtp_ca_file is not None:
        return _ca_context(settings.smtp_ca_file)
    return default_ssl_context()


def send_mail(settings: ServiceSettings, to: str, subject: str, text: str, event: str) -> None:
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
    message["Subject"] = subject
    message["X-Citeaudit-Event"] = event
    message.set_content(text)
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=30) as smtp:
            if settings.smtp_starttls:
                smtp.starttls(context=smtp_tls_context(settings))
            if login:
                assert settings.smtp_user is not None and settings.smtp_password is not None
                smtp.login(settings.smtp_user, settings.smtp_password)
            smtp.send_message(message)
    except smtplib.SMTPRecipientsRefused as exc:
        raise DeliveryError(f"recipient refused: {exc}", permanent=True) from exc
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(f"SMTP: {type(exc).__name__}: {exc}") from exc
