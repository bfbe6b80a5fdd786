"""A Retry-After date the parser cannot hold is no Retry-After, never a crash.

Before: ``Retry-After: Mon, 01 Jan 99999999999999999999 00:00:00 GMT`` (or a zone
offset of twenty digits) raised OverflowError inside `email.utils`' date parser, past
`links.retry.parse_retry_after`'s ``except`` (TypeError, ValueError, IndexError). The
registries' retry loop (`resolve.channel`) let it out of the look-up, and the whole
resolution phase failed on one answer of 429. The earlier rounds pinned huge
delta-seconds and dates in year 9999; these are dates past what a C integer holds.
"""

from __future__ import annotations

import random
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.links.retry import parse_retry_after
from citeaudit.model.resolution import ResolutionState
from citeaudit.resolve.enricher import build_resolver
from tests.resolve.conftest import FAST_RETRY, ref, settings_for
from tests.security.redteam_net_server import RawServer, answer

OVERFLOWING = [
    "Mon, 01 Jan 99999999999999999999 00:00:00 GMT",
    "Mon, 01 Jan 2030 00:00:00 +99999999999999999999",
    "Mon, 01 Jan 2030 00:00:00 -99999999999999999999",
    "01 Jan 99999999999999999999999999 00:00:00 GMT",
]


@pytest.mark.parametrize("value", OVERFLOWING)
def test_an_overflowing_date_is_no_retry_after(value: str) -> None:
    assert parse_retry_after(value) is None


def test_dates_of_any_tokens_are_a_number_or_none() -> None:
    tokens = [
        "Mon,", "01", "Jan", "99999999999999999999", "-99999999999999999999", "+9999",
        "-2359", "GMT", "EST", "00:00:00", "99:99", "1e9", "٥", "²", "0", ":", ",",
        "2000", "-", "+", ".", "Z", "24:00:00", "\x00",
    ]  # fmt: skip
    rng = random.Random(24)
    for _ in range(20_000):
        value = " ".join(rng.choice(tokens) for _ in range(rng.randint(1, 7)))
        seconds = parse_retry_after(value)
        assert seconds is None or seconds >= 0.0


def test_a_readable_date_still_counts() -> None:
    assert parse_retry_after("Thu, 01 Jan 1970 00:01:40 GMT", now=40.0) == 60.0
    assert parse_retry_after("120") == 120.0


@pytest.fixture(scope="module")
def server() -> Iterator[RawServer]:
    def limited(sock: socket.socket, target: str) -> None:
        headers = [("Retry-After", OVERFLOWING[0]), ("Content-Type", "application/json")]
        sock.sendall(answer("429 Too Many Requests", headers, b"{}"))

    s = RawServer({"/": limited}).start()
    yield s
    s.stop()


def test_a_registry_answering_an_overflowing_retry_after_leaves_the_phase_standing(
    server: RawServer, tmp_path: Path
) -> None:
    refs = [
        ref("a", title="A", doi="10.1000/a"),
        ref("d", title="D", doi="10.5281/zenodo.7"),
        ref("q", title="Deep learning", authors=("LeCun, Y.",), year=2015),
    ]
    resolver = build_resolver(settings_for(server.url(""), tmp_path / "c"), policy=FAST_RETRY)
    try:
        run = resolver.resolve(refs)
    finally:
        resolver.close()
    assert set(run.resolutions) == {"a", "d", "q"}
    assert all(isinstance(r.state, ResolutionState) for r in run.resolutions.values())
