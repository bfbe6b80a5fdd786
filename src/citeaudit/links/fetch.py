"""One link's HTTP exchanges: its redirect chain followed by hand, each request paced
and retried.

`Fetcher.fetch` follows a chain hop by hop (a cap, loop detection by URL and cookies,
every hop's address judged by the links' `AddressRule` before it is sent, and again
by the transport when it connects). Where private networks are allowed (the CLI), a
link the manuscript names may be private, and so may a hop its own intranet redirects
to; a chain that has been at a public address never goes on to a private one (`_Reach`):
"https://short.example/x" answering 302 to "http://192.168.1.1/apply?..." was
followed from the reader's machine into their network, a request no one wrote.

`Fetcher.request` sends one request of the chain: the host's slot first, then a
global one (so a slow host never holds the global slots), the host's minimum interval
between request starts (`HostGate`), retries by the one retry rule (`links/retry.py`):
429 and 503 that are no bot wall wait their Retry-After, timeouts back off; HEAD falls
back to GET outside a plain success.
"""

from __future__ import annotations

import asyncio
import functools
import ipaddress
from contextlib import AbstractAsyncContextManager, nullcontext
from dataclasses import dataclass, replace
from urllib.parse import urljoin, urlsplit

import httpx

from citeaudit.links import errors
from citeaudit.links.address_gate import AddressGate
from citeaudit.links.body import BODY_STATUSES, charset_of, decode_body, header_dict, small_body
from citeaudit.links.cookies import ChainCookies, cookie_state, no_jar
from citeaudit.links.policy import HostGate, LinkPolicy
from citeaudit.links.retry import retry_after
from citeaudit.links.safety import AddressRule, NameLookupFailed, NameNotResolved
from citeaudit.links.schemes import default_port
from citeaudit.links.targets import sendable_url, url_problem, url_too_long, wire_form
from citeaudit.links.transport import Exchange, PerHostTransport, Reply, exchange_for, pinned
from citeaudit.links.verdict import REDIRECTS, is_challenge
from citeaudit.model.link import Hop

__all__ = ["Answer", "Fetched", "Fetcher"]

RETRY_STATUSES = frozenset({429, 503})
RETRY_REASONS = frozenset({errors.TIMEOUT, errors.DNS_UNANSWERED})  # both may pass
INVALID_URL = "invalid-url"
BAD_REDIRECT = "redirect-invalid"
URL_TOO_LONG = "url-too-long"  # past `targets.MAX_URL_LENGTH`: never read as a URL
DEFAULT_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Encoding": "gzip, deflate",
    "Accept-Language": "en;q=0.9, *;q=0.5",
}


@dataclass(frozen=True, slots=True)
class Answer:
    """One HTTP exchange (after retries) or the reason it failed."""

    url: str
    status: int | None = None
    headers: dict[str, str] | None = None
    body: str = ""
    error: str | None = None
    attempts: int = 1
    peer: str | None = None  # the address the answer came from, where known


@dataclass(frozen=True, slots=True)
class Fetched:
    """A redirect chain: where it ended, its hops, and the last answer."""

    url: str
    final_url: str
    hops: tuple[Hop, ...]
    attempts: int
    answer: Answer
    error: str | None = None  # from the chain itself: loops, caps, bad schemes


class _Reach:
    """Where a redirect chain has been: once at a public address, never at a private one
    (the addresses each hop connects to, as looked up and pinned for it, and the one
    its answer came from: a look-up that failed or named several is not the last word)."""

    __slots__ = ("public",)

    def __init__(self) -> None:
        self.public = False


