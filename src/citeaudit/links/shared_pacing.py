"""Pacing shared through Redis: the one set of scripts behind every shared budget.

Every process that uses one Redis (CLI runs, Celery workers) keeps the same limits,
timed by the Redis server's clock so processes with skewed clocks still agree:

- `TAKE_START`: a window of request starts -- at most `count` in any `interval` (plus
  a margin), none while the budget is paused. A registry's budget is a window of
  what it announces (`resolve.limiter.RedisLimiter`); a host's spacing for the link
  checker is a window of one start per `LinkPolicy.min_interval` (`SharedPacer`).
- `HOLD`: requests in flight, as leases in a sorted set that expire on their own
  should a process die holding one: a registry budget's concurrency, and the link
  checker's requests to one address (`AddressGate`).

`SharedPacer` is the link checker's use of them. In the service one audit's links are
checked in chunks by several Celery workers at once, and audits run side by side;
each checker's `HostGate` spaces only its own requests, so a host they all use
(doi.org, a large publisher) would see as many times the allowed rate as there are
checkers. Per-host concurrency stays per process. When Redis stops answering, pacing
and leases fall back to the local gates for the rest of the run: a link check never
fails because of it.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from redis.asyncio import Redis

__all__ = ["HOLD", "MAX_PAUSE", "TAKE_START", "SharedPacer"]

log = logging.getLogger(__name__)

# The longest a stored pause holds a budget back, from the Redis server's clock. The
# limiter writes at most this (`resolve.limiter.MAX_PAUSE`, the same number), but the
# hash is shared: a value stored far in the future (an old version, another clock, a
# corrupted or hostile write) paused a registry or a host for every worker for good.
MAX_PAUSE = 600.0  # seconds

# A value read from the budget's hash: a positive finite number, or nil (NaN, inf, zero,
# a negative or a word are whoever wrote the hash's, never a limit).
_NUM = """
local function num(v)
  local x = tonumber(v)
  if x and x > 0 and x < math.huge then return x end
  return nil
end
"""

# KEYS[1]: the starts (a sorted set by start time); KEYS[2]: the budget's learnt limits
# (a hash, may be absent). ARGV: count and interval when none were learnt, the margin,
# this start's token, 'first' or 'again', the longest pause the caller waits ('': any),
# and the configured count and interval, the ceiling (absent or '': ARGV[1], ARGV[2]).
# Returns the seconds until the start is due, or 'P' and the pause left. 'again' (on
# waking) counts only the starts due by now, at the times they really happened.
#
# The hash is met with the ceiling as `resolve.limiter.within` does -- the fewer starts
# per window, the slower rate -- and its share is at most 1: anyone who can write the
# hash (a worker configured faster, a hostile registry's headers adopted by an old
# version) would otherwise set every worker's pace past the configured politeness.
# Its ``paused_until`` is met the same way: at most `MAX_PAUSE` on, NaN as none.
TAKE_START = (
    _NUM
    + f"local MAX_PAUSE = {MAX_PAUSE!r}\n"
    + """
local conf = redis.call('HMGET', KEYS[2], 'count', 'interval', 'share', 'paused_until')
local top_count, top_interval = tonumber(ARGV[1]), tonumber(ARGV[2])
if ARGV[7] and ARGV[7] ~= '' then
  top_count, top_interval = tonumber(ARGV[7]), tonumber(ARGV[8])
