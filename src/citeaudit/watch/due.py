"""Cutting the due links into tasks: each host's links all in one batch, the
accounts' batches taking turns.

Link batches never split a host, so tasks running side by side on several workers
never talk to the same host, and each checker's per-host limit is the host's limit.
What is due, and its lease, is the store's (`citeaudit.store.watching.due`).

The batches are sent in turns, one account's first batch, the next account's first,
..., then every account's second (wk31). They were sent largest host first over all
accounts: an account that watched its ceiling of links (100,000, 200 batches) on
slow hosts that answer just inside the timeout (never backing off) had every one of
its batches queued ahead of another account's single link, which waited for the
whole list -- hours of the night on the links queue, every night. A host's group
goes with the account that watches its first (oldest) link; links no account is
known for form one account of their own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from itertools import zip_longest

from citeaudit.store.watching.records import DueLink

UNKNOWN_OWNER = -1  # links whose watching account is not known share one turn


def host_batches(
    links: Sequence[DueLink], size: int, owners: Mapping[int, int] | None = None
) -> list[list[DueLink]]:
    """Batches of about `size` links, each host's links all in one batch, in turns by
    account (`owners`: link id to its watching account; without it, one turn)."""
    by_host: dict[str, list[DueLink]] = defaultdict(list)
    for link in links:
        by_host[link.host].append(link)
    known = owners or {}
    by_owner: dict[int, list[str]] = defaultdict(list)
    for host, group in by_host.items():  # first-seen order: the oldest link's
        by_owner[known.get(group[0].link_id, UNKNOWN_OWNER)].append(host)
    per_owner = [_cut(hosts, by_host, size) for _, hosts in sorted(by_owner.items())]
    return [batch for turn in zip_longest(*per_owner) for batch in turn if batch is not None]


def _cut(
    hosts: Sequence[str], by_host: Mapping[str, list[DueLink]], size: int
) -> list[list[DueLink]]:
    """One account's hosts cut into batches, the largest host first."""
    batches: list[list[DueLink]] = []
    current: list[DueLink] = []
    for host in sorted(hosts, key=lambda h: (-len(by_host[h]), h)):
        group = by_host[host]
        if current and len(current) + len(group) > size:
            batches.append(current)
            current = []
        current.extend(group)
    if current:
        batches.append(current)
    return batches
