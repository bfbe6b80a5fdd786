"""Where an account's notifications go: a webhook URL and its secret, an e-mail address.

The values are checked here (a webhook URL by the operator's `WebhookPolicy`: public
https unless the operator allows more; an address an address); the store keeps them.
"""

from __future__ import annotations

from citeaudit.store.repository import Repository
from citeaudit.store.watching.notify_settings import (
    UNSET,
    get_notify_settings,
    rotate_secret,
    save_notify_settings,
)
from citeaudit.store.watching.records import AccountNotifySettings, WatchError
from citeaudit.watch.mail_address import mail_address_problem
from citeaudit.watch.webhook_policy import WebhookPolicy

__all__ = ["get_notify_settings", "rotate_secret", "set_notify_settings"]

# The rule when the caller names none: no private destinations, no plain http.
STRICT = WebhookPolicy()


def set_notify_settings(
    repo: Repository,
    account: int,
    *,
    webhook_url: str | object | None = UNSET,
    email_to: str | object | None = UNSET,
    policy: WebhookPolicy = STRICT,
) -> tuple[AccountNotifySettings, str | None]:
    """Update what is given (None clears it). Returns the settings and, when a webhook
    was set for an account without a secret, the new secret (shown once).

    `policy`: the operator's rule for webhook URLs (`WebhookPolicy.from_settings`); the
    default refuses private destinations and plain http."""
    if isinstance(webhook_url, str):
        problem = policy.refusal(webhook_url)
        if problem is not None:
            raise WatchError(f"webhook_url: {problem}")
    if isinstance(email_to, str):
        if mail_address_problem(email_to) is not None:
            raise WatchError("email must be an e-mail address")
        refused = policy.mail_refusal(email_to)
        if refused is not None:
            raise WatchError(f"email: {refused}")
    return save_notify_settings(repo, account, webhook_url=webhook_url, email_to=email_to)
