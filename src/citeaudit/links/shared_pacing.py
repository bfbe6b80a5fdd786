"""Per-host spacing shared by every process that checks links, through Redis.

In the service one audit's links are checked in chunks by several Celery workers at
once, and audits run side by side. Each checker's `HostGate` spaces only its own
requests, so a host they all use (doi.org, a large publisher) would see as many times
the allowed rate as there are checkers. With `CITEAUDIT_REDIS_URL` set, each request
start is also reserved in Redis: a host's next free start time is kept under one key
and moved on by the interval atomically, on Redis's clock, so starts from all
processes are spaced as one checker's would be. A process whose event loop is late
to start a request only widens a gap.

Per-host concurrency stays per process; per-address concurrency (`AddressGate`) is
held here too, as leases in a sorted set per address that expire on their own should
a process die holding one. When Redis stops answering, pacing and leases fall back to
the local gates for the rest of the run: a link check never fails because of it.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from redis.asyncio import Redis

log = logging.getLogger(__name__)

# KEYS[1]: the host's key; ARGV[1]: the interval in microseconds.
# Returns how many microseconds the caller waits before its start.
_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
local start = now
if nxt > now then start = nxt end
local interval = tonumber(ARGV[1])
local ttl = math.floor((start - now + interval) / 1000) + 60000
redis.call('SET', KEYS[1], string.format('%.0f', start + interval), 'PX', ttl)
return start - now
"""


# KEYS[1]: the address's set of leases; ARGV[1]: the limit, ARGV[2]: this lease's
# token, ARGV[3]: the lease in microseconds. Returns 1 when the lease is taken.
_HOLD = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
local lease = tonumber(ARGV[3])
redis.call('ZADD', KEYS[1], now + lease, ARGV[2])
redis.call('PEXPIRE', KEYS[1], math.floor(lease / 1000) + 1000)
return 1
"""
_POLL_FIRST, _POLL_MAX = 0.02, 0.25  # seconds between two asks for a full address


class SharedPacer:
    def __init__(
        self, client: Redis, interval: float, *, prefix: str = "citeaudit:links:pace:"
    ) -> None:
        self._client = client
        self._interval_us = max(0, round(interval * 1_000_000))
        self._prefix = prefix
        self._script: Any = client.register_script(_RESERVE)
        self._hold: Any = client.register_script(_HOLD)
        self.available = True

    @classmethod
    def from_url(cls, url: str, interval: float, **kwargs: Any) -> SharedPacer:
        from redis.asyncio import Redis

        client = Redis.from_url(url, socket_timeout=2.0, socket_connect_timeout=2.0)
        return cls(client, interval, **kwargs)

    async def wait_turn(self, host: str) -> None:
        """Reserve the host's next start time for all processes, and wait for it."""
        if not self.available or not self._interval_us:
            return
        try:
            delay = int(await self._script(keys=[self._prefix + host], args=[self._interval_us]))
        except Exception as exc:  # any Redis or network failure: pace locally from now on
            self.available = False
            log.warning("shared link pacing unavailable, pacing this process only: %s", exc)
            return
        if delay > 0:
            await asyncio.sleep(delay / 1_000_000)

    async def hold(self, address: str, limit: int, lease: float) -> str | None:
        """Wait for one of `address`'s `limit` slots over all processes, and take it
        for at most `lease` seconds; its token, to `let_go` (None: Redis is not
        answering, the local gate alone holds)."""
        token = secrets.token_hex(8)
        key = self._prefix + "address:" + address
        wait = _POLL_FIRST
        while self.available:
            try:
                taken = int(
                    await self._hold(keys=[key], args=[limit, token, round(lease * 1_000_000)])
                )
            except Exception as exc:  # as in wait_turn: local limits from now on
                self.available = False
                log.warning("shared address limits unavailable, this process only: %s", exc)
                return None
            if taken:
                return token
            await asyncio.sleep(wait)
            wait = min(_POLL_MAX, wait * 2)
        return None

    async def let_go(self, address: str, token: str) -> None:
        if not self.available:
            return
        try:
            await self._client.zrem(self._prefix + "address:" + address, token)
        except Exception as exc:  # the lease runs out by itself
            log.warning("could not give back a shared address slot: %s", exc)

    async def aclose(self) -> None:
        await self._client.aclose()
