"""At most a few audits of one account read at once, over every worker.

A parse step reads a stranger's files, and one can run until its hard time limit (a
reader stuck in native code, a library that swallows the soft limit): its pool process
is held that long. Admission lets an account have many audits in flight and the queue
is first in, first out, so an account that sent as many hostile uploads as the cluster
has pool processes held all of them, and every other account's audits waited behind
it, hard limit after hard limit. Now a parse step first takes one of its account's
`PARSES_PER_ACCOUNT` places (leases in the broker's Redis, the same script as the link
checker's per-address slots, `links.shared_pacing.HOLD`, keyed by the account); with
none free it is put back for `DEFER_SECONDS` and its process serves another task.

A place is given back when the step ends, by the worker's main process when the hard
limit killed it, or by itself: its lease is short (`LEASE`) and renewed by a thread of
the step's process while the step runs, so a worker killed outright (SIGKILL, the OOM
killer, a lost machine) holds its account's places seconds, not the parse's whole
time limit -- a lease as long as the limit left a killed worker's account unable to
read anything for six minutes.

Chunks are not shared out so: they are network work with budgets of their own, and
their audit's parse step, which made them, was shared out already.

No place can be kept (a broker other than Redis, Redis not answering): the step runs
-- a share must never stop the work it orders.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from citeaudit.links.shared_pacing import HOLD
from citeaudit.settings import ServiceSettings
from workers.deliveries import _redis

__all__ = ["DEFER_SECONDS", "LEASE", "PARSES_PER_ACCOUNT", "Place"]

log = logging.getLogger(__name__)
PARSES_PER_ACCOUNT = 2  # audits of one account read at once, over all workers
DEFER_SECONDS = 5.0  # a parse step without a place comes back this much later
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


def _client(settings: ServiceSettings) -> Any | None:
    url = settings.broker_url or ""
    if not url.startswith(("redis://", "rediss://", "unix://")):
        return None
    return _redis(url)


class Place:
    """One of an account's places, under `token` (the task's id, which the worker's
    main process knows when the hard limit kills the step)."""

    def __init__(
        self, settings: ServiceSettings, account_id: int, token: str, lease: float = LEASE
    ) -> None:
        self.settings = settings
        self.key = place_key(account_id)
        self.token = token
        self.lease = lease
        self.renewals = 0
        self._stop = threading.Event()
        self._renewer: threading.Thread | None = None

    def take(self) -> bool:
        """The place, renewed until `give_back`; False only when the account holds all
        of its places now."""
        try:
            client = _client(self.settings)
            if client is None:
                return True
            hold = client.register_script(HOLD)
            args = [PARSES_PER_ACCOUNT, self.token, self.lease, PARSES_PER_ACCOUNT]
            if not int(hold(keys=[self.key, self.key + ":conf"], args=args)):
                return False
        except Exception as exc:  # the boundary: a share never stops the work
            log.warning("%s: a parse place could not be kept: %s", self.key, exc)
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
                log.warning("%s: a parse place could not be renewed: %s", self.key, exc)

    def give_back(self) -> None:
        self._stop.set()
        give_back(self.settings, self.key, self.token)


def give_back(settings: ServiceSettings, key: str, token: str) -> None:
    """`token`'s place under `key` free now (also from the worker's main process)."""
    try:
        client = _client(settings)
        if client is not None:
            client.zrem(key, token)
    except Exception as exc:  # the lease runs out by itself
        log.warning("%s: a parse place could not be given back: %s", key, exc)


def place_key(account_id: int) -> str:
    return f"{KEY_PREFIX}{account_id}"
