"""E-mail deliveries through the configured SMTP server (plain, or STARTTLS).

STARTTLS verifies the server's certificate and name against the one trust store every
client of ours uses (`links.tls`): ``smtplib``'s own default context verifies nothing,
so anyone on the path could have answered the STARTTLS and read the SMTP password
from the AUTH that follows.
"""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

from citeaudit.links.tls import default_ssl_context
from citeaudit.settings import ServiceSettings
from citeaudit.watch.webhook import DeliveryError


def send_mail(settings: ServiceSettings, to: str, subject: str, text: str, event: str) -> None:
    if not settings.smtp_host:
        raise DeliveryError("no SMTP server configured (CITEAUDIT_SMTP_HOST)", permanent=True)
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = to
    message["Subject"] = subject
    message["X-Citeaudit-Event"] = event
    message.set_content(text)
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=30) as smtp:
            if settings.smtp_starttls:
                smtp.starttls(context=default_ssl_context())
            if settings.smtp_user and settings.smtp_password:
                smtp.login(settings.smtp_user, settings.smtp_password)
            smtp.send_message(message)
    except smtplib.SMTPRecipientsRefused as exc:
        raise DeliveryError(f"recipient refused: {exc}", permanent=True) from exc
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(f"SMTP: {type(exc).__name__}: {exc}") from exc
