"""The async link checker: httpx's API on aiohttp's engine, polite limits, hand-followed redirects.

    async with LinkChecker(policy, doi_url=..., archive_url=..., probe_urls=...) as checker:
        checks = await checker.check_all([target_for(u) for u in urls])

Per request: the per-host slot is taken first (so a slow host never holds the global
slots), then a global slot; the host's minimum interval holds between actual request
starts (see `HostGate`). Redirects are followed by hand, hop by hop, with a cap
and loop detection; every connection goes through the transport's checked resolver
(`transport.py`), so each hop is checked against private addresses. 429 and 503
answers and timeouts are retried with exponential backoff or the server's
`Retry-After` (bounded); attempts are kept.
Bodies are read raw up to a small cap and decompressed with a bound, so neither a
huge body nor a decompression bomb costs more than the cap.
"""

from __future__ import annotations

import asyncio
import functools
import http.cookiejar
import ipaddress
import itertools
import re
import zlib
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx

from citeaudit.doi import doi_path, doi_refusal
from citeaudit.links import errors
from citeaudit.links.archive import closest_snapshot
from citeaudit.links.cache import LinkCache
from citeaudit.links.policy import HostGate, LinkPolicy, parse_retry_after
from citeaudit.links.reachability import Reachability
from citeaudit.links.safety import AddressRule, IPAddress, allowed, is_forbidden_address
from citeaudit.links.shared_pacing import SharedPacer
from citeaudit.links.soft404 import Page, absent_url, could_be_soft_404, is_soft_404, probe_key
from citeaudit.links.targets import LinkTarget, sendable_url, url_problem
from citeaudit.links.transport import (
    Exchange,
    PerHostTransport,
    RawHeaders,
    exchange_for,
    judge_redirects,
)
from citeaudit.links.verdict import (
    REDIRECTS,
    Verdict,
    classify_error,
    classify_status,
)
from citeaudit.model.link import Hop, LinkCheck, LinkOutcome

Progress = Callable[[LinkCheck], None]

BODY_STATUSES = frozenset({200, 202, 203, 403, 429, 503})
RETRY_STATUSES = frozenset({429, 503})
RETRY_REASONS = frozenset({errors.TIMEOUT, errors.DNS_UNANSWERED})  # both may pass
TRUSTED_MAX_BODY = 2 * 1024 * 1024
DEFAULT_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Encoding": "gzip, deflate",
    "Accept-Language": "en;q=0.9, *;q=0.5",
}


class _NoJar(http.cookiejar.CookieJar):
    """The shared client's jar: keeps nothing (a chain's cookies live in `fetch`).

    The client hands every response to its jar; refusing each cookie by policy still
    builds a mail message of the headers per response, so nothing is looked at here.
    """

    def extract_cookies(self, response: object, request: object) -> None:
        return None

    def add_cookie_header(self, request: object) -> None:
        return None


class _NoCookies:
    """A cookie policy refusing every cookie: the client's own jar stays empty."""

    netscape = True
    rfc2965 = False
    hide_cookie2 = True

    def set_ok(self, cookie: object, request: object) -> bool:
        return False

    def return_ok(self, cookie: object, request: object) -> bool:
        return False

    def domain_return_ok(self, domain: str, request: object) -> bool:
        return False

    def path_return_ok(self, path: str, request: object) -> bool:
        return False


@dataclass(frozen=True, slots=True)
class Answer:
    """One HTTP exchange (after retries) or the reason it failed."""

    url: str
    status: int | None = None
    headers: dict[str, str] | None = None
    body: str = ""
    error: str | None = None
    attempts: int = 1


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    final_url: str
    hops: tuple[Hop, ...]
    attempts: int
    answer: Answer
    error: str | None = None  # from the chain itself: loops, caps, bad schemes


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


