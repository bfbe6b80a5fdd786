"""The link checker's httpx transport: aiohttp's HTTP engine, one small pool per host.

httpx stays the client API (requests, responses, streams, exceptions); the exchange
itself goes through aiohttp, whose HTTP parser is in C: per request it costs about a
third of the CPU of httpcore over anyio, which made a large link check CPU-bound in
one asyncio thread (`benches/links.py` has the figures).

Safety moves with the engine. aiohttp connects to exactly the addresses its resolver
returns; `CheckedResolver` resolves the name itself (through the shared, short-lived
`Resolver` cache), refuses the connection if any address is not public
(`AddressRule`, the same decision as the synchronous clients'), and hands over only
the checked addresses, so a DNS answer cannot change between the check and the
connection. A URL whose host is an IP literal is not resolved by aiohttp: it is
checked here before the request. Every redirect hop is a request through this
transport (the checker follows redirects by hand), so every hop is checked.

Each origin gets its own small pool (as many connections as the per-host limit
allows); pools of hosts not used lately are closed when there are too many, so a run
over many hosts keeps a bounded number of idle connections. A request the link
checker looked up and checked (`pinned`) uses the pool of its origin *and* those
addresses: a kept connection made when the name answered otherwise is never reused
past the check. Every answer says the address it came from (`Reply.peer`).
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import socket
import ssl
import zlib
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Protocol

import httpx
from yarl import URL

from citeaudit.links import lookups, name_chain
from citeaudit.links.address_gate import MAX_GATED
from citeaudit.links.backends import Backend, BackendAddresses, service_backends
from citeaudit.links.engine_import import aiohttp  # without aiohttp's own CA stores
from citeaudit.links.internal_zones import network_name
from citeaudit.links.nat64 import nat64_prefixes
from citeaudit.links.redirect_judge import judge_location
from citeaudit.links.safety import (
    AddressRule,
    IPAddress,
    NameInOurNetwork,
    NameLookupFailed,
    NameNotResolved,
    NonPublicAddress,
    Origin,
    Resolver,
    is_forbidden_address,
    is_metadata_address,
    is_own_machine,
    literal_address,
    resolve_named,
)
from citeaudit.links.schemes import default_port
from citeaudit.links.tls import default_ssl_context

__all__ = [
    "MAX_HEAD",
    "CheckedResolver",
    "Exchange",
    "PerHostTransport",
    "Reply",
    "default_ssl_context",
    "exchange_for",
    "judge_redirects",
    "pinned",
]

# scheme, host, port, and the addresses the request was checked for (`pinned`): a
# connection is only reused by a request checked for the same addresses.
PoolKey = tuple[str, str, int, tuple[str, ...]]

# h11 (httpx's own parser) takes up to 100 KB of headers; aiohttp's defaults (8 KB a
# line, 128 headers) would turn a page with a long Content-Security-Policy into an
# error. The same order of bound, so a hostile header block still costs little.
_MAX_LINE = 64 * 1024
_MAX_HEADERS = 512
# ...but a line bound times a count bound is no bound on the block: 512 lines of 64 KB
# is 32 MB held per answer in flight, and every hop's Set-Cookie lines went into the
# chain's cookie jar. The block as a whole stops here (h11's is 100 KB).
MAX_HEAD = 256 * 1024


class _HeadBound:
    """An aiohttp response parser that refuses a header block past `MAX_HEAD` bytes,
    interim answers' heads (1xx) counted in the same block.

    Counts what it is fed until it hands back a final message (the head is complete);
    data that completes a head may carry body bytes too, so the bound is checked on
    what came before each chunk: a head holds at most `MAX_HEAD` plus one read
    (asyncio reads up to 256 KB at a time)."""

    __slots__ = ("_fed", "_parser")

    def __init__(self, parser: Any) -> None:
        self._parser = parser
        self._fed = 0

    def feed_data(self, data: bytes) -> Any:
        if self._fed > MAX_HEAD:
            raise aiohttp.http_exceptions.BadHttpMessage(
                f"the answer's header block is larger than {MAX_HEAD} bytes"
            )
        self._fed += len(data)
        result = self._parser.feed_data(data)
        if result[0]:
            # A head is complete: what follows is its body, or, after an interim
            # answer (100 Continue, 103 Early Hints), the next head -- counted on from
            # here, not afresh: interim answers are heads too, and one read of 256 KB
            # held ten thousand "100 Continue" answers, each parsed in the event loop's
            # thread, answer after answer until the request's timeout (every other
            # check of the loop waited: 12 turns of a 10 ms ticker in 4 s, not 350).
            message = result[0][-1][0]
            interim = 100 <= getattr(message, "code", 0) < 200
            if not interim:
                self._fed = -(1 << 62)
        return result

    def __getattr__(self, name: str) -> Any:
        return getattr(self._parser, name)


class _BoundedHandler(aiohttp.client_proto.ResponseHandler):
    """aiohttp's protocol with each response's header block bounded (`_HeadBound`),
    and the address it is connected to kept (`peer`: where an answer came from, what
    the link checker judges a hop by)."""

    peer: str | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        name = transport.get_extra_info("peername")
        if isinstance(name, tuple) and name and isinstance(name[0], str):
            self.peer = name[0]

    def set_response_params(self, **kwargs: Any) -> None:
        super().set_response_params(**kwargs)
        self._parser = _HeadBound(self._parser)  # type: ignore[assignment]


# The addresses a request already looked up for its host (to take their slots in
# `AddressGate`): its connection goes to exactly those, not to a second look-up's
# answer (a name answering differently each time would otherwise be limited on one
# address and connected to another). Set by `pinned` in the request's own task, where
# aiohttp (without its DNS cache) asks the resolver.
_PINNED: ContextVar[tuple[str, list[str]] | None] = ContextVar("citeaudit_pinned", default=None)


def pin_name(host: str) -> str:
    """`host` as the connector hands it to its resolver, lower case: aiohttp makes
    repeated final dots one (``name..`` is asked as ``name.``). A pin keyed by the
    host as written missed that name, and the connection looked it up afresh: a name
    server answering the two spellings differently had it connect to an address the
    request's own look-up never saw (`pinned`, `CheckedResolver`)."""
    host = host.lower()
    if host.endswith(".."):
        host = host.rstrip(".") + "."
    return host


