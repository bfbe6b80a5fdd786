"""Cutting the due links into tasks: each host's links all in one batch.

Link batches never split a host, so tasks running side by side on several workers
never talk to the same host, and each checker's per-host limit is the host's limit.
What is due, and its lease, is the store's (`citeaudit.store.watching.due`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from citeaudit.store.watching.records import DueLink


def host_batches(links: Sequence[DueLink], size: int) -> list[list[DueLink]]:
    """Batches of about `size` links, each host's links all in one batch."""
    by_host: dict[str, list[DueLink]] = defaultdict(list)
    for link in links:
        by_host[link.host].append(link)
    batches: list[list[DueLink]] = []
    current: list[DueLink] = []
    for host in sorted(by_host, key=lambda h: (-len(by_host[h]), h)):
        group = by_host[host]
        if current and len(current) + len(group) > size:
            batches.append(current)
            current = []
        current.extend(group)
    if current:
        batches.append(current)
    return batches
