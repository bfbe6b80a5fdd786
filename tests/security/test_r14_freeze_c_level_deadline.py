"""A deadline that a step stuck in one long C call cannot hold: a watchdog process.

`citeaudit check --time-limit` stops a run from a SIGALRM handler, and leaves the
process from a second one if the run does not unwind. Both are Python handlers: they
run only when the interpreter gets back to its loop. A step stuck in one C call that
holds the interpreter's lock and checks for no signal -- ``sum(range(3 * 10**9))``
stands in for a C extension's loop over a hostile input -- held a one-second deadline
with a one-second grace for as long as the call ran (over two minutes here; hours for
a larger range). `child_python.start_watchdog` starts a bare interpreter that needs
nothing of the stuck one: past its time it prints why and kills it. Outcomes asserted
(the process ended, by SIGKILL, saying why; a cancelled watchdog leaves quietly),
never seconds: the subprocess timeouts are safety nets for a broken watchdog.

The run deadline of `cli.check` arms it (/work/helpers/r3freeze-deadline.diff): the
last test checks the command line end to end and needs that change.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MESSAGE = "citeaudit: error: the watchdog stopped a stuck run"

_STUCK = f"""
import sys
from citeaudit.child_python import start_watchdog
dog = start_watchdog(1.0, {MESSAGE!r})
assert dog is not None
print("armed", flush=True)
sum(range(10**14))  # one C call: holds the lock, checks for no signal, ends in hours
print("ran to its end", flush=True)
"""

_IN_TIME = f"""
import time
from citeaudit.child_python import start_watchdog
dog = start_watchdog(3.0, {MESSAGE!r})
dog.cancel()
time.sleep(5)  # past the watchdog's time: cancelled, it kills nothing
print("still here", flush=True)
"""

_PARENT_ENDS = f"""
from citeaudit.child_python import start_watchdog
dog = start_watchdog(600.0, {MESSAGE!r})
print(dog._process.pid, flush=True)
"""


def _run(code: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *arguments],
        capture_output=True,
        text=True,
        timeout=120,  # a safety net for a broken watchdog, not the assertion
        cwd=ROOT,
        check=False,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX: select on a pipe, SIGKILL")
def test_a_step_stuck_in_one_c_call_is_killed_saying_why() -> None:
    done = _run(_STUCK)
    assert done.stdout == "armed\n", done.stdout
    assert done.returncode == -signal.SIGKILL, (done.returncode, done.stderr)
    assert MESSAGE in done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX: select on a pipe, SIGKILL")
def test_a_cancelled_watchdog_kills_nothing() -> None:
    done = _run(_IN_TIME)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "still here\n"
    assert MESSAGE not in done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX: select on a pipe, SIGKILL")
def test_the_watchdog_leaves_with_its_parent() -> None:
    """A parent that ends without cancelling (a crash, an exit) closes the pipe: its
    watchdog leaves at once, not ten minutes later."""
    import os
    import time

    done = _run(_PARENT_ENDS)
    assert done.returncode == 0, done.stderr
    pid = int(done.stdout)
    for _ in range(100):  # polled: a pid that is gone, or a zombie reaped by init
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        state = Path(f"/proc/{pid}/stat")
        if state.exists() and state.read_text().split(") ")[-1].startswith("Z"):
            return
        time.sleep(0.1)
    pytest.fail(f"the watchdog {pid} outlived its parent")


_CLI_STUCK = """
import sys
import citeaudit.audit
from citeaudit.cli import check

check.UNWIND_GRACE = 1.0

def stuck(*args, **kwargs):
    sum(range(10**14))  # one C call: neither the stop nor its grace can run

citeaudit.audit.run_rules = stuck
from citeaudit.cli import main
sys.exit(main(["check", sys.argv[1], "--offline", "--time-limit", "2"]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX: select on a pipe, SIGKILL")
def test_check_time_limit_ends_a_run_stuck_in_c(tmp_path: Path) -> None:
    """Needs /work/helpers/r3freeze-deadline.diff (`cli.check.run_deadline` arms the
    watchdog past its grace)."""
    paper = tmp_path / "paper.md"
    paper.write_text("Shown (Okafor, 2018).\n\n# References\n\nOkafor, N. (2018). T.\n")
    done = _run(_CLI_STUCK, str(paper))
    assert done.returncode == -signal.SIGKILL, (done.returncode, done.stderr)
    assert "passed its time limit of 2 s" in done.stderr
    assert done.stdout == ""
