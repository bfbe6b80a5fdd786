"""A pause stored in Redis holds a budget back at most `MAX_PAUSE`, whoever wrote it.

Class: the shared pacing script (`links.shared_pacing.TAKE_START`) read a budget's
``paused_until`` from its hash in Redis and waited for it as stored. The limiter bounds
a pause it writes (`resolve.limiter.MAX_PAUSE`), but the hash is shared: an old
version, a worker with another clock, a corrupted value or anyone with write access to
Redis could store a time in the year 9999 or ``inf``, and every worker of every audit
then waited for it -- a registry or a host paused for good, each look-up answered
"paused" or each link check sleeping to its chunk's time limit. Now the script takes
the stored pause as at most `MAX_PAUSE` from the Redis server's own clock, and a value
that is no number (NaN) as none.

Every case stores a hostile ``paused_until``; the assertions are on the delay or the
pause the script answers, never on elapsed time.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from citeaudit.links.shared_pacing import MAX_PAUSE, TAKE_START

HOSTILE = {
    "the year 9999": "253402300799",
    "a thousand years from now": None,  # filled in from the server's clock
    "infinity": "inf",
    "not a number": "nan",
}


@pytest.fixture
def key(redis_client: Any) -> Iterator[str]:
    name = f"test-h23-pause-{uuid.uuid4().hex}"
    yield name
    keys = redis_client.keys(name + "*")
    if keys:
        redis_client.delete(*keys)


def _stored(redis_client: Any, case: str) -> str:
    value = HOSTILE[case]
    if value is not None:
        return value
    seconds, _micro = redis_client.time()
    return str(int(seconds) + 1000 * 365 * 86400)


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_start_waits_at_most_the_ceiling(redis_client: Any, key: str, case: str) -> None:
    redis_client.hset(key + ":conf", "paused_until", _stored(redis_client, case))
    take = redis_client.register_script(TAKE_START)
    delay = take(keys=[key, key + ":conf"], args=[1, 1, 0, "a", "first", ""])
    assert not str(delay.decode() if isinstance(delay, bytes) else delay).startswith("P")
    assert 0 <= float(delay) <= MAX_PAUSE + 1  # the server's clock moves between reads


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_caller_bounding_its_wait_hears_at_most_the_ceiling(
    redis_client: Any, key: str, case: str
) -> None:
    """A caller that waits at most 30 s hears "paused" with what is left of the pause:
    never more than the ceiling (a registry's look-up reports the pause it met)."""
    redis_client.hset(key + ":conf", "paused_until", _stored(redis_client, case))
    take = redis_client.register_script(TAKE_START)
    answer = take(keys=[key, key + ":conf"], args=[1, 1, 0, "a", "first", "30"])
    text = answer.decode() if isinstance(answer, bytes) else str(answer)
    if text.startswith("P"):
        assert 0 < float(text[1:]) <= MAX_PAUSE + 1, text
    else:
        assert case == "not a number", text  # no pause: a start now
        assert float(text) <= 1.0 + 1e-6