class Fetcher:
    """The link client: open it in the checker's `async with`, close it after."""

    def __init__(
        self,
        policy: LinkPolicy,
        rule: AddressRule,
        gate: HostGate,
        shared: asyncio.Semaphore,
        transport: httpx.AsyncBaseTransport,
        addresses: AddressGate | None = None,
    ) -> None:
        """`addresses`: the per-address limit, on the addresses the transport will
        connect to. Those addresses are looked up, and a redirect chain judged by them
        (`_Reach`), with or without it.

        `transport` is a `PerHostTransport`, the one that judges each connection's
        address as it connects (as `LinkChecker` insists): given httpx's own, every
        link and hop was connected to wherever its name pointed, the rule asked only
        of the URL's text."""
        if not isinstance(transport, PerHostTransport):
            raise TypeError(
                "Fetcher sends links only through a PerHostTransport (it judges each "
                f"connection's address as it connects), not {type(transport).__name__}"
            )
        self.policy = policy
        self._rule = rule
        self._gate = gate
        self._shared = shared
        if isinstance(transport, PerHostTransport):
            # Its connections obey this rule too: a name answering with an address
            # the rule refuses is never connected to (`PerHostTransport.obey`).
            transport.obey(rule)
        self._address_gate = addresses if isinstance(transport, PerHostTransport) else None
        self._lookup = transport.addresses if isinstance(transport, PerHostTransport) else None
        # The request's own look-up: a failure is the request's (`_once`), never asked
        # again by its connection.
        self._look_up = transport.lookup if isinstance(transport, PerHostTransport) else None
        self.requests = 0  # every request sent
        self.resolved_names: set[str] = set()  # hosts that answered by name
        # Hosts whose look-up named a non-public address in this run (the CLI's
        # intranet): never told to a third party, such as the archive (`went_private`).
        self._private_hosts: set[str] = set()
        self._client = httpx.AsyncClient(
            transport=transport,
            headers={"User-Agent": policy.user_agent, **DEFAULT_HEADERS},
            timeout=httpx.Timeout(
                connect=policy.connect_timeout,
                read=policy.read_timeout,
                write=policy.read_timeout,
                pool=None,
            ),
            follow_redirects=False,
            trust_env=False,
            cookies=no_jar(),
        )
        # Every request carries the client's headers and timeouts (as `build_request`
        # would give it; built here once, not merged again for each request).
        self._exchange: Exchange = exchange_for(transport)
        self._header_items: list[tuple[str, str]] = self._client.headers.multi_items()
        self._request_timeout = self._client.timeout.as_dict()

    @classmethod
    def per_host(
        cls,
        policy: LinkPolicy,
        rule: AddressRule,
        gate: HostGate,
        shared: asyncio.Semaphore,
        addresses: AddressGate | None = None,
    ) -> Fetcher:
        """Over the aiohttp transport with one small pool per host (the default)."""
        transport = PerHostTransport(
            per_host=policy.per_host,
            allow_private=policy.allow_private_networks,
            allow_own_machine=policy.allow_own_machine and rule.allow_own_machine,
            forbidden=rule.forbidden,
            metadata=rule.metadata,
            own_machine=rule.own_machine,
            backends=rule.backends.including(policy.backends),
        )
        return cls(policy, rule, gate, shared, transport, addresses)

    async def addresses_of(self, url: str) -> list[str]:
        """The addresses a request to `url` would connect to (see `AddressGate`)."""
        if self._lookup is None:
            return []
        try:
            target = sendable_url(url)
            host = target.raw_host.decode("ascii").lower()
        except (httpx.InvalidURL, ValueError, UnicodeError):
            return []
        return await self._lookup(host, target.port or _default_port(target.scheme))

    def went_private(self, url: str) -> bool:
        """`url`'s host resolved to a non-public address in this run."""
        try:
            host = sendable_url(url).raw_host.decode("ascii").lower()
        except (httpx.InvalidURL, ValueError, UnicodeError):
            return False
        return host in self._private_hosts

    async def aclose(self) -> None:
        await self._client.aclose()

    async def fetch(
        self,
        url: str,
        *,
        method: str | None = None,
        retries: int | None = None,
        from_public: bool = False,
    ) -> Fetched:
        """Follow the redirect chain of `url` by hand, within the policy's `chain_time`.

        Each request has its own timeout, but a chain of slow hops, each retried and
        each asking to be waited for, added up to many minutes: past `chain_time` the
        chain ends as a timeout of the hop it was at, and a Retry-After longer than
        what is left is not waited for. `from_public`: a public service sent us to
        `url` (a DOI's landing page, as the resolver names it), so no hop of the chain
        may be private, first one included (`_Reach`).

        A URL past `targets.MAX_URL_LENGTH` is not read at all (each reading costs
        its length in Python): not sent, and no Location past it is followed."""
        if url_too_long(url):
            return Fetched(url, url, (), 0, Answer(url), error=URL_TOO_LONG)
        if self._rule.url_refusal(url) is not None:  # a DOI's landing page, too
            return Fetched(url, url, (), 0, Answer(url), error=errors.PRIVATE)
        if url_problem(url) is not None:
            # The first hop meets every hop's rule: a landing page a handle record
            # names (a stranger's text) that no check can read is not handed to httpx,
            # which reads a host of its own in it ("http://[x\\@host/").
            return Fetched(url, url, (), 0, Answer(url), error=INVALID_URL)
        deadline = asyncio.get_running_loop().time() + self.policy.chain_time
        progress: list[Fetched] = []  # the chain so far, should the deadline pass
        try:
            async with asyncio.timeout_at(deadline):
                return await self._chain(url, method, retries, deadline, progress, from_public)
        except TimeoutError:
            last = progress[-1] if progress else Fetched(url, url, (), 1, Answer(url))
            return replace(last, answer=Answer(last.final_url, error=errors.TIMEOUT))

    async def _chain(
        self,
        url: str,
        method: str | None,
        retries: int | None,
        deadline: float,
        progress: list[Fetched],
        from_public: bool = False,
    ) -> Fetched:
        hops: list[Hop] = []
        current = url
        cookies = ChainCookies()
        reach = _Reach()
        reach.public = from_public
        seen = {(url, cookie_state(cookies))}
        attempts = 1  # one, plus every retry along the chain
        answer = Answer(url)
        for _ in range(self.policy.max_redirects + 1):
            progress.append(Fetched(url, current, tuple(hops), attempts, answer))
            answer = await self.request(
                current, cookies, method=method, retries=retries, deadline=deadline, reach=reach
            )
            attempts += answer.attempts - 1
            location = (answer.headers or {}).get("location")
            if answer.status not in REDIRECTS or not location:
                return Fetched(url, current, tuple(hops), attempts, answer)
            hops.append(Hop(current, answer.status))
            if url_too_long(location):  # a stranger's 64 KB, read ten times a hop
                return Fetched(url, current, tuple(hops), attempts, answer, error=BAD_REDIRECT)
            try:
                nxt = urljoin(current, location.strip())
                scheme = urlsplit(nxt).scheme.lower()
            except ValueError:  # a Location such as "http://[::1"
                return Fetched(url, current, tuple(hops), attempts, answer, error=BAD_REDIRECT)
            if scheme not in ("http", "https"):
                return Fetched(url, current, tuple(hops), attempts, answer, error="redirect-scheme")
            if url_too_long(nxt):  # joined past the bound (a long base and a Location)
                return Fetched(url, current, tuple(hops), attempts, answer, error=BAD_REDIRECT)
            if self._rule.redirect_refusal(nxt, location) is not None:
                return Fetched(url, nxt, tuple(hops), attempts, answer, error=errors.PRIVATE)
            if url_problem(nxt) is not None:
                return Fetched(url, current, tuple(hops), attempts, answer, error=BAD_REDIRECT)
            # Followed, kept and reported as sent: the Location's own text is a
            # stranger's, and a moved URL is written into the author's file (`wire_form`).
            nxt = wire_form(nxt)
            # The same URL with the same cookies again is a loop; a site that sets a
            # cookie and sends us back to the same page is not.
            state = (nxt, cookie_state(cookies))
            if state in seen:
                return Fetched(url, nxt, tuple(hops), attempts, answer, error="redirect-loop")
            seen.add(state)
            current = nxt
        return Fetched(url, current, tuple(hops), attempts, answer, error="too-many-redirects")

    async def request(
        self,
        url: str,
        cookies: ChainCookies,
        *,
        method: str | None = None,
        retries: int | None = None,
        deadline: float | None = None,
        reach: _Reach | None = None,
    ) -> Answer:
        """One request with retries for 429, 503 and timeouts; HEAD falls back to GET.

        `deadline` (the event loop's clock): no retry waits past it. `reach`: where
        the chain this request is a hop of has been."""
        p = self.policy
        rule = p.retry if retries is None else replace(p.retry, attempts=retries + 1)
        verb = method or p.method
        attempt = 0
        while True:
            attempt += 1
            answer = await self._once(url, verb, cookies, reach)
            if (
                verb == "HEAD"
                and answer.status is not None
                and not (200 <= answer.status < 400 and answer.status not in (204,))
            ):
                verb = "GET"  # HEAD is unreliable outside a plain success: ask again
                attempt -= 1
                continue
            wait = None  # no retry: attempts spent, a final answer, a bot wall, too long
            if attempt < rule.attempts:
                if answer.error in RETRY_REASONS:
                    wait = rule.delay(attempt - 1)
                elif (
                    answer.status in RETRY_STATUSES
                    and answer.headers is not None
                    and not is_challenge(answer.status, answer.headers, answer.body)
                ):
                    wait = rule.wait(attempt - 1, retry_after(answer.headers))
            if wait is None or _past(deadline, wait):
                return replace(answer, attempts=attempt)
            await asyncio.sleep(wait)

    async def _once(
        self, url: str, method: str, cookies: ChainCookies, reach: _Reach | None = None
    ) -> Answer:
        p = self.policy
        try:
            target = sendable_url(url)  # parsed when the URL was checked, as a rule
            # The host as it goes on the wire (IDNA-encoded), lower case: the key of
            # its limits.
            host = target.raw_host.decode("ascii").lower()
        except (httpx.InvalidURL, ValueError, UnicodeError):  # IDNA, surrogates...
            return Answer(url, error=INVALID_URL)
        sent = self._header_items
        jar = cookies.jar
        if jar is not None:  # only once a hop has set a cookie
            carrier = httpx.Request(method, target)
            jar.set_cookie_header(carrier)
            if "cookie" in carrier.headers:
                sent = [*sent, ("Cookie", carrier.headers["cookie"])]
        addresses: list[str] = []
        # Looked up whenever the transport says where it connects: for the per-address
        # limit, and for the chain rule below, which must not hang on that limit.
        if self._look_up is not None:
            try:
                async with asyncio.timeout(p.connect_timeout):  # as the connection's own
                    addresses = await self._look_up(
                        host, target.port or _default_port(target.scheme)
                    )
            except TimeoutError:  # what the connection's own look-up would have said
                return Answer(url, error=errors.TIMEOUT)
            except (NameNotResolved, NameLookupFailed) as exc:
                # What the connection's own look-up would have said; it does not ask
                # again (a name server failing once, then answering, had the request
                # connect to an address it held no slot on: `CheckedResolver`).
                return Answer(url, error=errors.reason_for(exc))
        private = any(self._rule.forbidden(_address(a)) for a in addresses)
        if private:
            self._private_hosts.add(host)
        if reach is not None and self._rule.allow_private and self._lookup is not None:
            if not addresses and reach.public:
                # No answer now: the connection would ask again, and a name server
                # failing once and then naming a private address would slip past.
                return Answer(url, error=errors.DNS)
            if private and reach.public:  # a public hop sends us into a private network
                return Answer(url, error=errors.PRIVATE)
            reach.public = reach.public or (bool(addresses) and not private)
        with pinned(host, addresses):
            async with self._held(addresses):
                answer = await self._send(url, method, target, host, sent, cookies)
        if answer.peer is not None and self._lookup is not None:
            # Judged again by where the answer came from: the look-up above may have
            # given nothing (the connection then asked again) or several addresses.
            came_private = self._rule.forbidden(_address(answer.peer))
            if came_private:
                self._private_hosts.add(host)
            if reach is not None and not came_private:
                reach.public = True
        return answer

    async def _send(
        self,
        url: str,
        method: str,
        target: httpx.URL,
        host: str,
        sent: list[tuple[str, str]],
        cookies: ChainCookies,
    ) -> Answer:
        p = self.policy
        async with self._gate.slot(host, self._shared):
            self.requests += 1
            try:
                async with asyncio.timeout(p.total_timeout) as budget:
                    # The transport's own call, not `AsyncClient.send`: the request
                    # carries the client's headers and timeouts, and no httpx Request
                    # or Response is built for it (see transport.Exchange).
                    reply = await self._exchange(method, target, sent, self._request_timeout)
                    try:
                        headers = header_dict(reply.raw_headers)
                        if "set-cookie" in headers:
                            cookies.take(reply.status, reply.raw_headers, method, target)
                        raw = b""
                        if method != "HEAD" and reply.status in BODY_STATUSES:
                            if 200 <= reply.status < 300:
                                raw = await reply.read(p.read_cap)  # the verdict reads it
                            else:
                                raw = await _spare_read(reply, p.read_cap, budget)
                        elif method != "HEAD" and small_body(headers):
                            # Read to the end (a few hundred bytes of a redirect or 404
                            # page), so the connection goes back to the pool instead of
                            # being closed: the next request to the host reuses it.
                            await _spare_read(reply, p.read_cap, budget)
                    finally:
                        await reply.aclose()
            except httpx.HTTPError as exc:
                return Answer(url, error=errors.reason_for(exc))
            except TimeoutError:
                return Answer(url, error=errors.TIMEOUT)
            except (httpx.InvalidURL, ValueError, UnicodeError):  # IDNA, surrogates...
                return Answer(url, error=INVALID_URL)
        if host not in self.resolved_names and host and not _is_ip(host):
            self.resolved_names.add(host)
        body = (
            decode_body(
                raw,
                headers.get("content-encoding"),
                charset_of(headers.get("content-type")),
                p.read_cap,
            )
            if raw
            else ""
        )
        return Answer(url, status=reply.status, headers=headers, body=body, peer=reply.peer)

    def _held(self, addresses: list[str]) -> AbstractAsyncContextManager[None]:
        if self._address_gate is None or not addresses:
            return nullcontext()
        return self._address_gate.slot(addresses)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """A looked-up address (an IPv6 zone dropped: it does not change where it goes)."""
    return ipaddress.ip_address(text.split("%", 1)[0])


