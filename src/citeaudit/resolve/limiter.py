"""Pacing for registry requests: a window of request starts plus a concurrency limit.

Crossref announces a budget on every response: ``x-rate-limit-limit`` requests per
``x-rate-limit-interval``, and ``x-concurrency-limit`` requests at once. A limiter
keeps exactly that promise -- at most `count` starts in any window of `interval`
seconds, at most `concurrency` requests in flight -- so it may use the burst the
server allows rather than spacing requests out evenly. Two allowances keep it safe:

- `margin`: the window is held `margin` seconds longer than announced, because the
  server stamps arrivals, and network and scheduling jitter can bring two requests
  that left one interval apart closer together.
- `share`: a 429 means the announced budget was not all ours (another client on the
  same address, a stricter server). The budget actually used is `share` of the
  announced one; a 429 halves it, each answered request wins a little back.

A limiter that has heard nothing yet from the server runs on its start values
(`sibling` makes them conservative: one request at a time, so the first answer,
which carries the real budget, arrives before a second request leaves).

The configured rate and concurrency are a ceiling the headers never lift (`ceiling`,
`within`): headers may only slow us down. They come from whoever answers -- a
hostile stand-in, a proxy, a broken mirror -- and a "1000000 per 1s, 1000 at once"
was adopted as is, so we sent that much to the registry, far past the politeness
the operator configured.

Two implementations:

- `LocalLimiter`: threads of one process.
- `RedisLimiter`: every process on the machine (CLI runs, Celery workers) shares one
  budget through Redis, because Crossref counts requests per client address, not per
  process. What one process learns from the headers (and a 429's lowering) is seen
  by all.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
import threading
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from citeaudit.links.shared_pacing import HOLD, MAX_PAUSE, TAKE_START

__all__ = [
    "MAX_PAUSE",
    "Limiter",
    "LocalLimiter",
    "Paused",
    "RedisLimiter",
    "ServerLimits",
    "bounded_pause",
    "parse_limits",
    "within",
]

MARGIN = 0.05  # seconds added to every window: arrival jitter on the way to the server
RECOVERY = 0.05  # share of the announced budget won back by each answered request
# Headers come from whoever answers: a hostile or broken registry could announce one
# request an hour, a window of 10^400 seconds or a concurrency of 10^20. What is learnt
# is kept within these bounds (a longer window keeps its rate, scaled to this length);
# a wait in the window is further bounded by the caller's `max_pause`.
MAX_INTERVAL = 60.0  # seconds
MAX_COUNT = 1_000_000.0  # requests per window
MAX_CONCURRENCY = 1000
# The longest a budget is held back by one answer (a 429's Retry-After): the pause
# outlives the audit (a worker's limiter lives as long as the process, Redis shares it
# with every worker), so a registry's "Retry-After: 999999999999" or a date in the year
# 9999 stopped every later audit's look-ups there for good. Past it, one request asks
# again, and a registry still limiting us says so again.
# MAX_PAUSE: `links.shared_pacing`'s, the one the shared script also caps a stored pause at.
LEASE = 120.0  # seconds a concurrency slot in Redis outlives a process that died holding it
POLL = 0.01  # seconds between two asks for a full budget's slot in Redis


class Paused(Exception):
    """The budget is held back (a 429's Retry-After) longer than the caller will wait."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"paused for {seconds:.0f}s")
        self.seconds = seconds


@dataclass(frozen=True, slots=True)
class ServerLimits:
    """What a response's headers said about the allowed pace."""

    rate: float | None = None  # requests per second
    concurrency: int | None = None
    count: float | None = None  # requests per `interval`, as announced
    interval: float | None = None  # seconds


# blanks read once (possessive): around an optional unit, two `\s*` could share a run
# of blanks every way before the end failed (n^2; the header is cut to 64 anyway)
_INTERVAL = re.compile(r"^\s*+([0-9]{1,12}(?:\.[0-9]{1,12})?)\s*+(ms|s|m|h)?\s*+$", re.ASCII)
_CONCURRENCY = re.compile(r"^\s*([0-9]{1,12})\s*$", re.ASCII)
_UNIT = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, None: 1.0}


