"""Which webhook URLs the operator lets accounts send notifications to.

A webhook is the one request an account holder aims wherever they like, with audit
data in it. Its rule is its own, not the link checks': an operator who lets link
checks reach private networks (`CITEAUDIT_ALLOW_PRIVATE_NETWORKS`, an intranet
journal's links) has not said that any account may post into that network. So:

* private and local-only destinations are refused unless
  `CITEAUDIT_WEBHOOK_ALLOW_PRIVATE_NETWORKS` says otherwise (metadata services and
  link-local addresses stay refused even then, as for links; and so does this machine
  -- loopback, our own interfaces' addresses -- unless
  `CITEAUDIT_WEBHOOK_ALLOW_OWN_MACHINE` names it too: allowing an intranet's receivers
  let any account POST its payload to the service's own admin port on 127.0.0.1);
* the same for an e-mail address's domain, where the relay delivers (`mail_refusal`);
* plain ``http://`` is refused unless `CITEAUDIT_WEBHOOK_ALLOW_HTTP` says otherwise:
  a delivery carries the audit's findings and URLs, readable on the path in clear.

The rule is applied when a URL is saved (API) and again at every delivery, so a URL
saved before the operator tightened it is refused when sending, not sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from citeaudit.links.backends import Backend, backends_of, service_backends
from citeaudit.links.safety import AddressRule
from citeaudit.settings import ServiceSettings
from citeaudit.watch.webhook import webhook_url_problem


@dataclass(frozen=True, slots=True)
class WebhookPolicy:
    """The operator's rule for webhook destinations; the default refuses both."""

    allow_private: bool = False
    allow_http: bool = False
    allow_own_machine: bool = False  # only where `allow_private` is set
    # The service's own Redis, broker, database and mail relay (`links.backends`):
    # never a destination, whatever the two above say.
    backends: tuple[Backend, ...] = ()

    @classmethod
    def from_settings(cls, settings: ServiceSettings) -> WebhookPolicy:
        own = getattr(settings, "webhook_allow_own_machine", False)
        return cls(
            allow_private=settings.webhook_allow_private_networks,
            allow_http=settings.webhook_allow_http,
            allow_own_machine=own is True,
            backends=backends_of(settings),
        )

    def refusal(self, url: str) -> str | None:
        """Why `url` may not receive webhooks, or None. Judged from the URL alone:
        its form (`webhook_url_problem`), its scheme, and an address its host names
        by itself in any spelling; where a name resolves is judged at each delivery
        (`webhook.post`, with `allow_private`)."""
        said: list[str] = []
        address = self.rule().url_refusal(url)
        if address is not None:
            said.append(f"{address} is a private address")
        problem = webhook_url_problem(url)
        if problem is not None:
            said.append(f"invalid webhook URL: {problem}")
        elif urlsplit(url).scheme.lower() == "http" and not self.allow_http:
            said.append(
                "plain http:// is refused (the delivery would carry audit data in clear); "
                "use https://"
            )
        return "; ".join(said) or None

    def rule(self) -> AddressRule:
        """The address rule of this policy's destinations (webhooks, mail)."""
        return AddressRule(
            allow_private=self.allow_private,
            allow_own_machine=self.allow_own_machine,
            backends=service_backends.including(self.backends),
        )

    def mail_refusal(self, address: str) -> str | None:
        """Why notifications may not be mailed to `address`, or None. Its domain is
        where the SMTP relay delivers: judged as a webhook's host is (an address in
        any spelling, a name only a local resolver answers), by the same setting --
        ``root@localhost`` or ``me@db.internal`` is the relay's own network."""
        refused = self.rule().mail_refusal(address)
        return None if refused is None else f"{refused} is a private destination"
