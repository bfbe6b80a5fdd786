"""Which target a worker takes next: hosts interleaved, each host and each address
held to its share of the workers (the checker's scheduling, no I/O)."""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

from citeaudit.links.policy import LinkPolicy
from citeaudit.links.precheck import host_of, interleaved
from citeaudit.links.targets import LinkTarget

__all__ = ["HostTurns", "group_of"]


class HostTurns:
    """The targets in turn, hosts interleaved (`interleaved`), with at most a host's
    own share of the workers on its links at once.

    A worker that takes a link waits for its host's slot; a host that answers slowly
    (a tarpit) keeps its slots, so every worker that came to one of its links waited
    there, until all of them did and the other hosts' links were not asked before
    the run's time ran out. A host's links past its share wait in line here, holding
    no worker, and are taken as its links finish. DOIs (each a handle query, then a
    landing page on its own host) share the global limit instead.
    """

    def __init__(self, targets: Sequence[LinkTarget], policy: LinkPolicy) -> None:
        self._order = interleaved(targets)
        self._per_host = max(1, policy.per_host)
        self._per_doi = max(1, policy.concurrency)
        self._per_address = policy.address_limit
        self._busy: dict[str, int] = {}
        self._waiting: dict[str, deque[LinkTarget]] = {}
        # The same by the address a URL's host resolves to: many names (a wildcard DNS
        # name) on one server share its share (see `address_gate`).
        self._address_busy: dict[str, int] = {}
        self._address_waiting: dict[str, deque[LinkTarget]] = {}
        self._address_of: dict[str, str] = {}  # target key -> its address, while entered

    def take(self) -> LinkTarget | None:
        """The next target whose host has a free share, or None when every one left
        waits for a host whose workers will take it as they finish."""
        for address, waiting in self._address_waiting.items():
            if self._address_busy.get(address, 0) < self._per_address:
                target = waiting.popleft()
                if not waiting:
                    del self._address_waiting[address]
                self._address_busy[address] = self._address_busy.get(address, 0) + 1
                self._address_of[target.key] = address
                return self._start(group_of(target), target)
        for host, line in self._waiting.items():
            if self._busy.get(host, 0) < self._share(host):
                target = line.popleft()
                if not line:
                    del self._waiting[host]
                return self._start(host, target)
        for target in self._order:
            host = group_of(target)
            if self._busy.get(host, 0) < self._share(host):
                return self._start(host, target)
            self._waiting.setdefault(host, deque()).append(target)
        return None

    def entered(self, target: LinkTarget) -> bool:
        """`target` already holds its address's share (taken from the address's line)."""
        return target.key in self._address_of

    def enter(self, target: LinkTarget, address: str) -> bool:
        """Take a share of `address` for `target`; or put it in the address's line,
        its host's share given back, and say so (False)."""
        if self._address_busy.get(address, 0) < self._per_address:
            self._address_busy[address] = self._address_busy.get(address, 0) + 1
            self._address_of[target.key] = address
            return True
        self._busy[group_of(target)] -= 1
        self._address_waiting.setdefault(address, deque()).append(target)
        return False

    def done(self, target: LinkTarget) -> None:
        self._busy[group_of(target)] -= 1
        address = self._address_of.pop(target.key, None)
        if address is not None:
            self._address_busy[address] -= 1

    def _start(self, host: str, target: LinkTarget) -> LinkTarget:
        self._busy[host] = self._busy.get(host, 0) + 1
        return target

    def _share(self, host: str) -> int:
        return self._per_doi if host == "doi" else self._per_host


def group_of(target: LinkTarget) -> str:
    """The host whose slots a target's first request waits for (as `interleaved`)."""
    return host_of(target.value) if target.kind == "url" else target.kind
