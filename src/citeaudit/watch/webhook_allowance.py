"""Each receiver's share of one delivery sweep's time.

A sweep sends the owed rows one after another, oldest first, within its budget. A
receiver is a stranger's server (a webhook URL, or a mail domain whose name servers
the exchanger check asks): one that lets a delivery time out is set aside for the
rest of the sweep (`notify`), but one that answers slowly *inside* each delivery's
deadline -- its head a few bytes at a time, each within the read timeout, the last
just before the deadline; or name servers answering just inside the exchangers'
budget -- never times out. With an error or a success, each of its rows took nearly
the whole deadline, and with a few of them owed (an account makes one row per
change, and the links it watches may be its own servers') every other account's
notifications waited behind them, sweep after sweep.

So each receiver gets `allowance` seconds of a sweep, whatever it answers: once its
deliveries have taken that long together, it is set aside like a receiver that timed
out (its other rows wait their backoff). A receiver answering in a few milliseconds
can still be sent hundreds of rows a sweep.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["SweepAllowance"]


@dataclass(slots=True)
class SweepAllowance:
    """The time each receiver (by key: a webhook URL, a mail domain) has taken in this
    sweep, against the `allowance` in seconds every receiver has."""

    allowance: float
    spent: dict[str, float] = field(default_factory=dict)

    def charge(self, key: str, seconds: float) -> bool:
        """Add `seconds` to `key`'s time; True once its allowance is used up."""
        total = self.spent.get(key, 0.0) + max(0.0, seconds)
        self.spent[key] = total
        return total >= self.allowance