_CHARSET = re.compile(r';\s*charset\s*=\s*"?([^";\s]+)', re.IGNORECASE)


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type (as httpx's `charset_encoding`, cheaper)."""
    if not content_type:
        return None
    match = _CHARSET.search(content_type)
    return match.group(1).lower() if match else None


def decode_body(raw: bytes, encoding: str | None, charset: str | None, cap: int) -> str:
    """Decode a capped raw body; decompression is bounded by `cap` (no bombs)."""
    coding = (encoding or "identity").strip().lower()
    data = raw
    if coding in {"gzip", "x-gzip", "deflate"}:
        wbits = 47 if coding != "deflate" else 15
        try:
            data = zlib.decompressobj(wbits).decompress(raw, cap)
        except zlib.error:
            if coding != "deflate":
                return ""
            try:
                data = zlib.decompressobj(-15).decompress(raw, cap)
            except zlib.error:
                return ""
    elif coding not in {"identity", ""}:
        return ""  # br, zstd, ...: not needed for a verdict
    try:
        return data[:cap].decode(charset or "utf-8", errors="replace")
    except LookupError:
        return data[:cap].decode("utf-8", errors="replace")


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
        self._global = asyncio.Semaphore(max(1, self.policy.concurrency))
        self._absent: dict[tuple[str, str, str], asyncio.Future[Page | None]] = {}
        self._resolved_names: set[str] = set()
        self.requests = 0  # every HTTP request sent (for tests and benches)
        self._client: httpx.AsyncClient | None = None
        self._exchange: Exchange | None = None
        self._header_items: list[tuple[str, str]] = []
        self._request_timeout: dict[str, float | None] = {}
        self._trusted: httpx.AsyncClient | None = None
        self.reachability: Reachability | None = None

    # -- lifecycle ---------------------------------------------------------------------
    def _timeout(self) -> httpx.Timeout:
        p = self.policy
        return httpx.Timeout(
            connect=p.connect_timeout, read=p.read_timeout, write=p.read_timeout, pool=None
        )

    async def __aenter__(self) -> LinkChecker:
        p = self.policy
        transport = self._transport or PerHostTransport(
            per_host=p.per_host,
            allow_private=p.allow_private_networks,
            forbidden=self._forbidden,
        )
        headers = {"User-Agent": p.user_agent, **DEFAULT_HEADERS}
        jar = _NoJar(policy=_NoCookies())  # type: ignore[arg-type]
        self._client = httpx.AsyncClient(
            transport=transport,
            headers=headers,
            timeout=self._timeout(),
            follow_redirects=False,
            trust_env=False,
            cookies=jar,
        )
        # Every request carries the client's headers and timeouts (as `build_request`
        # would give it; built here once, not merged again for each request).
        self._exchange = exchange_for(transport)
        self._header_items = self._client.headers.multi_items()
        self._request_timeout = self._client.timeout.as_dict()
        # The configured services (resolver, archive, probe) are ours to choose: their
        # exact origins may be non-public (tests run them on loopback). Anything they
        # redirect to is checked like every link's hop, whatever the policy says about
        # private networks: a DOI's or a URL's answer must not reach our neighbours.
        trusted = AddressRule(
            False, allowed([self.doi_url, self.archive_url, *self._probe_urls]), self._forbidden
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
            transport=PerHostTransport(
                per_host=p.per_host,
                allow_private=False,
                forbidden=self._forbidden,
                allowed_origins=trusted.allowed_origins,
                max_body=TRUSTED_MAX_BODY,  # a handle record, an archive answer
                max_time=2 * (p.probe_timeout + 5),
            ),
            event_hooks={"response": [judge_redirects(trusted)]},
        )
        self.reachability = Reachability(
            self._trusted, self._probe_urls, p.probe_timeout, dns_names=self._dns_names
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        for client in (self._client, self._trusted):
            if client is not None:
                await client.aclose()
        self._client = self._trusted = None
        self._exchange = None

    # -- public ------------------------------------------------------------------------
    async def check_all(
        self, targets: Sequence[LinkTarget], progress: Progress | None = None
    ) -> list[LinkCheck]:
        """Check each distinct target once; results in the order of first appearance."""
        unique = list({t.key: t for t in targets}.values())
        results: dict[str, LinkCheck] = {}
        todo: list[LinkTarget] = []
        for target in unique:
            pre = self._precheck(target)
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
                    self.cache.put_many((t.key, checked[t.key]) for t in todo)
        return [results[t.key] for t in unique]

    async def _check_many(
        self,
        targets: Sequence[LinkTarget],
        progress: Progress | None,
        *,
        prechecked: bool = False,
    ) -> dict[str, LinkCheck]:
        checked: dict[str, LinkCheck] = {}
        # A bounded number of workers take the targets in turn, hosts interleaved: a
        # task per target at once held every waiting request's frames (6 KB a URL),
        # and interleaving keeps every host's limit busy with few workers waiting.
        queue = _interleaved(targets)

        async def worker() -> None:
            for target in queue:  # shared: each worker takes the next target
                check = await self._check_unsettled(target, prechecked=prechecked)
                checked[target.key] = check
                if progress and not _pending(check):
                    progress(check)

        workers = min(len(targets), max(256, 8 * self.policy.concurrency))
        await asyncio.gather(*(worker() for _ in range(workers)))
        # Verdicts that rest on our own network (a refused connection, a name that
        # does not resolve) wait until the end: our network must still be up, and
        # names must resolve for others, before anything is called broken.
        pending = [t for t in targets if _pending(checked[t.key])]
        if pending:
            up, dns_ok = await self._network_state()
            for target in pending:
                check = await self._settle(checked[target.key], up=up, dns_ok=dns_ok)
                checked[target.key] = check
                if progress:
                    progress(check)
        return checked

    async def _check_many_for_test(self, targets: Sequence[LinkTarget]) -> list[LinkCheck]:
        """`check_all` without the preflight probe and the cache (for tests)."""
        checked = await self._check_many(targets, None)
        return [checked[t.key] for t in targets]

    async def check(self, target: LinkTarget) -> LinkCheck:
        """One target, not cached, settled at once."""
        check = await self._check_unsettled(target)
        if _pending(check):
            up, dns_ok = await self._network_state()
            check = await self._settle(check, up=up, dns_ok=dns_ok)
        return check

    async def _check_unsettled(self, target: LinkTarget, *, prechecked: bool = False) -> LinkCheck:
        """`prechecked`: `_precheck` found nothing already (it parses the URL: not twice)."""
        pre = None if prechecked else self._precheck(target)
        if pre is not None:
            return pre
        if target.kind == "doi":
            check = await self._check_doi(target)
        else:
            check = await self._check_url(target.value)
        if check.outcome is LinkOutcome.BROKEN:
            check = await self._with_archive(check)
        return check

    async def _network_state(self) -> tuple[bool, bool]:
        assert self.reachability is not None
        up = await self.reachability.up(force=True)
        dns_ok = up and (self.reachability.names_resolve or bool(self._resolved_names))
        return up, dns_ok

    async def _settle(self, check: LinkCheck, *, up: bool, dns_ok: bool) -> LinkCheck:
        """Turn a pending network verdict into broken or unverified."""
        reason = (check.reason or "").removeprefix(_PENDING)
        doi_target = reason.startswith("doi-target-")
        verdict = classify_error(reason.removeprefix("doi-target-"), network_up=up, dns_ok=dns_ok)
        new_reason = verdict.reason
        if doi_target and verdict.outcome is LinkOutcome.BROKEN:
            new_reason = f"doi-target-{verdict.reason}"
        elif doi_target:
            return replace(
                check,
                outcome=LinkOutcome.OK if up else LinkOutcome.UNVERIFIED,
                reason=None if up else "network-down",
            )
        check = replace(check, outcome=verdict.outcome, reason=new_reason)
        if check.outcome is LinkOutcome.BROKEN:
            check = await self._with_archive(check)
        return check

    # -- verdict helpers ---------------------------------------------------------------
    def _precheck(self, target: LinkTarget) -> LinkCheck | None:
        if target.kind == "other":
            return LinkCheck(
                url=target.value, outcome=LinkOutcome.EXCLUDED, reason="not-a-url", attempts=0
            )
        if target.kind == "url" and self._rule.url_refusal(target.value) is not None:
            verdict = classify_error(errors.PRIVATE, network_up=True, dns_ok=True)
            return LinkCheck(
                url=target.value,
                outcome=verdict.outcome,
                reason=verdict.reason,
                attempts=0,
                checked_at=now_iso(),
            )
        if target.kind == "url" and url_problem(target.value) is not None:
            return LinkCheck(
                url=target.value,
                outcome=LinkOutcome.BROKEN,
                reason=INVALID_URL,
                attempts=0,
                checked_at=now_iso(),
            )
        if target.kind == "doi" and doi_refusal(target.value) is not None:
            # Dot segments, control characters...: never put into the resolver's URL.
            return LinkCheck(
                url=target.display,
                outcome=LinkOutcome.BROKEN,
                reason=MALFORMED_DOI,
                attempts=0,
                checked_at=now_iso(),
            )
        pattern = self.policy.excluded_by(target.display)
        if pattern is not None:
            return LinkCheck(
                url=target.display,
                outcome=LinkOutcome.EXCLUDED,
                reason=f"pattern:{pattern}",
                attempts=0,
            )
        return None

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
        async with self._gate.slot(_host(self.archive_url), self._global):
            snapshot = await closest_snapshot(
                self._trusted, self.archive_url, url or check.url, self.policy.probe_timeout + 5
            )
        if snapshot is not None:
            self.requests += 1
            return replace(check, archive_url=snapshot)
        return check

    # -- URLs --------------------------------------------------------------------------
    async def _check_url(self, url: str) -> LinkCheck:
        fetched = await self.fetch(url)
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
                return replace(base, reason=_PENDING + answer.error)
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
            if await self._soft_404(page):
                verdict = Verdict(LinkOutcome.BROKEN, "soft-404")
        return replace(
            base,
            outcome=verdict.outcome,
            reason=verdict.reason,
            final_url=verdict.fix_url or base.final_url,
        )

    async def _soft_404(self, page: Page) -> bool:
        if urlsplit(page.url).path in ("", "/") or not could_be_soft_404(page):
            return False
        key = probe_key(page.url)
        future = self._absent.get(key)
        if future is None:
            future = asyncio.get_running_loop().create_future()
            self._absent[key] = future
            try:
                missing = absent_url(page.url)
                fetched = await self.fetch(missing, method="GET", retries=0)
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

    async def fetch(
        self, url: str, *, method: str | None = None, retries: int | None = None
    ) -> Fetched:
        """Follow the redirect chain of `url` by hand."""
        hops: list[Hop] = []
        current = url
        if self._rule.url_refusal(url) is not None:  # a DOI's landing page, too
            return Fetched(url, url, (), 0, Answer(url), error=errors.PRIVATE)
        cookies = _ChainCookies()
        seen = {(url, _cookie_state(cookies))}
        attempts = 1  # one, plus every retry along the chain
        answer = Answer(url)
        for _ in range(self.policy.max_redirects + 1):
            answer = await self._request(current, cookies, method=method, retries=retries)
            attempts += answer.attempts - 1
            location = (answer.headers or {}).get("location")
            if answer.status not in REDIRECTS or not location:
                return Fetched(url, current, tuple(hops), attempts, answer)
            hops.append(Hop(current, answer.status))
            try:
                nxt = urljoin(current, location.strip())
                scheme = urlsplit(nxt).scheme.lower()
            except ValueError:  # a Location such as "http://[::1"
                return Fetched(url, current, tuple(hops), attempts, answer, error=BAD_REDIRECT)
            if scheme not in ("http", "https"):
                return Fetched(url, current, tuple(hops), attempts, answer, error="redirect-scheme")
            if self._rule.url_refusal(nxt) is not None:
                return Fetched(url, nxt, tuple(hops), attempts, answer, error=errors.PRIVATE)
            if url_problem(nxt) is not None:
                return Fetched(url, current, tuple(hops), attempts, answer, error=BAD_REDIRECT)
            # The same URL with the same cookies again is a loop; a site that sets a
            # cookie and sends us back to the same page is not.
            state = (nxt, _cookie_state(cookies))
            if state in seen:
                return Fetched(url, nxt, tuple(hops), attempts, answer, error="redirect-loop")
            seen.add(state)
            current = nxt
        return Fetched(url, current, tuple(hops), attempts, answer, error="too-many-redirects")

    async def _request(
        self,
        url: str,
        cookies: _ChainCookies,
        *,
        method: str | None = None,
        retries: int | None = None,
    ) -> Answer:
        """One request with retries for 429, 503 and timeouts; HEAD falls back to GET."""
        p = self.policy
        max_retries = p.max_retries if retries is None else retries
        verb = method or p.method
        attempt = 0
        while True:
            attempt += 1
            answer = await self._once(url, verb, cookies)
            if (
                verb == "HEAD"
                and answer.status is not None
                and not (200 <= answer.status < 400 and answer.status not in (204,))
            ):
                verb = "GET"  # HEAD is unreliable outside a plain success: ask again
                attempt -= 1
                continue
            if attempt > max_retries:
                return replace(answer, attempts=attempt)
            if answer.error in RETRY_REASONS:
                await asyncio.sleep(p.backoff * 2 ** (attempt - 1))
                continue
            if answer.status in RETRY_STATUSES and answer.headers is not None:
                from citeaudit.links.verdict import is_challenge

                if is_challenge(answer.status, answer.headers, answer.body):
                    return replace(answer, attempts=attempt)
                wait = parse_retry_after(answer.headers.get("retry-after"))
                if wait is None:
                    wait = p.backoff * 2 ** (attempt - 1)
                if wait > p.max_retry_after:
                    return replace(answer, attempts=attempt)
                await asyncio.sleep(wait)
                continue
            return replace(answer, attempts=attempt)

    async def _once(self, url: str, method: str, cookies: _ChainCookies) -> Answer:
        assert self._exchange is not None
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
        async with self._gate.slot(host, self._global):
            self.requests += 1
            try:
                async with asyncio.timeout(p.total_timeout):
                    # The transport's own call, not `AsyncClient.send`: the request
                    # carries the client's headers and timeouts, and no httpx Request
                    # or Response is built for it (see transport.Exchange).
                    reply = await self._exchange(method, target, sent, self._request_timeout)
                    try:
                        headers = header_dict(reply.raw_headers)
                        if "set-cookie" in headers:
                            if cookies.jar is None:
                                cookies.jar = httpx.Cookies()
                            cookies.jar.extract_cookies(
                                httpx.Response(
                                    reply.status,
                                    headers=reply.raw_headers,
                                    request=httpx.Request(method, target),
                                )
                            )
                        raw = b""
                        if method != "HEAD" and reply.status in BODY_STATUSES:
                            raw = await reply.read(p.read_cap)
                        elif method != "HEAD" and _small_body(headers):
                            # Read to the end (a few hundred bytes of a redirect or 404
                            # page), so the connection goes back to the pool instead of
                            # being closed: the next request to the host reuses it.
                            await reply.read(p.read_cap)
                    finally:
                        await reply.aclose()
            except httpx.HTTPError as exc:
                return Answer(url, error=errors.reason_for(exc))
            except TimeoutError:
                return Answer(url, error=errors.TIMEOUT)
            except (httpx.InvalidURL, ValueError, UnicodeError):  # IDNA, surrogates...
                return Answer(url, error=INVALID_URL)
        if host not in self._resolved_names and host and not _is_ip(host):
            self._resolved_names.add(host)
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
        return Answer(url, status=reply.status, headers=headers, body=body)

    # -- DOIs --------------------------------------------------------------------------
    async def _check_doi(self, target: LinkTarget) -> LinkCheck:
        assert self._trusted is not None
        doi = target.value
        api = f"{self.doi_url}/api/handles/{doi_path(doi)}"  # refused DOIs: `_precheck`
        base = LinkCheck(url=target.display, outcome=LinkOutcome.UNVERIFIED, checked_at=now_iso())
        attempts = 0
        data: object = None
        status = None
        for attempt in range(self.policy.max_retries + 1):
            attempts += 1
            try:
                # The resolver is a host like any other: its own limit and interval,
                # and a global slot (not a burst of every DOI in the list at once).
                async with self._gate.slot(_host(api), self._global):
                    self.requests += 1
                    response = await self._trusted.get(api, params={"type": "URL"})
            except httpx.HTTPError as exc:
                reason = errors.reason_for(exc)
                if reason in RETRY_REASONS and attempt < self.policy.max_retries:
                    await asyncio.sleep(self.policy.backoff * 2**attempt)
                    continue
                return replace(base, reason=f"resolver-{reason}", attempts=attempts)
            status = response.status_code
            if status in RETRY_STATUSES and attempt < self.policy.max_retries:
                wait = parse_retry_after(response.headers.get("retry-after"))
                wait = self.policy.backoff * 2**attempt if wait is None else wait
                if wait <= self.policy.max_retry_after:
                    await asyncio.sleep(wait)
                    continue
            try:
                data = response.json()
            except ValueError:
                data = None
            break
        code = data.get("responseCode") if isinstance(data, dict) else None
        base = replace(base, attempts=attempts, status=status)
        if code == 100 and status in (200, 404):
            return replace(base, outcome=LinkOutcome.BROKEN, reason="doi-not-found")
        if code != 1 or not isinstance(data, dict):
            return replace(base, reason=f"resolver-status-{status}")
        target_url = None
        for value in data.get("values") or ():
            if isinstance(value, dict) and value.get("type") == "URL":
                target_url = (value.get("data") or {}).get("value")
                break
        if not isinstance(target_url, str) or not target_url.startswith(("http://", "https://")):
            return replace(base, outcome=LinkOutcome.OK, reason="doi-registered")
        landing = await self._check_url(target_url)
        if _pending(landing):
            return replace(
                base,
                reason=_PENDING + "doi-target-" + (landing.reason or "").removeprefix(_PENDING),
                final_url=target_url,
                attempts=attempts + landing.attempts,
            )
        if landing.reason == errors.PRIVATE:  # not checked: not called fine either
            return replace(
                base,
                reason=f"doi-target-{errors.PRIVATE}",
                final_url=target_url,
                attempts=attempts + landing.attempts,
            )
        if landing.outcome is LinkOutcome.BROKEN:
            return replace(
                base,
                outcome=LinkOutcome.BROKEN,
                reason=f"doi-target-{landing.reason}",
                final_url=target_url,
                hops=landing.hops,
                attempts=attempts + landing.attempts,
            )
        return replace(
            base, outcome=LinkOutcome.OK, final_url=target_url, attempts=attempts + landing.attempts
        )


_PENDING = "pending:"
MALFORMED_DOI = "malformed-doi"
INVALID_URL = "invalid-url"
BAD_REDIRECT = "redirect-invalid"
NETWORK_DEPENDENT = frozenset({errors.REFUSED, errors.DNS})


def _pending(check: LinkCheck) -> bool:
    return (check.reason or "").startswith(_PENDING)


class _ChainCookies:
    """The cookies one redirect chain was given; the jar is made for the first one."""

    __slots__ = ("jar",)

    def __init__(self) -> None:
        self.jar: httpx.Cookies | None = None


def _cookie_state(cookies: _ChainCookies) -> tuple[tuple[str, str, str], ...]:
    if cookies.jar is None or not cookies.jar.jar:
        return ()
    return tuple(sorted((c.domain, c.name, c.value or "") for c in cookies.jar.jar))


DRAIN_CAP = 16 * 1024  # a body up to this size is read through to keep the connection


def header_dict(raw: RawHeaders) -> dict[str, str]:
    """Lower-case names to values, a repeated header's values joined by ", ", decoded
    as httpx decodes them (ASCII, else UTF-8, else Latin-1, for the whole block)."""
    for encoding in ("ascii", "utf-8"):
        try:
            pairs = [(k.decode(encoding).lower(), v.decode(encoding)) for k, v in raw]
            break
        except UnicodeDecodeError:
            continue
    else:
        pairs = [(k.decode("iso-8859-1").lower(), v.decode("iso-8859-1")) for k, v in raw]
    headers: dict[str, str] = {}
    for name, value in pairs:
        if name in headers:
            headers[name] = f"{headers[name]}, {value}"
        else:
            headers[name] = value
    return headers


def _small_body(headers: dict[str, str]) -> bool:
    length = headers.get("content-length", "")
    return length.isdigit() and int(length) <= DRAIN_CAP


ACTIVE_HOSTS = 256  # hosts taken in turn at once: half the transport's pools


def _interleaved(targets: Sequence[LinkTarget], active: int = ACTIVE_HOSTS) -> Iterator[LinkTarget]:
    """The targets host by host in turn (each host's in their order), among at most
    `active` hosts at a time; a host that has no more joins the next one waiting.

    Workers then spread over many hosts, so every host's limit stays busy; and they
    never spread over more hosts than the transport keeps pools for (in turn over
    2,500 hosts, each request found its pool closed and opened a new connection).
    """
    by_host: dict[str, deque[LinkTarget]] = {}
    for target in targets:
        host = _host(target.value) if target.kind == "url" else target.kind
        by_host.setdefault(host, deque()).append(target)
    waiting = iter(by_host.values())
    turn = deque(itertools.islice(waiting, max(1, active)))
    while turn:
        queue = turn.popleft()
        yield queue.popleft()
        if queue:
            turn.append(queue)
        else:
            following = next(waiting, None)
            if following is not None:
                turn.append(following)


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


@functools.lru_cache(maxsize=1024)
def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


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
