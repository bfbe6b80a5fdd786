"""A limited child dies with its parent: a worker killed at its hard limit leaves none.

The PDF engine runs in a child with kernel limits (memory, CPU seconds) and a wall
clock its parent keeps (`child_python.run_module`'s timeout). A Celery pool process
stuck past its hard time limit is killed by SIGKILL -- and its engine child, adopted
by init, ran on with nobody to stop it, up to its CPU limit (a minute by default), each
redelivery of the step leaving another. `child_python.die_with_parent` asks the kernel
to kill the child when its parent ends (``PR_SET_PDEATHSIG``); the child's own limits
(`pdf_isolated.limit_self`) ask it first (/work/helpers/r3freeze-orphans.diff).

Real processes: a parent starts a child that asks, then is killed by SIGKILL; the
child must be gone. Outcomes, not seconds: the polls are safety nets.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

_PARENT = """
import os, signal, subprocess, sys
child = subprocess.Popen(
    [sys.executable, "-c", sys.argv[1]], stdout=subprocess.PIPE, text=True
)
assert child.stdout.readline() == "ready\\n"
print(child.pid, flush=True)
os.kill(os.getpid(), signal.SIGKILL)  # as billiard kills a pool process at its hard limit
"""

_ASKS = """
import time
from citeaudit.child_python import die_with_parent
assert die_with_parent()
print("ready", flush=True)
time.sleep(600)
"""

_LIMITED = """
import time
from citeaudit.manuscript.pdf_isolated import limit_self
limit_self(1024, 60)  # what the PDF engine's child does first
print("ready", flush=True)
time.sleep(600)
"""


def _gone(pid: int) -> bool:
    for _ in range(100):  # polled: a pid that is gone, or a zombie not yet reaped
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        stat = Path(f"/proc/{pid}/stat")
        try:
            if stat.read_text().rsplit(") ", 1)[-1].startswith("Z"):
                return True
        except OSError:
            return True
        time.sleep(0.1)
    os.kill(pid, 9)  # do not leave it behind for ten minutes
    return False


def _orphan(child_code: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", _PARENT, child_code],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == -9, done.stderr
    return int(done.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG: Linux")
def test_a_child_that_asks_dies_with_its_parent() -> None:
    assert _gone(_orphan(_ASKS))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG: Linux")
def test_the_pdf_engine_child_dies_with_its_parent() -> None:
    """Needs /work/helpers/r3freeze-orphans.diff (`limit_self` asks)."""
    assert _gone(_orphan(_LIMITED))
