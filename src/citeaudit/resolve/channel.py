"""One registry's request discipline: pacing, bounded retries, a circuit breaker.

Every registry request goes through a `Channel`, whatever library sends it (habanero
for Crossref, httpx for doi.org and DataCite). The sender reports either a `Reply`
(any HTTP status) or a `TransportFailure`; the channel decides what to retry and
turns "could not ask" into `ResolverError`, the one exception the resolver catches.

A registry may keep separate budgets for separate kinds of request (Crossref: single
records ``/works/{doi}`` and lists -- filters, queries -- in pools such as
``polite-single`` and ``polite-array``). A request names its `budget`; each budget is
a limiter of its own (a `Limiter.sibling` of the channel's), keyed by the pool we
ask to be in and the kind, and learns its pace from its own responses' headers only.

Retried: 429 (waiting `Retry-After`, bounded, and lowering that budget), 5xx and
timeouts, with exponential backoff and jitter -- the wait decided by the one retry
rule the link checker uses too (`links/retry.py`). Not retried: a refused connection or
an unknown host, which open the circuit at once -- a registry that cannot be reached
is reported straight away, not after minutes of retries.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from citeaudit.errors import ResolverError
from citeaudit.links.pinned import run_deadline
from citeaudit.links.retry import Backoff, retry_after
from citeaudit.resolve.limiter import Limiter, Paused

__all__ = [
    "OUT_OF_TIME",
    "Channel",
    "Reply",
    "RetryPolicy",
    "Stats",
    "TransportFailure",
    "no_record",
]

# Why a request was not sent: the run's time (`Channel.deadline`) ran out first.
OUT_OF_TIME = "not asked: the run's time ran out first"


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    headers: Mapping[str, str]
    payload: Any = None  # parsed JSON, when the body was JSON
    text: str = ""
    url: str = ""


def no_record(reply: Reply) -> str:
    """Why an answer gave no record: its status, or -- a success -- that its body was
    no record we read. An answer refused as JSON (nested past `remote_json`'s depth, a
    page of more objects than any record holds, cut at the size bound) or not JSON at
    all said "unexpected status 200", which reads as the registry's fault of protocol
    and hid that we refused what it sent."""
    if 200 <= reply.status < 300:
        return f"unreadable answer (status {reply.status}, no record in it)"
    return f"unexpected status {reply.status}"


class TransportFailure(Exception):
    """The request got no HTTP answer. `unreachable`: refused / DNS, not worth retrying.

    `final`: this one request is not to be sent again (we refused it ourselves, e.g. a
    redirect to a non-public address), but the registry is not to blame: no retry,
    no open circuit. `counted` (with `final`): not retried, but counted towards the
    breaker all the same -- a redirect hop that held the request until its deadline:
    a registry sending every request to a silent host would otherwise cost every
    look-up of the run a whole deadline, the breaker never told.
    """

    def __init__(
        self, reason: str, *, unreachable: bool = False, final: bool = False, counted: bool = False
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.unreachable = unreachable
        self.final = final
        self.counted = counted


@dataclass(frozen=True, slots=True)
class RetryPolicy(Backoff):
    """The registries' retries: `Backoff` (full jitter, capped), and a circuit breaker."""

    attempts: int = 4  # in all, first try included
    base: float = 0.5  # first backoff, seconds
    cap: float | None = 8.0  # longest backoff
    jitter: bool = True  # spreads retries of concurrent workers apart
    max_retry_after: float = 30.0  # a longer Retry-After gives up instead of waiting
    breaker_threshold: int = 3  # consecutive failed requests that open the circuit


@dataclass
class Stats:
    """What was sent and what came back, for progress events and the bench."""

    requests: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)
    budgets: Counter[str] = field(default_factory=Counter)  # requests sent per budget
    pools: dict[str, str] = field(default_factory=dict)  # budget -> pool the server named
    retries: int = 0
    rate_limited: int = 0
    cache_hits: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def count(self, kind: str, budget: str | None = None) -> None:
        with self._lock:
            self.requests[kind] += 1
            if budget is not None:
                self.budgets[budget] += 1

    def pool(self, budget: str, name: str) -> None:
        with self._lock:
            self.pools[budget] = name

    def saw(self, status: int) -> None:
        with self._lock:
            self.statuses[status] += 1
            if status == 429:
                self.rate_limited += 1

    def retried(self) -> None:
        with self._lock:
            self.retries += 1

    def hit(self) -> None:
        with self._lock:
            self.cache_hits += 1