end
local count, interval = num(conf[1]), num(conf[2])
if not (count and interval) then count, interval = top_count, top_interval end
local rate = math.min(count / interval, top_count / top_interval)
count = math.max(1, math.min(count, top_count))
local width = 0
if rate > 0 then width = count / rate end
width = width + tonumber(ARGV[3])
local share = num(conf[3]) or 1
if share > 1 then share = 1 end
local n = math.max(1, math.floor(count * share + 1e-9))
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local paused = tonumber(conf[4]) or 0
if paused ~= paused then paused = 0 end
if paused > now + MAX_PAUSE then paused = now + MAX_PAUSE end
redis.call('ZREM', KEYS[1], ARGV[4])
if ARGV[6] ~= '' and paused - now > tonumber(ARGV[6]) then
  return 'P' .. tostring(paused - now)
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - width))
local due = now
if paused > due then due = paused end
if ARGV[5] == 'again' then
  local before = redis.call(
    'ZREVRANGEBYSCORE', KEYS[1], now, '-inf', 'WITHSCORES', 'LIMIT', n - 1, 1)
  if before[2] and tonumber(before[2]) + width > due then due = tonumber(before[2]) + width end
  redis.call('ZADD', KEYS[1], due, ARGV[4])
  redis.call('EXPIRE', KEYS[1], math.ceil(width) + 300)
  if due <= now then return '0' end
  return tostring(due - now)
end
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if last[2] and tonumber(last[2]) > due then due = tonumber(last[2]) end
if redis.call('ZCARD', KEYS[1]) >= n then
  local nth = redis.call('ZRANGE', KEYS[1], -n, -n, 'WITHSCORES')
  if tonumber(nth[2]) + width > due then due = tonumber(nth[2]) + width end
end
redis.call('ZADD', KEYS[1], due, ARGV[4])
redis.call('EXPIRE', KEYS[1], math.ceil(width) + 300)
return tostring(due - now)
"""
)

# KEYS[1]: the leases (a sorted set by expiry); KEYS[2]: the budget's learnt limits (may
# be absent). ARGV: the limit when none was learnt, this lease's token, the lease in
# seconds, the configured limit, the ceiling (absent or '': ARGV[1]). Returns 1 when
# the lease is taken. The hash never lifts the limit past the ceiling (see TAKE_START).
HOLD = (
    _NUM
    + """
local conf = redis.call('HMGET', KEYS[2], 'concurrency', 'share')
local top = tonumber(ARGV[1])
if ARGV[4] and ARGV[4] ~= '' then top = tonumber(ARGV[4]) end
local limit = math.min(num(conf[1]) or top, top)
local share = num(conf[2]) or 1
if share > 1 then share = 1 end
limit = math.max(1, math.floor(limit * share + 1e-9))
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= limit then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[2])
redis.call('EXPIRE', KEYS[1], math.ceil(tonumber(ARGV[3])) + 300)
return 1
"""
)
_POLL_FIRST, _POLL_MAX = 0.02, 0.25  # seconds between two asks for a full address


class SharedPacer:
    def __init__(
        self, client: Redis, interval: float, *, prefix: str = "citeaudit:links:pace:"
    ) -> None:
        self._client = client
        self._interval = max(0.0, interval)
        self._prefix = prefix
        self._take: Any = client.register_script(TAKE_START)
        self._hold: Any = client.register_script(HOLD)
        self.available = True

    @classmethod
    def from_url(cls, url: str, interval: float, **kwargs: Any) -> SharedPacer:
        from redis.asyncio import Redis

        client = Redis.from_url(url, socket_timeout=2.0, socket_connect_timeout=2.0)
        return cls(client, interval, **kwargs)

    async def wait_turn(self, host: str) -> None:
        """Reserve the host's next start time for all processes, and wait for it."""
        if not self.available or not self._interval:
            return
        key = self._prefix + host
        token = secrets.token_hex(8)
        try:
            delay = float(
                await self._take(
                    keys=[key, key + ":conf"],
                    args=[1, self._interval, 0, token, "first", "", 1, self._interval],
                )
            )
        except Exception as exc:  # any Redis or network failure: pace locally from now on
            self.available = False
            log.warning("shared link pacing unavailable, pacing this process only: %s", exc)
            return
        if delay > 0:
            await asyncio.sleep(delay)

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
                    await self._hold(keys=[key, key + ":conf"], args=[limit, token, lease, limit])
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
