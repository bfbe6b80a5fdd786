"""Registry failures are read by the links' one exception reading (links/errors.py)
and worded for the channel; httpx and httpx2 (inside habanero) alike."""

from __future__ import annotations

import errno

import httpx
import httpx2
import pytest

from citeaudit.links import errors
from citeaudit.links.safety import NameNotResolved
from citeaudit.resolve.sending import failure_from


def _caused(exc: BaseException, cause: BaseException) -> BaseException:
    exc.__cause__ = cause
    return exc


@pytest.mark.parametrize("lib", [httpx, httpx2])
def test_each_failure_in_both_libraries(lib: object) -> None:
    connect_error = lib.ConnectError  # type: ignore[attr-defined]
    refused = _caused(connect_error("boom"), ConnectionRefusedError(errno.ECONNREFUSED, "no"))
    cases: list[tuple[BaseException, str, bool]] = [
        (lib.ReadTimeout("slow"), "timeout", False),  # type: ignore[attr-defined]
        (refused, "connection refused", True),
        (connect_error("[Errno -2] Name or service not known"), "unknown host", True),
        (_caused(connect_error("x"), NameNotResolved("nx.example")), "unknown host", True),
        (lib.ReadError("reset"), "connection dropped", False),  # type: ignore[attr-defined]
        (lib.RemoteProtocolError("eof"), "connection dropped", False),  # type: ignore[attr-defined]
        (lib.UnsupportedProtocol("gopher"), "UnsupportedProtocol", False),  # type: ignore[attr-defined]
    ]
    for exc, words, unreachable in cases:
        failure = failure_from(exc)
        assert failure is not None, exc
        assert (failure.reason, failure.unreachable, failure.final) == (words, unreachable, False)
    # A loop on the asked server: the same loop if asked again -- final, but counted.
    loop = failure_from(lib.TooManyRedirects("loop"))  # type: ignore[attr-defined]
    assert loop is not None and loop.reason == "too many redirects"
    assert (loop.final, loop.counted, loop.unreachable) == (True, True, False)
    # habanero re-raises wrapped: the cause is read
    wrapped = RuntimeError("request failed")
    wrapped.__context__ = lib.ConnectTimeout("slow")  # type: ignore[attr-defined]
    assert (failure := failure_from(wrapped)) is not None and failure.reason == "timeout"
    assert failure_from(ValueError("not a transport problem")) is None


def test_the_links_reading_knows_httpx2_too() -> None:
    refused = _caused(httpx2.ConnectError("x"), ConnectionRefusedError(errno.ECONNREFUSED, "no"))
    assert errors.reason_for(refused) == errors.REFUSED
    assert errors.reason_for(httpx2.ReadTimeout("slow")) == errors.TIMEOUT
    assert errors.reason_for(httpx2.RemoteProtocolError("bad")) == errors.PROTOCOL
    assert errors.reason_for(httpx.RemoteProtocolError("bad")) == errors.PROTOCOL
