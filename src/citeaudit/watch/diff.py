"""The diff: from one more check of a link, its new state and the change it makes.

A link is called newly broken only after failing on two checks at least `min_gap`
apart with no success between (one bad minute of a site is not news); it recovers
at its first success after that. Unverified checks (bot walls, timeouts, our own
network) say nothing and change nothing. Pure: no store, no clock.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from citeaudit.model.change import ChangeKind
from citeaudit.model.link import LinkOutcome
from citeaudit.store.watching.records import Event, LinkState, Observation

OK = "ok"
SUSPECT = "suspect"  # failed since streak_started_at, not yet for long enough
BROKEN = "broken"

_GOOD = frozenset({LinkOutcome.OK, LinkOutcome.REDIRECTED})


def baseline(prior: Observation | None) -> LinkState:
    """The state the audit itself left: a link it found broken is known broken."""
    if prior is None or prior.outcome not in (*_GOOD, LinkOutcome.BROKEN):
        return LinkState()
    if prior.outcome is LinkOutcome.BROKEN:
        return LinkState(BROKEN, prior.at, prior.check_id, prior.at)
    return LinkState(OK)


def step(
    link_id: int, state: LinkState, obs: Observation, min_gap: timedelta
) -> tuple[LinkState, Event | None]:
    if obs.outcome in _GOOD:
        if state.state == BROKEN:
            key = f"link:{link_id}:recovered:{state.streak_check_id}"
            return LinkState(OK), Event(ChangeKind.RECOVERED, key, state.broken_since)
        return LinkState(OK), None
    if obs.outcome is not LinkOutcome.BROKEN:
        return state, None
    if state.state == BROKEN:
        return state, None
    if state.state == SUSPECT and state.streak_started_at is not None:
        if obs.at - state.streak_started_at >= min_gap:
            since = state.streak_started_at
            key = f"link:{link_id}:broken:{state.streak_check_id}"
            new = dataclasses.replace(state, state=BROKEN, broken_since=since)
            return new, Event(ChangeKind.NEWLY_BROKEN, key, since)
        return state, None
    return LinkState(SUSPECT, obs.at, obs.check_id, None), None