def parse_limits(headers: Mapping[str, str]) -> ServerLimits:
    """Read Crossref's rate-limit headers; absent or garbled values give None, and
    what is read is kept within MAX_INTERVAL, MAX_COUNT and MAX_CONCURRENCY."""
    rate = count = interval = None
    concurrency: int | None = None
    limit = _header(headers, "x-rate-limit-limit")
    announced = _header(headers, "x-rate-limit-interval")
    if limit is not None:
        try:
            number = float(limit[:64])
        except ValueError:
            number = 0.0
        seconds = 1.0
        if announced is not None:
            match = _INTERVAL.match(announced[:64])
            seconds = float(match.group(1)) * _UNIT[match.group(2)] if match else 0.0
        if number > 0 and seconds > 0 and math.isfinite(number):
            if seconds > MAX_INTERVAL:  # the same rate over a window we will wait out
                number, seconds = number * MAX_INTERVAL / seconds, MAX_INTERVAL
            number = min(max(number, 1.0), MAX_COUNT)
            rate, count, interval = number / seconds, number, seconds
    conc = _header(headers, "x-concurrency-limit")
    found = _CONCURRENCY.match(conc[:64]) if conc is not None else None
    if found is not None and int(found.group(1)) > 0:
        concurrency = min(int(found.group(1)), MAX_CONCURRENCY)
    return ServerLimits(rate, concurrency, count, interval)


def bounded_pause(seconds: float) -> float:
    """`seconds` of a pause as kept: within 0 and `MAX_PAUSE`, a NaN as none."""
    if not seconds > 0:  # NaN, zero, negative
        return 0.0
    return min(float(seconds), MAX_PAUSE)


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is None:
        value = headers.get(name.title())
    return value


def window_of(rate: float) -> tuple[float, float]:
    """A configured rate as (count, interval): at least one request per window."""
    if rate >= 1:
        return float(math.floor(rate)), math.floor(rate) / rate
    return 1.0, 1.0 / rate


def within(
    count: float, interval: float, concurrency: int, ceiling: tuple[float, float, int]
) -> tuple[float, float, int]:
    """A learnt window and concurrency met with `ceiling` (the configured count,
    interval and concurrency): the fewer starts per window, the slower rate, the
    fewer requests at once. The window's length follows (count / rate), so every
    window of the result keeps both promises: no burst larger than configured, no
    rate above either. A value that is not a positive finite number is the ceiling's."""
    top_count, top_interval, top_concurrency = ceiling
    if not (count > 0 and interval > 0 and math.isfinite(count) and math.isfinite(interval)):
        count, interval = top_count, top_interval
    rate = min(count / interval, top_count / top_interval)
    count = max(1.0, min(count, top_count))
    concurrency = max(1, min(int(concurrency), top_concurrency))
    return count, count / rate, concurrency


def effective(count: float, share: float) -> int:
    """Requests (or concurrent requests) allowed once `share` is applied; at least 1."""
    return max(1, math.floor(count * share + 1e-9))


class Limiter(ABC):
    """Gate every request through `slot()`; feed every response's headers to `observe`."""

    def __init__(self, rate: float, concurrency: int) -> None:
        if rate <= 0 or concurrency <= 0:
            raise ValueError("rate and concurrency must be positive")
        self.margin = MARGIN
        self._count, self._interval = window_of(rate)
        self._concurrency = concurrency
        # What was configured: no header lifts the pace above it (`within`).
        self.ceiling: tuple[float, float, int] = (self._count, self._interval, concurrency)
        self._share = 1.0
        self.waited = 0.0  # seconds spent waiting for a start or a slot, for progress reports

    @property
    def rate(self) -> float:
        """The announced (or configured) budget in requests per second."""
        return self._count / self._interval

    @property
    def concurrency(self) -> int:
        return self._concurrency

    @property
    def share(self) -> float:
        return self._share

    @property
    def window(self) -> tuple[int, float]:
        """Starts allowed per window, and the window held (announced interval + margin)."""
        return effective(self._count, self._share), self._interval + self.margin

    def observe(self, headers: Mapping[str, str]) -> None:
        limits = parse_limits(headers)
        if limits.count is not None or limits.concurrency is not None:
            self.set_limits(
                limits.count or self._count,
                limits.interval or self._interval,
                limits.concurrency or self._concurrency,
            )

    def set_limits(self, count: float, interval: float, concurrency: int) -> None:
        """Learnt limits, kept `within` the configured ceiling."""
        self._count, self._interval, self._concurrency = within(
            count, interval, concurrency, self.ceiling
        )

    @abstractmethod
    def lower(self) -> None:
        """A 429: use half the share of the budget used so far."""

    @abstractmethod
    def recover(self) -> None:
        """An answered request: win back a little of the share lost to 429s."""

    @abstractmethod
    def pause(self, seconds: float) -> None:
        """Hold every request of this budget back for `seconds` (a 429's Retry-After),
        at most `MAX_PAUSE` (`bounded_pause`)."""

    @abstractmethod
    def sibling(self, name: str) -> Limiter:
        """Another budget of the same registry, kept apart from this one, starting from
        this one's rate with one request at a time until its own headers arrive."""

    @abstractmethod
    @contextmanager
    def slot(self, max_pause: float | None = None, until: float | None = None) -> Iterator[None]:
        """Wait for a start in the window and a free concurrency slot; hold the slot.

        Raises `Paused` when the budget is paused, or its window full, for longer than
        `max_pause`: a Retry-After of an hour, or a window a registry announced as one
        request an hour, is honoured by not asking, not by hanging. And when no slot
        is free by `until` (``time.monotonic``, the run's deadline): the slots are
        held by others' requests, in turn, for as long as they have work.
        """
        yield  # pragma: no cover


