"""Run a Celery worker whose watch re-check batches kill their own process (wk31).

    python -m tests.security.wk31_poison_launcher STARTS_FILE celery -A workers.celery_app ...

A stand-in for a batch that crashes its pool process every time it runs (a fault in
native code on a hostile page, the OOM killer): `citeaudit.watch.run_link_batch` is
replaced by a function that notes the start in STARTS_FILE (a line) and SIGKILLs its
process. Then PROGRAM's console-script entry point runs in this process, as
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


def poison(starts: Path) -> Any:
    def run_link_batch(*_: Any, **__: Any) -> Any:
        with starts.open("a") as f:
            f.write(f"{os.getpid()}\n")
        os.kill(os.getpid(), signal.SIGKILL)

    return run_link_batch


def main(argv: list[str]) -> Any:
    starts, program, *args = argv
    citeaudit.watch.run_link_batch = poison(Path(starts))  # type: ignore[assignment]
    found = entry_points(group="console_scripts", name=Path(program).name)
    sys.argv = [program, *args]
    return next(iter(found)).load()()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
