"""Per-host spacing shared by every process that checks links, through Redis.

In the service one audit's links are checked in chunks by several Celery workers at
once, and audits run side by side. Each checker's `HostGate` spaces only its own
requests, so a host they all use (doi.org, a large publisher) would see as many times
the allowed rate as there are checkers. With `CITEAUDIT_REDIS_URL` set, each request
start is also reserved in Redis: a host's next free start time is kept under one key
and moved on by the interval atomically, on Redis's clock, so starts from all
processes are spaced as one checker's would be. A process whose event loop is late
to start a request only widens a gap.

Per-host concurrency stays per process. When Redis stops answering, pacing falls back
to the local gate for the rest of the run: a link check never fails because of it.
"""

from __future__ import annotations

import asyncio
import logging
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


class SharedPacer:
    def __init__(
        self, client: Redis, interval: float, *, prefix: str = "citeaudit:links:pace:"
    ) -> None:
        self._client = client
        self._interval_us = max(0, round(interval * 1_000_000))
        self._prefix = prefix
        self._script: Any = client.register_script(_RESERVE)
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

    async def aclose(self) -> None:
        await self._client.aclose()
