"""The client for the services the run is configured to use (the DOI resolver, the
archive, the reachability probe).

Their exact origins are ours to choose and may be non-public (tests run them on
loopback). Anything they redirect to is checked like every link's hop, whatever the
policy says about private networks: a DOI's or a URL's answer must not reach our
neighbours.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import httpx

from citeaudit.links.policy import LinkPolicy
from citeaudit.links.safety import AddressRule, IPAddress, allowed
from citeaudit.links.transport import PerHostTransport, judge_redirects

__all__ = ["TRUSTED_MAX_BODY", "trusted_client"]

TRUSTED_MAX_BODY = 2 * 1024 * 1024  # a handle record, an archive answer


def trusted_client(
    policy: LinkPolicy,
    services: Sequence[str | None],
    forbidden: Callable[[IPAddress], bool],
) -> httpx.AsyncClient:
    """A client whose only non-public destinations are `services`' exact origins."""
    rule = AddressRule(False, allowed(list(services)), forbidden)
    transport = PerHostTransport(
        per_host=policy.per_host,
        allow_private=False,
        forbidden=forbidden,
        allowed_origins=rule.allowed_origins,
        max_body=TRUSTED_MAX_BODY,
        max_time=2 * (policy.probe_timeout + 5),
    )
    return httpx.AsyncClient(
        headers={
            "User-Agent": policy.user_agent,
            "Accept": "application/json",
            "Accept-Encoding": "gzip, deflate",  # what the transport inflates
        },
        timeout=httpx.Timeout(policy.probe_timeout + 5, connect=policy.probe_timeout),
        follow_redirects=True,
        max_redirects=5,
        trust_env=False,
        transport=transport,
        event_hooks={"response": [judge_redirects(rule)]},
    )