@contextmanager
def pinned(host: str, addresses: list[str]) -> Iterator[None]:
    """Within: a connection to `host` goes to `addresses` (still checked by the rule)."""
    token = _PINNED.set((pin_name(host), addresses))
    try:
        yield
    finally:
        _PINNED.reset(token)


class CheckedResolver(aiohttp.abc.AbstractResolver):
    """aiohttp's resolver: look the name up, check every address, return only those."""

    def __init__(self, rule: AddressRule, resolver: Resolver) -> None:
        self._rule = rule
        self._resolver = resolver

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[aiohttp.abc.ResolveResult]:
        # A name refused unasked (`AddressRule.host_refusal`) is never looked up.
        self._rule.check(host, port, ())
        given = _PINNED.get()
        if given is not None and given[0] == pin_name(host):
            # The request's own look-up, the one its slots were taken on: never asked
            # again (an empty one is a failure the request reports itself).
            addresses = given[1]
            if not addresses:
                raise NameNotResolved(f"{host}: no address for this request")
        else:
            addresses = await self._resolver.addresses(host, port)
        # Only the addresses whose slots the request holds (`AddressGate`): a name
        # cannot put fresh addresses before a busy one to slip past its limit.
        addresses = addresses[:MAX_GATED]
        self._rule.check(host, port, addresses)
        return [
            {
                "hostname": host,
                "host": address,
                "port": port,
                "family": socket.AF_INET6 if ":" in address else socket.AF_INET,
                "proto": 0,
                "flags": socket.AI_NUMERICHOST,
            }
            for address in addresses
        ]

    async def close(self) -> None:
        return None


class _Pool:
    """One origin's aiohttp session, and how many of its responses are still open."""

    __slots__ = ("open", "session")

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session
        self.open = 0


class _Body(httpx.AsyncByteStream):
    """A reply's body as an httpx stream; closing gives the connection back."""

    def __init__(self, reply: _AiohttpReply) -> None:
        self._reply = reply

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while True:
            chunk = await self._reply.chunk()
            if not chunk:
                return
            yield chunk

    async def aclose(self) -> None:
        await self._reply.aclose()


