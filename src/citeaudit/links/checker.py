"""The async link checker: each link's verdict, from its own answers and our network's.

    async with LinkChecker(policy, doi_url=..., archive_url=..., probe_urls=...) as checker:
        checks = await checker.check_all([target_for(u) for u in urls])

`LinkChecker` only coordinates; each part is its own module: what is never sent
(`precheck.py`); which target a worker takes next (`host_turns.py`) and the bounded
workers within the run's deadline (`workers.py`); a URL's verdict (`url_check.py`,
over `fetch.Fetcher`); a DOI's handle record and landing page (`doi_check.py`); the
state a check carries until it is final (`judged.py`); what our network's state
makes of a verdict (`network_state.py`); which URLs are public (`publicity.py`); an
archived copy for a broken link (`archive_suggestion.py`); whether our network is up
(`reachability.py`). The client for our own services (`trusted_client`) is made here,
beside the checker, where the package's list of its network clients says it is.

Every link is sent through a `PerHostTransport`, which judges the address of each
hop as it connects: another httpx transport would connect wherever its names lead.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

import httpx

from citeaudit.links.address_gate import AddressGate, address_key
from citeaudit.links.archive_suggestion import ArchiveSuggestion
from citeaudit.links.backends import BackendAddresses, service_backends
from citeaudit.links.cookies import no_jar
from citeaudit.links.doi_check import DoiCheck
from citeaudit.links.fetch import Fetched, Fetcher
from citeaudit.links.internal_zones import network_name
from citeaudit.links.judged import Checked, Judged, Pending
from citeaudit.links.network_state import NETWORK_DOWN, OUT_OF_TIME, not_asked, settled
from citeaudit.links.policy import HostGate, LinkPolicy
from citeaudit.links.precheck import precheck
from citeaudit.links.publicity import public_peer, public_url
from citeaudit.links.reachability import Reachability
from citeaudit.links.safety import AddressRule, IPAddress, allowed
from citeaudit.links.shared_pacing import SharedPacer
from citeaudit.links.targets import LinkTarget, request_key
from citeaudit.links.transport import PerHostTransport, judge_redirects
from citeaudit.links.url_check import UrlCheck
from citeaudit.links.workers import Progress, Steps, check_in_turns
from citeaudit.model.link import LinkCheck

if TYPE_CHECKING:  # made by the caller that keeps one (sqlite3, the answers' codec)
    from citeaudit.links.cache import LinkCache

__all__ = ["OUT_OF_TIME", "LinkChecker", "Progress", "trusted_client"]


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
        transport: PerHostTransport | None = None,
        pacer: SharedPacer | None = None,
    ) -> None:
        """`transport`: the guarded transport links are sent through (its own rule
        and resolver; one is made from the policy when None). Nothing else is taken:
        a plain httpx transport would connect to whatever address a name gives it.
        Which addresses are public is the transport's rule, never a separate argument:
        the checker's own judgements (what is told to the archive, which hops a
        landing page may take, the services' client) follow the one rule its
        connections obey."""
        if transport is not None and not isinstance(transport, PerHostTransport):
            raise TypeError(
                "LinkChecker sends links only through a PerHostTransport (it judges "
                f"each hop's address as it connects), not {type(transport).__name__}"
            )
        self.policy = policy or LinkPolicy()
        self.doi_url = doi_url.rstrip("/")
        self.archive_url = archive_url
        self.cache = cache
        if transport is not None:
            # The run's own backends (its settings') refused by the transport too.
            transport.refuse_backends(self.policy.backends)
            connects = transport.rule
        else:
            connects = AddressRule(backends=service_backends.including(self.policy.backends))
        self._forbidden = connects.forbidden
        # The links' own rule, asked of a URL before it is parsed for sending (a host
        # such as "0177.0.0.1" is a private address, not a malformed URL); the
        # transport asks it again of the host it connects to.
        self._rule = AddressRule(
            self.policy.allow_private_networks,
            frozenset(),
            connects.forbidden,
            connects.metadata,
            allow_own_machine=self.policy.allow_own_machine and connects.allow_own_machine,
            own_machine=connects.own_machine,
            backends=connects.backends,
            # A name of our own DNS zones is refused unasked where private networks
            # are, as a local-only name is: its answer is our network's, and a report
            # saying "private address" or "does not resolve" told which of our
            # machines exist (`internal_zones`).
            local_name=network_name,
        )
        self._transport = transport
        self._probe_urls = tuple(probe_urls)
        self._dns_names = dns_names
        self._gate = HostGate(self.policy.per_host, self.policy.min_interval, pacer)
        self._addresses = AddressGate(
            self.policy.address_limit, pacer, lease=self.policy.total_timeout + 30
        )
        self._global = asyncio.Semaphore(max(1, self.policy.concurrency))
        self._fetcher: Fetcher | None = None
        self._trusted: httpx.AsyncClient | None = None
        self._urls: UrlCheck | None = None
        self._dois: DoiCheck | None = None
        self._archive: ArchiveSuggestion | None = None
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
        self._trusted = trusted_client(
            p,
            [self.doi_url, self.archive_url, *self._probe_urls],
            self._forbidden,
            self._rule.backends,
        )
        self.reachability = Reachability(
            self._trusted, self._probe_urls, p.probe_timeout, dns_names=self._dns_names
        )
        self._urls = UrlCheck(self._fetcher, p)
        self._dois = DoiCheck(
            self._trusted,
            self.doi_url,
            p,
            self._gate,
            self._global,
            lambda url, from_public: self._url_check().check(url, from_public=from_public),
            self._public_resolver,
        )
        self._archive = ArchiveSuggestion(
            self._trusted, self.archive_url, p, self._gate, self._global, self._public
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
                    check = not_asked(target, NETWORK_DOWN)
                    results[target.key] = check
                    if progress:
                        progress(check)
            else:
                checked = await self._check_once_each(todo, progress)
                results.update(checked)
                if self.cache is not None:
                    self.cache.put_many(
                        (t.key, checked[t.key])
                        for t in todo
                        if checked[t.key].reason != OUT_OF_TIME  # asked again next run
                    )
        return [results[t.key] for t in unique]

    async def check(self, target: LinkTarget) -> LinkCheck:
        """One target, not cached, settled at once."""
        result = await self._unsettled(target)
        if isinstance(result, Pending):
            up, dns_ok = await self._network_state()
            return await self._settle(None, result, up, dns_ok, True)
        return await self._finish(None, result) if isinstance(result, Judged) else result

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

    # -- the steps ---------------------------------------------------------------------
    async def _check_many(
        self, targets: Sequence[LinkTarget], progress: Progress | None
    ) -> dict[str, LinkCheck]:
        """Prechecked targets by the workers, within the run's deadline (the event
        loop's clock), which the archive's look-ups are held to as well."""
        run_time = self.policy.max_run_time
        deadline = None if run_time is None else asyncio.get_running_loop().time() + run_time

        async def check(target: LinkTarget) -> LinkCheck | Checked:
            return await self._unsettled(target, prechecked=True)

        settle, finish = partial(self._settle, deadline), partial(self._finish, deadline)
        steps = Steps(check, self._first_address, self._network_state, settle, finish)
        return await check_in_turns(targets, self.policy, steps, progress, deadline)

    async def _check_once_each(
        self, targets: Sequence[LinkTarget], progress: Progress | None
    ) -> dict[str, LinkCheck]:
        """`_check_many`, one check per request (`request_key`: links differing only
        in their fragment), each link given that check under its own URL."""
        groups: dict[str, list[LinkTarget]] = {}
        for target in targets:
            groups.setdefault(request_key(target), []).append(target)
        heads = [group[0] for group in groups.values()]
        checked = await self._check_many(heads, progress)
        for group in groups.values():
            first = checked[group[0].key]
            for target in group[1:]:
                check = dataclasses.replace(first, url=target.display)
                checked[target.key] = check
                if progress:
                    progress(check)
        return checked

    async def _unsettled(
        self, target: LinkTarget, *, prechecked: bool = False
    ) -> LinkCheck | Checked:
        """A final check where `precheck` refuses the target (`prechecked`: it was
        asked already), else its verdict or pending one."""
        pre = None if prechecked else precheck(target, self.policy, self._rule)
        if pre is not None:
            return pre
        if target.kind == "doi":
            assert self._dois is not None, "use LinkChecker in `async with`"
            return await self._dois.check(target)
        return await self._url_check().check(target.value)

    async def _first_address(self, target: LinkTarget, deadline: float | None) -> str | None:
        """The address a URL's first request connects to, when known by the run's
        deadline (the share of workers one address gets: `HostTurns.enter`)."""
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

    async def _network_state(self) -> tuple[bool, bool]:
        assert self.reachability is not None and self._fetcher is not None
        up = await self.reachability.up(force=True)
        dns_ok = up and (self.reachability.names_resolve or bool(self._fetcher.resolved_names))
        return up, dns_ok

    async def _settle(
        self, deadline: float | None, pending: Pending, up: bool, dns_ok: bool, archive: bool
    ) -> LinkCheck:
        """A pending verdict made broken or unverified (`archive`: ask the archive
        for a broken link's snapshot, by `deadline`)."""
        judged = settled(pending, up=up, dns_ok=dns_ok)
        return await self._finish(deadline, judged) if archive else judged.check

    async def _finish(self, deadline: float | None, judged: Judged) -> LinkCheck:
        """A standing verdict, with an archived copy for a broken public link."""
        assert self._archive is not None, "use LinkChecker in `async with`"
        return (await self._archive.add(judged, deadline)).check

    def _url_check(self) -> UrlCheck:
        assert self._urls is not None, "use LinkChecker in `async with`"
        return self._urls

    def _public(self, url: str) -> bool:
        return public_url(url, self._forbidden, self._fetcher)

    def _public_resolver(self, peer: str | None) -> bool:
        return public_peer(peer, self._forbidden)


# -- the client for the services the run is configured to use -------------------------
# Their exact origins are ours to choose and may be non-public (tests run them on
# loopback). Anything they redirect to is checked like every link's hop, whatever the
# policy says about private networks: a DOI's or a URL's answer must not reach our
# neighbours.
TRUSTED_MAX_BODY = 2 * 1024 * 1024  # a handle record, an archive answer


def trusted_client(
    policy: LinkPolicy,
    services: Sequence[str | None],
    forbidden: Callable[[IPAddress], bool],
    backends: BackendAddresses | None = None,
) -> httpx.AsyncClient:
    """A client whose only non-public destinations are `services`' exact origins
    (never one of our own `backends`: `AddressRule.backends`)."""
    refused = backends if backends is not None else service_backends
    rule = AddressRule(False, allowed(list(services)), forbidden, backends=refused)
    transport = PerHostTransport(
        backends=refused,
        per_host=policy.per_host,
        allow_private=False,
        forbidden=forbidden,
        allowed_origins=rule.allowed_origins,
        max_body=TRUSTED_MAX_BODY,
        max_time=2 * (policy.probe_timeout + 5),
    )
    return httpx.AsyncClient(
        headers={
            "User-Agent": policy.user_agent,
            "Accept": "application/json",
            "Accept-Encoding": "gzip, deflate",  # what the transport inflates
        },
        timeout=httpx.Timeout(policy.probe_timeout + 5, connect=policy.probe_timeout),
        follow_redirects=True,
        max_redirects=5,
        trust_env=False,
        cookies=no_jar(),  # the resolver's and the archive's cookies: never kept, never sent
        transport=transport,
        event_hooks={"response": [judge_redirects(rule)]},
    )
