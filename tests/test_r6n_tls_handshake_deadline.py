"""A pinned connection's TLS handshake ends by the exchange's deadline too.

Every read and write of a pinned connection (registries, webhooks) waits at most
until the exchange's deadline -- cut to the run's (`pinned.run_deadline`) -- but the
TLS handshake was handed the library's connect timeout as it stood: a server that
accepted the connection and then said nothing held a registry look-up sent just
before the run's end the whole connect timeout (20 s) past it. Checked on the timeout
the handshake is given, not by a clock.
"""

from __future__ import annotations

import time
from typing import Any

import httpcore
import pytest

from citeaudit.links import pinned


class _Inner:
    """A connected stream that records what its handshake is allowed."""

    def __init__(self) -> None:
        self.given: list[float | None] = []

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> _Inner:  # fmt: skip
        self.given.append(timeout)
        return self


def test_the_handshake_is_given_what_is_left_of_the_deadline() -> None:
    inner = _Inner()
    stream = pinned._DeadlineStream(inner, httpcore)
    with pinned.run_deadline(time.monotonic() + 1.0):
        token = pinned._deadline.set(time.monotonic() + 1.0)
        try:
            stream.start_tls(None, server_hostname="registry.example", timeout=20.0)
        finally:
            pinned._deadline.reset(token)
    assert inner.given and inner.given[0] is not None and inner.given[0] <= 1.0  # before: 20


def test_no_handshake_starts_past_the_deadline() -> None:
    inner = _Inner()
    stream = pinned._DeadlineStream(inner, httpcore)
    token = pinned._deadline.set(time.monotonic() - 1.0)
    try:
        with pytest.raises(httpcore.ConnectTimeout):
            stream.start_tls(None, server_hostname="registry.example", timeout=20.0)
    finally:
        pinned._deadline.reset(token)
    assert inner.given == []  # before: a handshake with 20 s to wait
