"""Cookies of one redirect chain, and none in the shared client.

Some sites set a cookie and redirect back to the same page (a consent or session
check); following the chain needs that cookie, and telling such a chain from a loop
needs to know which cookies it holds. Nothing is kept beyond the chain: the shared
client's jar refuses everything, so one link's cookies never reach another's request.
"""

from __future__ import annotations

import http.cookiejar
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from citeaudit.links.transport import RawHeaders

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


# What one chain keeps: RFC 6265's least a browser must keep for one domain (50
# cookies of 4,096 bytes each), far more than a consent or session check sets. Before,
# a chain kept every cookie each hop set: eleven hops of 500 Set-Cookie lines each
# (aiohttp reads 512 lines a head) cost the link checker's event loop -- every link of
# the phase -- about 1.9 s of CPU for one link (each hop parsed its cookies through a
# mail message of the whole head, and sent, and sorted for loop detection, every
# cookie of the hops before).
MAX_CHAIN_COOKIES = 50
MAX_COOKIE_BYTES = 4096


class ChainCookies:
    """The cookies one redirect chain was given; the jar is made for the first one.

    At most `MAX_CHAIN_COOKIES`, each set by a header of at most `MAX_COOKIE_BYTES`:
    an answer's further Set-Cookie headers are not read, and a cookie that would pass
    the count is not kept (one replacing a kept cookie is)."""

    __slots__ = ("jar",)

    def __init__(self) -> None:
        self.jar: httpx.Cookies | None = None

    def take(self, status: int, raw_headers: RawHeaders, method: str, url: httpx.URL) -> None:
        """Keep the cookies an answer (`status`, `raw_headers`) to `method` `url` sets."""
        setting = []
        for field, value in raw_headers:
            if field.lower() == b"set-cookie" and len(value) <= MAX_COOKIE_BYTES:
                setting.append((field, value))
                if len(setting) == MAX_CHAIN_COOKIES:
                    break
        if not setting:
            return
        if self.jar is None:
            self.jar = httpx.Cookies()
        kept = {_key(c) for c in self.jar.jar}
        self.jar.extract_cookies(
            httpx.Response(status, headers=setting, request=httpx.Request(method, url))
        )
        new = sorted(k for k in (_key(c) for c in self.jar.jar) if k not in kept)
        for domain, path, name in new[max(0, MAX_CHAIN_COOKIES - len(kept)) :]:
            self.jar.jar.clear(domain, path, name)


def _key(cookie: http.cookiejar.Cookie) -> tuple[str, str, str]:
    return cookie.domain, cookie.path, cookie.name


def cookie_state(cookies: ChainCookies) -> tuple[tuple[str, str, str], ...]:
    """What makes the same URL a new request: the chain's cookies (domain, name, value)."""
    if cookies.jar is None or not cookies.jar.jar:
        return ()
    return tuple(sorted((c.domain, c.name, c.value or "") for c in cookies.jar.jar))
