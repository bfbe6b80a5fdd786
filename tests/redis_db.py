"""A Redis database of the test server for one suite, empty before and after.

Each suite takes its own database number of CITEAUDIT_TEST_REDIS_URL's server (set by
tests/services.sh), so suites never see each other's keys; without the variable the
test is skipped (fails under CI=true: tests.need).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from tests.need import missing


def _worker_index() -> int:
    """0, or which of pytest-xdist's two worker processes this is: the second takes the
    database 8 below each suite's own (15 -> 7, 13 -> 5, ...), so suites running at once
    in the two workers never share a database."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    index = int(worker.removeprefix("gw") or 0)
    if index > 1:
        raise RuntimeError("the suite's Redis databases are split for two workers at most")
    return index


def redis_db(number: int) -> Iterator[str]:
    """Yield the URL of database `number`, flushed before and after (use with yield from)."""
    given = os.environ.get("CITEAUDIT_TEST_REDIS_URL")
    if not given:
        missing("Redis not available (CITEAUDIT_TEST_REDIS_URL unset)")
    import redis

    base = given.rsplit("/", 1)[0] if given.count("/") > 2 else given.rstrip("/")
    url = f"{base}/{number - 8 * _worker_index()}"
    client = redis.Redis.from_url(url)
    client.flushdb()
    try:
        yield url
    finally:
        client.flushdb()
        client.close()