RawHeaders = list[tuple[bytes, bytes]] | tuple[tuple[bytes, bytes], ...]


PEER = "citeaudit.peer"  # an httpx Response's extension: the address it came from


class Reply(Protocol):
    """One answer of `Exchange`: the status line, the headers, a body read with a cap,
    and the address it came from (`peer`, None where the transport cannot say)."""

    status: int
    raw_headers: RawHeaders
    peer: str | None

    async def read(self, cap: int) -> bytes: ...

    async def aclose(self) -> None: ...


class Exchange(Protocol):
    """One request, sent as is (no redirects, no cookies kept): the link checker's
    only use of a transport. Failures are httpx exceptions."""

    async def __call__(
        self,
        method: str,
        url: httpx.URL,
        headers: list[tuple[str, str]],
        timeout: dict[str, float | None],
    ) -> Reply: ...


class _AiohttpReply:
    __slots__ = ("_pool", "_response", "peer", "raw_headers", "status")

    def __init__(self, response: aiohttp.ClientResponse, pool: _Pool) -> None:
        self._response = response
        self._pool: _Pool | None = pool
        self.status = response.status
        self.raw_headers: RawHeaders = response.raw_headers
        # The connection's own address, new or reused (an answer without a body has
        # given its connection back already; its protocol still says).
        protocol = getattr(response, "_protocol", None)
        self.peer: str | None = getattr(protocol, "peer", None)

    async def chunk(self) -> bytes:
        """What has arrived of the body (empty at its end)."""
        try:
            return await self._response.content.readany()
        except Exception as exc:
            mapped = _httpx_error(exc)
            if mapped is exc:
                raise
            raise mapped from exc

    async def read(self, cap: int) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while size < cap:
            chunk = await self.chunk()
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)[:cap]

    async def read_whole(self, cap: int) -> bytes:
        """`read`, an HTTP chunk at a time: past `FREE_PIECES` chunks they must average
        `MIN_PIECE` bytes (`pinned`'s bound). aiohttp hands each chunk of a chunked
        answer to Python: one-byte chunks made 4 MB on the wire 0.72 s of the event
        loop (4 KB chunks: 0.02 s), and the trusted client reads 2 MB of them (12 MB of
        wire) per DOI answer."""
        # Imported here: the synchronous clients' module (httpcore, httpcore2) is no
        # start-up cost of a link check, whose own requests never read this way.
        from citeaudit.links.pinned import FREE_PIECES, MIN_PIECE

        chunks: list[bytes] = []
        size = 0
        pieces = 0
        content = self._response.content
        while size < cap:
            try:
                data, boundary = await content.readchunk()
            except Exception as exc:
                mapped = _httpx_error(exc)
                if mapped is exc:
                    raise
                raise mapped from exc
            if not data:
                if not boundary or content.at_eof():
                    break  # the end of the body (an empty one says (b"", True))
                continue
            chunks.append(data)
            size += len(data)
            pieces += 1
            if pieces > FREE_PIECES and pieces * MIN_PIECE > size:
                raise httpx.ReadError(
                    f"the answer came in {pieces} pieces of under {MIN_PIECE} bytes each"
                )
        return b"".join(chunks)[:cap]

    async def aclose(self) -> None:
        # `release` keeps the connection when the body was read to its end, and
        # closes it otherwise (aiohttp will not reuse a connection mid-body).
        self._response.release()
        if self._pool is not None:
            self._pool.open -= 1
            self._pool = None


class _HttpxReply:
    __slots__ = ("_response", "peer", "raw_headers", "status")

    def __init__(self, response: httpx.Response) -> None:
        self._response = response
        self.status = response.status_code
        self.raw_headers: RawHeaders = response.headers.raw
        self.peer: str | None = None

    async def read(self, cap: int) -> bytes:
        chunks: list[bytes] = []
        size = 0
        async for chunk in self._response.aiter_raw():
            chunks.append(chunk)
            size += len(chunk)
            if size >= cap:
                break
        return b"".join(chunks)[:cap]

    async def aclose(self) -> None:
        await self._response.aclose()


