"""Which account watches each due link: the turns `watch.due.host_batches` takes.

The store answers it (`store.watching.due.link_accounts`: the lowest account id
among the watched audits that cite the link).
"""

from __future__ import annotations

from collections.abc import Sequence

from citeaudit.store.repository import Repository
from citeaudit.store.watching.due import link_accounts

__all__ = ["link_owners"]


def link_owners(repo: Repository, link_ids: Sequence[int]) -> dict[int, int]:
    """Link id to its watching account ({} for no links)."""
    if not link_ids:
        return {}
    return link_accounts(repo, link_ids)
