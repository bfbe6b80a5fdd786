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
    +-- anything else ............... "http-error"

Whether a reason makes a link broken or only unverified is decided in verdict.py.
"""

from __future__ import annotations

import errno
import ssl
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

_UNREACHABLE_ERRNOS = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN, errno.EHOSTDOWN}
_RESET_ERRNOS = {errno.ECONNRESET, errno.EPIPE, errno.ECONNABORTED}


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception, its causes and contexts, and members of exception groups."""
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
        for nxt in (current.__cause__, current.__context__):
            if nxt is not None:
                stack.append(nxt)


def reason_for(exc: BaseException) -> str:
    """The reason string for an exception raised while fetching a link."""
    chain = list(_chain(exc))
    for e in chain:
        if isinstance(e, NonPublicAddress):
            return PRIVATE
    for e in chain:
        if isinstance(e, NameNotResolved):
            return DNS
        if isinstance(e, NameLookupFailed):
            return DNS_UNANSWERED
    if isinstance(exc, httpx.TimeoutException) or any(isinstance(e, TimeoutError) for e in chain):
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
    if isinstance(exc, httpx.ConnectError):
        text = str(exc).lower()
        if "ssl" in text or "certificate" in text:
            return TLS
        return CONNECT
    if isinstance(exc, httpx.ReadError | httpx.WriteError):
        for e in chain:
            if isinstance(e, ConnectionResetError) or getattr(e, "errno", None) in _RESET_ERRNOS:
                return RESET
        return READ
    if isinstance(exc, httpx.RemoteProtocolError):
        text = str(exc).lower()
        if "disconnected" in text or "closed" in text:
            return RESET
        return PROTOCOL
    if isinstance(exc, httpx.DecodingError):
        return DECODING
    return OTHER
