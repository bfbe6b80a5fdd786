"""One URL's verdict: its redirect chain fetched, its last answer judged, a soft 404
told apart by its host's answer for a page that does not exist."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from urllib.parse import urlsplit

from citeaudit.links.fetch import Fetcher
from citeaudit.links.judged import Checked, Judged, Pending
from citeaudit.links.network_state import NETWORK_DEPENDENT
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.precheck import now_iso
from citeaudit.links.soft404 import Page, absent_url, could_be_soft_404, is_soft_404, probe_key
from citeaudit.links.verdict import Verdict, classify_error, classify_status
from citeaudit.model.link import LinkCheck, LinkOutcome

__all__ = ["UrlCheck"]


class UrlCheck:
    """Checks URLs through one `Fetcher`; remembers each host's absent page (one
    probe a host, shared by its links checked at once)."""

    def __init__(self, fetcher: Fetcher, policy: LinkPolicy) -> None:
        self._fetcher = fetcher
        self._policy = policy
        self._absent: dict[tuple[str, str, str, bool], asyncio.Future[Page | None]] = {}

    async def check(self, url: str, *, from_public: bool = False) -> Checked:
        """`from_public`: a public service named `url` (a DOI's landing page)."""
        fetched = await self._fetcher.fetch(url, from_public=from_public)
        answer = fetched.answer
        base = LinkCheck(
            url=url,
            outcome=LinkOutcome.UNVERIFIED,
            status=answer.status,
            final_url=fetched.final_url if fetched.final_url != url else None,
            hops=fetched.hops,
            attempts=fetched.attempts,
            checked_at=now_iso(),
        )
        if fetched.error is not None:
            return Judged(replace(base, reason=fetched.error))
        if answer.error is not None:
            if answer.error in NETWORK_DEPENDENT:
                return Pending(base, answer.error)
            verdict = classify_error(answer.error, network_up=True, dns_ok=True)
            return Judged(replace(base, outcome=verdict.outcome, reason=verdict.reason))
        assert answer.status is not None and answer.headers is not None
        verdict = classify_status(
            url, answer.status, answer.headers, answer.body, fetched.hops, fetched.final_url
        )
        if (
            verdict.outcome in (LinkOutcome.OK, LinkOutcome.REDIRECTED)
            and self._policy.soft404
            and 200 <= answer.status < 300
        ):
            page = Page(url, fetched.final_url, answer.status, answer.body)
            if await self._soft_404(page, from_public=from_public):
                verdict = Verdict(LinkOutcome.BROKEN, "soft-404")
        return Judged(
            replace(
                base,
                outcome=verdict.outcome,
                reason=verdict.reason,
                final_url=verdict.fix_url or base.final_url,
            )
        )

    async def _soft_404(self, page: Page, *, from_public: bool = False) -> bool:
        """`page` is a soft 404, by its host's answer for a page that does not exist.

        `from_public`: a public service named `page` (a DOI's landing page), so the
        probe is such a hop too, never one into the private network: its name may
        answer otherwise now than for the page itself."""
        if urlsplit(page.url).path in ("", "/") or not could_be_soft_404(page):
            return False
        key = (*probe_key(page.url), from_public)
        future = self._absent.get(key)
        if future is None:
            future = asyncio.get_running_loop().create_future()
            self._absent[key] = future
            try:
                missing = absent_url(page.url)
                fetched = await self._fetcher.fetch(
                    missing, method="GET", retries=0, from_public=from_public
                )
                a = fetched.answer
                result = (
                    Page(missing, fetched.final_url, a.status, a.body)
                    if a.status is not None and fetched.error is None
                    else None
                )
            except BaseException:
                future.set_result(None)
                raise
            future.set_result(result)
        absent = await future
        return absent is not None and is_soft_404(page, absent)
