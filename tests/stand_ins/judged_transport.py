"""A link transport that judges addresses by a test's stand-in rule.

Tests cannot reach the public web, so a page that must count as public (its dead link
is offered an archived copy; a hop from it into a private network is refused) is served
on a loopback address that a stand-in test (`forbidden`) calls public. The stand-in
goes where every connection is judged, the link transport (`PerHostTransport`), and
the link checker, `check_links` and `LinkEnricher` take their rule from the transport
they send through: none of them has an address test of its own to swap.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from citeaudit.links.policy import LinkPolicy
from citeaudit.links.safety import IPAddress
from citeaudit.links.transport import PerHostTransport


def judged_by(
    forbidden: Callable[[IPAddress], bool], policy: LinkPolicy, **kwargs: Any
) -> PerHostTransport:
    """The transport a checker under `policy` would make, judging by `forbidden`."""
    return PerHostTransport(
        per_host=policy.per_host,
        allow_private=policy.allow_private_networks,
        forbidden=forbidden,
        **kwargs,
    )
