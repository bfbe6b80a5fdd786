"""A URL's scheme, read as RFC 3986 says: without regard to case.

``HTTP://example.org/`` is the same URL as ``http://example.org/`` (RFC 3986, 3.1), and
every client we send through reads it so. A test written ``url.startswith("http://")``
did not: a DOI's handle record whose URL was ``HTTP://...`` was taken for no web URL,
the DOI reported "doi-registered" and its landing page never asked. Every test of a
scheme in the link checker goes through here.
"""

from __future__ import annotations

__all__ = ["WEB_SCHEMES", "default_port", "is_web_url", "web_scheme"]

WEB_SCHEMES = ("http", "https")


def web_scheme(url: str) -> str | None:
    """``"http"`` or ``"https"`` when `url` opens with that scheme in any case, else None."""
    scheme, colon, _ = url.partition(":")
    if not colon:
        return None
    scheme = scheme.lower()
    return scheme if scheme in WEB_SCHEMES else None


def is_web_url(url: str) -> bool:
    """`url` is an http(s) URL by its scheme, ``//`` after it (``http:foo`` is not one)."""
    scheme = web_scheme(url)
    return scheme is not None and url[len(scheme) + 1 :].startswith("//")


def default_port(scheme: str) -> int:
    """The port a URL of `scheme` (any case) connects to when it names none."""
    return 443 if scheme.lower() == "https" else 80
