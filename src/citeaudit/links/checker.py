"""The async link checker: each link's verdict, from its own answers and our network's.

    async with LinkChecker(policy, doi_url=..., archive_url=..., probe_urls=...) as checker:
        checks = await checker.check_all([target_for(u) for u in urls])

The parts, each in its own module: what is never sent (`precheck.py`: not a URL, a
private address, a malformed DOI, an excluded pattern); a URL's redirect chain and
its paced, retried requests (`fetch.Fetcher`); a DOI's handle record
(`handle.ask_handle`), then its landing page as a URL; the verdict of an answer
(`verdict.py`), a soft 404 (`soft404.py`), an archived copy for a broken link
(`archive.py`); whether our own network is up (`reachability.py`).

A verdict that rests on our own network (a refused connection, a name that does not
resolve) is `Pending` until the end of the run: our network must still be up, and
names must resolve for others, before anything is called broken (`_settle`).
"""

from __future__ import annotations

import asyncio
import ipaddress
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

import httpx

from citeaudit.links import errors
from citeaudit.links.address_gate import AddressGate, address_key
from citeaudit.links.archive import closest_snapshot
from citeaudit.links.cache import LinkCache
from citeaudit.links.fetch import Fetched, Fetcher
from citeaudit.links.handle import ask_handle
from citeaudit.links.policy import HostGate, LinkPolicy
from citeaudit.links.precheck import host_of, interleaved, now_iso, precheck
from citeaudit.links.reachability import Reachability
from citeaudit.links.safety import AddressRule, IPAddress, allowed, is_forbidden_address
from citeaudit.links.shared_pacing import SharedPacer
from citeaudit.links.soft404 import Page, absent_url, could_be_soft_404, is_soft_404, probe_key
from citeaudit.links.targets import LinkTarget
from citeaudit.links.transport import PerHostTransport, judge_redirects
from citeaudit.links.verdict import Verdict, classify_error, classify_status
from citeaudit.model.link import LinkCheck, LinkOutcome

__all__ = ["LinkChecker", "Pending", "Progress", "check_targets"]

Progress = Callable[[LinkCheck], None]

TRUSTED_MAX_BODY = 2 * 1024 * 1024
NETWORK_DEPENDENT = frozenset({errors.REFUSED, errors.DNS})
OUT_OF_TIME = "out-of-time"  # not checked: the run's `max_run_time` ran out first
_ARCHIVE_MARGIN = 0.5  # seconds before the run's deadline an archive look-up gives up


@dataclass(frozen=True, slots=True)
class Pending:
    """A check whose verdict waits for the state of our own network.

    `reason`: the failure (`errors.REFUSED` or `errors.DNS`); `doi_target`: it is a
    registered DOI's landing page that failed so (the DOI itself is fine).
    """

    check: LinkCheck
    reason: str
    doi_target: bool = False


Checked = LinkCheck | Pending