async def _chain_end(host: str) -> str | None:
    """`name_chain.chain_end` of `host` in a thread of its own (None past its time)."""
    try:
        async with asyncio.timeout(name_chain.CHAIN_TIMEOUT + 0.5):
            return await lookups.in_thread(functools.partial(name_chain.chain_end, host))
    except (TimeoutError, lookups.LookupTimedOut):
        return None


def exchange_for(transport: httpx.AsyncBaseTransport) -> Exchange:
    """`PerHostTransport.exchange`, or any other httpx transport behind the same call."""
    if isinstance(transport, PerHostTransport):
        return transport.exchange

    async def send(
        method: str,
        url: httpx.URL,
        headers: list[tuple[str, str]],
        timeout: dict[str, float | None],
    ) -> Reply:
        request = httpx.Request(method, url, headers=headers, extensions={"timeout": timeout})
        return _HttpxReply(await transport.handle_async_request(request))

    return send


class PerHostTransport(httpx.AsyncBaseTransport):
    def __init__(
        self,
        *,
        per_host: int,
        allow_private: bool,
        allow_own_machine: bool = True,
        forbidden: Callable[[IPAddress], bool] = is_forbidden_address,
        metadata: Callable[[IPAddress], bool] = is_metadata_address,
        own_machine: Callable[[IPAddress], bool] = is_own_machine,
        max_pools: int = 512,
        keepalive_expiry: float = 30.0,
        ssl_context: ssl.SSLContext | None = None,
        resolver: Resolver | None = None,
        allowed_origins: Iterable[Origin] = (),
        max_body: int | None = None,
        max_time: float | None = None,
        backends: BackendAddresses | None = None,
    ) -> None:
        """`backends`: the service's own backends, refused on every connection
        (`AddressRule.backends`; the process's own, `service_backends`, when None).
        `allow_own_machine`: where private networks are allowed, this machine's own
        addresses are too (`AddressRule.allow_own_machine`; the link policy says).
        `allowed_origins`: exact (host, port) pairs exempt from the address rule --
        the services we are configured to use (see `AddressRule`, which `forbidden`
        and `metadata` are handed to).

        `max_body` and `max_time` bound what an httpx client on this transport gets
        (`handle_async_request`): the body is read whole, up to `max_body` bytes once
        decompressed, within `max_time` seconds for the exchange. The link checker's
        own requests (`exchange`) bound themselves."""
        self._max_body = max_body
        self._max_time = max_time
        self._per_host = max(1, per_host)
        self._rule = AddressRule(
            allow_private,
            frozenset(allowed_origins),
            forbidden,
            metadata,
            allow_own_machine=allow_own_machine,
            own_machine=own_machine,
            backends=backends if backends is not None else service_backends,
        )
        self._max_pools = max_pools
        self._keepalive_expiry = keepalive_expiry
        self._pools: OrderedDict[PoolKey, _Pool] = OrderedDict()
        self._retired: list[_Pool] = []  # pools of a looser rule, closed by `aclose`
        self._ssl = ssl_context  # made when the first https host is asked (40 ms)
        # One name cache for every host's pool; names asked as the rule says
        # (absolute where private networks are refused: `AddressRule.query_name`).
        self._names = resolver or Resolver(lookup=self._system_lookup)
        self._resolver = CheckedResolver(self._rule, self._names)
        self._timeouts: dict[tuple[Any, ...], aiohttp.ClientTimeout] = {}

    @property
    def rule(self) -> AddressRule:
        """The address rule every connection of this transport obeys: what a link
        checker sending through it judges URLs by as well (`LinkChecker`)."""
        return self._rule

    def refuse_backends(self, backends: Iterable[Backend]) -> None:
        """Refuse `backends` too (a run's settings' own, `LinkPolicy.backends`), on
        every connection from now on, pools already open included. Only ever adds:
        a transport shared between runs is never loosened by one of them."""
        rule = self._rule
        widened = rule.backends.including(backends)
        if widened is rule.backends:
            return
        self._tighten(dataclasses.replace(rule, backends=widened))

    def obey(self, rule: AddressRule) -> None:
        """Connect by `rule` as well as by this transport's own: private networks and
        this machine only where both allow them. A link checker judges each URL by its
        run's rule and connects through this transport: a transport made for a run
        that allows private networks (the CLI's), handed to a run that refuses them,
        connected to every name that answered with a private address -- only hosts
        that named one themselves were refused. Only ever tightens."""
        mine = self._rule
        allow_private = mine.allow_private and rule.allow_private
        allow_own = mine.allow_own_machine and rule.allow_own_machine
        if (allow_private, allow_own) == (mine.allow_private, mine.allow_own_machine):
            return
        self._tighten(
            dataclasses.replace(mine, allow_private=allow_private, allow_own_machine=allow_own)
        )

    def _tighten(self, rule: AddressRule) -> None:
        """`rule` for every connection from now on. The pools open so far are retired
        (closed when the transport is): a kept-alive connection is reused without
        asking the resolver, so one made under the looser rule would still be used."""
        self._rule = rule
        self._resolver._rule = rule
        self._retired += self._pools.values()
        self._pools.clear()

    async def _system_lookup(self, host: str, port: int) -> list[str]:
        judged = not self._rule.allow_private and not self._rule.exempt(host, port)
        if judged and network_name(host):
            # A name of our own zones is never asked of our resolver (the link
            # checker refuses it before it gets here; any client of this transport).
            raise NameInOurNetwork(host, host.lower())
        try:
            addresses, canonical = await resolve_named(self._rule.query_name(host, port), port)
        except NameNotResolved:
            # A name of ours is refused unasked, the same whether it exists; one that
            # does not resolve because its CNAME chain ended in one of ours says so
            # too, else "does not resolve" told an upload that the machine it named
            # through its own domain is missing from our zone (`name_chain`).
            if judged and name_chain.asked_of_dns():
                end = await _chain_end(host)
                if end is not None and network_name(end):
                    raise NameInOurNetwork(host, end) from None
            raise
        if judged and canonical and network_name(canonical):
            # Answered through a chain into our network: refused as its last name
            # is, whatever it answers (a public address of our zone's told that the
            # name exists there, as against a missing one).
            raise NameInOurNetwork(host, canonical)
        return addresses

    async def addresses(self, host: str, port: int) -> list[str]:
        """The addresses a request to `host` would connect to, in order (the first
        `MAX_GATED`; the host itself for an IP literal; none when the name does not
        resolve, or is refused unasked (`AddressRule.host_refusal`) -- the request
        then fails on its own). From the same short-lived cache the connection is
        made from, so the slots taken are the ones used."""
        try:
            return await self.lookup(host, port)
        except (NameNotResolved, NameLookupFailed):
            return []

    async def lookup(self, host: str, port: int) -> list[str]:
        """`addresses`, but a name that does not resolve, or whose name server does not
        answer, raises `NameNotResolved` or `NameLookupFailed`: a request that looked
        its host up fails as the look-up did, and its connection never asks again
        (`CheckedResolver`: one look-up per request, the one its slots were taken on)."""
        literal = literal_address(host)
        if literal is not None:
            return [str(literal)]
        if self._rule.host_refusal(host, port) is not None:
            return []
        try:
            return (await self._names.addresses(host, port))[:MAX_GATED]
        except (NameNotResolved, NameLookupFailed):
            raise
        except (OSError, UnicodeError) as exc:
            raise NameNotResolved(f"{host}: {exc}") from exc

    def _pool(self, origin: PoolKey) -> _Pool:
        pool = self._pools.get(origin)
        if pool is not None:
            self._pools.move_to_end(origin)
            return pool
        tls: ssl.SSLContext | bool = True  # a plain-http pool never starts TLS
        if origin[0] == "https":
            if self._ssl is None:
                self._ssl = default_ssl_context()
            tls = self._ssl
        connector = aiohttp.TCPConnector(
            limit=self._per_host + 2,  # + the soft-404 probe, + slack
            limit_per_host=0,
            resolver=self._resolver,
            use_dns_cache=False,  # `Resolver` caches; the rule is checked per connection
            ssl=tls,
            keepalive_timeout=self._keepalive_expiry,
        )
        # aiohttp has no setting for a header block's size: its protocol factory is
        # swapped for one whose parser counts the head (`_BoundedHandler`).
        connector._factory = functools.partial(_BoundedHandler, loop=connector._loop)  # type: ignore[assignment]
        session = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),  # a chain's cookies live in the checker
            auto_decompress=False,  # bodies are decompressed with a bound (checker)
            trust_env=False,  # a proxy would resolve and connect past the check
            max_line_size=_MAX_LINE,
            max_field_size=_MAX_LINE,
            max_headers=_MAX_HEADERS,
        )
        pool = self._pools[origin] = _Pool(session)
        return pool

    async def _evict(self, keep: PoolKey) -> None:
        """Close the least recently used pools with nothing in flight, down to the cap."""
        while len(self._pools) > self._max_pools:
            for origin, pool in self._pools.items():
                if origin != keep and not pool.open:
                    del self._pools[origin]
                    await pool.session.close()
                    break
            else:
                return

    def _timeout(self, values: dict[str, float | None]) -> aiohttp.ClientTimeout:
        key = (values.get("connect"), values.get("read"))
        timeout = self._timeouts.get(key)
        if timeout is None:
            connect, read = key
            timeout = self._timeouts[key] = aiohttp.ClientTimeout(
                total=None, connect=connect, sock_connect=connect, sock_read=read
            )
        return timeout

    async def exchange(
        self,
        method: str,
        url: httpx.URL,
        headers: list[tuple[str, str]],
        timeout: dict[str, float | None],
        content: bytes | None = None,
    ) -> _AiohttpReply:
        """One request without building httpx's Request and Response (a fifth of the
        CPU of a link check); `handle_async_request` is the same for httpx clients."""
        host = url.host
        port = url.port or default_port(url.scheme)
        # A request checked for some addresses (`pinned`) reuses only a connection
        # made to them: a keep-alive connection made when the name said otherwise
        # would take it elsewhere than the check said.
        given = _PINNED.get()
        checked: tuple[str, ...] = ()
        if given is not None and given[0] == pin_name(url.raw_host.decode("ascii")):
            checked = tuple(sorted(given[1][:MAX_GATED]))  # the ones connected to
        origin = (url.scheme, host, port, checked)
        pool = self._pool(origin)
        if len(self._pools) > self._max_pools:
            await self._evict(keep=origin)
        pool.open += 1
        try:
            # The network's NAT64 prefixes, learnt before the first connection: an
            # address in one of them is judged by the IPv4 address it delivers to.
            await nat64_prefixes.fresh_async()
            # aiohttp connects to an IP literal without asking the resolver, and yarl
            # refuses hosts such as "127.1" before it would: a host that names an
            # address by itself, in any spelling, is judged here, as yarl reads it too.
            self._rule.check(host, port, ())
            target = URL(str(url), encoded=True)
            if target.raw_host is not None and target.raw_host != host:
                self._rule.check(target.raw_host, target.port or port, ())
            if target.raw_user is not None or target.raw_password is not None:
                # A link's "user:password@" is no credential of ours: aiohttp sent it
                # as Basic credentials, logging in to an intranet service as whoever
                # the manuscript named (ssrf30). Nor is an Authorization header.
                target = target.with_user(None)
            response = await pool.session.request(
                method,
                target,
                headers=[(k, v) for k, v in headers if k.lower() != "authorization"],
                data=content,
                allow_redirects=False,
                timeout=self._timeout(timeout),
            )
        except BaseException as exc:
            pool.open -= 1
            mapped = _httpx_error(exc) if isinstance(exc, Exception) else exc
            if mapped is exc:
                raise
            raise mapped from exc
        return _AiohttpReply(response, pool)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._max_body is not None:
            return await self._bounded(request, self._max_body)
        reply = await self.exchange(
            request.method,
            request.url,
            request.headers.multi_items(),
            request.extensions.get("timeout", {}),
            await request.aread() or None,
        )
        return httpx.Response(
            status_code=reply.status,
            headers=reply.raw_headers,
            stream=_Body(reply),
            request=request,
            # The address the answer came from (`Reply.peer`), for a caller that
            # judges a trusted service's answer by it (`doi_check.DoiCheck.check`).
            extensions={"http_version": b"HTTP/1.1", PEER: reply.peer},
        )

    async def _bounded(self, request: httpx.Request, cap: int) -> httpx.Response:
        """The whole answer, read within `max_time` and decompressed up to `cap` bytes.

        httpx would inflate a gzip body in one call (a small bomb is gigabytes), and
        its timeouts are per read (a server sending a byte at a time holds us): both
        are bounded here, and the body is handed on decompressed."""
        try:
            async with asyncio.timeout(self._max_time):
                reply = await self.exchange(
                    request.method,
                    request.url,
                    request.headers.multi_items(),
                    request.extensions.get("timeout", {}),
                    await request.aread() or None,
                )
                try:
                    raw = await reply.read_whole(cap + 1)
                finally:
                    await reply.aclose()
        except TimeoutError:
            raise httpx.ReadTimeout("the answer took longer than its deadline") from None
        headers = [
            (k, v)
            for k, v in reply.raw_headers
            if k.lower() not in (b"content-encoding", b"content-length", b"transfer-encoding")
        ]
        coding = next(
            (v.decode("latin-1") for k, v in reply.raw_headers if k.lower() == b"content-encoding"),
            "",
        )
        return httpx.Response(
            status_code=reply.status,
            headers=headers,
            content=inflate(raw, coding, cap),
            request=request,
            # The address the answer came from (`Reply.peer`), for a caller that
            # judges a trusted service's answer by it (`doi_check.DoiCheck.check`).
            extensions={"http_version": b"HTTP/1.1", PEER: reply.peer},
        )

    async def aclose(self) -> None:
        pools = [*self._pools.values(), *self._retired]
        self._pools.clear()
        self._retired.clear()
        for pool in pools:
            await pool.session.close()


