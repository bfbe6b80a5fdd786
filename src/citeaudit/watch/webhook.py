"""Webhook deliveries: the JSON body signed with HMAC-SHA256 under the account's secret.

Headers: ``X-Citeaudit-Signature: sha256=<hex>`` (of the exact body bytes),
``X-Citeaudit-Event`` (the change, the same for every account and retry) and
``X-Citeaudit-Delivery`` (the outbox row: receivers may drop a repeat of it).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import socket
from typing import Any
from urllib.parse import urlsplit

import httpx

from citeaudit.links.safety import is_forbidden_address

SIGNATURE_HEADER = "X-Citeaudit-Signature"
EVENT_HEADER = "X-Citeaudit-Event"
DELIVERY_HEADER = "X-Citeaudit-Delivery"


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


def check_target(url: str, *, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise DeliveryError(f"not an http(s) URL: {url[:100]}", permanent=True)
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise DeliveryError(f"cannot resolve {parts.hostname}: {exc}") from exc
    for info in infos:
        if is_forbidden_address(ipaddress.ip_address(info[4][0])):
            raise DeliveryError(f"{parts.hostname} is a private address", permanent=True)


def post(
    url: str,
    payload: dict[str, Any],
    secret: str,
    *,
    event: str,
    delivery: str,
    timeout: float,
    allow_private: bool,
) -> None:
    check_target(url, allow_private=allow_private)
    body = body_bytes(payload)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "citeaudit-webhook",
        SIGNATURE_HEADER: sign(secret, body),
        EVENT_HEADER: event,
        DELIVERY_HEADER: delivery,
    }
    try:
        response = httpx.post(
            url, content=body, headers=headers, timeout=timeout, follow_redirects=False
        )
    except httpx.HTTPError as exc:
        raise DeliveryError(f"{type(exc).__name__}: {exc}") from exc
    if not 200 <= response.status_code < 300:
        raise DeliveryError(
            f"HTTP {response.status_code}", permanent=response.status_code in (400, 404, 410)
        )
