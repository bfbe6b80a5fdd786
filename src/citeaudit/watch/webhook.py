"""Webhook deliveries: the JSON body signed with HMAC-SHA256 under the account's secret.

Headers: ``X-Citeaudit-Signature: sha256=<hex>`` (of the exact body bytes),
``X-Citeaudit-Event`` (the change, the same for every account and retry) and
``X-Citeaudit-Delivery`` (the outbox row: receivers may drop a repeat of it).

A webhook URL is a stranger's input twice over: checked when it is saved
(`webhook_url_problem`: a URL httpx can send to, nothing that would only fail at
delivery; and the operator's `webhook_policy`: https and public unless allowed), and
checked again at delivery (the policy first, by the caller), where the address the
name resolves to is checked and then connected to (`links.pinned`: no second lookup
for a DNS answer to change in between). A host that names a private address itself, in any spelling
(``127.1``, ``0177.0.0.1``, ``localhost.``), is refused as one before anything else.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import httpx

from citeaudit.links.backends import BackendAddresses, service_backends
from citeaudit.links.pinned import SyncLookup, pinned_client, system_lookup
from citeaudit.links.safety import AddressRule, IPAddress, is_forbidden_address, is_refusal
from citeaudit.links.targets import url_problem

SIGNATURE_HEADER = "X-Citeaudit-Signature"
EVENT_HEADER = "X-Citeaudit-Event"
DELIVERY_HEADER = "X-Citeaudit-Delivery"
MAX_URL_LENGTH = 2000


class DeliveryError(Exception):
    """A delivery that did not happen; `permanent` ones are not retried."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


def body_bytes(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, signature: str) -> bool:
    return hmac.compare_digest(sign(secret, body), signature)


def webhook_url_problem(url: str) -> str | None:
    """What makes `url` unusable as a webhook, or None when it can be sent to.

    Only the URL's form is judged here (its address is judged at each delivery, when
    the name is resolved): what any requested URL needs (`url_problem`), at most
    `MAX_URL_LENGTH` characters, and no user name or password (the secret signs
    deliveries; credentials in the URL would be stored and shown back).
    """
    if len(url) > MAX_URL_LENGTH:
        return f"the URL is longer than {MAX_URL_LENGTH} characters"
    problem = url_problem(url)
    if problem is not None:
        return problem
    parts = urlsplit(url)
    if parts.username is not None or parts.password is not None:
        return "the URL must not carry a user name or password"
    return None


def post(
    url: str,
    payload: dict[str, Any],
    secret: str,
    *,
    event: str,
    delivery: str,
    timeout: float,
    allow_private: bool,
    allow_own_machine: bool = False,
    lookup: SyncLookup = system_lookup,
    forbidden: Callable[[IPAddress], bool] = is_forbidden_address,
    backends: BackendAddresses | None = None,
) -> None:
    """Send one delivery, or raise `DeliveryError` (never anything else).

    `allow_private` lets the delivery reach private networks (metadata services
    never); this machine itself (loopback, our own interfaces' addresses) only with
    `allow_own_machine` as well (`WebhookPolicy.allow_own_machine`).

    `lookup` and `forbidden` are the name resolver and the address rule (tests stand
    in for a DNS server that changes its answer). `backends`: the service's own, never
    a destination (`WebhookPolicy.rule`; the environment's when None).
    """
    rule = AddressRule(
        allow_private=allow_private,
        forbidden=forbidden,
        allow_own_machine=allow_own_machine,
        backends=backends if backends is not None else service_backends,
    )
    # "http://0177.0.0.1/": a private address, however written -- and a URL may be
    # both (a metadata address with a port past 65535): the error says each.
    address = rule.url_refusal(url)
    problem = webhook_url_problem(url)
    if address is not None or problem is not None:
        said = [f"{address} is a private address"] if address is not None else []
        said += [f"invalid webhook URL: {problem}"] if problem is not None else []
        raise DeliveryError("; ".join(said), permanent=True)
    body = body_bytes(payload)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "citeaudit-webhook",
        SIGNATURE_HEADER: sign(secret, body),
        EVENT_HEADER: event,
        DELIVERY_HEADER: delivery,
    }
    try:
        # The receiver's answer is its status alone: its body is never read (a
        # stranger's server could send gigabytes), and the whole exchange has a
        # deadline (it could send its headers a byte at a time).
        with (
            pinned_client(rule, timeout=timeout, lookup=lookup, deadline=2 * timeout) as client,
            client.stream("POST", url, content=body, headers=headers) as response,
        ):
            status = response.status_code
    except httpx.HTTPError as exc:
        if is_refusal(exc):
            host = urlsplit(url).hostname or ""
            raise DeliveryError(f"{host} is a private address", permanent=True) from exc
        raise DeliveryError(f"{type(exc).__name__}: {exc}") from exc
    except (ValueError, UnicodeError) as exc:  # anything the URL check let through
        raise DeliveryError(f"invalid webhook URL: {exc}", permanent=True) from exc
    if not 200 <= status < 300:
        raise DeliveryError(f"HTTP {status}", permanent=status in (400, 404, 410))