def _default_port(scheme: str) -> int:
    return default_port(scheme)


# The most a body the verdict can do without is waited for (a redirect's or a 404's
# few hundred bytes, a 403's or 429's bot-wall page), and the share of what is left of
# the request's own time it may take: its answer stands whatever the body does.
SPARE_READ_TIME = 1.0


async def _spare_read(reply: Reply, cap: int, budget: asyncio.Timeout) -> bytes:
    """What `reply`'s body gives within `SPARE_READ_TIME` (and half of what is left of
    `budget`), for an answer whose status and headers are its verdict: a 404, a
    redirect, a 403 or 429. Such a body was read within the request's own timeout,
    and a server that sent the head and then stalled (a Content-Length it never
    fills, a body a byte a second) turned a "404" into a timeout -- unverified, and
    asked again and again as a timeout is -- and a redirect into no redirect. A body
    that ends early or late is dropped (its connection closed, not kept); the
    status stands."""
    loop = asyncio.get_running_loop()
    now = loop.time()
    ends = budget.when()
    stop = now + SPARE_READ_TIME if ends is None else now + min(SPARE_READ_TIME, (ends - now) / 2)
    try:
        async with asyncio.timeout_at(stop):
            return await reply.read(cap)
    except (httpx.HTTPError, TimeoutError):
        return b""


def _past(deadline: float | None, wait: float) -> bool:
    """Waiting `wait` seconds now would end past `deadline` (None: no deadline)."""
    return deadline is not None and asyncio.get_running_loop().time() + wait >= deadline


@functools.lru_cache(maxsize=1024)
def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True
