"""A server's charset cannot pick a codec that is no web encoding.

A page's body (64 KB read) was decoded with whatever codec its Content-Type's
charset named, in the event loop's thread: ``charset=punycode`` is Python's
quadratic punycode decoder (64 KB of "9": a second of CPU per link, every other
link check stopped meanwhile; 5,000 such links an hour and a half). A registry's
non-JSON answer (up to 16 MB, from a redirect's target too) went through httpx's
``text`` the same way. Only the web's encodings (WHATWG) are used now, else UTF-8.
Counted: calls into the punycode decoder's inner step.
"""

from __future__ import annotations

import asyncio
import encodings.punycode
import socket
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from citeaudit.links.body import decode_body, web_codec
from citeaudit.links.checker import LinkChecker
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.targets import target_for
from citeaudit.model.link import LinkOutcome
from citeaudit.resolve.sending import reply_from
from tests.security.redteam_net_server import RawServer, answer

BODY = b"-" + b"9" * 4096


@pytest.fixture
def steps(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the punycode decoder's inner steps."""
    counted: list[int] = []
    inner = encodings.punycode.decode_generalized_number

    def counting(*args: Any) -> Any:
        counted.append(1)
        return inner(*args)

    monkeypatch.setattr(encodings.punycode, "decode_generalized_number", counting)
    return counted


def _hostile(sock: socket.socket, target: str) -> None:
    sock.sendall(answer("200 OK", [("Content-Type", "text/html; charset=punycode")], BODY))


@pytest.fixture
def server() -> Iterator[RawServer]:
    s = RawServer({"/": _hostile}).start()
    yield s
    s.stop()


def test_the_codec_is_a_web_encoding_or_utf8() -> None:
    assert web_codec("Shift_JIS") == "shift_jis"
    assert web_codec("windows-1251") == "cp1251"
    assert web_codec("latin1") == "iso8859-1"
    for name in ("punycode", "idna", "unicode_escape", "raw-unicode-escape", "rot13", "zlib"):
        assert web_codec(name) == "utf-8", name
    assert web_codec("x" * 10_000) == "utf-8"


def test_a_page_in_punycode_is_read_as_utf8(steps: list[int]) -> None:
    assert decode_body(BODY, None, "punycode", 64 * 1024) == BODY.decode()
    assert steps == []


def test_a_link_check_never_runs_the_punycode_decoder(
    server: RawServer, steps: list[int]
) -> None:
    policy = LinkPolicy(
        concurrency=2, min_interval=0.0, max_retries=0, archive=False,
        probe_timeout=1.0, total_timeout=2.0, allow_private_networks=True,
    )  # fmt: skip

    async def go() -> LinkOutcome:
        async with LinkChecker(
            policy, doi_url=server.url(""), archive_url=None, probe_urls=[server.url("/")]
        ) as checker:
            (check,) = await checker.check_all([target_for(server.url("/a/page"))])
            return check.outcome

    assert asyncio.run(go()) is LinkOutcome.OK
    assert server.hits["/"] >= 1
    assert steps == []


def test_a_registry_answer_in_punycode_is_not_decoded_as_such(steps: list[int]) -> None:
    response = httpx.Response(
        200,
        headers={"Content-Type": "text/plain; charset=punycode"},
        content=BODY,
        request=httpx.Request("GET", "https://registry.example/works"),
    )
    reply = reply_from(response)
    assert reply.text == BODY.decode()
    assert steps == []
