"""A link our HTTP client cannot send, though a browser would, is not checked -- never
broken.

httpx encodes hosts by IDNA 2008, which refuses symbols that the WHATWG URL standard
(UTS 46) maps and browsers ask for: ``http://i❤.ws/`` and its own punycode
``http://xn--i-7iq.ws/`` are live addresses. Both were "invalid-url", a broken link,
because of our library, not the site. What no reader could send stays broken
(``http://xn--/``, a space in the host, a port past 65535).
"""

from __future__ import annotations

import asyncio

import pytest

from citeaudit.links.checker import LinkChecker
from citeaudit.links.targets import client_limit, target_for
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.links.conftest import FAST
from tests.stand_ins.judged_transport import judged_by

BROWSER_HOSTS = [
    "http://i\u2764.ws/",
    "http://xn--i-7iq.ws/",
    "https://\u2603.example/page",
    "https://www.\u2167.example/",  # a roman numeral, "viii" to UTS 46
]
MALFORMED = [
    "http://xn--/",
    "http://exa mple.org/",
    "http://127.0.0.2:99999/x",
    "http://" + "a" * 64 + ".example/",
    "http://a..b/",
    "http://xn--zz\u2764.example/",
]


def _check(url: str) -> LinkCheck:
    async def go() -> LinkCheck:
        async with LinkChecker(
            FAST, probe_urls=(), transport=judged_by(lambda ip: False, FAST)
        ) as checker:
            return (await checker.check_all([target_for(url)]))[0]

    return asyncio.run(go())


@pytest.mark.parametrize("url", BROWSER_HOSTS)
def test_a_host_only_our_client_refuses_is_not_checked(url: str) -> None:
    assert client_limit(url) is not None
    check = _check(url)
    assert check.outcome is LinkOutcome.UNVERIFIED
    assert check.reason == "host-not-supported"
    assert check.attempts == 0


@pytest.mark.parametrize("url", MALFORMED)
def test_what_no_reader_could_send_is_still_broken(url: str) -> None:
    assert client_limit(url) is None
    check = _check(url)
    assert (check.outcome, check.reason) == (LinkOutcome.BROKEN, "invalid-url")


def test_a_sendable_url_has_no_client_limit() -> None:
    assert client_limit("https://b\u00fccher.example/x") is None
    assert client_limit("https://example.org/") is None