def inflate(raw: bytes, coding: str, cap: int) -> bytes:
    """`raw` decoded from its Content-Encoding, at most `cap` bytes, else ReadError."""
    coding = coding.strip().lower()
    if len(raw) > cap:
        raise httpx.ReadError(f"the answer is larger than {cap} bytes")
    if coding in ("", "identity"):
        return raw
    if coding not in ("gzip", "x-gzip", "deflate"):
        raise httpx.DecodingError(f"unsupported content encoding {coding!r}")
    for wbits in (47, 15, -15) if coding == "deflate" else (47,):
        try:
            data = zlib.decompressobj(wbits).decompress(raw, cap + 1)
        except zlib.error:
            continue
        if len(data) > cap:
            raise httpx.ReadError(f"the answer is larger than {cap} bytes")
        return data
    raise httpx.DecodingError("the compressed answer is corrupt")


def judge_redirects(rule: AddressRule) -> Callable[[httpx.Response], Awaitable[None]]:
    """An httpx response hook for clients that follow redirects themselves: each
    redirect's Location is judged before httpx reads it (`redirect_judge`, as the
    registries' clients judge theirs): a forbidden address in any spelling is a
    refusal, another scheme unsupported, an unreadable one a protocol error of that
    hop -- never an `InvalidURL` past the callers' ``except httpx.HTTPError``."""

    async def hook(response: httpx.Response) -> None:
        judge_location(rule, httpx, response, True)

    return hook