class Channel:
    """Requests to one registry: share one per registry across an audit."""

    def __init__(
        self,
        name: str,
        limiter: Limiter,
        *,
        policy: RetryPolicy | None = None,
        stats: Stats | None = None,
    ) -> None:
        self.name = name
        self.limiter = limiter  # requests naming no budget; the seed of every budget
        self.pool = "default"  # the pool we ask to be in (a registry sets it)
        self._budgets: dict[str, Limiter] = {}
        self.policy = policy or RetryPolicy()
        self.stats = stats or Stats()
        self._lock = threading.Lock()
        self._consecutive_failures = 0
        self.broken: str | None = None  # why the circuit is open
        # When the run must end (`time.monotonic`), or None. A registry that answers each
        # request slowly -- never failing, so the circuit stays closed -- otherwise held
        # a run of a few thousand look-ups for hours, past a worker's time limit (which
        # failed the whole audit). Past it, nothing more is sent, retries included.
        self.deadline: float | None = None

    def reset(self) -> None:
        """A new audit probes again: close the circuit."""
        with self._lock:
            self.broken = None
            self._consecutive_failures = 0

    def budget(self, name: str | None) -> Limiter:
        """The limiter of budget `name` (made on first use); None: the channel's own."""
        if name is None:
            return self.limiter
        with self._lock:
            limiter = self._budgets.get(name)
            if limiter is None:
                limiter = self._budgets[name] = self.limiter.sibling(f"{self.pool}:{name}")
            return limiter

    def request(
        self,
        kind: str,
        send: Callable[[], Reply],
        *,
        preflight: bool = False,
        budget: str | None = None,
    ) -> Reply:
        """Send with pacing and retries; any HTTP answer that is not 429/5xx is returned.

        `preflight`: this is the first request to the registry; if it gets no answer
        at all, give up at once rather than retrying. `budget`: which of the
        registry's budgets this kind of request draws on.
        Raises ResolverError when the registry could not be asked.
        """
        if self.broken:
            raise ResolverError(self.name, self.broken)
        limiter = self.budget(budget)
        reason = "no answer"
        for attempt in range(self.policy.attempts):
            if self._out_of_time(0.0):
                raise ResolverError(self.name, OUT_OF_TIME)
            if attempt:
                self.stats.retried()
            wait: float
            try:
                # No pause, and no exchange, past the run's deadline (`run_deadline`).
                with (
                    limiter.slot(max_pause=self._pause_within(), until=self.deadline),
                    run_deadline(self.deadline),
                ):
                    self.stats.count(kind, budget)
                    reply = send()
            except Paused as paused:
                if paused.seconds <= self.policy.max_retry_after and self._out_of_time(
                    paused.seconds
                ):  # a wait we make, but the run ends first
                    raise ResolverError(self.name, OUT_OF_TIME) from None
                # Held back by us, not a failure of the registry: other budgets go on.
                raise ResolverError(
                    self.name, f"rate-limited: Retry-After {paused.seconds:.0f}s"
                ) from None
            except TransportFailure as failure:
                if self._out_of_time(0.0):  # cut by our deadline: not the registry's doing
                    raise ResolverError(self.name, OUT_OF_TIME) from None
                reason = failure.reason
                if failure.final:
                    if failure.counted:
                        self._failed()
                    raise ResolverError(self.name, failure.reason) from None
                if failure.unreachable or preflight:
                    self._open(f"unreachable ({failure.reason})")
                    raise ResolverError(self.name, f"unreachable ({failure.reason})") from None
                wait = self.policy.delay(attempt)
            else:
                self.stats.saw(reply.status)
                limiter.observe(reply.headers)
                pool = reply.headers.get("x-api-pool")
                if budget is not None and pool:
                    self.stats.pool(budget, pool)
                if reply.status == 429:
                    reason = "rate-limited (429)"
                    limiter.lower()
                    after = retry_after(reply.headers)
                    told = self.policy.wait(attempt, after)
                    if told is None and after is not None:  # longer than we wait
                        limiter.pause(after)
                        self._failed()
                        raise ResolverError(self.name, f"rate-limited: Retry-After {after:.0f}s")
                    wait = self.policy.delay(attempt) if told is None else told
                    limiter.pause(max(wait, 1.0 / max(limiter.rate, 0.001)))
                elif reply.status >= 500:
                    reason = f"server error {reply.status}"
                    wait = self.policy.delay(attempt)
                else:
                    limiter.recover()
                    with self._lock:
                        self._consecutive_failures = 0
                    return reply
            if attempt + 1 < self.policy.attempts:
                if self._out_of_time(wait):
                    raise ResolverError(self.name, OUT_OF_TIME)
                time.sleep(wait)
        self._failed()
        raise ResolverError(self.name, f"{reason} after {self.policy.attempts} attempts")

    def _pause_within(self) -> float:
        """The longest wait for a start: a Retry-After's, and no later than the run's
        deadline."""
        if self.deadline is None:
            return self.policy.max_retry_after
        return max(0.0, min(self.policy.max_retry_after, self.deadline - time.monotonic()))

    def _out_of_time(self, wait: float) -> bool:
        """Waiting `wait` more seconds from now would end past the run's deadline."""
        return self.deadline is not None and time.monotonic() + wait >= self.deadline

    def _failed(self) -> None:
        with self._lock:
            self._consecutive_failures += 1
            if self._consecutive_failures >= self.policy.breaker_threshold:
                self.broken = self.broken or (
                    f"stopped asking after {self._consecutive_failures} failed requests"
                )

    def _open(self, reason: str) -> None:
        with self._lock:
            self.broken = self.broken or reason
