"""Webhook deliveries: the JSON body signed with HMAC-SHA256 under the account's secret.

Headers: ``X-Citeaudit-Signature: sha256=<hex>`` (of the exact body bytes),
``X-Citeaudit-Event`` (the change, the same for every account and retry) and
``X-Citeaudit-Delivery`` (the outbox row: receivers may drop a repeat of it).

A webhook URL is a stranger's input twice over: checked when it is saved
(`webhook_url_problem`: a URL httpx can send to, nothing that would only fail at
delivery), and checked again at delivery, where the address the name resolves to is
checked and then connected to (`links.pinned`: no second lookup for a DNS answer to
change in between).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import httpx

from citeaudit.links.pinned import SyncLookup, pinned_client, system_lookup
from citeaudit.links.safety import AddressRule, IPAddress, is_forbidden_address, is_refusal

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
    the name is resolved): an http(s) scheme, a host name whose labels DNS can carry
    (at most 63 bytes each, 253 in all) or a valid IP literal, a port from 1 to
    65535, no user name or password, no whitespace or control characters.
    """
    if len(url) > MAX_URL_LENGTH:
        return f"the URL is longer than {MAX_URL_LENGTH} characters"
    if any(ord(c) < 0x21 or 0x7F <= ord(c) < 0xA0 for c in url):
        return "the URL contains whitespace or control characters"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:  # "[::1" (unclosed bracket), port 99999, port "x"
        return f"the URL cannot be read ({exc})"
    if parts.scheme.lower() not in ("http", "https"):
        return "webhook_url must be an http(s) URL"
    if parts.username is not None or parts.password is not None:
        return "the URL must not carry a user name or password (the secret signs deliveries)"
    if port == 0:
        return "port 0 is not a port to send to"
    host = parts.hostname
    if not host:
        return "the URL has no host"
    problem = _host_problem(host)
    if problem is not None:
        return problem
    try:
        httpx.URL(url)
    except (httpx.InvalidURL, ValueError, UnicodeError) as exc:
        return f"the URL cannot be sent to ({exc})"
    return None


def _host_problem(host: str) -> str | None:
    if ":" in host:  # an IPv6 literal (urlsplit took the brackets off)
        try:
            ipaddress.IPv6Address(host.split("%", 1)[0])
        except ValueError:
            return f"'{host[:80]}' is not an IPv6 address"
        return None
    name = host.rstrip(".")
    if not name:
        return "the URL has no host"
    total = 0
    for label in name.split("."):
        try:
            encoded = label.encode("idna") if not label.isascii() else label.encode("ascii")
        except UnicodeError:
            return f"the host name label '{label[:80]}' cannot be encoded for DNS"
        if not 1 <= len(encoded) <= 63:
            return f"the host name has a label of {len(encoded)} bytes (DNS allows 1 to 63)"
        total += len(encoded) + 1
    if total - 1 > 253:
        return "the host name is longer than 253 bytes"
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
    lookup: SyncLookup = system_lookup,
    forbidden: Callable[[IPAddress], bool] = is_forbidden_address,
) -> None:
    """Send one delivery, or raise `DeliveryError` (never anything else).

    `lookup` and `forbidden` are the name resolver and the address rule (tests stand
    in for a DNS server that changes its answer).
    """
    problem = webhook_url_problem(url)
    if problem is not None:
        raise DeliveryError(f"invalid webhook URL: {problem}", permanent=True)
    body = body_bytes(payload)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "citeaudit-webhook",
        SIGNATURE_HEADER: sign(secret, body),
        EVENT_HEADER: event,
        DELIVERY_HEADER: delivery,
    }
    rule = AddressRule(allow_private=allow_private, forbidden=forbidden)
    try:
        with pinned_client(rule, timeout=timeout, lookup=lookup) as client:
            response = client.post(url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        if is_refusal(exc):
            host = urlsplit(url).hostname or ""
            raise DeliveryError(f"{host} is a private address", permanent=True) from exc
        raise DeliveryError(f"{type(exc).__name__}: {exc}") from exc
    except (ValueError, UnicodeError) as exc:  # anything the URL check let through
        raise DeliveryError(f"invalid webhook URL: {exc}", permanent=True) from exc
    if not 200 <= response.status_code < 300:
        raise DeliveryError(
            f"HTTP {response.status_code}", permanent=response.status_code in (400, 404, 410)
        )
