"""Which account watches each due link: the turns `watch.due.host_batches` takes.

The store answers it (`store.watching.due.link_accounts`: the lowest account id
among the watched audits that cite the link). Until the store has that reading
(diff wk31-1 for the lead) no link has a known account and the batches keep one
turn -- the order they had before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from citeaudit.store.repository import Repository
from citeaudit.store.watching import due as stored

__all__ = ["link_owners"]


def link_owners(repo: Repository, link_ids: Sequence[int]) -> dict[int, int]:
    """Link id to its watching account ({} when the store cannot say)."""
    lookup: Callable[[Repository, Sequence[int]], dict[int, int]] | None = getattr(
        stored, "link_accounts", None
    )
    if lookup is None or not link_ids:
        return {}
    return lookup(repo, link_ids)