class LinkChecker:
    def __init__(
        self,
        policy: LinkPolicy | None = None,
        *,
        doi_url: str = "https://doi.org",
        archive_url: str | None = "https://archive.org/wayback/available",
        probe_urls: Sequence[str] = ("https://doi.org",),
        dns_names: Sequence[str] | None = None,
        cache: LinkCache | None = None,
        forbidden: Callable[[IPAddress], bool] = is_forbidden_address,
        transport: httpx.AsyncBaseTransport | None = None,
        pacer: SharedPacer | None = None,
    ) -> None:
        self.policy = policy or LinkPolicy()
        self.doi_url = doi_url.rstrip("/")
        self.archive_url = archive_url
        self.cache = cache
        self._forbidden = forbidden
        # The links' own rule, asked of a URL before it is parsed for sending (a host
        # such as "0177.0.0.1" is a private address, not a malformed URL); the
        # transport asks it again of the host it connects to.
        self._rule = AddressRule(self.policy.allow_private_networks, frozenset(), forbidden)
        self._transport = transport
        self._probe_urls = tuple(probe_urls)
        self._dns_names = dns_names
        self._gate = HostGate(self.policy.per_host, self.policy.min_interval, pacer)
        self._addresses = AddressGate(
            self.policy.address_limit, pacer, lease=self.policy.total_timeout + 30
        )
        self._global = asyncio.Semaphore(max(1, self.policy.concurrency))
        self._absent: dict[tuple[str, str, str, bool], asyncio.Future[Page | None]] = {}
        self._run_deadline: float | None = None  # the event loop's clock, while checking
        self._fetcher: Fetcher | None = None
        self._trusted: httpx.AsyncClient | None = None
        self._trusted_transport: PerHostTransport | None = None
        self.reachability: Reachability | None = None

    # -- lifecycle ---------------------------------------------------------------------
    async def __aenter__(self) -> LinkChecker:
        p = self.policy
        if self._transport is None:
            self._fetcher = Fetcher.per_host(
                p, self._rule, self._gate, self._global, self._addresses
            )
        else:
            self._fetcher = Fetcher(
                p, self._rule, self._gate, self._global, self._transport, self._addresses
            )
        # The configured services (resolver, archive, probe) are ours to choose: their
        # exact origins may be non-public (tests run them on loopback). Anything they
        # redirect to is checked like every link's hop, whatever the policy says about
        # private networks: a DOI's or a URL's answer must not reach our neighbours.
        trusted = AddressRule(
            False, allowed([self.doi_url, self.archive_url, *self._probe_urls]), self._forbidden
        )
        self._trusted_transport = PerHostTransport(
            per_host=p.per_host,
            allow_private=False,
            forbidden=self._forbidden,
            allowed_origins=trusted.allowed_origins,
            max_body=TRUSTED_MAX_BODY,  # a handle record, an archive answer
            max_time=2 * (p.probe_timeout + 5),
        )
        self._trusted = httpx.AsyncClient(
            headers={
                "User-Agent": p.user_agent,
                "Accept": "application/json",
                "Accept-Encoding": "gzip, deflate",  # what the transport inflates
            },
            timeout=httpx.Timeout(p.probe_timeout + 5, connect=p.probe_timeout),
            follow_redirects=True,
            max_redirects=5,
            trust_env=False,
            transport=self._trusted_transport,
            event_hooks={"response": [judge_redirects(trusted)]},
        )
        self.reachability = Reachability(
            self._trusted, self._probe_urls, p.probe_timeout, dns_names=self._dns_names
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._fetcher is not None:
            await self._fetcher.aclose()
        if self._trusted is not None:
            await self._trusted.aclose()
        self._fetcher = None
        self._trusted = None

    # -- public ------------------------------------------------------------------------
    async def check_all(
        self, targets: Sequence[LinkTarget], progress: Progress | None = None
    ) -> list[LinkCheck]:
        """Check each distinct target once; results in the order of first appearance."""
        unique = list({t.key: t for t in targets}.values())
        results: dict[str, LinkCheck] = {}
        todo: list[LinkTarget] = []
        for target in unique:
            pre = precheck(target, self.policy, self._rule)
            if pre is not None:
                results[target.key] = pre
                if progress:
                    progress(pre)
            else:
                todo.append(target)
        if self.cache is not None and todo:
            cached = self.cache.get_many(t.key for t in todo)
            for target in todo:
                if target.key in cached:
                    results[target.key] = cached[target.key]
                    if progress:
                        progress(cached[target.key])
            todo = [t for t in todo if t.key not in cached]
        if todo:
            assert self.reachability is not None
            if not await self.reachability.up():
                for target in todo:
                    check = self._network_down(target)
                    results[target.key] = check
                    if progress:
                        progress(check)
            else:
                checked = await self._check_many(todo, progress, prechecked=True)
                results.update(checked)
                if self.cache is not None:
                    self.cache.put_many(
                        (t.key, checked[t.key])
                        for t in todo
                        if checked[t.key].reason != OUT_OF_TIME  # asked again next run
                    )
        return [results[t.key] for t in unique]

    async def _check_many(
        self,
        targets: Sequence[LinkTarget],
        progress: Progress | None,
        *,
        prechecked: bool = False,
    ) -> dict[str, LinkCheck]:
        checked: dict[str, LinkCheck] = {}
        pending: dict[str, Pending] = {}
        # A bounded number of workers take the targets in turn, hosts interleaved: a
        # task per target at once held every waiting request's frames (6 KB a URL),
        # and interleaving keeps every host's limit busy with few workers waiting.
        turns = _HostTurns(targets, self.policy)
        workers = min(len(targets), max(256, 8 * self.policy.concurrency))
        run_time = self.policy.max_run_time
        deadline = None if run_time is None else asyncio.get_running_loop().time() + run_time
        self._run_deadline = deadline

        async def worker() -> None:
            while (target := turns.take()) is not None:  # shared: the next one due
                if not turns.entered(target):
                    address = await self._first_address(target, deadline)
                    if address is not None and not turns.enter(target, address):
                        continue  # in line behind its address's links, holding no worker
                try:
                    work = self._check_unsettled(target, prechecked=prechecked)
                    check = await self._within(deadline, work, target)
                finally:
                    turns.done(target)
                if isinstance(check, Pending):
                    pending[target.key] = check
                    continue
                checked[target.key] = check
                if progress:
                    progress(check)

        await asyncio.gather(*(worker() for _ in range(workers)))
        # Verdicts that rest on our own network wait until the end (`Pending`), and
        # are settled side by side (one by one, each archive look-up of a dead name
        # waited for the one before).
        if pending:
            up, dns_ok = await self._network_state()
            order = iter([t for t in targets if t.key in pending])

            async def settler() -> None:
                for target in order:
                    held = pending[target.key]
                    try:
                        async with asyncio.timeout_at(deadline):
                            settled = await self._settle(held, up=up, dns_ok=dns_ok)
                    except TimeoutError:  # the verdict, without the archive's suggestion
                        settled = await self._settle(held, up=up, dns_ok=dns_ok, archive=False)
                    checked[target.key] = settled
                    if progress:
                        progress(settled)

            await asyncio.gather(*(settler() for _ in range(min(len(pending), workers))))
        return checked

    async def _first_address(self, target: LinkTarget, deadline: float | None) -> str | None:
        """The address a URL's first request connects to, when known by the run's
        deadline (the share of workers one address gets: `_HostTurns.enter`)."""
        if target.kind != "url" or self._fetcher is None:
            return None
        loop = asyncio.get_running_loop()
        ends = loop.time() + self.policy.connect_timeout  # as its connection's look-up
        try:
            async with asyncio.timeout_at(ends if deadline is None else min(ends, deadline)):
                addresses = await self._fetcher.addresses_of(target.value)
        except TimeoutError:
            return None
        return address_key(addresses[0]) if addresses else None

    async def _within(
        self, deadline: float | None, work: Awaitable[Checked], target: LinkTarget
    ) -> Checked:
        """`work`, unless the run's deadline passes first: then the target is
        unverified, `OUT_OF_TIME`."""
        if deadline is None:
            return await work
        try:
            async with asyncio.timeout_at(deadline):
                return await work
        except TimeoutError:
            return LinkCheck(
                url=target.display,
                outcome=LinkOutcome.UNVERIFIED,
                reason=OUT_OF_TIME,
                attempts=0,
                checked_at=now_iso(),
            )

    async def _check_many_for_test(self, targets: Sequence[LinkTarget]) -> list[LinkCheck]:
        """`check_all` without the preflight probe and the cache (for tests)."""
        checked = await self._check_many(targets, None)
        return [checked[t.key] for t in targets]

    async def check(self, target: LinkTarget) -> LinkCheck:
        """One target, not cached, settled at once."""
        check = await self._check_unsettled(target)
        if isinstance(check, Pending):
            up, dns_ok = await self._network_state()
            return await self._settle(check, up=up, dns_ok=dns_ok)
        return check

    async def fetch(
        self,
        url: str,
        *,
        method: str | None = None,
        retries: int | None = None,
        from_public: bool = False,
    ) -> Fetched:
        """Follow the redirect chain of `url` (`Fetcher.fetch`)."""
        assert self._fetcher is not None, "use LinkChecker in `async with`"
        return await self._fetcher.fetch(
            url, method=method, retries=retries, from_public=from_public
        )

    async def _check_unsettled(self, target: LinkTarget, *, prechecked: bool = False) -> Checked:
        """`prechecked`: `precheck` found nothing already (it parses the URL: not twice)."""
        pre = None if prechecked else precheck(target, self.policy, self._rule)
        if pre is not None:
            return pre
        if target.kind == "doi":
            check = await self._check_doi(target)
        else:
            check = await self._check_url(target.value)
        if isinstance(check, LinkCheck) and check.outcome is LinkOutcome.BROKEN:
            check = await self._with_archive(check)
        return check

    async def _network_state(self) -> tuple[bool, bool]:
        assert self.reachability is not None and self._fetcher is not None
        up = await self.reachability.up(force=True)
        dns_ok = up and (self.reachability.names_resolve or bool(self._fetcher.resolved_names))
        return up, dns_ok

    async def _settle(
        self, pending: Pending, *, up: bool, dns_ok: bool, archive: bool = True
    ) -> LinkCheck:
        """Turn a pending network verdict into broken or unverified (`archive`: ask
        the archive for a broken link's snapshot)."""
        check = pending.check
        verdict = classify_error(pending.reason, network_up=up, dns_ok=dns_ok)
        if pending.doi_target and verdict.outcome is not LinkOutcome.BROKEN:
            return replace(
                check,
                outcome=LinkOutcome.OK if up else LinkOutcome.UNVERIFIED,
                reason=None if up else "network-down",
            )
        reason = f"doi-target-{verdict.reason}" if pending.doi_target else verdict.reason
        check = replace(check, outcome=verdict.outcome, reason=reason)
        if archive and check.outcome is LinkOutcome.BROKEN:
            check = await self._with_archive(check)
        return check

    # -- verdict helpers ---------------------------------------------------------------
    def _network_down(self, target: LinkTarget) -> LinkCheck:
        return LinkCheck(
            url=target.display,
            outcome=LinkOutcome.UNVERIFIED,
            reason="network-down",
            attempts=0,
            checked_at=now_iso(),
        )

    async def _with_archive(self, check: LinkCheck) -> LinkCheck:
        if not self.policy.archive or self.archive_url is None or self._trusted is None:
            return check
        url = check.final_url if check.reason and check.reason.startswith("doi-target") else None
        if not self._public(url or check.url):
            return check
        # Ended a moment before the run's deadline: a broken link found in time stays
        # broken, without the suggestion, rather than becoming "out-of-time".
        ends = None if self._run_deadline is None else self._run_deadline - _ARCHIVE_MARGIN
        try:
            async with (
                asyncio.timeout_at(ends),
                self._gate.slot(host_of(self.archive_url), self._global),
            ):
                snapshot = await closest_snapshot(
                    self._trusted, self.archive_url, url or check.url, self.policy.probe_timeout + 5
                )
        except TimeoutError:
            return check
        if snapshot is not None:
            return replace(check, archive_url=snapshot)
        return check

    def _public(self, url: str) -> bool:
        """`url`'s host is public as far as this run knows: no non-public address in
        any spelling, no name only a local resolver answers (the strict rule, even
        where private networks are allowed), and no look-up of it named a private
        address. Only such a URL is told to a third party (the archive): a dead
        intranet link's address, path and query are our network's, not theirs."""
        strict = AddressRule(False, frozenset(), self._forbidden)
        if strict.url_refusal(url) is not None:
            return False
        return self._fetcher is None or not self._fetcher.went_private(url)

    # -- URLs --------------------------------------------------------------------------
    async def _check_url(self, url: str, *, from_public: bool = False) -> Checked:
        fetched = await self.fetch(url, from_public=from_public)
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
            return replace(base, reason=fetched.error)
        if answer.error is not None:
            if answer.error in NETWORK_DEPENDENT:
                return Pending(base, answer.error)
            verdict = classify_error(answer.error, network_up=True, dns_ok=True)
            return replace(base, outcome=verdict.outcome, reason=verdict.reason)
        assert answer.status is not None and answer.headers is not None
        verdict = classify_status(
            url, answer.status, answer.headers, answer.body, fetched.hops, fetched.final_url
        )
        if (
            verdict.outcome in (LinkOutcome.OK, LinkOutcome.REDIRECTED)
            and self.policy.soft404
            and 200 <= answer.status < 300
        ):
            page = Page(url, fetched.final_url, answer.status, answer.body)
            if await self._soft_404(page, from_public=from_public):
                verdict = Verdict(LinkOutcome.BROKEN, "soft-404")
        return replace(
            base,
            outcome=verdict.outcome,
            reason=verdict.reason,
            final_url=verdict.fix_url or base.final_url,
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
                fetched = await self.fetch(
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

    # -- DOIs --------------------------------------------------------------------------
    async def _check_doi(self, target: LinkTarget) -> Checked:
        assert self._trusted is not None
        answer = await ask_handle(
            self._trusted,
            self.doi_url,
            target.value,
            gate=self._gate,
            shared=self._global,
            retry=self.policy.retry,
        )
        base = LinkCheck(
            url=target.display,
            outcome=LinkOutcome.UNVERIFIED,
            checked_at=now_iso(),
            attempts=answer.attempts,
        )
        if answer.error is not None:
            return replace(base, reason=f"resolver-{answer.error}")
        base = replace(base, status=answer.status)
        if answer.not_found:
            return replace(base, outcome=LinkOutcome.BROKEN, reason="doi-not-found")
        if not answer.registered:
            return replace(base, reason=f"resolver-status-{answer.status}")
        if answer.target is None:
            return replace(base, outcome=LinkOutcome.OK, reason="doi-registered")
        # A resolver on a public address names the landing page: never a private one,
        # even where private networks are allowed (`Fetcher.fetch`'s `from_public`).
        landing = await self._check_url(
            answer.target, from_public=self._public_resolver(answer.peer)
        )
        landed = replace(
            base, final_url=answer.target, attempts=answer.attempts + _attempts(landing)
        )
        if isinstance(landing, Pending):
            return Pending(landed, landing.reason, doi_target=True)
        if landing.reason == errors.PRIVATE:  # not checked: not called fine either
            return replace(landed, reason=f"doi-target-{errors.PRIVATE}")
        if landing.outcome is LinkOutcome.BROKEN:
            return replace(
                landed,
                outcome=LinkOutcome.BROKEN,
                reason=f"doi-target-{landing.reason}",
                hops=landing.hops,
            )
        return replace(landed, outcome=LinkOutcome.OK)

    def _public_resolver(self, peer: str | None) -> bool:
        """The handle record came from a public address: a landing page it names is
        then a hop from the public Internet, like a redirect's. Judged by the address
        the answer came from (the resolver's name may say otherwise, or its own
        look-up fail); where that is not known, public (fail closed: the landing page
        may not be a private one)."""
        if peer is None:
            return True
        try:
            address = ipaddress.ip_address(peer.split("%", 1)[0])
        except ValueError:
            return True
        return not self._forbidden(address)


class _HostTurns:
    """The targets in turn, hosts interleaved (`interleaved`), with at most a host's
    own share of the workers on its links at once.

    A worker that takes a link waits for its host's slot; a host that answers slowly
    (a tarpit) keeps its slots, so every worker that came to one of its links waited
    there, until all of them did and the other hosts' links were not asked before
    the run's time ran out. A host's links past its share wait in line here, holding
    no worker, and are taken as its links finish. DOIs (each a handle query, then a
    landing page on its own host) share the global limit instead.
    """

    def __init__(self, targets: Sequence[LinkTarget], policy: LinkPolicy) -> None:
        self._order = interleaved(targets)
        self._per_host = max(1, policy.per_host)
        self._per_doi = max(1, policy.concurrency)
        self._per_address = policy.address_limit
        self._busy: dict[str, int] = {}
        self._waiting: dict[str, deque[LinkTarget]] = {}
        # The same by the address a URL's host resolves to: many names (a wildcard DNS
        # name) on one server share its share (see `address_gate`).
        self._address_busy: dict[str, int] = {}
        self._address_waiting: dict[str, deque[LinkTarget]] = {}
        self._address_of: dict[str, str] = {}  # target key -> its address, while entered

    def take(self) -> LinkTarget | None:
        """The next target whose host has a free share, or None when every one left
        waits for a host whose workers will take it as they finish."""
        for address, waiting in self._address_waiting.items():
            if self._address_busy.get(address, 0) < self._per_address:
                target = waiting.popleft()
                if not waiting:
                    del self._address_waiting[address]
                self._address_busy[address] = self._address_busy.get(address, 0) + 1
                self._address_of[target.key] = address
                return self._start(_group(target), target)
        for host, line in self._waiting.items():
            if self._busy.get(host, 0) < self._share(host):
                target = line.popleft()
                if not line:
                    del self._waiting[host]
                return self._start(host, target)
        for target in self._order:
            host = _group(target)
            if self._busy.get(host, 0) < self._share(host):
                return self._start(host, target)
            self._waiting.setdefault(host, deque()).append(target)
        return None

    def entered(self, target: LinkTarget) -> bool:
        """`target` already holds its address's share (taken from the address's line)."""
        return target.key in self._address_of

    def enter(self, target: LinkTarget, address: str) -> bool:
        """Take a share of `address` for `target`; or put it in the address's line,
        its host's share given back, and say so (False)."""
        if self._address_busy.get(address, 0) < self._per_address:
            self._address_busy[address] = self._address_busy.get(address, 0) + 1
            self._address_of[target.key] = address
            return True
        self._busy[_group(target)] -= 1
        self._address_waiting.setdefault(address, deque()).append(target)
        return False

    def done(self, target: LinkTarget) -> None:
        self._busy[_group(target)] -= 1
        address = self._address_of.pop(target.key, None)
        if address is not None:
            self._address_busy[address] -= 1

    def _start(self, host: str, target: LinkTarget) -> LinkTarget:
        self._busy[host] = self._busy.get(host, 0) + 1
        return target

    def _share(self, host: str) -> int:
        return self._per_doi if host == "doi" else self._per_host


def _group(target: LinkTarget) -> str:
    """The host whose slots a target's first request waits for (as `interleaved`)."""
    return host_of(target.value) if target.kind == "url" else target.kind


def _attempts(check: Checked) -> int:
    return check.check.attempts if isinstance(check, Pending) else check.attempts


async def check_targets(
    targets: Sequence[LinkTarget],
    policy: LinkPolicy,
    *,
    doi_url: str,
    archive_url: str | None,
    probe_urls: Sequence[str],
    cache: LinkCache | None = None,
    progress: Progress | None = None,
) -> tuple[list[LinkCheck], bool]:
    """Check targets; also say whether our network was up."""
    async with LinkChecker(
        policy, doi_url=doi_url, archive_url=archive_url, probe_urls=probe_urls, cache=cache
    ) as checker:
        checks = await checker.check_all(targets, progress)
        up = checker.reachability.last_up if checker.reachability else True
        return checks, up is not False
