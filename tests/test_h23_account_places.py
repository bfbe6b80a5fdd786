"""An account's parse places (`workers.account_share.Place`), against the real Redis.

A place is held while its step runs -- renewed past its short lease by the step's
process -- and freed when the step gives it back or its process dies (the renewals
stop, the lease runs out: seconds, not the parse's whole time limit). Outcomes decided
by the places' own state (renewals counted, a place taken), never by elapsed time;
the waits are safety nets.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from workers.account_share import PARSES_PER_ACCOUNT, Place, place_key

from citeaudit.settings import ServiceSettings
from tests.redteam.offline_service import offline_settings


@pytest.fixture
def settings(tmp_path: Path, redis_client: Any) -> Iterator[ServiceSettings]:
    kwargs = redis_client.connection_pool.connection_kwargs
    url = f"redis://{kwargs.get('host', '127.0.0.1')}:{kwargs.get('port', 6379)}/{kwargs['db']}"
    yield offline_settings(tmp_path, broker_url=url)


@pytest.fixture
def account(redis_client: Any) -> Iterator[int]:
    number = uuid.uuid4().int % 10**9 + 10**9
    yield number
    redis_client.delete(place_key(number))


def _eventually(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 30  # a safety net: the condition is what is asserted
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"never: {what}")


def test_an_account_holds_its_places_and_no_more(settings: ServiceSettings, account: int) -> None:
    held = [Place(settings, account, f"t{n}") for n in range(PARSES_PER_ACCOUNT)]
    try:
        assert all(place.take() for place in held)
        assert not Place(settings, account, "over").take()
        assert Place(settings, account + 1, "another account").take()
        held[0].give_back()
        again = Place(settings, account, "next")
        assert again.take()
        again.give_back()
    finally:
        for place in held:
            place.give_back()
        Place(settings, account + 1, "another account").give_back()


def test_a_running_step_keeps_its_place_past_its_lease(
    settings: ServiceSettings, account: int
) -> None:
    held = [Place(settings, account, f"live{n}", lease=0.6) for n in range(PARSES_PER_ACCOUNT)]
    try:
        assert all(place.take() for place in held)
        _eventually(lambda: all(p.renewals >= 4 for p in held), "four renewals each")
        assert not Place(settings, account, "over").take()  # 4 renewals: past the lease
    finally:
        for place in held:
            place.give_back()


def test_a_dead_steps_place_frees_itself(settings: ServiceSettings, account: int) -> None:
    held = [Place(settings, account, f"dead{n}", lease=0.6) for n in range(PARSES_PER_ACCOUNT)]
    assert all(place.take() for place in held)
    for place in held:
        place._stop.set()  # its process died: nothing renews, nothing gives back
    waiting = Place(settings, account, "waiting")
    _eventually(waiting.take, "a dead step's place to free itself")
    waiting.give_back()
