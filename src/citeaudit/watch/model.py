"""What the watch's runs report: how much was checked, changed and delivered.

The records of watches and changes are the store's (`citeaudit.store.watching.records`).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class RecheckSummary:
    links_checked: int = 0
    dois_checked: int = 0
    changes: int = 0
    network_down: bool = False
    kinds: dict[str, int] = field(default_factory=dict)

    def plus(self, other: RecheckSummary) -> RecheckSummary:
        kinds = dict(self.kinds)
        for k, v in other.kinds.items():
            kinds[k] = kinds.get(k, 0) + v
        return RecheckSummary(
            self.links_checked + other.links_checked,
            self.dois_checked + other.dois_checked,
            self.changes + other.changes,
            self.network_down or other.network_down,
            kinds,
        )


@dataclass(frozen=True, slots=True)
class DeliveryStats:
    sent: int = 0
    retried: int = 0
    failed: int = 0
