"""Run a Celery worker whose watch re-check batches are stand-ins (wk31).

    python -m tests.security.wk31_poison_launcher MODE STARTS_FILE celery -A workers.celery_app ...

`citeaudit.watch.run_link_batch` is replaced, each start noted in STARTS_FILE (a line):

- ``poison``: a batch that crashes its pool process every time it runs (a fault in
  native code on a hostile page, the OOM killer): it SIGKILLs its own process.
- ``changed``: a batch whose every link changed (no network asked).
- ``sweep-fails-once``: the watch sweep fails once after leasing (as past its time
  limit), `citeaudit.watch.runner.link_accounts` raising the first time; the batches
  are left as they are.

Then PROGRAM's console-script entry point runs in this process, as
`tests.service.fake_phases_launcher` does; the pool is forked from it.
"""

from __future__ import annotations

import os
import signal
import sys
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import citeaudit.watch
from citeaudit.watch import runner
from citeaudit.watch.model import RecheckSummary


def stand_in(mode: str, starts: Path) -> Any:
    def run_link_batch(_repo: Any, _settings: Any, link_ids: Any, **__: Any) -> Any:
        with starts.open("a") as f:
            f.write(f"{os.getpid()}\n")
        if mode == "poison":
            os.kill(os.getpid(), signal.SIGKILL)
        n = len(link_ids)
        return RecheckSummary(links_checked=n, changes=n, kinds={"newly_broken": n})

    return run_link_batch


def fails_once(starts: Path) -> Any:
    real = runner.link_accounts

    def link_accounts(*args: Any) -> Any:
        with starts.open("a") as f:
            f.write(f"{os.getpid()}\n")
        if len(starts.read_text().split()) == 1:
            raise RuntimeError("wk31: the sweep fails after leasing")
        return real(*args)

    return link_accounts


def main(argv: list[str]) -> Any:
    mode, starts, program, *args = argv
    if mode == "sweep-fails-once":
        runner.link_accounts = fails_once(Path(starts))
    else:
        citeaudit.watch.run_link_batch = stand_in(mode, Path(starts))  # type: ignore[assignment]
    found = entry_points(group="console_scripts", name=Path(program).name)
    sys.argv = [program, *args]
    return next(iter(found)).load()()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
