"""What one account may have the service do at once, and what one API process holds.

One token holder could otherwise fill every worker and the store: nothing capped the
audits it had queued or running, the uploads it sent at once (each 20 MB upload is held
whole in memory, ~40-60 MB in the API process), or the bytes it kept stored. Three
limits, all keyed by the account a token (or a web session) signs in as, so that one
account's flood never takes another's place:

- audits in flight (queued or running), counted in the store from the audits' own
  states when the audit is created (`store.quotas`): it holds over every API process,
  and an audit stops counting when it finishes, fails -- also when a crashed worker's
  audit is failed by the sweeper -- or is deleted (once its step running then has
  ended: `Repository.delete_audit`); no counter that could leak;
- uploads being received by this process for one account (a bounded slot count, not a
  queue: past it the upload is refused at once, before its body is read);
- upload bytes being received by this process over all accounts (a reservation of the
  declared length, or of the whole cap when none is declared): past it, 503.

Refusals carry a status, one sentence, and when to try again (`Retry-After`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from citeaudit.settings import ServiceSettings
from citeaudit.store.quotas import AccountLimits, OverLimit

RETRY_IN_FLIGHT = 30  # seconds: audits take a minute or more to finish
RETRY_UPLOAD = 5  # seconds: an upload in progress is done in seconds


class Refused(Exception):
    """An admission refused: HTTP status, a message for the caller, seconds to wait."""

    def __init__(self, status: int, message: str, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.retry_after = retry_after

    @property
    def headers(self) -> dict[str, str]:
        return {} if self.retry_after is None else {"Retry-After": str(self.retry_after)}


def account_limits(settings: ServiceSettings) -> AccountLimits:
    return AccountLimits(
        max_in_flight=settings.max_audits_in_flight_per_account,
        max_stored_bytes=settings.max_stored_bytes_per_account,
        max_in_flight_total=settings.max_audits_in_flight,
    )


def refusal(over: OverLimit) -> Refused:
    """The caller's answer for a limit the store found passed."""
    if over.kind == "queue_full":
        return Refused(
            503,
            f"the service has {over.held} audits queued or running, as many as it takes "
            "at once; try again shortly",
            RETRY_IN_FLIGHT,
        )
    if over.kind == "watched":
        return Refused(
            409,
            "this audit is watched: unwatch it to retry it, and watch it again once it "
            "is done (its links and DOIs are counted against the account's ceiling then)",
        )
    if over.kind == "in_flight":
        return Refused(
            429,
            f"this account has {over.held} audits queued or running; the limit is "
            f"{over.limit} at once. Wait for some to finish (or delete them) and try again",
            RETRY_IN_FLIGHT,
        )
    return Refused(
        413,
        f"this account stores {over.held} bytes of uploads and their audits; the limit is "
        f"{over.limit}. Delete audits you no longer need to make room",
    )


@dataclass
class UploadGate:
    """One API process's uploads in progress: per account, and bytes over all.

    Used from the event loop only (no await between a look and its change), so plain
    counts are exact; an account's entry is dropped when its last upload ends, so the
    table holds only accounts uploading now.
    """

    per_account: int
    bytes_budget: int
    _uploads: dict[int, int] = field(default_factory=dict)
    _bytes: int = 0

    @contextmanager
    def slot(self, account: int, size: int) -> Iterator[None]:
        """Holds one upload place of `account` and `size` bytes of the budget."""
        held = self._uploads.get(account, 0)
        if self.per_account and held >= self.per_account:
            raise Refused(
                429,
                f"this account already has {held} uploads in progress; the limit is "
                f"{self.per_account} at once. Send the next when one is done",
                RETRY_UPLOAD,
            )
        # A single upload always fits an idle process, whatever the budget says.
        if self.bytes_budget and self._bytes and self._bytes + size > self.bytes_budget:
            raise Refused(
                503,
                "the service is receiving as many uploads as it can hold; try again shortly",
                RETRY_UPLOAD,
            )
        self._uploads[account] = held + 1
        self._bytes += size
        try:
            yield
        finally:
            self._bytes -= size
            left = self._uploads[account] - 1
            if left:
                self._uploads[account] = left
            else:
                del self._uploads[account]

    @property
    def bytes_in_flight(self) -> int:
        return self._bytes
