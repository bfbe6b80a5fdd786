"""At most a few audits of one account read at once, over every worker.

A parse step reads a stranger's files, and one can run until its hard time limit (a
reader stuck in native code, a library that swallows the soft limit): its pool process
is held that long. Admission lets an account have many audits in flight and the queue
is first in, first out, so an account that sent as many hostile uploads as the cluster
has pool processes held all of them, and every other account's audits waited behind
it, hard limit after hard limit. Now a parse step first takes one of its account's
`PARSES_PER_ACCOUNT` places (leases in the workers' shared Redis, the same script as
the link checker's per-address slots, `links.shared_pacing.HOLD`, keyed by the
account); with none free it is put back for `DEFER_SECONDS` and its process serves
another task.

A place is given back when the step ends, by the worker's main process when the hard
limit killed it, or by itself: its lease is short (`LEASE`) and renewed by a thread of
the step's process while the step runs, so a worker killed outright (SIGKILL, the OOM
killer, a lost machine) holds its account's places seconds, not the parse's whole
time limit -- a lease as long as the limit left a killed worker's account unable to
read anything for six minutes.

Chunks (the link and registry checks after the parse) are shared out too, with places
of their own (`CHUNKS`): each runs until its own time limit (eight minutes by default,
a slow site answering byte by byte), and without a share an account that submitted
as many large audits as the cluster has pool processes filled every one with its
chunks -- its parse steps' share did not stop that -- and every other account waited.

Where the places live does not depend on the broker: they were kept in the broker's
Redis only, and under RabbitMQ (``amqp://``, which the service supports) or the default
broker nothing was kept and every step ran -- one account's stuck uploads held every
pool process again. Now: the shared Redis (`deliveries.shared_redis_url`: `redis_url`,
else a Redis broker); with no Redis at all, the store's PostgreSQL -- a place is a
session advisory lock held on a connection of the step's own process, so the database
frees it the moment that process dies (hard limit, OOM killer), and TCP keepalives
within about half a minute when its machine is lost.

No place can be kept (no Redis and no PostgreSQL, either not answering): the step
runs -- a share must never stop the work it orders.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

from citeaudit.links.shared_pacing import HOLD
from citeaudit.settings import ServiceSettings
from workers.deliveries import _redis, shared_redis_url

__all__ = [
    "CHUNKS",
    "CHUNKS_PER_ACCOUNT",
    "DEFER_SECONDS",
    "LEASE",
    "PARSES",
    "PARSES_PER_ACCOUNT",
    "Place",
    "Share",
    "defer_for",
]

log = logging.getLogger(__name__)
PARSES_PER_ACCOUNT = 2  # audits of one account read at once, over all workers
CHUNKS_PER_ACCOUNT = 2  # chunks of one account's audits at work at once, over all workers
DEFER_SECONDS = 5.0  # a step without a place comes back this much later at first
DEFER_LONGEST = 60.0  # ... doubling while it waits, up to this
LEASE = 30.0  # seconds a place outlives the process holding it, renewed at a third of it
KEY_PREFIX = "citeaudit:account-parses:"
# KEYS[1]: the places; ARGV: the token, the lease. The lease renewed from the server's
# clock while the token still holds a place (never a place taken back for it).
RENEW = """
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('EXPIRE', KEYS[1], math.ceil(tonumber(ARGV[2])) + 300)
return 1
"""


# PostgreSQL's places: advisory locks in the two-key space (apart from the one-key
# locks of `store.quotas`), the account's number and this space's mark plus the slot.
PG_SPACE = 0x43410000
# A lost machine's connection is found dead by TCP keepalives: 10 s idle, 3 x 5 s probes.
PG_KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "connect_timeout": 5,
}


def _client(settings: ServiceSettings) -> Any | None:
    url = shared_redis_url(settings)
    return None if url is None else _redis(url)


def _int4(number: int) -> int:
    """`number` folded into PostgreSQL's signed 32-bit key."""
    folded = number % 2**32
    return folded - 2**32 if folded >= 2**31 else folded


@dataclass(frozen=True, slots=True)
class Share:
    """One kind of step shared out per account: its Redis keys, how many places an
    account has, its PostgreSQL lock space."""

    key_prefix: str
    places: int
    pg_space: int


PARSES = Share(KEY_PREFIX, PARSES_PER_ACCOUNT, PG_SPACE)
CHUNKS = Share("citeaudit:account-chunks:", CHUNKS_PER_ACCOUNT, PG_SPACE + 0x10000)


