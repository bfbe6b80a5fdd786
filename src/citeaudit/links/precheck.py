"""What is decided about a link before anything is sent, and in which order it is sent."""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from urllib.parse import urlsplit

from citeaudit.doi import doi_refusal
from citeaudit.links import errors
from citeaudit.links.fetch import INVALID_URL, URL_TOO_LONG
from citeaudit.links.policy import LinkPolicy
from citeaudit.links.safety import AddressRule
from citeaudit.links.targets import LinkTarget, client_limit, url_problem, url_too_long
from citeaudit.links.verdict import classify_error
from citeaudit.model.link import LinkCheck, LinkOutcome

__all__ = [
    "ACTIVE_HOSTS",
    "HOST_NOT_SUPPORTED",
    "MALFORMED_DOI",
    "host_of",
    "interleaved",
    "now_iso",
    "precheck",
]

MALFORMED_DOI = "malformed-doi"
HOST_NOT_SUPPORTED = "host-not-supported"  # `targets.client_limit`: not checked


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def precheck(target: LinkTarget, policy: LinkPolicy, rule: AddressRule) -> LinkCheck | None:
    """The verdict of a target that is never sent, or None: it is to be checked.

    Not a URL, a URL naming a private address in any spelling, one no client can
    send, a DOI with dot segments or control characters, an excluded pattern. One
    past `targets.MAX_URL_LENGTH` is said so before anything reads it as a URL:
    not checked (a server may take it; common ones refuse request lines past 8 KB).
    """
    if target.kind == "url" and url_too_long(target.value):
        return LinkCheck(
            url=target.value,
            outcome=LinkOutcome.UNVERIFIED,
            reason=URL_TOO_LONG,
            attempts=0,
            checked_at=now_iso(),
        )
    if target.kind == "other":
        return LinkCheck(
            url=target.value, outcome=LinkOutcome.EXCLUDED, reason="not-a-url", attempts=0
        )
    if target.kind == "url" and rule.url_refusal(target.value) is not None:
        verdict = classify_error(errors.PRIVATE, network_up=True, dns_ok=True)
        return LinkCheck(
            url=target.value,
            outcome=verdict.outcome,
            reason=verdict.reason,
            attempts=0,
            checked_at=now_iso(),
        )
    if target.kind == "url" and url_problem(target.value) is not None:
        # One a browser would ask for and our client cannot: not checked, not broken.
        ours = client_limit(target.value) is not None
        return LinkCheck(
            url=target.value,
            outcome=LinkOutcome.UNVERIFIED if ours else LinkOutcome.BROKEN,
            reason=HOST_NOT_SUPPORTED if ours else INVALID_URL,
            attempts=0,
            checked_at=now_iso(),
        )
    if target.kind == "doi" and doi_refusal(target.value) is not None:
        # Dot segments, control characters...: never put into the resolver's URL.
        return LinkCheck(
            url=target.display,
            outcome=LinkOutcome.BROKEN,
            reason=MALFORMED_DOI,
            attempts=0,
            checked_at=now_iso(),
        )
    pattern = policy.excluded_by(target.display)
    if pattern is not None:
        return LinkCheck(
            url=target.display,
            outcome=LinkOutcome.EXCLUDED,
            reason=f"pattern:{pattern}",
            attempts=0,
        )
    return None


ACTIVE_HOSTS = 256  # hosts taken in turn at once: half the transport's pools


def interleaved(targets: Sequence[LinkTarget], active: int = ACTIVE_HOSTS) -> Iterator[LinkTarget]:
    """The targets host by host in turn (each host's in their order), among at most
    `active` hosts at a time; a host that has no more joins the next one waiting.

    Workers then spread over many hosts, so every host's limit stays busy; and they
    never spread over more hosts than the transport keeps pools for (in turn over
    2,500 hosts, each request found its pool closed and opened a new connection).
    """
    by_host: dict[str, deque[LinkTarget]] = {}
    for target in targets:
        host = host_of(target.value) if target.kind == "url" else target.kind
        by_host.setdefault(host, deque()).append(target)
    waiting = iter(by_host.values())
    turn = deque(itertools.islice(waiting, max(1, active)))
    while turn:
        queue = turn.popleft()
        yield queue.popleft()
        if queue:
            turn.append(queue)
        else:
            following = next(waiting, None)
            if following is not None:
                turn.append(following)


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
