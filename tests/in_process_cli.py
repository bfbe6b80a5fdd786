"""`citeaudit ARGS` run in the test's own process: its `main(argv)`, not a new interpreter.

For tests about what a command does (an audit, a token, a watch list), not about how
a process starts: a `python -m citeaudit.cli` subprocess costs an interpreter and
every import again (seconds each on a loaded 2-CPU machine), this costs the command.
The command sees exactly the CITEAUDIT_* variables given (the rest of the suite's
are removed for the call, except the suite-wide NAT64 one: no test asks the system's
resolver), in the folder given; its stdout, stderr and exit code come back as a
subprocess's would. Tests about start-up itself (imports, process groups) keep their
subprocesses.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from citeaudit.cli import main

KEPT = ("CITEAUDIT_NAT64_PREFIXES",)  # tests/conftest.py: set for the whole suite


@dataclass(frozen=True)
class Ran:
    """What a finished command left: as `subprocess.CompletedProcess` names it."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(env: Mapping[str, str], *args: str, cwd: Path | None = None) -> Ran:
    """`citeaudit *args` with the CITEAUDIT_* settings of `env` (others in `env`, such
    as XDG_DATA_HOME, are set too), in `cwd`; os.environ and the folder restored after."""
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        for name in list(os.environ):
            if name.startswith("CITEAUDIT_") and name not in KEPT:
                patch.delenv(name)
        for name, value in env.items():
            if os.environ.get(name) != value:
                patch.setenv(name, value)
        if cwd is not None:
            patch.chdir(cwd)
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse: usage errors and --help
                code = exc.code if isinstance(exc.code, int) else 2
    return Ran(code, out.getvalue(), err.getvalue())
