"""The one judgement of a redirect's Location, for every client that follows redirects
itself: the registries (httpx, and httpx2 inside habanero) and the link checker's
trusted client (the DOI resolver, the archive, the reachability probe).

A client reads a Location in its own way, before anything else, even where it will not
follow it: httpx raises `InvalidURL` -- not an HTTP error, so past every caller's
``except httpx.HTTPError`` -- for one it cannot read, and for a scheme with no host
(``javascript:alert(1)``, ``mailto:a@b``, ``data:,x``, ``http:page``), which it tries
to give the request's host. Where a redirect is followed, a host that names a
forbidden address in any reading is a refusal (`AddressRule.redirect_refusal`), a
scheme other than http(s) is not one we speak; anything the client could not read
is a protocol error of that hop. Judged here before the client reads it, each is the
client's own HTTP error, the same for every client.

A followed Location also meets the link checker's own URL rules (`targets.url_problem`:
a port from 1 to 65535, no whitespace or control characters, a host DNS can carry),
before any name in it is looked up: ``http://host:0/`` or ``http://host:99999/`` was
looked up and connected to by the registry clients, which a link's hop never is. A
Location not followed for any of these reasons is raised with `RedirectNotFollowed`
as its cause, so the registries read it as that request's failure, never as the
registry being unreachable (`resolve.sending.failure_from`).
"""

from __future__ import annotations

from types import ModuleType
from typing import Any
from urllib.parse import urljoin, urlsplit

from citeaudit.links.safety import AddressRule, PrivateAddressRefused
from citeaudit.links.targets import MAX_URL_LENGTH, url_problem, url_too_long

__all__ = ["RedirectNotFollowed", "judge_location"]


class RedirectNotFollowed(Exception):
    """The cause of a client's error for a Location it did not follow: `reason` says
    why, in words a report may show (no address, nothing the hop answered)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def judge_location(rule: AddressRule, lib: ModuleType, response: Any, following: bool) -> None:
    """Raise `lib`'s HTTP error for a redirect `response` whose Location may not be
    followed (`following`) or read; nothing for any other answer.

    `lib` is the client's HTTP library (httpx or httpx2): its exception classes, and
    its URL class, whose reading is the one the client will follow.
    """
    location = response.headers.get("location")
    if not 300 <= response.status_code < 400 or location is None:
        return
    if url_too_long(location):
        # Never read as a URL (`targets.MAX_URL_LENGTH`: each reading costs its
        # length in Python, and httpx reads a Location to build the next request
        # whether it follows it or not). Not followed; where the client does not
        # follow, the answer is its status, with no Location to read.
        if following:
            why = RedirectNotFollowed(
                f"a redirect to a URL longer than {MAX_URL_LENGTH} characters"
            )
            raise lib.UnsupportedProtocol(why.reason) from why
        del response.headers["location"]
        return
    try:
        target = urljoin(str(response.request.url), location.strip())
    except ValueError as exc:
        why = RedirectNotFollowed("a redirect to a location that cannot be read")
        raise lib.RemoteProtocolError(f"unreadable redirect location: {exc}") from why
    if following:  # a redirect not followed is an answer like any other
        address = rule.redirect_refusal(target, location)
        if address is not None:
            refusal = PrivateAddressRefused(urlsplit(target).hostname or "?", address)
            raise lib.ConnectError(str(refusal)) from refusal
        if urlsplit(target).scheme.lower() not in ("http", "https"):
            why = RedirectNotFollowed("a redirect to a scheme other than http(s)")
            raise lib.UnsupportedProtocol(why.reason) from why
        problem = url_problem(target)
        if problem is not None:  # the link checker's rule for every hop (`Fetcher._chain`)
            # The reason is ours alone: `problem` quotes the stranger's host.
            why = RedirectNotFollowed("a redirect to a URL that cannot be requested")
            raise lib.UnsupportedProtocol(f"{why.reason}: {problem}") from why
    try:
        lib.URL(target).host  # noqa: B018 - decodes IDNA labels
        # The client's own reading: a scheme without a host is given the request's
        # host, which fails for a path without a leading slash ("http:page").
        url = lib.URL(location)
        if url.scheme and not url.host:
            url.copy_with(host=response.request.url.host)
    except (lib.InvalidURL, ValueError, UnicodeError) as exc:
        why = RedirectNotFollowed("a redirect to a location that cannot be read")
        raise lib.RemoteProtocolError(f"unreadable redirect location: {exc}") from why
