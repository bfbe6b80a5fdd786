"""At most a few audits of one account read at once, over every worker.

A parse step reads a stranger's files, and one can run until its hard time limit (a
reader stuck in native code, a library that swallows the soft limit): its pool process
is held that long. Admission lets an account have many audits in flight and the queue
is first in, first out, so an account that sent as many hostile uploads as the cluster
has pool processes held all of them, and every other account's audits waited behind
it, hard limit after hard limit. Now a parse step first takes one of its account's
`PARSES_PER_ACCOUNT` places (leases in the broker's Redis, the same script as the link
checker's per-address slots, `links.shared_pacing.HOLD`, keyed by the account); with
none free it is put back for `DEFER_SECONDS` and its process serves another task. A
place is given back when the step ends, by the worker's main process when the hard
limit killed it, or by itself when its lease runs out (a worker killed outright).

Chunks are not shared out so: they are network work with budgets of their own, and
their audit's parse step, which made them, was shared out already.

No place can be kept (a broker other than Redis, Redis not answering): the step runs
-- a share must never stop the work it orders.
"""

from __future__ import annotations

import logging
from typing import Any

from citeaudit.links.shared_pacing import HOLD
from citeaudit.settings import ServiceSettings
from workers.deliveries import _redis

__all__ = ["DEFER_SECONDS", "PARSES_PER_ACCOUNT", "give_back", "take_place"]

log = logging.getLogger(__name__)
PARSES_PER_ACCOUNT = 2  # audits of one account read at once, over all workers
DEFER_SECONDS = 5.0  # a parse step without a place comes back this much later
KEY_PREFIX = "citeaudit:account-parses:"
_scripts: dict[int, Any] = {}


def _client(settings: ServiceSettings) -> Any | None:
    url = settings.broker_url or ""
    if not url.startswith(("redis://", "rediss://", "unix://")):
        return None
    return _redis(url)


def take_place(settings: ServiceSettings, account_id: int, token: str, lease: float) -> bool:
    """One of `account_id`'s places for `lease` seconds under `token` (the task's id);
    False only when the account holds all of its places now."""
    try:
        client = _client(settings)
        if client is None:
            return True
        script = _scripts.get(id(client))
        if script is None:
            script = _scripts[id(client)] = client.register_script(HOLD)
        key = f"{KEY_PREFIX}{account_id}"
        args = [PARSES_PER_ACCOUNT, token, lease, PARSES_PER_ACCOUNT]
        return bool(int(script(keys=[key, key + ":conf"], args=args)))
    except Exception as exc:  # the boundary: a share never stops the work
        log.warning("account %s: its parse place could not be kept: %s", account_id, exc)
        return True


def give_back(settings: ServiceSettings, account_id: int, token: str) -> None:
    try:
        client = _client(settings)
        if client is not None:
            client.zrem(f"{KEY_PREFIX}{account_id}", token)
    except Exception as exc:  # the lease runs out by itself
        log.warning("account %s: its parse place could not be given back: %s", account_id, exc)