class _StorePlace:
    """A place in PostgreSQL: the first free of the account's slots, locked for this
    connection's session; closing the connection (or its process dying) frees it."""

    def __init__(self, database_url: str, account_id: int, share: Share) -> None:
        self.database_url = database_url
        self.account_id = account_id
        self.share = share
        self._connection: Any | None = None
        self._engine: Any | None = None

    def take(self) -> bool:
        from sqlalchemy import create_engine, text
        from sqlalchemy.pool import NullPool

        engine = create_engine(
            self.database_url,
            poolclass=NullPool,
            isolation_level="AUTOCOMMIT",
            connect_args=PG_KEEPALIVES,
        )
        connection = engine.connect()
        try:
            for slot in range(self.share.places):
                got = connection.scalar(
                    text("SELECT pg_try_advisory_lock(:account, :slot)"),
                    {"account": _int4(self.account_id), "slot": self.share.pg_space + slot},
                )
                if got:
                    self._connection, self._engine = connection, engine
                    return True
        except BaseException:
            connection.close()
            engine.dispose()
            raise
        connection.close()
        engine.dispose()
        return False

    def give_back(self) -> None:
        connection, engine = self._connection, self._engine
        self._connection = self._engine = None
        if connection is not None and engine is not None:
            try:
                connection.close()  # the session's advisory locks end with it
            finally:
                engine.dispose()


def _in_postgresql(settings: ServiceSettings) -> bool:
    return settings.database_url.startswith("postgresql")


class Place:
    """One of an account's places, under `token` (the task's id, which the worker's
    main process knows when the hard limit kills the step)."""

    def __init__(
        self,
        settings: ServiceSettings,
        account_id: int,
        token: str,
        lease: float = LEASE,
        share: Share = PARSES,
    ) -> None:
        self.settings = settings
        self.share = share
        self.key = place_key(account_id, share)
        self.token = token
        self.lease = lease
        self.account_id = account_id
        self.renewals = 0
        self._stop = threading.Event()
        self._renewer: threading.Thread | None = None
        self._stored: _StorePlace | None = None

    def take(self) -> bool:
        """The place, renewed until `give_back`; False only when the account holds all
        of its places now."""
        try:
            client = _client(self.settings)
            if client is None:
                return self._take_in_store()
            hold = client.register_script(HOLD)
            places = self.share.places
            args = [places, self.token, self.lease, places]
            if not int(hold(keys=[self.key, self.key + ":conf"], args=args)):
                return False
        except Exception as exc:  # the boundary: a share never stops the work
            log.warning("%s: a place could not be kept: %s", self.key, exc)
            return True
        self._renewer = threading.Thread(
            target=self._renew, args=(client,), name="account-place", daemon=True
        )
        self._renewer.start()
        return True

    def _renew(self, client: Any) -> None:
        renew = client.register_script(RENEW)
        while not self._stop.wait(self.lease / 3):
            try:
                if not int(renew(keys=[self.key], args=[self.token, self.lease])):
                    return  # given back (by the main process) or long expired
                self.renewals += 1
            except Exception as exc:  # the lease runs out; the step goes on
                log.warning("%s: a place could not be renewed: %s", self.key, exc)

    def _take_in_store(self) -> bool:
        if not _in_postgresql(self.settings):
            log.warning("%s: no Redis and no PostgreSQL to keep places in", self.key)
            return True
        stored = _StorePlace(self.settings.database_url, self.account_id, self.share)
        try:
            if not stored.take():
                return False
        except Exception as exc:  # the boundary: a share never stops the work
            log.warning("%s: a place could not be kept: %s", self.key, exc)
            return True
        self._stored = stored
        return True

    def give_back(self) -> None:
        self._stop.set()
        stored, self._stored = self._stored, None
        if stored is not None:
            try:
                stored.give_back()
            except Exception as exc:  # the connection is gone: so is its lock
                log.warning("%s: a place could not be given back: %s", self.key, exc)
            return
        give_back(self.settings, self.key, self.token)


def give_back(settings: ServiceSettings, key: str, token: str) -> None:
    """`token`'s place under `key` free now (also from the worker's main process).

    A place in PostgreSQL needs nothing here: its process's death closed its session."""
    try:
        client = _client(settings)
        if client is not None:
            client.zrem(key, token)
    except Exception as exc:  # the lease runs out by itself
        log.warning("%s: a place could not be given back: %s", key, exc)


def defer_for(retries: int) -> float:
    """Seconds a step without a place waits, its `retries`-th time put back.

    Doubling up to `DEFER_LONGEST`, less a random part: an account's chunks are up to
    a network phase's 100 tasks per audit, 20 audits in flight -- thousands of steps
    put back every five seconds each took a pool process, a store read and write and
    a message hundreds of times a second. Spread out, the waiting costs a few a second;
    a waiting step starts at most a minute after a place frees (the audit is touched at
    each wait, far inside the sweeper's stall time)."""
    import random

    longest = min(DEFER_SECONDS * 2 ** min(max(retries, 0), 8), DEFER_LONGEST)
    return float(longest * random.uniform(0.5, 1.0))  # spreading, not secrecy


def place_key(account_id: int, share: Share = PARSES) -> str:
    return f"{share.key_prefix}{account_id}"
