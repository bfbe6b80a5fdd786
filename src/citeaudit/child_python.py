"""Starting one of citeaudit's own modules in a child Python process: the command, the
environment it gets, and the run. Every child process of the package starts here
(`tests/redteam/test_r11_secrets_child_environment.py` holds the package to that).

``python -m module`` puts the working folder first on the child's import path. The
working folder is often a stranger's: in CI it is the checkout of a fork's pull
request, which may hold a ``json.py`` (any module the child imports and Python does
not build in) -- run in the child, it could read and write any of the runner's files
and print what it read into the report. ``-P`` (Python 3.11) leaves the working
folder off the path, so only the installed packages are imported.

The children read hostile files with C++ code (pdfium). They inherited the server's
whole environment: the database URL with its password, the broker's, the SMTP
password, any cloud key, so a file that ever achieved code execution in the engine
would have had them all. A child now gets an allow-list, not the parent's
environment less a deny-list (a secret named in a way nobody foresaw would pass a
deny-list): the search path, the locale, where Python and its libraries are found
(``PYTHONPATH``, ``LD_LIBRARY_PATH``: set by whoever installed us, and the child
cannot start without them where they are needed), and ``HOME`` and ``TMPDIR`` in an
empty scratch folder of its own, removed when it ends. No ``CITEAUDIT_*`` setting:
the children are given their limits as arguments.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

__all__ = ["ChildTimedOut", "child_environment", "module_command", "run_module"]

ChildTimedOut = subprocess.TimeoutExpired  # what `run_module` raises past its timeout

# Names the child is given, when the parent has them; every other name is left out.
_KEPT = ("PATH", "LANG", "LANGUAGE", "TZ", "PYTHONPATH", "LD_LIBRARY_PATH")
_KEPT_PREFIXES = ("LC_",)  # LC_ALL, LC_CTYPE, ...: the locale


def module_command(module: str, *arguments: str) -> list[str]:
    """The argument list that runs `module` (one of ours) with `arguments`, no shell."""
    return [sys.executable, "-P", "-m", module, *arguments]


def child_environment(scratch: Path, parent: Mapping[str, str] | None = None) -> dict[str, str]:
    """The whole environment of a child: the allow-listed names of `parent` (this
    process's environment when None), and HOME and TMPDIR set to `scratch`."""
    source = os.environ if parent is None else parent
    kept = {
        name: value
        for name, value in source.items()
        if name in _KEPT or name.startswith(_KEPT_PREFIXES)
    }
    folder = str(scratch)
    return {**kept, "HOME": folder, "TMPDIR": folder}


def run_module(
    module: str, *arguments: str, data: bytes | None = None, timeout: float
) -> subprocess.CompletedProcess[bytes]:
    """Run `module` (one of ours) with `arguments` in a child given `data` on its
    standard input, its answer and errors captured; raises `ChildTimedOut`
    past `timeout` seconds (the child is killed). The child has an allow-listed
    environment and an empty scratch folder, removed afterwards."""
    with tempfile.TemporaryDirectory(
        prefix="citeaudit-child-", ignore_cleanup_errors=True
    ) as scratch:
        # our own module; the arguments are a list, no shell
        return subprocess.run(
            module_command(module, *arguments),
            input=data,
            stdin=subprocess.DEVNULL if data is None else None,  # never the parent's
            capture_output=True,
            timeout=timeout,
            check=False,
            env=child_environment(Path(scratch)),
        )
