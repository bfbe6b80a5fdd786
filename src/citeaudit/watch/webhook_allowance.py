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
deliveries have taken that long together, it is asked no more in that sweep. Its
further rows are `ReceiverBusy`: put back unsent for one backoff, with no attempt
counted (`store.watching.outbox.defer`) -- a fast receiver owed a burst (a
publisher's site down breaks a few hundred watched links at once) is slowed, never
given up on, and a slow one costs each sweep one share, not one deadline a row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from citeaudit.watch.webhook import DeliveryError

__all__ = ["ReceiverBusy", "SweepAllowance"]


class ReceiverBusy(DeliveryError):
    """Not sent: the receiver used its share of this sweep. Not a failure of the row
    (no attempt is counted); it is sent by a later sweep."""


@dataclass(slots=True)
class SweepAllowance:
    """The time each receiver (by key: a webhook URL, a mail domain) has taken in this
    sweep, against the `allowance` in seconds every receiver has."""

    allowance: float
    spent: dict[str, float] = field(default_factory=dict)

    def charge(self, key: str, seconds: float) -> None:
        """Add `seconds` to `key`'s time in this sweep."""
        self.spent[key] = self.spent.get(key, 0.0) + max(0.0, seconds)

    def used_up(self, key: str) -> bool:
        """`key` has taken its whole allowance of this sweep."""
        return self.spent.get(key, 0.0) >= self.allowance
