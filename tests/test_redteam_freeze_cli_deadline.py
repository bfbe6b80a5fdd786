"""Red team (freeze): `citeaudit check` has a run deadline that fires.

A service task has soft and hard time limits; the command line had none. A CI job
running `citeaudit check` on a pull request's manuscript was held by whatever held the
audit: a reader or rule gone quadratic on a hostile file, a regular expression
backtracking, registries and links that all lead to a tarpit (each request has its
timeout, but hundreds of them, and the network probes, ran outside any run budget),
until the CI runner's own limit killed the job with nothing said. Now ``--time-limit``
(default `DEFAULT_TIME_LIMIT`) stops the run wherever it is, and the run exits 2 with a
sentence that says so. Outcomes asserted -- the exit code, the sentence, that the
stand-in really was stopped inside its work -- never seconds.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import citeaudit.audit
from citeaudit.cli.check import DEFAULT_TIME_LIMIT, RunDeadline, run_deadline
from tests.in_process_cli import run_cli
from tests.stand_ins.tarpit import silent_server

ROOT = Path(__file__).resolve().parents[1]
PAPER = "Shown before (Okafor, 2018).\n\n# References\n\nOkafor, N. (2018). Tides. Press.\n"


@pytest.fixture
def paper(tmp_path: Path) -> Path:
    path = tmp_path / "paper.md"
    path.write_text(PAPER, encoding="utf-8")
    return path


def _stopped(ran: Any, seconds: int) -> None:
    """Stopped at its limit, saying so. Limits of a few seconds: a loaded machine's
    first audit in a process imports the readers and rules before the stand-in runs."""
    assert ran.returncode == 2, (ran.returncode, ran.stderr)
    assert f"passed its time limit of {seconds} s" in ran.stderr, ran.stderr
    assert "Traceback" not in ran.stderr
    assert ran.stdout == ""  # no report claims a finished audit


def test_a_rule_that_never_ends_and_swallows_errors_is_stopped(
    paper: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A step whose `except Exception` boundary turns every error into a finding and goes
    on (as readers and rules do) cannot swallow the stop."""
    rounds = [0]

    def endless(*_: Any, **__: Any) -> None:
        while True:
            try:
                rounds[0] += 1
                threading.Event().wait(0.01)
            except Exception:  # the boundary under test
                continue

    monkeypatch.setattr(citeaudit.audit, "run_rules", endless)
    _stopped(run_cli({}, "check", str(paper), "--offline", "--time-limit", "5"), 5)
    assert rounds[0] > 0  # it was running when stopped


def test_a_backtracking_pattern_is_stopped_inside_the_matcher(
    paper: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Python's matcher checks for signals: a pattern exponential on its input is
    stopped mid-match (2^60 steps would outlast any CI job)."""
    entered = [False]

    def backtracking(*_: Any, **__: Any) -> None:
        entered[0] = True
        re.match(r"(a+)+$", "a" * 60 + "b")
        raise AssertionError("the match ended by itself")

    monkeypatch.setattr(citeaudit.audit, "run_rules", backtracking)
    _stopped(run_cli({}, "check", str(paper), "--offline", "--time-limit", "5"), 5)
    assert entered[0]


@pytest.fixture
def tarpit() -> Iterator[tuple[str, list[socket.socket]]]:
    """A loopback server that accepts every connection and never answers."""
    with silent_server() as served:
        yield served


def test_registries_and_links_in_a_tarpit_end_with_the_run(
    tmp_path: Path, tarpit: tuple[str, list[socket.socket]]
) -> None:
    """Every registry, the network probes and the cited link lead to a server that
    never answers, each request allowed ten minutes: the run still ends at its limit."""
    url, held = tarpit
    paper = tmp_path / "paper.md"
    paper.write_text(
        "Shown before (Okafor, 2018).\n\n# References\n\n"
        f"Okafor, N. (2018). Tides. Press. https://doi.org/10.5555/tides {url}/data\n",
        encoding="utf-8",
    )
    env = {
        **{f"CITEAUDIT_{n}": url for n in ("CROSSREF_URL", "DOI_URL", "DATACITE_URL")},
        "CITEAUDIT_ARCHIVE_URL": url,
        "CITEAUDIT_REGISTRY_TIMEOUT": "600",
        "CITEAUDIT_LINK_TIMEOUT": "600",
        "CITEAUDIT_CACHE_DIR": str(tmp_path / "cache"),
    }
    _stopped(run_cli(env, "check", str(paper), "--no-cache", "--time-limit", "8"), 8)
    assert held  # the run was waiting on the tarpit when it was stopped


def test_fix_audits_under_the_same_deadline(paper: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`citeaudit fix` runs the same audit as check (`shared_audit.audited`) before it
    writes: it is held to the same deadline, and writes nothing when stopped."""
    before = paper.read_text(encoding="utf-8")

    def endless(*_: Any, **__: Any) -> None:
        while True:
            threading.Event().wait(0.01)

    monkeypatch.setattr(citeaudit.audit, "run_rules", endless)
    _stopped(run_cli({}, "fix", str(paper), "--offline", "--time-limit", "5"), 5)
    assert paper.read_text(encoding="utf-8") == before


_SWALLOWS_THE_STOP = """
import sys
import citeaudit.audit
import citeaudit.cli.check as check

check.UNWIND_GRACE = 0.5

def stubborn(*args, **kwargs):
    while True:
        try:
            while True:
                pass
        except BaseException:
            continue

citeaudit.audit.run_rules = stubborn
from citeaudit.cli import main
sys.exit(main(["check", sys.argv[1], "--offline", "--time-limit", "5"]))
"""


def test_a_step_that_swallows_the_stop_is_left_behind(paper: Path) -> None:
    """Past the unwinding grace the process leaves, saying why (exit 2): a step that
    catches even BaseException does not hold the run either."""
    done = subprocess.run(
        [sys.executable, "-c", _SWALLOWS_THE_STOP, str(paper)],
        capture_output=True,
        text=True,
        timeout=120,  # a safety net for a broken deadline, not the assertion
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "passed its time limit of 5 s" in done.stderr


def test_a_run_in_time_is_untouched_and_the_timer_is_put_back(paper: Path) -> None:
    import signal

    before = signal.getsignal(signal.SIGALRM)
    ran = run_cli({}, "check", str(paper), "--offline", "--format", "json")
    assert ran.returncode in (0, 1), ran.stderr
    assert '"findings"' in ran.stdout
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert DEFAULT_TIME_LIMIT > 0  # a run has a deadline unless told otherwise


def test_zero_means_no_limit_and_bad_values_are_usage_errors(paper: Path) -> None:
    with run_deadline(0):
        assert signal_timer() == 0.0
    for bad in ("-1", "nan", "inf", "soon"):
        ran = run_cli({}, "check", str(paper), "--offline", "--time-limit", bad)
        assert ran.returncode == 2 and "--time-limit" in ran.stderr, (bad, ran.stderr)
    with pytest.raises(RunDeadline), run_deadline(0.05):
        threading.Event().wait(5)


def signal_timer() -> float:
    import signal

    return signal.getitimer(signal.ITIMER_REAL)[0]