def _until(until: float | None) -> float:
    """Seconds left before `until` (``time.monotonic``; None: a day, no deadline), or
    `Paused` once it has passed."""
    if until is None:
        return 86400.0
    left = until - time.monotonic()
    if left <= 0:
        raise Paused(0.0)
    return left


class LocalLimiter(Limiter):
    """The window as a sorted list of reserved start times, for one process."""

    def __init__(self, rate: float, concurrency: int) -> None:
        super().__init__(rate, concurrency)
        self._cond = threading.Condition()
        self._starts: list[tuple[float, int]] = []  # reserved start times, sorted
        self._tickets = itertools.count()
        self._active = 0
        self._paused_until = 0.0

    def set_limits(self, count: float, interval: float, concurrency: int) -> None:
        with self._cond:
            super().set_limits(count, interval, concurrency)
            self._cond.notify_all()

    def lower(self) -> None:
        with self._cond:
            self._share = max(1.0 / max(self._count, self._concurrency, 1.0), self._share / 2)

    def recover(self) -> None:
        if self._share < 1.0:
            with self._cond:
                self._share = min(1.0, self._share + RECOVERY)
                self._cond.notify_all()

    def pause(self, seconds: float) -> None:
        with self._cond:
            ends = time.monotonic() + bounded_pause(seconds)
            self._paused_until = max(self._paused_until, ends)

    def sibling(self, name: str) -> LocalLimiter:
        other = LocalLimiter(self.rate, 1)
        other.ceiling = self.ceiling  # the configured politeness, not the learnt pace
        return other

    @contextmanager
    def slot(self, max_pause: float | None = None, until: float | None = None) -> Iterator[None]:
        started = time.monotonic()
        with self._cond:
            self._check_pause(max_pause)
            while self._active >= effective(self._concurrency, self._share):
                self._cond.wait(_until(until))
            self._active += 1
        try:
            self._take_start(max_pause)
            self.waited += time.monotonic() - started
            yield
        finally:
            with self._cond:
                self._active -= 1
                self._cond.notify_all()

    def _check_pause(self, max_pause: float | None) -> None:
        remaining = self._paused_until - time.monotonic()
        if max_pause is not None and remaining > max_pause:
            raise Paused(remaining)

    def _take_start(self, max_pause: float | None) -> None:
        """Reserve the earliest start the window allows and sleep until it is due, so
        waiters queue in order. On waking, check again against the starts that really
        happened before it (a thread may wake late, a pause may have been set) and
        wait more if the window would be broken; the entry then records the real start."""
        entry = (0.0, next(self._tickets))
        first = True
        while True:
            with self._cond:
                if entry in self._starts:
                    self._starts.remove(entry)
                self._check_pause(max_pause)
                now = time.monotonic()
                count, width = self.window
                del self._starts[: bisect.bisect_left(self._starts, (now - width, -1))]
                due = max(now, self._paused_until)
                if first:
                    if self._starts:
                        due = max(due, self._starts[-1][0])
                    before = len(self._starts)
                else:
                    before = bisect.bisect_right(self._starts, (now, math.inf))
                if before >= count:
                    due = max(due, self._starts[before - count][0] + width)
                if max_pause is not None and due - now > max_pause:
                    raise Paused(due - now)  # nothing reserved: the entry was taken out
                entry = (due, entry[1])
                bisect.insort(self._starts, entry)
            if not first and due <= now:
                return
            first = False
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)


_PAUSE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local until_ = now + tonumber(ARGV[1])
local cur = tonumber(redis.call('HGET', KEYS[1], 'paused_until')) or 0
if until_ > cur then redis.call('HSET', KEYS[1], 'paused_until', until_) end
redis.call('EXPIRE', KEYS[1], 3600)
return 1
"""

# ARGV[1]: 'lower' or 'recover'; ARGV[2]: the floor of the share; ARGV[3]: the step.
_SHARE = """
local share = tonumber(redis.call('HGET', KEYS[1], 'share')) or 1
if ARGV[1] == 'lower' then
  share = math.max(tonumber(ARGV[2]), share / 2)
elseif share < 1 then
  share = math.min(1, share + tonumber(ARGV[3]))
else
  return tostring(share)
