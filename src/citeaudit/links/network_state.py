"""What the state of our own network makes of a check.

A link that was never asked (our network was down before the run, or the run's time
ran out first) is unverified, with a reason saying which. A verdict that rests on our
own network (a refused connection, a name that does not resolve) is `Pending` until
the end of the run: our network must still be up, and names must resolve for
others, before anything is called broken (`settled`).
"""

from __future__ import annotations

from dataclasses import replace

from citeaudit.links import errors
from citeaudit.links.judged import Judged, Pending, Subject
from citeaudit.links.precheck import now_iso
from citeaudit.links.targets import LinkTarget
from citeaudit.links.verdict import classify_error
from citeaudit.model.link import LinkCheck, LinkOutcome

__all__ = ["NETWORK_DEPENDENT", "NETWORK_DOWN", "OUT_OF_TIME", "not_asked", "settled"]

NETWORK_DEPENDENT = frozenset({errors.REFUSED, errors.DNS})
NETWORK_DOWN = "network-down"  # our network was down: the link was not asked
OUT_OF_TIME = "out-of-time"  # not checked: the run's `max_run_time` ran out first


def not_asked(target: LinkTarget, reason: str) -> LinkCheck:
    """`target`, unverified without a request (`NETWORK_DOWN`, `OUT_OF_TIME`)."""
    return LinkCheck(
        url=target.display,
        outcome=LinkOutcome.UNVERIFIED,
        reason=reason,
        attempts=0,
        checked_at=now_iso(),
    )


def settled(pending: Pending, *, up: bool, dns_ok: bool) -> Judged:
    """A pending verdict, given whether our network is `up` and names resolve for
    others (`dns_ok`). A DOI's landing page that is not found broken leaves the DOI
    fine (or unverified, our network being down)."""
    check = pending.check
    verdict = classify_error(pending.error, network_up=up, dns_ok=dns_ok)
    if pending.subject is Subject.DOI_TARGET and verdict.outcome is not LinkOutcome.BROKEN:
        outcome = LinkOutcome.OK if up else LinkOutcome.UNVERIFIED
        return Judged(replace(check, outcome=outcome, reason=None if up else NETWORK_DOWN))
    reason = pending.subject.reason(verdict.reason)
    return Judged(replace(check, outcome=verdict.outcome, reason=reason), pending.subject)
