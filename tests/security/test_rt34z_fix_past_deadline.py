"""`citeaudit fix` ends within its --time-limit: the planning after the audit is held too.

`fix` held only the audit to the run's deadline. Planning the fixes reads each edited
manuscript back twice (`citeaudit.fix.verify`: the entries before and after the edit),
each read as costly as the audit's own, and `--diff` builds the patch -- all of it
after the deadline's timer was disarmed. A manuscript whose reference list repeats one
entry 800 times (one BIB001 fix, `--unsafe-fixes`) took 2.5 s to audit and 6.3 s in
all under `--time-limit 3.5`: a run may go on for three times its limit, and a CI
job's own limit is what stops it, with nothing said.

Not timed: the test looks at the deadline's interval timer (SIGALRM, `run_deadline`)
from inside the read-back and the diff. Before the fix it was disarmed there (0 s
left); now it is armed.
"""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Any

import pytest

from citeaudit.fix import verify
from citeaudit.fix.plan import FixPlan
from tests.in_process_cli import run_cli

_ENTRY = "Smith, J. (2020). The great work of things. Journal of Work, 1, 1-2.\n\n"


def _manuscript(folder: Path) -> Path:
    # one entry written twice: BIB001, whose unsafe fix deletes the repeat (an edit of
    # the manuscript's own reference list, so the manuscript is read back)
    path = folder / "paper.md"
    path.write_text("As shown (Smith, 2020).\n\n# References\n\n" + _ENTRY * 2, encoding="utf-8")
    return path


def _timer_left() -> float:
    return signal.getitimer(signal.ITIMER_REAL)[0]


@pytest.mark.parametrize("diff", [True, False], ids=["diff", "write"])
def test_the_read_back_runs_under_the_deadline(
    tmp_path: Path, monkeypatch: Any, diff: bool
) -> None:
    seen: list[float] = []
    real = verify._manuscript_count

    def watched(path: Path, text: str) -> tuple[int, int] | None:
        seen.append(_timer_left())
        return real(path, text)

    monkeypatch.setattr(verify, "_manuscript_count", watched)
    paper = _manuscript(tmp_path)
    args = ["fix", "--offline", "--unsafe-fixes", "--time-limit", "600", str(paper)]
    ran = run_cli({}, *args, *(["--diff"] if diff else []), cwd=tmp_path)
    assert ran.returncode == (1 if diff else 0), ran.stderr
    assert "BIB001" in ran.stdout + ran.stderr
    assert seen, "the manuscript was not read back"
    assert all(left > 0 for left in seen), f"read back with the deadline disarmed: {seen}"
    assert _timer_left() == 0  # and disarmed once the run is over


def test_the_diff_is_built_under_the_deadline(tmp_path: Path, monkeypatch: Any) -> None:
    seen: list[float] = []
    real = FixPlan.diff

    def watched(self: FixPlan) -> str:
        seen.append(_timer_left())
        return real(self)

    monkeypatch.setattr(FixPlan, "diff", watched)
    paper = _manuscript(tmp_path)
    args = ["fix", "--offline", "--unsafe-fixes", "--diff", "--time-limit", "600", str(paper)]
    ran = run_cli({}, *args, cwd=tmp_path)
    assert ran.returncode == 1, ran.stderr
    assert seen and all(left > 0 for left in seen), f"diff built past the deadline: {seen}"


def test_a_run_stopped_in_the_planning_writes_nothing(tmp_path: Path, monkeypatch: Any) -> None:
    """Stopped while planning (the deadline's signal raised in the read-back), the run
    says so, exits 2, and the file is as it was: no half-made fix."""
    from citeaudit.cli.check import RunDeadline

    def stopped(path: Path, text: str) -> tuple[int, int] | None:
        raise RunDeadline(600)

    monkeypatch.setattr(verify, "_manuscript_count", stopped)
    paper = _manuscript(tmp_path)
    before = paper.read_bytes()
    ran = run_cli({}, "fix", "--offline", "--unsafe-fixes", "--time-limit", "600", str(paper))
    assert ran.returncode == 2, ran.stdout + ran.stderr
    assert "600" in ran.stderr
    assert paper.read_bytes() == before
