"""One DOI's verdict: its handle record asked of the resolver, then the landing page
the record names checked as a URL. A landing page's failure is the DOI's
`Subject.DOI_TARGET` (the DOI itself is registered: "doi-target-status-404")."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import replace

import httpx

from citeaudit.links import errors
from citeaudit.links.handle import ask_handle
from citeaudit.links.judged import Checked, Judged, Pending, Subject
from citeaudit.links.policy import HostGate, LinkPolicy
from citeaudit.links.precheck import now_iso
from citeaudit.links.targets import LinkTarget
from citeaudit.model.link import LinkCheck, LinkOutcome

__all__ = ["DoiCheck"]

CheckUrl = Callable[[str, bool], Awaitable[Checked]]  # (url, from_public)


class DoiCheck:
    """Asks the resolver (`doi_url`, on the trusted `client`) and checks landing
    pages with `check_url`; `public_peer` says whether a resolver's address is public."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        doi_url: str,
        policy: LinkPolicy,
        gate: HostGate,
        shared: asyncio.Semaphore,
        check_url: CheckUrl,
        public_peer: Callable[[str | None], bool],
    ) -> None:
        self._client = client
        self._doi_url = doi_url
        self._policy = policy
        self._gate = gate
        self._shared = shared
        self._check_url = check_url
        self._public_peer = public_peer

    async def check(self, target: LinkTarget) -> Checked:
        answer = await ask_handle(
            self._client,
            self._doi_url,
            target.value,
            gate=self._gate,
            shared=self._shared,
            retry=self._policy.retry,
        )
        base = LinkCheck(
            url=target.display,
            outcome=LinkOutcome.UNVERIFIED,
            checked_at=now_iso(),
            attempts=answer.attempts,
        )
        if answer.error is not None:
            return Judged(replace(base, reason=f"resolver-{answer.error}"))
        base = replace(base, status=answer.status)
        if answer.not_found:
            return Judged(replace(base, outcome=LinkOutcome.BROKEN, reason="doi-not-found"))
        if not answer.registered:
            return Judged(replace(base, reason=f"resolver-status-{answer.status}"))
        if answer.target is None:
            return Judged(replace(base, outcome=LinkOutcome.OK, reason="doi-registered"))
        # A resolver on a public address names the landing page: never a private one,
        # even where private networks are allowed (`Fetcher.fetch`'s `from_public`).
        landing = await self._check_url(answer.target, self._public_peer(answer.peer))
        landed = replace(
            base, final_url=answer.target, attempts=answer.attempts + landing.check.attempts
        )
        target_ = Subject.DOI_TARGET
        if isinstance(landing, Pending):
            return Pending(landed, landing.error, target_)
        reason = landing.check.reason
        if reason == errors.PRIVATE:  # not checked: not called fine either
            return Judged(replace(landed, reason=target_.reason(reason)), target_)
        if landing.check.outcome is LinkOutcome.BROKEN:
            broken = replace(
                landed,
                outcome=LinkOutcome.BROKEN,
                reason=target_.reason(reason),
                hops=landing.check.hops,
            )
            return Judged(broken, target_)
        return Judged(replace(landed, outcome=LinkOutcome.OK))
