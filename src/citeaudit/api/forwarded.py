"""Whether the browser reached the service over https, behind a TLS proxy too.

The README's deployment puts a TLS reverse proxy in front of ``citeaudit serve``; it
reaches the container from the bridge's address, whose ``X-Forwarded-Proto`` uvicorn
does not believe, so the request's own scheme says ``http``. What depends on https
here only makes an answer stricter (a cookie's ``Secure``, an HSTS header a browser
ignores over plain http), so a client forging the header harms no one but itself.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["browser_on_https"]


def browser_on_https(scheme: str, headers: Mapping[str, str]) -> bool:
    """True for an https request, or one whose proxy says so: the first
    ``X-Forwarded-Proto`` value, or the first ``Forwarded`` element's ``proto``.
    `headers` has lower-case names."""
    if scheme == "https":
        return True
    proto = headers.get("x-forwarded-proto", "").split(",", 1)[0]
    if proto.strip().lower() == "https":
        return True
    first = headers.get("forwarded", "").split(",", 1)[0]
    for pair in first.split(";"):
        name, _, value = pair.partition("=")
        if name.strip().lower() == "proto" and value.strip().strip('"').lower() == "https":
            return True
    return False
