"""The NAT64 prefixes of the network we are on: IPv6 addresses that deliver to IPv4 ones.

On an IPv6-only network a DNS64 resolver answers a name that has only an A record
with a synthesized AAAA: the IPv4 address inside the network's NAT64 prefix, and the
NAT64 gateway delivers the connection to that IPv4 address. The well-known prefix
(64:ff9b::/96) is judged by the address it carries (`safety.embedded_ipv4`); a
network-specific prefix is an ordinary global address to anyone who does not know
it, so a name whose A record is 10.0.0.5 (or 169.254.169.254) came back as, say,
2001:db8:64::a00:5 -- "public" -- and reached the private address through the gateway.

The prefixes are learnt as RFC 7050 says: ``ipv4only.arpa`` has only the A records
192.0.0.170 and 192.0.0.171, so every AAAA the resolver gives it is synthesized, and
where the known address sits says the prefix and its length (RFC 6052: /32 to /96).
Asked in a thread of its own, one question at a time, kept for `ttl` seconds (a
failed question for `retry`). The first question of a process is waited for, at most
`wait` seconds, before its first connection (`fresh`, `fresh_async`); later ones are
asked in the background while what was learnt stands, so a silent name server costs
one wait per process. The address rule only reads what was learnt.

Until a first answer comes (the resolver is silent, or fails: SERVFAIL, timeout)
the network's prefixes are unknown, and the rule fails closed (`pending`): any
global IPv6 address may be a synthesized one, so (`safety.is_forbidden_address`)
none is connected to where private networks are refused, and (`carried`) each is
read at every RFC 6052 length, so one that may deliver to a metadata service is
refused even where private networks are allowed. IPv4 addresses, and the
well-known prefixes (judged by what they carry whatever is learnt), are unaffected.
"No AAAA for ipv4only.arpa" is an answer (no NAT64), a failure is not; a failed
question later on keeps what was learnt before.

``CITEAUDIT_NAT64_PREFIXES`` declares them instead (comma-separated networks such as
``2001:db8:64::/96``; ``none`` for a network without NAT64): no question is asked.
An operator who knows the network's prefix should say so -- a declared prefix cannot
be hidden by a resolver that fails -- and the test suite says ``none`` so that no
question leaves the machine.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import ipaddress
import os
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["Nat64Prefixes", "carried_by_prefix", "nat64_prefixes", "prefixes_in"]

Prefix = tuple[ipaddress.IPv6Network, int]  # the network, and its RFC 6052 length
Lookup = Callable[[], list[str] | None]  # None: no answer (the resolver failed)

WELL_KNOWN_V4 = (ipaddress.IPv4Address("192.0.0.170"), ipaddress.IPv4Address("192.0.0.171"))
_LENGTHS = (96, 64, 56, 48, 40, 32)
# RFC 6052's well-known prefix: judged by what it carries (`safety`) whatever is learnt.
_WELL_KNOWN = ipaddress.IPv6Network("64:ff9b::/96")


# getaddrinfo's "the name has no such address": an answer, no DNS64 (the others,
# EAI_AGAIN "temporary failure", EAI_FAIL, a system error, are no answer).
_NO_SUCH_ADDRESS = frozenset(
    getattr(socket, name)
    for name in ("EAI_NONAME", "EAI_NODATA", "EAI_ADDRFAMILY")
    if hasattr(socket, name)
)


def _ask_ipv4only_arpa() -> list[str] | None:
    """The AAAA answers for ipv4only.arpa ([] where there is no DNS64, None where the
    resolver did not answer). Asked as an absolute name: with ``ndots`` above one
    (Kubernetes: 5) the search list came first, and a wildcard in a search domain
    answered ``ipv4only.arpa.corp.example`` with no known address in it -- "no NAT64
    here" was learnt, and every synthesized private address passed as public."""
    try:
        infos = socket.getaddrinfo("ipv4only.arpa.", None, socket.AF_INET6, socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return [] if exc.errno in _NO_SUCH_ADDRESS else None
    except (OSError, UnicodeError):
        return None
    return [str(info[4][0]) for info in infos]


def carried_by_prefix(ip: ipaddress.IPv6Address, length: int) -> ipaddress.IPv4Address:
    """The IPv4 address RFC 6052 places in `ip` for a prefix of `length` bits (the
    octet at bits 64-71, "u", is skipped)."""
    value = int(ip)
    if length == 96:
        return ipaddress.IPv4Address(value & 0xFFFFFFFF)
    if length == 64:
        return ipaddress.IPv4Address((value >> 24) & 0xFFFFFFFF)
    before = 64 - length  # bits of the IPv4 address between the prefix and "u"
    high = (value >> 64) & ((1 << before) - 1)
    after = 32 - before
    low = (value >> (56 - after)) & ((1 << after) - 1)
    return ipaddress.IPv4Address((high << after) | low)


def prefixes_in(answers: list[str]) -> frozenset[Prefix]:
    """The NAT64 prefixes the synthesized answers for ipv4only.arpa show."""
    found: set[Prefix] = set()
    for text in answers:
        try:
            ip = ipaddress.IPv6Address(text.split("%", 1)[0])
        except ValueError:
            continue
        for length in _LENGTHS:
            if carried_by_prefix(ip, length) in WELL_KNOWN_V4:
                host_bits = 128 - length
                network = ipaddress.IPv6Network((int(ip) >> host_bits << host_bits, length))
                found.add((network, length))
                break
    return frozenset(found)


@dataclass
class Nat64Prefixes:
    """The network's NAT64 prefixes, learnt from ipv4only.arpa and kept `ttl` s."""

    lookup: Lookup = _ask_ipv4only_arpa
    ttl: float = 600.0
    retry: float = 60.0  # how long an empty or failed answer is kept
    wait: float = 2.0  # longest a caller waits for an answer
    declared: frozenset[Prefix] | None = None  # set: never asked, these are the prefixes
    _known: frozenset[Prefix] = field(default=frozenset(), init=False)
    # An answer has come (or the prefixes were declared): until then `pending`.
    _learnt: bool = field(default=False, init=False)
    _until: float = field(default=float("-inf"), init=False)
    _asking: concurrent.futures.Future[frozenset[Prefix]] | None = field(default=None, init=False)
    # Answered, or waited for in vain, once: later questions are not waited for.
    _answered: bool = field(default=False, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    def __post_init__(self) -> None:
        if self.declared is not None:
            self._known = self.declared
            self._until = float("inf")
            self._answered = True
            self._learnt = True

    def pending(self) -> bool:
        """No answer yet: the network's prefixes are unknown, any global IPv6
        address may deliver to any IPv4 one (the address rule fails closed)."""
        return not self._learnt

    def current(self) -> frozenset[Prefix]:
        """What was learnt last (never waits)."""
        return self._known

    def carried(self, ip: ipaddress.IPv6Address) -> tuple[ipaddress.IPv4Address, ...]:
        """The IPv4 address `ip` delivers to through one of the prefixes, if any; while
        they are unknown (`pending`), what it would carry at every RFC 6052 length."""
        if not self._learnt and ip not in _WELL_KNOWN and ip.ipv4_mapped is None:
            return tuple(carried_by_prefix(ip, length) for length in _LENGTHS)
        return tuple(carried_by_prefix(ip, length) for net, length in self._known if ip in net)

    def _question(self) -> concurrent.futures.Future[frozenset[Prefix]] | None:
        """The question to wait for: the first one of the process, asked now if need
        be. A later one (what was learnt is out of date) is asked, and not waited for."""
        if time.monotonic() < self._until:
            return None
        with self._lock:
            if time.monotonic() < self._until:
                return None
            if self._asking is None:
                future: concurrent.futures.Future[frozenset[Prefix]] = concurrent.futures.Future()
                self._asking = future
                threading.Thread(
                    target=self._ask, args=(future,), name="citeaudit-nat64", daemon=True
                ).start()
            return None if self._answered else self._asking

    def _ask(self, future: concurrent.futures.Future[frozenset[Prefix]]) -> None:
        try:
            answers = self.lookup()
        except Exception:  # a stand-in's failure is no answer, as the resolver's is
            answers = None
        with self._lock:
            if answers is not None:  # a failure keeps what was learnt, or nothing
                self._known = prefixes_in(answers)
                self._learnt = True
            found = self._known
            self._until = time.monotonic() + (self.ttl if found else self.retry)
            self._asking = None
            self._answered = True
        future.set_result(found)

    def fresh(self, timeout: float | None = None) -> None:
        """Bring what is known up to date, waiting at most `wait` (or `timeout`)."""
        question = self._question()
        if question is not None:
            limit = self.wait if timeout is None else min(self.wait, timeout)
            try:
                question.result(timeout=max(0.0, limit))
            except concurrent.futures.TimeoutError:
                self._answered = True  # the answer is kept when it comes; not waited again

    async def fresh_async(self) -> None:
        """`fresh` for a coroutine: the event loop is never held."""
        question = self._question()
        if question is not None:
            try:
                await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(question)), self.wait)
            except TimeoutError:
                self._answered = True

    def forget(self) -> None:
        """Ask again, and wait for the answer, before the next connection (tests); a
        declared set is dropped, so `lookup` is asked."""
        with self._lock:
            self.declared = None
            self._until = float("-inf")
            self._answered = False
            self._known = frozenset()
            self._learnt = False

    def _after_fork(self) -> None:
        """In a forked worker: the parent's question (its thread) is not ours to wait for."""
        self._lock = threading.Lock()
        self._asking = None
        if self.declared is None:
            self._until = float("-inf")
            self._answered = False


def declared(text: str) -> frozenset[Prefix]:
    """The prefixes an operator declares: ``none``, or networks of RFC 6052 lengths."""
    found: set[Prefix] = set()
    for part in text.split(","):
        part = part.strip()
        if not part or part.lower() == "none":
            continue
        network = ipaddress.IPv6Network(part, strict=True)
        if network.prefixlen not in _LENGTHS:
            raise ValueError(
                f"CITEAUDIT_NAT64_PREFIXES: {part}: NAT64 prefixes are /32, /40, /48, /56, /64, /96"
            )
        found.add((network, network.prefixlen))
    return frozenset(found)


def _from_environment() -> Nat64Prefixes:
    """The process's prefixes: declared in the environment, or learnt."""
    text = os.environ.get("CITEAUDIT_NAT64_PREFIXES")
    if text is None:
        return Nat64Prefixes()
    prefixes = declared(text)
    return Nat64Prefixes(lookup=lambda: [], ttl=float("inf"), declared=prefixes)


nat64_prefixes = _from_environment()
if hasattr(os, "register_at_fork"):  # Celery's prefork pool forks after start-up
    os.register_at_fork(after_in_child=nat64_prefixes._after_fork)
