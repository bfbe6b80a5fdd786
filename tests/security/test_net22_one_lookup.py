"""One look-up per request: a name that did not answer the request's own look-up is not
looked up again by its connection.

The link checker looks a host up before each request (its per-address limit, the
public-to-private rule) and pins the connection to what it found. When that look-up
gave nothing, the pin was empty and the connection asked the name server again: a
server failing the first question and answering the second had the request connect to
an address it never held a slot on (`AddressGate`: a tarpit's wildcard names, each
failing once, took every worker past the per-address limit), nor judged by anything
but the connection's rule. The request now fails as its look-up did (``dns`` or
``dns-unanswered``, retried as such), and never connects past it.

127.0.0.2 plays the public web (`only_127_0_0_2_is_public`).
"""

from __future__ import annotations

import asyncio
import dataclasses

from citeaudit.links.checker import LinkChecker
from citeaudit.links.safety import NameLookupFailed, NameNotResolved, Resolver
from citeaudit.links.targets import LinkTarget
from citeaudit.links.transport import PerHostTransport
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.security.test_ssrf_hops import SERVICE, Hops, only_127_0_0_2_is_public


def _check(url: str, failure: Exception, *, retries: int = 0) -> tuple[LinkCheck, list[str]]:
    asked: list[str] = []

    async def flaky(host: str, port: int) -> list[str]:
        """Fails the first question for each name, answers every later one."""
        asked.append(host)
        if asked.count(host) == 1:
            raise failure
        return ["127.0.0.2"]

    policy = dataclasses.replace(SERVICE, max_retries=retries, backoff=0.01)

    async def go() -> LinkCheck:
        transport = PerHostTransport(
            per_host=policy.per_host,
            allow_private=False,
            forbidden=only_127_0_0_2_is_public,
            resolver=Resolver(ttl=0, lookup=flaky),
        )
        async with LinkChecker(
            policy, archive_url=None, probe_urls=(), transport=transport
        ) as checker:
            return await checker.check(LinkTarget("url", url))

    return asyncio.run(go()), asked


def _on(public: Hops, host: str) -> str:
    port = public.url.rsplit(":", 1)[1]
    return f"http://{host}:{port}/page"


def test_a_name_that_did_not_answer_is_not_connected_to(public: Hops) -> None:
    check, asked = _check(_on(public, "flaky.example"), NameLookupFailed("SERVFAIL"))
    assert public.paths == [], "the connection looked the name up again"
    assert asked == ["flaky.example"]
    assert check.outcome is not LinkOutcome.OK


def test_a_name_that_does_not_exist_is_said_so(public: Hops) -> None:
    check, _ = _check(_on(public, "gone.example"), NameNotResolved("NXDOMAIN"))
    assert public.paths == []
    assert check.reason == "dns", check.reason


def test_an_unanswered_name_is_asked_again_by_a_retry(public: Hops) -> None:
    """A name server that did not answer may answer later: the retry's own look-up."""
    check, asked = _check(_on(public, "slow.example"), NameLookupFailed("SERVFAIL"), retries=1)
    assert asked == ["slow.example", "slow.example"]
    assert public.paths == ["/page"]
    assert check.outcome is LinkOutcome.OK, check