end
redis.call('HSET', KEYS[1], 'share', share)
redis.call('EXPIRE', KEYS[1], 3600)
return tostring(share)
"""


class RedisLimiter(Limiter):
    """The same pacing, shared by every process that uses the same Redis and `name`.

    Times come from the Redis server's clock, so processes with skewed clocks still
    agree. A concurrency slot is a lease that expires (`lease` seconds) so a process
    that dies holding one does not block the others for ever. The scripts are the
    link checker's shared pacing too (`links.shared_pacing`).
    """

    def __init__(self, client: Any, name: str, rate: float, concurrency: int) -> None:
        super().__init__(rate, concurrency)
        self.name = name
        self._redis = client
        prefix = f"citeaudit:limiter:{name}"
        self._starts_key = f"{prefix}:starts"
        self._slots_key = f"{prefix}:slots"
        self._conf_key = f"{prefix}:conf"
        # A budget made by `sibling` sends one request at a time from this process
        # until it has heard the server itself: what Redis remembers may be stale.
        self._heard = True
        self._alone = threading.Lock()
        self._take = client.register_script(TAKE_START)
        self._enter = client.register_script(HOLD)
        self._pause = client.register_script(_PAUSE)
        self._share_script = client.register_script(_SHARE)

    def _load(self) -> None:
        """What other processes learnt (limits, share) becomes this one's view too."""
        conf = self._redis.hmget(self._conf_key, ["count", "interval", "concurrency", "share"])
        if conf[0] is not None and conf[1] is not None and conf[2] is not None:
            shared = (float(conf[0]), float(conf[1]), int(float(conf[2])))
            kept = within(*shared, self.ceiling)
            self._count, self._interval, self._concurrency = kept
            if kept != shared:
                # Written by a worker configured faster (or by a version that adopted
                # any header): the scripts read the hash before their arguments, so
                # it is lowered to this worker's politeness for every worker.
                self._write_conf()
        if conf[3] is not None:
            self._share = float(conf[3])

    def _write_conf(self) -> None:
        self._redis.hset(
            self._conf_key,
            mapping={
                "count": self._count,
                "interval": self._interval,
                "concurrency": self._concurrency,
            },
        )
        self._redis.expire(self._conf_key, 3600)

    def set_limits(self, count: float, interval: float, concurrency: int) -> None:
        super().set_limits(count, interval, concurrency)  # within the ceiling
        self._heard = True
        self._write_conf()

    def lower(self) -> None:
        floor = 1.0 / max(self._count, self._concurrency, 1.0)
        self._share = float(self._share_script(keys=[self._conf_key], args=["lower", floor, 0]))

    def recover(self) -> None:
        self._share = float(
            self._share_script(keys=[self._conf_key], args=["recover", 0, RECOVERY])
        )

    def pause(self, seconds: float) -> None:
        self._pause(keys=[self._conf_key], args=[repr(bounded_pause(seconds))])

    def sibling(self, name: str) -> RedisLimiter:
        other = RedisLimiter(self._redis, f"{self.name}:{name}", self.rate, 1)
        other.ceiling = self.ceiling  # the configured politeness, not the learnt pace
        other._load()
        other._heard = False
        return other

    @contextmanager
    def slot(self, max_pause: float | None = None, until: float | None = None) -> Iterator[None]:
        if self._heard:
            with self._slot(max_pause, until):
                yield
        else:
            if not self._alone.acquire(timeout=-1 if until is None else _until(until)):
                raise Paused(0.0)  # the run's time ran out waiting for this process's turn
            try:
                with self._slot(max_pause, until):
                    yield
            finally:
                self._alone.release()

    @contextmanager
    def _slot(self, max_pause: float | None, until: float | None) -> Iterator[None]:
        started = time.monotonic()
        lease_id = uuid.uuid4().hex
        while not int(
            self._enter(
                keys=[self._slots_key, self._conf_key],
                # The configured concurrency is the ceiling of what the hash says.
                args=[self._concurrency, lease_id, LEASE, self.ceiling[2]],
            )
        ):
            time.sleep(min(POLL, _until(until)))
        try:
            mode = "first"
            while True:  # checked again on waking: late wake-ups, pauses set meanwhile
                answer = self._take(
                    keys=[self._starts_key, self._conf_key],
                    args=[
                        self._count,
                        self._interval,
                        self.margin,
                        lease_id,
                        mode,
                        "" if max_pause is None else max_pause,
                        # The configured window: no hash in Redis paces us faster.
                        self.ceiling[0],
                        self.ceiling[1],
                    ],
                )
                text = answer.decode() if isinstance(answer, bytes) else str(answer)
                if text.startswith("P"):
                    raise Paused(float(text[1:]))
                delay = float(text)
                if max_pause is not None and delay > max_pause:
                    self._redis.zrem(self._starts_key, lease_id)
                    raise Paused(delay)
                if delay <= 0 and mode == "again":
                    break
                if delay > 0:
                    time.sleep(delay)
                mode = "again"
            self.waited += time.monotonic() - started
            yield
        finally:
            self._redis.zrem(self._slots_key, lease_id)
