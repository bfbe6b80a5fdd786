"""Pacing for registry requests: a token bucket plus a concurrency limit.

Crossref announces its limits on every response (``x-rate-limit-limit``,
``x-rate-limit-interval``, ``x-concurrency-limit``); the limiter starts from the
configured values and follows what the server says. Two implementations:

- `LocalLimiter`: threads of one process.
- `RedisLimiter`: every process on the machine (CLI runs, Celery workers) shares one
  budget through Redis, because Crossref counts requests per client address, not per
  process.

Both keep a little headroom below the announced rate: the server measures arrival
times, and network jitter can bunch requests that left evenly spaced.
"""

from __future__ import annotations

import re
import threading
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

__all__ = ["Limiter", "LocalLimiter", "RedisLimiter", "ServerLimits", "parse_limits"]


@dataclass(frozen=True, slots=True)
class ServerLimits:
    """What a response's headers said about the allowed pace."""

    rate: float | None = None  # requests per second
    concurrency: int | None = None


_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$")
_UNIT = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, None: 1.0}


def parse_limits(headers: Mapping[str, str]) -> ServerLimits:
    """Read Crossref's rate-limit headers; absent or garbled values give None."""
    rate: float | None = None
    concurrency: int | None = None
    limit = _header(headers, "x-rate-limit-limit")
    interval = _header(headers, "x-rate-limit-interval")
    if limit is not None:
        try:
            count = float(limit)
        except ValueError:
            count = 0.0
        seconds = 1.0
        if interval is not None:
            match = _INTERVAL.match(interval)
            seconds = float(match.group(1)) * _UNIT[match.group(2)] if match else 0.0
        if count > 0 and seconds > 0:
            rate = count / seconds
    conc = _header(headers, "x-concurrency-limit")
    if conc is not None and conc.strip().isdigit() and int(conc) > 0:
        concurrency = int(conc)
    return ServerLimits(rate, concurrency)


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is None:
        value = headers.get(name.title())
    return value


class Limiter(ABC):
    """Gate every request through `slot()`; feed every response's headers to `observe`."""

    def __init__(self, rate: float, concurrency: int, *, headroom: float = 0.9) -> None:
        if rate <= 0 or concurrency <= 0:
            raise ValueError("rate and concurrency must be positive")
        self.headroom = headroom
        self._rate = rate
        self._concurrency = concurrency
        self.waited = 0.0  # seconds spent waiting for a token or a slot, for progress reports

    @property
    def rate(self) -> float:
        return self._rate

    @property
    def concurrency(self) -> int:
        return self._concurrency

    def observe(self, headers: Mapping[str, str]) -> None:
        limits = parse_limits(headers)
        if limits.rate is not None or limits.concurrency is not None:
            self.set_limits(limits.rate or self._rate, limits.concurrency or self._concurrency)

    def set_limits(self, rate: float, concurrency: int) -> None:
        self._rate = rate
        self._concurrency = concurrency

    @abstractmethod
    def pause(self, seconds: float) -> None:
        """Hold every request back for `seconds` (after a 429 with Retry-After)."""

    @abstractmethod
    @contextmanager
    def slot(self) -> Iterator[None]:
        """Wait for a token and a free concurrency slot; hold the slot inside."""
        yield  # pragma: no cover


class LocalLimiter(Limiter):
    """Token bucket (capacity `burst`) and a counting gate, for one process."""

    def __init__(
        self, rate: float, concurrency: int, *, headroom: float = 0.9, burst: float = 1.0
    ) -> None:
        super().__init__(rate, concurrency, headroom=headroom)
        self._burst = burst
        self._cond = threading.Condition()
        self._tokens = burst
        self._stamp = time.monotonic()
        self._active = 0
        self._paused_until = 0.0

    def set_limits(self, rate: float, concurrency: int) -> None:
        with self._cond:
            self._refill(time.monotonic())
            super().set_limits(rate, concurrency)
            self._cond.notify_all()

    def pause(self, seconds: float) -> None:
        with self._cond:
            self._paused_until = max(self._paused_until, time.monotonic() + seconds)

    def _refill(self, now: float) -> None:
        self._tokens = min(
            self._burst, self._tokens + (now - self._stamp) * self._rate * self.headroom
        )
        self._stamp = now

    @contextmanager
    def slot(self) -> Iterator[None]:
        started = time.monotonic()
        with self._cond:
            while self._active >= self._concurrency:
                self._cond.wait()
            self._active += 1
        try:
            self._take_token()
            self.waited += time.monotonic() - started
            yield
        finally:
            with self._cond:
                self._active -= 1
                self._cond.notify_all()

    def _take_token(self) -> None:
        """Reserve a token now and sleep until it is due, so waiters queue fairly."""
        with self._cond:
            now = time.monotonic()
            self._refill(now)
            self._tokens -= 1.0
            due = max(now, self._paused_until)
            if self._tokens < 0:
                due = max(due, now + (-self._tokens) / (self._rate * self.headroom))
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)


