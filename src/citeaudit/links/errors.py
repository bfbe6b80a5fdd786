"""The one place that turns httpx exceptions into link reasons.

Reasons (the `LinkCheck.reason` strings) for a request that got no HTTP answer::

    httpx.HTTPError
    +-- TimeoutException ............ "timeout"
    +-- ConnectError
    |   +-- NameNotResolved ......... "dns"               (safety.py raises it)
    |   +-- NameLookupFailed ........ "dns-unanswered"    (safety.py raises it)
    |   +-- PrivateAddressRefused ... "private-address"   (safety.py raises it)
    |   +-- refused (ECONNREFUSED) .. "connection-refused"
    |   +-- unreachable network ..... "network-unreachable"
    |   +-- SSL errors .............. "tls"
    |   +-- anything else ........... "connect"
    +-- ReadError / WriteError ...... "connection-reset" or "read"
    +-- RemoteProtocolError ......... "protocol"
    +-- DecodingError ............... "decoding"
    +-- TooManyRedirects ............ "too-many-redirects" (a client following them)
    +-- anything else ............... "http-error"

Whether a reason makes a link broken or only unverified is decided in verdict.py.

The registries' requests fail the same ways (through httpx, or httpx2 inside habanero
for Crossref: the same exception tree), so `resolve/sending.py` reads their failures
with `reason_for` too: one reading of what went wrong, for links and registries.
"""

from __future__ import annotations

import errno
import ssl
import sys
from collections.abc import Iterator

import httpx

from citeaudit.links.safety import NameLookupFailed, NameNotResolved, NonPublicAddress

DNS = "dns"
DNS_UNANSWERED = "dns-unanswered"
PRIVATE = "private-address"
REFUSED = "connection-refused"
UNREACHABLE = "network-unreachable"
TLS = "tls"
CONNECT = "connect"
TIMEOUT = "timeout"
RESET = "connection-reset"
READ = "read"
PROTOCOL = "protocol"
DECODING = "decoding"
OTHER = "http-error"
# A redirect chain past the client's bound (the trusted client's: the DOI resolver, the
# archive), in the link checker's own word for one (`fetch.Fetcher._chain`).
TOO_MANY_REDIRECTS = "too-many-redirects"

_UNREACHABLE_ERRNOS = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN, errno.EHOSTDOWN}
_RESET_ERRNOS = {errno.ECONNRESET, errno.EPIPE, errno.ECONNABORTED}


def causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception, its causes and contexts, and members of exception groups (links
    and registries: habanero re-raises transport errors wrapped)."""
    seen: set[int] = set()
    stack = [exc]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        if isinstance(current, BaseExceptionGroup):
            stack.extend(current.exceptions)
        for nxt in (current.__context__, current.__cause__):  # the cause is read first
            if nxt is not None:
                stack.append(nxt)


def _is(exc: BaseException, name: str) -> bool:
    """`exc` is httpx's or httpx2's exception class `name` (or a subclass).

    httpx2 is asked only once something has imported it (the registries' clients): no
    exception of its classes exists before its module does, and a link check that
    never sends through it does not load it."""
    second = sys.modules.get("httpx2")
    if second is None:
        return isinstance(exc, getattr(httpx, name))
    return isinstance(exc, (getattr(httpx, name), getattr(second, name)))


def is_request_error(exc: BaseException) -> bool:
    """A request that got no HTTP answer (not a status raised as an error)."""
    return _is(exc, "RequestError")


def is_connect_error(exc: BaseException) -> bool:
    return _is(exc, "ConnectError")


def is_timeout(exc: BaseException) -> bool:
    return _is(exc, "TimeoutException")


def is_dropped(exc: BaseException) -> bool:
    """The connection broke after it was made (reset, closed, garbled)."""
    return _is(exc, "ReadError") or _is(exc, "WriteError") or _is(exc, "RemoteProtocolError")


def reason_for(exc: BaseException) -> str:
    """The reason string for an exception raised while fetching a link or a record."""
    chain = list(causes(exc))
    for e in chain:
        if isinstance(e, NonPublicAddress):
            return PRIVATE
    for e in chain:
        if isinstance(e, NameNotResolved):
            return DNS
        if isinstance(e, NameLookupFailed):
            return DNS_UNANSWERED
    if is_timeout(exc) or any(isinstance(e, TimeoutError) for e in chain):
        return TIMEOUT
    for e in chain:
        if isinstance(e, ssl.SSLError | ssl.CertificateError):
            return TLS
    for e in chain:
        if isinstance(e, ConnectionRefusedError) or getattr(e, "errno", None) == errno.ECONNREFUSED:
            return REFUSED
    for e in chain:
        if getattr(e, "errno", None) in _UNREACHABLE_ERRNOS:
            return UNREACHABLE
    if _is(exc, "ConnectError"):
        text = str(exc).lower()
        if "ssl" in text or "certificate" in text:
            return TLS
        return CONNECT
    if _is(exc, "ReadError") or _is(exc, "WriteError"):  # see `is_dropped`
        for e in chain:
            if isinstance(e, ConnectionResetError) or getattr(e, "errno", None) in _RESET_ERRNOS:
                return RESET
        return READ
    if _is(exc, "RemoteProtocolError"):
        text = str(exc).lower()
        if "disconnected" in text or "closed" in text:
            return RESET
        return PROTOCOL
    if _is(exc, "DecodingError"):
        return DECODING
    if _is(exc, "TooManyRedirects"):
        return TOO_MANY_REDIRECTS
    return OTHER
