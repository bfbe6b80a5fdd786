"""A name server that does not answer is not a name that does not exist.

The event loop below stands in for the system resolver: its getaddrinfo fails for
chosen names with the error a real resolver gives (EAI_AGAIN: a DNS timeout or
SERVFAIL; EAI_NONAME: NXDOMAIN) and resolves everything else as usual.
"""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import pytest

from citeaudit.links import errors
from citeaudit.links.safety import NameLookupFailed, NameNotResolved, resolve
from citeaudit.links.targets import target_for
from citeaudit.links.verdict import classify_error
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.links.conftest import make_checker
from tests.stand_ins.link_farm import Farm

FAILING = {
    "flaky.test": (socket.EAI_AGAIN, "Temporary failure in name resolution"),
    "gone.test": (socket.EAI_NONAME, "Name or service not known"),
}


class _ResolverLoop(asyncio.SelectorEventLoop):
    async def getaddrinfo(self, host: Any, *args: Any, **kwargs: Any) -> Any:
        if host in FAILING:
            await asyncio.sleep(0.01)
            raise socket.gaierror(*FAILING[host])
        return await super().getaddrinfo(host, *args, **kwargs)


def _run(coro: Any) -> Any:
    with asyncio.Runner(loop_factory=_ResolverLoop) as runner:
        return runner.run(coro)


def test_resolver_errors_are_told_apart() -> None:
    with pytest.raises(NameLookupFailed):
        _run(resolve("flaky.test", 80))
    with pytest.raises(NameNotResolved):
        _run(resolve("gone.test", 80))
    assert errors.reason_for(NameLookupFailed("flaky.test")) == "dns-unanswered"
    verdict = classify_error("dns-unanswered", network_up=True, dns_ok=True)
    assert verdict.outcome is LinkOutcome.UNVERIFIED


def test_unanswered_lookup_is_unverified_while_a_missing_name_is_broken(farm: Farm) -> None:
    async def go() -> list[LinkCheck]:
        async with make_checker(farm) as checker:
            targets = [target_for(u) for u in ("http://flaky.test/paper", "http://gone.test/x")]
            return await checker.check_all(targets)

    flaky, gone = _run(go())
    assert (flaky.outcome, flaky.reason) == (LinkOutcome.UNVERIFIED, "dns-unanswered")
    assert flaky.attempts == 2  # asked again once (FAST allows one retry)
    assert (gone.outcome, gone.reason) == (LinkOutcome.BROKEN, "dns")
