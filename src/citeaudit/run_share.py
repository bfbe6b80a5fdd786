"""How much of a run's time left a network phase may take.

Why: under ``check --time-limit`` the registries and the links each take a share of the
time left, so a tarpit network still leaves time for a report. Its own module, below
both phases: the phase wiring (`phases`) imports the enrichers, so the enrichers could
not import the shares from there without a cycle.
"""

from __future__ import annotations

import time

RESOLUTION_SHARE = 0.4
LINKS_SHARE = 0.6


def share_of_run(run_ends: float | None, share: float, own: float | None) -> float | None:
    """Seconds a network phase may take: `share` of the run's time left, or its `own`
    limit when that is shorter (the service's chunk share); None when neither is set."""
    if run_ends is None:
        return own
    left = max(0.0, share * (run_ends - time.monotonic()))
    return left if own is None else min(own, left)


__all__ = ["LINKS_SHARE", "RESOLUTION_SHARE", "share_of_run"]
