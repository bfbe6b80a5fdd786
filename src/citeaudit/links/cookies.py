"""Cookies of one redirect chain, and none in the shared client.

Some sites set a cookie and redirect back to the same page (a consent or session
check); following the chain needs that cookie, and telling such a chain from a loop
needs to know which cookies it holds. Nothing is kept beyond the chain: the shared
client's jar refuses everything, so one link's cookies never reach another's request.
"""

from __future__ import annotations

import http.cookiejar

import httpx

__all__ = ["ChainCookies", "NoJar", "cookie_state", "no_jar"]


class NoJar(http.cookiejar.CookieJar):
    """The shared client's jar: keeps nothing (a chain's cookies live in `ChainCookies`).

    The client hands every response to its jar; refusing each cookie by policy still
    builds a mail message of the headers per response, so nothing is looked at here.
    """

    def extract_cookies(self, response: object, request: object) -> None:
        return None

    def add_cookie_header(self, request: object) -> None:
        return None


class _NoCookies:
    """A cookie policy refusing every cookie: the client's own jar stays empty."""

    netscape = True
    rfc2965 = False
    hide_cookie2 = True

    def set_ok(self, cookie: object, request: object) -> bool:
        return False

    def return_ok(self, cookie: object, request: object) -> bool:
        return False

    def domain_return_ok(self, domain: str, request: object) -> bool:
        return False

    def path_return_ok(self, path: str, request: object) -> bool:
        return False


def no_jar() -> NoJar:
    return NoJar(policy=_NoCookies())  # type: ignore[arg-type]


class ChainCookies:
    """The cookies one redirect chain was given; the jar is made for the first one."""

    __slots__ = ("jar",)

    def __init__(self) -> None:
        self.jar: httpx.Cookies | None = None


def cookie_state(cookies: ChainCookies) -> tuple[tuple[str, str, str], ...]:
    """What makes the same URL a new request: the chain's cookies (domain, name, value)."""
    if cookies.jar is None or not cookies.jar.jar:
        return ()
    return tuple(sorted((c.domain, c.name, c.value or "") for c in cookies.jar.jar))