def _httpx_error(exc: Exception) -> Exception:
    """The httpx exception for an aiohttp (or resolver) failure; `exc` stays its cause.

    errors.reason_for reads the cause chain (refusals, DNS, errno), so the mapping
    only has to pick the httpx class the old engine would have raised.
    """
    text = str(exc) or type(exc).__name__
    if isinstance(exc, NonPublicAddress | NameNotResolved | NameLookupFailed):
        return httpx.ConnectError(text)
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return httpx.ConnectTimeout(text)
    if isinstance(exc, TimeoutError | asyncio.TimeoutError):
        return httpx.ReadTimeout(text)
    if isinstance(exc, aiohttp.ClientConnectorError):
        return httpx.ConnectError(text)
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return httpx.RemoteProtocolError("Server disconnected without sending a response.")
    if isinstance(exc, aiohttp.ClientPayloadError):
        return httpx.RemoteProtocolError(
            "peer closed connection without sending complete message body"
        )
    if isinstance(exc, aiohttp.ClientOSError | OSError):
        return httpx.ReadError(text)
    if isinstance(exc, aiohttp.InvalidURL):
        return httpx.UnsupportedProtocol(text)
    if isinstance(exc, aiohttp.ClientResponseError):
        return httpx.RemoteProtocolError(text)
    if isinstance(exc, aiohttp.ClientError):
        return httpx.TransportError(text)
    return exc