_TAKE_TOKEN = """
local conf = redis.call('HMGET', KEYS[2], 'rate', 'paused_until')
local rate = tonumber(conf[1]) or tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or burst
local ts = tonumber(state[2]) or now
tokens = math.min(burst, tokens + (now - ts) * rate) - 1
local due = now
local paused = tonumber(conf[2]) or 0
if paused > due then due = paused end
if tokens < 0 then
  local when = now + (-tokens) / rate
  if when > due then due = when end
end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'ts', now)
redis.call('EXPIRE', KEYS[1], 300)
return tostring(due - now)
"""

_ENTER = """
local conf = redis.call('HGET', KEYS[2], 'concurrency')
local limit = tonumber(conf) or tonumber(ARGV[1])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[2])
  redis.call('EXPIRE', KEYS[1], 300)
  return 1
end
return 0
"""

_PAUSE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local until_ = now + tonumber(ARGV[1])
local cur = tonumber(redis.call('HGET', KEYS[1], 'paused_until')) or 0
if until_ > cur then redis.call('HSET', KEYS[1], 'paused_until', until_) end
redis.call('EXPIRE', KEYS[1], 3600)
return 1
"""


class RedisLimiter(Limiter):
    """The same pacing, shared by every process that uses the same Redis and `name`.

    Times come from the Redis server's clock, so processes with skewed clocks still
    agree. A concurrency slot is a lease that expires (`lease` seconds) so a process
    that dies holding one does not block the others for ever.
    """

    def __init__(
        self,
        client: Any,
        name: str,
        rate: float,
        concurrency: int,
        *,
        headroom: float = 0.9,
        burst: float = 1.0,
        lease: float = 120.0,
        poll: float = 0.01,
    ) -> None:
        super().__init__(rate, concurrency, headroom=headroom)
        self._redis = client
        self._burst = burst
        self._lease = lease
        self._poll = poll
        prefix = f"citeaudit:limiter:{name}"
        self._bucket_key = f"{prefix}:bucket"
        self._slots_key = f"{prefix}:slots"
        self._conf_key = f"{prefix}:conf"
        self._take = client.register_script(_TAKE_TOKEN)
        self._enter = client.register_script(_ENTER)
        self._pause = client.register_script(_PAUSE)

    @classmethod
    def from_url(cls, url: str, name: str, rate: float, concurrency: int) -> RedisLimiter:
        import redis

        return cls(redis.Redis.from_url(url, socket_timeout=5), name, rate, concurrency)

    def set_limits(self, rate: float, concurrency: int) -> None:
        super().set_limits(rate, concurrency)
        self._redis.hset(
            self._conf_key,
            mapping={"rate": rate * self.headroom, "concurrency": concurrency},
        )
        self._redis.expire(self._conf_key, 3600)

    def pause(self, seconds: float) -> None:
        self._pause(keys=[self._conf_key], args=[seconds])

    @contextmanager
    def slot(self) -> Iterator[None]:
        started = time.monotonic()
        lease_id = uuid.uuid4().hex
        while not int(
            self._enter(
                keys=[self._slots_key, self._conf_key],
                args=[self._concurrency, lease_id, self._lease],
            )
        ):
            time.sleep(self._poll)
        try:
            delay = float(
                self._take(
                    keys=[self._bucket_key, self._conf_key],
                    args=[self._rate * self.headroom, self._burst],
                )
            )
            if delay > 0:
                time.sleep(delay)
            self.waited += time.monotonic() - started
            yield
        finally:
            self._redis.zrem(self._slots_key, lease_id)
