"""The synchronous twin of the link checker's resolver: check the address, then connect to it.

The registry clients (doi.org and DataCite through httpx, Crossref through habanero's
httpx2) and webhook deliveries are synchronous. Checking a host name with
``getaddrinfo`` and then handing the URL to httpx resolves the name twice: a DNS
answer that changes in between (DNS rebinding) reaches whatever the second answer
says. Here the name is resolved once, every address is checked by `AddressRule`,
and the connection goes to the checked address; TLS still verifies and sends SNI
for the host name (httpcore passes the URL's host to ``start_tls``), and the Host
header is the URL's. Every connection goes through the backend, so every redirect
hop is checked too; a redirect's Location is also judged by the same rule before
httpx reads it (`_judge_redirect`), so a host such as "0177.0.0.1" is a refusal.

Answers are bounded (`_Bounded`): the body up to `MAX_BODY` bytes, decompressed
here with a bound (httpx would inflate a gzip bomb in one call), and the whole
exchange within a deadline, however slowly a server sends its bytes.

httpx and httpx2 use two copies of httpcore (httpcore and httpcore2) with the same
backend interface but their own exception classes; `PinnedBackend` is given the copy
its client uses, so a refusal is that library's ``ConnectError`` and the client
reports it as its own ``ConnectError``.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import ipaddress
import itertools
import socket
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpcore2
import httpx
import httpx2

from citeaudit.links import lookups
from citeaudit.links.cookies import no_jar
from citeaudit.links.nat64 import nat64_prefixes
from citeaudit.links.redirect_judge import judge_location
from citeaudit.links.safety import AddressRule, NonPublicAddress, allowed
from citeaudit.links.tls import default_ssl_context

__all__ = [
    "MAX_BODY",
    "MAX_TRIED",
    "AnswerTooLarge",
    "PinnedBackend",
    "PinningUnavailable",
    "RedirectHopFailed",
    "SyncLookup",
    "allowed",
    "pinned_client",
    "pinned_client2",
    "run_deadline",
    "same_server",
    "server_of",
    "system_lookup",
]

SyncLookup = Callable[[str, int], list[str]]

MAX_BODY = 16 * 1024 * 1024  # a Crossref page of 1000 records is a few MB
# An answer's body comes from the HTTP library in pieces: one a chunk of a chunked
# answer (h11 parses each chunk in Python, some 12 us apiece), else one a read. A
# server sending one-byte chunks made 4 MB on the wire 680,000 pieces and 7.9 s of a
# registry thread's CPU, holding the interpreter's lock (the same bytes in 4 KB
# chunks: 0.04 s); at `MAX_BODY` of them the exchange burnt its whole deadline. Past
# `FREE_PIECES`, the pieces must average `MIN_PIECE` bytes (servers write kilobytes a
# chunk, and a read brings a TCP segment or more).
FREE_PIECES = 4096
MIN_PIECE = 256
_ENCODINGS = "gzip, deflate"  # the ones `_Bounded` decompresses with a bound
_LOOKUP_TIMEOUT = 10.0  # a name look-up's longest wait when the caller gave no timeout
# A name's addresses tried per connection, in the resolver's order (every one is still
# checked). One DNS answer holds thousands: a webhook host listing 4,000 addresses that
# refuse at once had one delivery send a SYN to each, on the port the account chose.
# (A link's connection tries the first `address_gate.MAX_GATED`, four.)
MAX_TRIED = 8


class _Refused2(NonPublicAddress, httpcore2.ConnectError):
    """`PrivateAddressRefused` for httpcore2 (habanero's httpx2)."""

    def __init__(self, host: str, address: str) -> None:
        self.host = host
        self.address = address
        super().__init__(f"refused: {host} resolves to non-public address {address}")


class _Refused1(NonPublicAddress, httpcore.ConnectError):
    def __init__(self, host: str, address: str) -> None:
        self.host = host
        self.address = address
        super().__init__(f"refused: {host} resolves to non-public address {address}")


_REFUSED: dict[str, Callable[[str, str], Exception]] = {
    "httpcore": _Refused1,
    "httpcore2": _Refused2,
}


def system_lookup(host: str, port: int) -> list[str]:
    """Every address of `host` from the system resolver, in its order, once each.

    Raises OSError (a `socket.gaierror` when the name does not resolve) or
    UnicodeError (a name IDNA cannot encode, such as a label over 63 characters).
    """
    seen: list[str] = []
    for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        address = str(info[4][0])
        if address not in seen:
            seen.append(address)
    if not seen:
        raise socket.gaierror(socket.EAI_NONAME, "no address")
    return seen


class PinnedBackend:
    """A sync httpcore(2) network backend: resolve once, check, connect to that address."""

    def __init__(
        self,
        core: ModuleType,
        rule: AddressRule,
        *,
        lookup: SyncLookup = system_lookup,
    ) -> None:
        self._core = core
        self._inner: Any = core.SyncBackend()
        self._rule = rule
        self._lookup = lookup
        self._refused = _REFUSED[core.__name__]

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> Any:
        # The network's NAT64 prefixes, learnt before the first connection (`nat64`).
        nat64_prefixes.fresh(_within(timeout))
        # A host that names a forbidden address itself ("127.1", "localhost.") is
        # refused before any name server is asked.
        self._rule.check(host, port, (), self._refused)
        try:
            addresses = [str(ipaddress.ip_address(host.strip("[]")))]
        except ValueError:
            try:
                # In a thread of its own, waited for no longer than the connection
                # may take: a name server that never answers would otherwise hold
                # this worker for the resolver's whole retry schedule.
                wait = _within(timeout)
                # The system resolver is asked as the rule says (an absolute name
                # where private networks are refused: no search list); a lookup
                # handed in (a test's stand-in name server) gets the name as written.
                name = self._rule.query_name(host, port) if self._lookup is system_lookup else host
                addresses = lookups.within(
                    functools.partial(self._lookup, name, port),
                    _LOOKUP_TIMEOUT if wait is None else wait,
                )
            except lookups.LookupTimedOut as exc:
                raise self._core.ConnectTimeout(f"{host}: name resolution: {exc}") from exc
            except (OSError, UnicodeError) as exc:
                # "Name or service not known": the wording the registries' failure
                # mapping and the webhook outbox record.
                raise self._core.ConnectError(f"{host}: name resolution: {exc}") from exc
        self._rule.check(host, port, addresses, self._refused)
        last: Exception | None = None
        for address in _tried(addresses):
            if _within(timeout) == 0.0:
                # Past the exchange's deadline: a try would start a connection with no
                # time left (a SYN sent, then given up at once).
                raise self._core.ConnectTimeout(f"{host}: no time left to connect")
            try:
                stream = self._inner.connect_tcp(
                    address,
                    port,
                    timeout=_within(timeout),
                    local_address=local_address,
                    socket_options=socket_options,
                )
                return _DeadlineStream(stream, self._core)
            except self._core.ConnectTimeout:
                raise
            except self._core.ConnectError as exc:
                last = exc
        assert last is not None
        raise last

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> Any:  # pragma: no cover - never asked for
        raise self._core.ConnectError("unix sockets are not allowed")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _tried(addresses: list[str]) -> list[str]:
    """The `MAX_TRIED` addresses a connection tries: the two families in turn from the
    resolver's first (RFC 8305's interleaving), each in the resolver's order -- so a
    name with many IPv6 addresses, on a network without IPv6, still gets its IPv4
    ones tried."""
    first = [a for a in addresses if (":" in a) == (":" in addresses[0])] if addresses else []
    other = [a for a in addresses if (":" in a) != (":" in addresses[0])] if addresses else []
    turns = [a for pair in itertools.zip_longest(first, other) for a in pair if a is not None]
    return turns[:MAX_TRIED]


def pinned_client(
    rule: AddressRule,
    *,
    timeout: float,
    follow_redirects: bool = False,
    max_redirects: int = 5,
    lookup: SyncLookup = system_lookup,
    headers: dict[str, str] | None = None,
    max_body: int = MAX_BODY,
    deadline: float | None = None,
) -> httpx.Client:
    """An httpx client whose every connection (every redirect hop) obeys `rule`.

    Environment proxies and ``.netrc`` are not used (``trust_env=False``): a proxy
    would resolve and connect for us, past the check. Nor is any cookie kept
    (`cookies.no_jar`): httpx's own jar kept every cookie an answer set for the
    client's life -- a registry's client serves a whole run, habanero's fallback the
    process -- and sent them all back on every later request, so a registry (a
    mirror, a spoofed answer) setting 200 cookies an answer grew each look-up's
    Cookie header by 200 and the jar without bound; none of these services needs one.
    A redirect's Location is judged by the same rule before it is followed
    (`_judge_redirect`). An answer's body is read up to `max_body` bytes, decompressed
    included, and a whole exchange takes at most `deadline` seconds (default: three
    times `timeout`), however slowly the bytes come (see `_Bounded`).
    """
    client: httpx.Client = _pinned_client_of(
        httpx,
        httpcore,
        rule,
        timeout=timeout,
        follow_redirects=follow_redirects,
        max_redirects=max_redirects,
        lookup=lookup,
        headers=headers,
        max_body=max_body,
        deadline=deadline,
    )
    return client


def pinned_client2(
    rule: AddressRule,
    *,
    timeout: float,
    follow_redirects: bool = False,
    max_redirects: int = 5,
    lookup: SyncLookup = system_lookup,
    max_body: int = MAX_BODY,
    deadline: float | None = None,
) -> httpx2.Client:
    """`pinned_client` for httpx2 (the library habanero sends Crossref requests with)."""
    # Our verifying context, not one httpx2 would build: it reads SSL_CERT_FILE and
    # SSL_CERT_DIR from the environment (its ``trust_env``), like a proxy variable.
    client: httpx2.Client = _pinned_client_of(
        httpx2,
        httpcore2,
        rule,
        timeout=timeout,
        follow_redirects=follow_redirects,
        max_redirects=max_redirects,
        lookup=lookup,
        headers=None,
        max_body=max_body,
        deadline=deadline,
    )
    return client


def _pinned_client_of(
    lib: ModuleType,
    core: ModuleType,
    rule: AddressRule,
    *,
    timeout: float,
    follow_redirects: bool,
    max_redirects: int,
    lookup: SyncLookup,
    headers: dict[str, str] | None,
    max_body: int,
    deadline: float | None,
) -> Any:
    """The one recipe of both pinned clients (httpx, and httpx2 for habanero): written
    twice, they drifted -- httpx2's lacked the empty ``auth``, so a Crossref base URL or
    a habanero call's URL with ``user:password@`` sent them as Basic credentials, which
    every other client of ours refuses to do (ssrf30; rt37s)."""
    transport = _pinned_transport(lib, core, PinnedBackend(core, rule, lookup=lookup))
    exchange = deadline or 3 * timeout
    return _chain_client(lib)(
        chain_time=CHAIN_EXCHANGES * exchange,
        transport=_Bounded(transport, lib, max_body, exchange),
        timeout=timeout,
        follow_redirects=follow_redirects,
        max_redirects=max_redirects,
        trust_env=False,
        cookies=no_jar(),  # a registry's or receiver's cookies are never kept (`no_jar`)
        # No credentials from a URL's "user:password@" (httpx's default sends them as
        # Basic credentials; ssrf30): the client's own, which adds nothing.
        auth=lib.Auth(),
        headers={"Accept-Encoding": _ENCODINGS, **(headers or {})},
        event_hooks={"response": [_judge_redirect(rule, lib, follow_redirects)]},
    )


# -- the pinning itself -----------------------------------------------------------------


class PinningUnavailable(RuntimeError):
    """httpx's transport no longer takes our network backend where we put it: no
    client is made (every connection of it would go past the address rule)."""


_LIBRARIES = {"httpx": (httpx, httpcore), "httpx2": (httpx2, httpcore2)}


def _pinned_transport(lib: ModuleType, core: ModuleType, backend: Any) -> Any:
    """`lib`'s HTTPTransport whose every connection is made by `backend`.

    httpx has no public way to hand its transport a network backend, so it is put in
    its connection pool's attribute (``_pool._network_backend``). A release that renamed
    either, or stopped reading it, made that assignment a stray attribute and the client
    connected through httpcore's own backend, unguarded. So the attribute must be there,
    holding httpcore's own backend, before it is replaced, and the pinning is proved
    once per process (`_pinning_proved`); otherwise `PinningUnavailable`."""
    _pinning_proved(lib.__name__)
    return _swap_backend(lib, core, backend)


def _swap_backend(lib: ModuleType, core: ModuleType, backend: Any) -> Any:
    # No environment (``trust_env=False``): SSL_CERT_FILE does not choose whom we trust.
    if lib is httpx2:
        transport: Any = httpx2.HTTPTransport(
            verify=default_ssl_context(), retries=0, trust_env=False
        )
    else:
        transport = httpx.HTTPTransport(verify=default_ssl_context(), retries=0, trust_env=False)
    pool = getattr(transport, "_pool", None)
    held = vars(pool).get("_network_backend") if isinstance(pool, core.ConnectionPool) else None
    if type(held) is not core.SyncBackend:
        transport.close()
        raise PinningUnavailable(
            f"{lib.__name__} {getattr(lib, '__version__', '?')}: its transport's connection "
            "pool holds no network backend where ours is put (_pool._network_backend); "
            "refusing to make a client that would connect unguarded"
        )
    pool._network_backend = backend  # type: ignore[union-attr]
    return transport


class _ProofReached(Exception):
    """Raised by `_ProofBackend`: the connection was asked of the backend put in."""


@functools.cache
def _proof_error(core: ModuleType) -> type[Exception]:
    """`_ProofReached` as `core`'s ConnectError (what its pool lets through as is)."""
    return type("ProofReached", (_ProofReached, core.ConnectError), {})


class _ProofBackend:
    """A network backend that connects nowhere: it only says it was asked."""

    def __init__(self, core: ModuleType) -> None:
        self._core = core

    def connect_tcp(self, *args: Any, **kwargs: Any) -> Any:
        raise _proof_error(self._core)("pinning proof")

    def connect_unix_socket(self, *args: Any, **kwargs: Any) -> Any:
        raise self._core.ConnectError("unix sockets are not allowed")

    def sleep(self, seconds: float) -> None:
        return None


_PROOF_URL = "http://127.0.0.1:9/"  # the discard port; never connected to when pinned


@functools.cache
def _pinning_proved(name: str) -> bool:
    """A request through a transport made as `_pinned_transport` makes it reaches the
    backend put in (once per library and process; a failure is not remembered).

    Where the pool does not use it, the request goes to loopback's discard port, which
    refuses or holds it for a second: either way no answer, and `PinningUnavailable`."""
    lib, core = _LIBRARIES[name]
    transport = _swap_backend(lib, core, _ProofBackend(core))
    timeouts = {"connect": 1.0, "read": 1.0, "write": 1.0, "pool": 1.0}
    try:
        request = lib.Request("GET", _PROOF_URL, extensions={"timeout": timeouts})
        transport.handle_request(request).close()
    except Exception as exc:  # the proof's own exception, inside the library's
        if any(isinstance(e, _ProofReached) for e in _causes(exc)):
            return True
    finally:
        transport.close()
    raise PinningUnavailable(
        f"{name}: a connection of its transport did not go through the network backend "
        "put in its pool; refusing to make a client that would connect unguarded"
    )


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """`exc` and its causes and contexts (a short chain; a cycle ends it)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen and len(seen) < 16:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


# A whole `send` -- every redirect hop, each an exchange with its own deadline -- ends
# within this many exchanges' deadlines: six slow hops of a followed chain (a
# registry's redirect to a server of someone else's) took six deadlines, and each
# retry of the request as many again.
CHAIN_EXCHANGES = 2

_chain_ends: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "citeaudit_pinned_chain_ends", default=None
)


# A server: a host (lower case) and a port, None for the scheme's default one.
Server = tuple[str, int | None]

# The servers of a chain's exchanges so far, in order (`_Bounded.handle_request` adds
# each).
_chain_hosts: contextvars.ContextVar[list[Server] | None] = contextvars.ContextVar(
    "citeaudit_pinned_chain_hosts", default=None
)


def server_of(url: Any) -> Server:
    """The server a URL (an httpx(2) URL or a string) connects to: its host, lower
    case, and its port, None where it is the scheme's default. So ``http://h`` and
    ``https://h`` are one server (a registry moving to https is still the registry)
    and ``h:8080`` another (another service of the machine, maybe another owner's)."""
    parts = urlsplit(str(url))
    try:
        port = parts.port
    except ValueError:
        port = None
    scheme = parts.scheme.lower()
    if port is not None and _DEFAULT_PORTS.get(scheme) == port:
        port = None
    return (parts.hostname or "").lower(), port


_DEFAULT_PORTS = {"http": 80, "https": 443}


def same_server(one: str, other: str) -> bool:
    """`one` and `other` connect to the same server (`server_of`)."""
    return server_of(one) == server_of(other)


def _past_the_asked_server(servers: list[Server], exc: BaseException) -> bool:
    """A chain's failure `exc` is not the asked server's own: it was met at a redirect
    hop on another server (another host, or another port of its host), a loop went
    through another server, or a connection past a redirect was refused for its
    address (wherever it was: no server of ours failed, a redirect led there).

    Before, "the same host" was the host name alone: a redirect to another port of
    the registry's host that refused the connection was the registry "unreachable"
    (its circuit opened), and a refusal there for a non-public address was worded as
    if the configured registry URL were itself private. A loop on the asked server
    alone stays its own failure (`resolve.sending`: final, and counted)."""
    if len(servers) < 2:
        return False
    if servers[-1] != servers[0]:
        return True
    if any(isinstance(e, TOO_MANY_REDIRECTS) for e in _causes(exc)):
        return any(server != servers[0] for server in servers)
    return any(isinstance(e, NonPublicAddress) for e in _causes(exc))


TOO_MANY_REDIRECTS = (httpx.TooManyRedirects, httpx2.TooManyRedirects)


class RedirectHopFailed(Exception):
    """Marks a client's error raised past a redirect, away from the server asked
    (`_past_the_asked_server`): the request's failure, never the asked server's (a
    registry whose record redirects to a host that refuses is not unreachable;
    `resolve.sending`)."""


@functools.cache
def _hop_failed(lib: ModuleType) -> type:
    """`RedirectHopFailed` as `lib`'s TransportError (its callers' ``except`` holds)."""
    return type("RedirectHopFailed", (RedirectHopFailed, lib.TransportError), {})


@functools.cache
def _chain_client(lib: ModuleType) -> type:
    """`lib`'s Client whose `send` (a redirect chain included) has one deadline,
    which every exchange's own deadline is cut to (`_Bounded`), and whose failure
    past a redirect to another host says so (`RedirectHopFailed`)."""

    class ChainClient(lib.Client):  # type: ignore[name-defined,misc]
        def __init__(self, *, chain_time: float, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self._chain_time = chain_time

        def send(self, request: Any, **kwargs: Any) -> Any:
            token = _chain_ends.set(time.monotonic() + self._chain_time)
            servers: list[Server] = []
            servers_token = _chain_hosts.set(servers)
            try:
                return super().send(request, **kwargs)
            except lib.HTTPError as exc:
                if _past_the_asked_server(servers, exc):
                    raise _hop_failed(lib)(f"a redirect to another server failed: {exc}") from exc
                raise
            finally:
                _chain_hosts.reset(servers_token)
                _chain_ends.reset(token)

    return ChainClient


# When the caller's whole run must end (a registry run's deadline, `Channel`): every
# exchange is cut to it as well. A look-up sent just before the run's deadline kept its
# own (three registry timeouts, two exchanges for a chain) and held the run's workers,
# and so the service's chunk, for minutes past it.
_run_ends: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "citeaudit_pinned_run_ends", default=None
)


@contextlib.contextmanager
def run_deadline(ends: float | None) -> Iterator[None]:
    """Within (on this thread): every exchange of a pinned client ends by `ends`
    (``time.monotonic``; None: no run deadline), as a ReadTimeout of its library."""
    token = _run_ends.set(ends)
    try:
        yield
    finally:
        _run_ends.reset(token)


# -- redirects -------------------------------------------------------------------------


def _judge_redirect(rule: AddressRule, lib: ModuleType, following: bool) -> Callable[[Any], None]:
    """A response hook: a redirect's Location is judged before the client reads it
    (`redirect_judge`, the one judgement of every client that follows redirects)."""

    def hook(response: Any) -> None:
        judge_location(rule, lib, response, following)

    return hook


# -- bounded answers -------------------------------------------------------------------

_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "citeaudit_pinned_deadline", default=None
)

# What an answer's head may take, interim answers (1xx) included: h11 bounds one head
# (100 KB) but httpcore reads interim answers one after another, as many as come, each
# parsed in Python: a receiver sending nothing but "100 Continue" held the delivery's
# thread busy until its deadline. Counted over the bytes read before the final head is
# handed back (a read past it carries at most a few KB of body with it).
MAX_HEAD_READ = 256 * 1024
_head_read: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar(
    "citeaudit_pinned_head_read", default=None
)


def _within(timeout: float | None) -> float | None:
    """`timeout`, shortened to what is left before the exchange's deadline."""
    deadline = _deadline.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        return 0.0
    return left if timeout is None else min(timeout, left)


class _DeadlineStream:
    """A connection whose every read and write waits at most until the deadline.

    httpx's timeouts are per read: a server sending one byte at a time, each within
    the timeout, would hold the worker for as long as it likes."""

    def __init__(self, inner: Any, core: ModuleType) -> None:
        self._inner = inner
        self._core = core

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        left = _within(timeout)
        if left == 0.0:
            raise self._core.ReadTimeout("the answer took longer than its deadline")
        data = bytes(self._inner.read(max_bytes, left))
        head = _head_read.get()
        if head is not None:  # still reading the head (`_Bounded.handle_request`)
            head[0] += len(data)
            if head[0] > MAX_HEAD_READ:
                raise self._core.RemoteProtocolError(
                    f"the answer's head is larger than {MAX_HEAD_READ} bytes"
                )
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        left = _within(timeout)
        if left == 0.0:
            raise self._core.WriteTimeout("the request took longer than its deadline")
        self._inner.write(buffer, left)

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> Any:
        # The handshake waits as long as the connection may (the library hands it the
        # connect timeout): a server silent after the TCP handshake held a look-up
        # sent just before the run's deadline that long past it.
        left = _within(timeout)
        if left == 0.0:
            raise self._core.ConnectTimeout("the connection took longer than its deadline")
        inner = self._inner.start_tls(ssl_context, server_hostname=server_hostname, timeout=left)
        return _DeadlineStream(inner, self._core)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Bounded:
    """Wraps a sync transport: a deadline for the whole exchange, a bound on the body.

    The body is decompressed here, with a bound (``zlib``'s `max_length`), and handed
    on without its Content-Encoding: httpx would inflate a small gzip bomb in one call.
    The bytes that arrive count against the bound as well as what they inflate to,
    and nothing past the end of the compressed stream is inflated: trailing bytes
    inflate to nothing, and zlib kept every one of them, copied whole on each call
    (50 MB after a ten-byte gzip held a CPU for 54 s until the deadline).
    """

    def __init__(self, inner: Any, lib: ModuleType, max_body: int, deadline: float) -> None:
        self._inner = inner
        self._lib = lib
        self._max_body = max_body
        self._deadline = deadline

    def handle_request(self, request: Any) -> Any:
        servers = _chain_hosts.get()
        if servers is not None:
            servers.append(server_of(request.url))
        deadline = time.monotonic() + self._deadline
        for ends, what in ((_chain_ends.get(), "redirect chain"), (_run_ends.get(), "run")):
            if ends is not None:
                if ends <= time.monotonic():
                    raise self._lib.ReadTimeout(f"the {what} took longer than its deadline")
                deadline = min(deadline, ends)
        token = _deadline.set(deadline)
        counted = _head_read.set([0])
        try:
            response = self._inner.handle_request(request)
        finally:
            _head_read.reset(counted)
            _deadline.reset(token)
        coding = response.headers.get("content-encoding", "").strip().lower()
        if coding not in ("", "identity", "gzip", "x-gzip", "deflate"):
            response.close()
            raise self._lib.DecodingError(f"unsupported content encoding {coding!r}")
        if "content-encoding" in response.headers:
            del response.headers["content-encoding"]
        response.stream = _body_stream(self._lib)(
            response.stream, coding, self._max_body, deadline, self._lib
        )
        return response

    def close(self) -> None:
        self._inner.close()

    def __enter__(self) -> _Bounded:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()


class AnswerTooLarge(Exception):
    """An answer's body went past its bound; raised as the HTTP library's ReadError."""


@functools.cache
def _body_stream(lib: ModuleType) -> type:
    """The body stream class for `lib` (httpx checks its own SyncByteStream class)."""

    class TooLarge(AnswerTooLarge, lib.ReadError):  # type: ignore[name-defined,misc]
        pass

    class Body(lib.SyncByteStream):  # type: ignore[name-defined,misc]
        def __init__(
            self, inner: Any, coding: str, cap: int, deadline: float, module: ModuleType
        ) -> None:
            self._inner = inner
            self._cap = cap
            self._deadline = deadline
            self._lib = module
            self._zlib = (
                zlib.decompressobj(47 if coding != "deflate" else 15)
                if coding in ("gzip", "x-gzip", "deflate")
                else None
            )
            self._deflate_raw = coding == "deflate"

        def __iter__(self) -> Iterator[bytes]:
            size = 0
            arrived = 0
            pieces = 0
            chunks = iter(self._inner)
            while True:
                token = _deadline.set(self._deadline)
                try:
                    raw = next(chunks, None)
                finally:
                    _deadline.reset(token)
                if raw is None:
                    break
                # What arrives counts too: past a compressed stream's end, bytes
                # inflate to nothing (and zlib kept and copied them all, each call).
                arrived += len(raw)
                if arrived > self._cap:
                    raise TooLarge(f"the answer is larger than {self._cap} bytes")
                pieces += 1
                if pieces > FREE_PIECES and pieces * MIN_PIECE > arrived:
                    raise TooLarge(
                        f"the answer came in {pieces} pieces of under {MIN_PIECE} bytes each"
                    )
                for data in self._decode(raw, size):
                    size += len(data)
                    if size > self._cap:
                        raise TooLarge(f"the answer is larger than {self._cap} bytes")
                    yield data
            if self._zlib is not None:
                tail = self._zlib.flush()
                if size + len(tail) > self._cap:
                    raise TooLarge(f"the answer is larger than {self._cap} bytes")
                if tail:
                    yield tail

        def _decode(self, raw: bytes, size: int) -> Iterator[bytes]:
            if self._zlib is None:
                yield raw
                return
            pending = raw
            while pending and not self._zlib.eof:  # nothing is fed past the stream's end
                try:
                    data = self._zlib.decompress(pending, self._cap - size + 1)
                except zlib.error:
                    if not (self._deflate_raw and size == 0):
                        raise self._lib.DecodingError("the compressed answer is corrupt") from None
                    self._zlib = zlib.decompressobj(-15)  # raw deflate, as httpx allows
                    self._deflate_raw = False
                    continue
                size += len(data)
                yield data
                if size > self._cap:
                    return
                pending = self._zlib.unconsumed_tail

        def close(self) -> None:
            self._inner.close()

    return Body
