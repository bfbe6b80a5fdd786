"""A Redis database of the test server for one suite, empty before and after.

Each suite takes its own database number of CITEAUDIT_TEST_REDIS_URL's server (set by
tests/services.sh), so suites never see each other's keys; without the variable the
test is skipped (fails under CI=true: tests.need).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from tests.need import missing


def redis_db(number: int) -> Iterator[str]:
    """Yield the URL of database `number`, flushed before and after (use with yield from)."""
    given = os.environ.get("CITEAUDIT_TEST_REDIS_URL")
    if not given:
        missing("Redis not available (CITEAUDIT_TEST_REDIS_URL unset)")
    import redis

    base = given.rsplit("/", 1)[0] if given.count("/") > 2 else given.rstrip("/")
    url = f"{base}/{number}"
    client = redis.Redis.from_url(url)
    client.flushdb()
    try:
        yield url
    finally:
        client.flushdb()
        client.close()
