"""A backend's URL in the environment is one of our backends whatever its variable is
called.

ssrf28 and ssrf30 refused the backends our settings, Celery, libpq, the platform and
eight conventional names (``DATABASE_URL``, ``REDIS_URL``...) name. A deployment names
its other backends as it likes: a compose file's ``APP_CACHE_URL=redis://cache:6379``,
a session store's ``SESSION_REDIS_URL``, ``MONGO_URI``, a job queue's ``QUEUE_DSN``.
With private networks allowed, each was an intranet page: a manuscript's link to its
port was requested from the worker. Now every variable whose value is a backend's URL
(`library_backends.BACKEND_SCHEMES`: databases, brokers, caches; never http(s)) names
one of ours; the variable's name decides nothing.

Stand-ins: the security folder's loopback listeners -- `backend` (the backend a
variable names) and `intranet_listener` (an intranet page beside it, the control);
private networks and this machine allowed (`backend_checks.environ_policy`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.links.backends import backends_from_environ
from tests.security.backend_checks import (
    assert_refused_beside_the_intranet,
    assert_webhook_refused,
    environ_policy,
)
from tests.test_r2b_backends_refused import Listener

VALUES = {
    "APP_CACHE_URL": "redis://127.0.0.1:{port}/0",
    "SESSION_REDIS_URL": "rediss://:secret@127.0.0.1:{port}/2",
    "MONGO_URI": "mongodb://reader:pw@127.0.0.1:{port}/papers",
    "QUEUE_DSN": "amqp://guest:guest@127.0.0.1:{port}//",
    "RESULTS_STORE": "db+postgresql://u:p@127.0.0.1:{port}/results",
    "STATS_DB": "postgresql+psycopg://127.0.0.1:{port}/stats",
}



@pytest.mark.parametrize("variable", VALUES)
def test_a_backend_url_under_any_name_is_refused(
    variable: str, backend: Listener, intranet_listener: Listener, tmp_path: Path
) -> None:
    environ = {variable: VALUES[variable].format(port=backend.port)}
    policy = environ_policy(tmp_path, environ)
    assert_refused_beside_the_intranet(policy, backend, intranet_listener, "/", variable)


def test_webhooks_refuse_it_too(backend: Listener) -> None:
    environ = {"APP_CACHE_URL": f"redis://127.0.0.1:{backend.port}/0"}
    assert_webhook_refused(environ, backend, "cache")


@pytest.mark.parametrize(
    "value",
    ["https://api.crossref.org", "http://10.0.0.5:8080/", "/var/run/redis.sock", "redis"],
)
def test_web_addresses_and_other_values_name_no_backend(value: str) -> None:
    assert backends_from_environ({"SOME_SETTING": value}) == ()
