"""A worker killed while putting back unacknowledged tasks does not stall them for minutes.

Celery's Redis transport restores a dead worker's unacknowledged tasks under a lock
(kombu's ``unacked_mutex``) that by default lives 300 s. A worker SIGKILLed while it
held the lock -- it takes it every restore interval -- left the audit's remaining tasks
unrestored for five minutes (the real-worker SIGKILL test stalled at 71 of 82 chunks).
The worker's transport must take the lock for a few restore intervals only, and kombu
must actually read the option (a misspelt option is silently ignored).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROBE = """
import json
from workers.celery_app import app
with app.connection_for_write() as conn:
    channel = conn.default_channel
    print(json.dumps({"expire": channel.unacked_mutex_expire,
                      "interval": channel.unacked_restore_interval}))
"""


@pytest.mark.parametrize("interval", ["1", "10"])
def test_the_restore_lock_lives_a_few_restore_intervals(interval: str) -> None:
    redis_url = os.environ.get("CITEAUDIT_TEST_REDIS_URL")
    if not redis_url:
        pytest.skip("no test Redis (CITEAUDIT_TEST_REDIS_URL unset)")
    env = {
        **os.environ,
        "CITEAUDIT_BROKER_URL": redis_url,
        "CITEAUDIT_REDIS_URL": redis_url,
        "CITEAUDIT_RESTORE_INTERVAL": interval,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["interval"] == int(interval)
    assert seen["expire"] <= max(3 * int(interval), 3) < 300
