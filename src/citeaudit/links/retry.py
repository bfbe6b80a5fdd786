"""When to ask again: the one retry rule of the link checker and the registries.

Every request citeaudit sends -- a cited page, the DOI resolver, Crossref, DataCite --
is retried by the same rule: a server that answers 429 or 503 with ``Retry-After``
(seconds or an HTTP date) is waited for as long as it asks, unless that is longer than
`Backoff.max_retry_after` (then we give up on the request rather than hang an audit);
without the header, or after a timeout, the wait doubles from `Backoff.base`, capped
and with full jitter where many workers ask one server at once (the registries), so
their retries spread apart.

What counts as worth retrying stays with each caller, because it is a judgement of
the answer, not of time: the link checker retries timeouts and 429/503 that are not a
bot wall; the registries' channel retries 429, 5xx and timeouts and opens a circuit on
an unreachable host.

No retry library fits both loops (the link checker's HEAD-to-GET fallback and its
attempt counts in the verdict, the channel's budgets and breaker), so the decisions
they share -- the header, the backoff, the give-up -- are this module, written once.
"""

from __future__ import annotations

import random
import time
from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

__all__ = ["Backoff", "parse_retry_after", "retry_after"]


def retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds from an answer's Retry-After header (`parse_retry_after`)."""
    return parse_retry_after(headers.get("retry-after") or headers.get("Retry-After"))


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        # '²'.isdigit() holds and float() refuses it; an absurd count is just long
        return float(value) if value.isascii() and len(value) <= 12 else None
    # A year or zone offset of twenty digits overflows a C integer inside the date
    # parser (OverflowError), which left the registries' retry loop and failed the
    # whole resolution phase: an unreadable date is no Retry-After, like any other.
    try:
        when = parsedate_to_datetime(value)
        if when is None:
            return None
        current = time.time() if now is None else now
        return max(0.0, when.timestamp() - current)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


@dataclass(frozen=True, slots=True)
class Backoff:
    """How often and how long to wait before asking again."""

    attempts: int = 3  # in all, first try included
    base: float = 1.0  # the first retry's wait, seconds; doubling after
    cap: float | None = None  # the longest backoff (None: no cap)
    jitter: bool = False  # full jitter: a uniform wait up to the backoff
    max_retry_after: float = 30.0  # a longer Retry-After gives up instead of waiting

    def delay(self, retry: int) -> float:
        """The backoff before retry number `retry` (0: the first retry)."""
        step = self.base * 2**retry
        if self.cap is not None:
            step = min(self.cap, step)
        return float(random.uniform(0, step)) if self.jitter else step

    def wait(self, retry: int, retry_after: float | None) -> float | None:
        """Seconds before retry `retry`: the server's `retry_after` when it gave one,
        else the backoff; None when the server asks for longer than we wait."""
        if retry_after is None:
            return self.delay(retry)
        return None if retry_after > self.max_retry_after else retry_after
