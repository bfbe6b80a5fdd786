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

A clean environment is not enough on Linux: ``/proc/<parent>/environ`` holds the
server's environment as it started, readable by any process of the same user, the
child too. So a process makes itself undumpable before it starts a child
(``prctl(PR_SET_DUMPABLE, 0)``, as ssh-agent does): its ``/proc`` files are then
root's, and only a process allowed to trace any other reads them. The cost: no core
dump of a server process, and a same-user debugger (py-spy, gdb) needs root.
"""

from __future__ import annotations

import ctypes
import functools
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import cast

__all__ = [
    "ChildTimedOut",
    "Watchdog",
    "child_environment",
    "die_with_parent",
    "make_undumpable",
    "module_command",
    "run_module",
    "start_watchdog",
]

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
    if "PYTHONPATH" in kept:
        kept["PYTHONPATH"] = _absolute_entries(kept["PYTHONPATH"])
    folder = str(scratch)
    return {**kept, "HOME": folder, "TMPDIR": folder}


def _absolute_entries(search_path: str) -> str:
    """``PYTHONPATH`` with its empty and relative entries left out. Python reads an empty
    entry as the working folder, and ``-P`` does not drop it: ``PYTHONPATH=:/opt/x``
    (what ``export PYTHONPATH=$PYTHONPATH:/opt/x`` leaves when it was unset) put a
    fork's checkout -- the working folder of ``check --confine`` -- before the standard
    library, and the child imported its ``json.py``. A relative entry is the same
    folder's. Whoever installed us names their folders absolutely."""
    return os.pathsep.join(p for p in search_path.split(os.pathsep) if os.path.isabs(p))


_PR_SET_DUMPABLE = 4


@functools.cache
def _prctl() -> Callable[..., int] | None:
    """The C library's ``prctl`` (Linux), or None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return cast("Callable[..., int]", ctypes.CDLL(None, use_errno=True).prctl)
    except (OSError, AttributeError):
        return None


def make_undumpable() -> bool:
    """This process's ``/proc`` files (its environment, memory, open files) made
    unreadable to its children and to every other process of its user; True when
    done (Linux). Kept by forks, undone by exec: each child runs as a dumpable process
    of its own, which holds nothing of ours."""
    prctl = _prctl()
    return prctl is not None and prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0) == 0


_PR_SET_PDEATHSIG = 1


def die_with_parent() -> bool:
    """Ask the kernel to kill this (child) process with SIGKILL when its parent ends;
    True when asked (Linux). A child's wall-clock limit is kept by its parent
    (`run_module`'s timeout): a worker's pool process killed at its hard time limit
    left its PDF engine child running with nobody to stop it, up to its CPU limit, and
    each redelivery of the step could leave another. Called first thing in the child;
    a parent already gone by then (the child was adopted) ends it at once. The kernel
    watches the parent's thread that started the child, not its process: `run_module`
    waits for its child on that thread, so the thread outlives the child."""
    prctl = _prctl()
    if prctl is None:
        return False
    parent = os.getppid()
    if prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        return False
    if os.getppid() != parent:  # the parent ended before the request was made
        os.kill(os.getpid(), signal.SIGKILL)
    return True


def run_module(
    module: str, *arguments: str, data: bytes | None = None, timeout: float
) -> subprocess.CompletedProcess[bytes]:
    """Run `module` (one of ours) with `arguments` in a child given `data` on its
    standard input, its answer and errors captured; raises `ChildTimedOut`
    past `timeout` seconds (the child is killed). The child has an allow-listed
    environment and an empty scratch folder, removed afterwards; this process is
    made undumpable first (`make_undumpable`). The folder is named as upload folders
    are, so a killed server's is removed by the next start's sweep (`scratch_sweep`)."""
    make_undumpable()
    with tempfile.TemporaryDirectory(prefix="citeaudit-", ignore_cleanup_errors=True) as scratch:
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


# The watchdog: standard library only, no site packages (-I -S), nothing of ours
# imported. It waits on its standard input: end of file (the parent closed it, or died)
# ends it quietly; the time passing first, it says why and kills the parent.
_WATCHDOG = (
    "import os, select, signal, sys\n"
    "parent, seconds = int(sys.argv[1]), float(sys.argv[2])\n"
    "ready, _, _ = select.select([0], [], [], seconds)\n"
    "if not ready:\n"
    "    os.write(2, sys.argv[3].encode('utf-8', 'replace') + b'\\n')\n"
    "    os.kill(parent, signal.SIGKILL)\n"
)


class Watchdog:
    """A running watchdog (`start_watchdog`); `cancel` it when the work ended in time."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self._process = process

    def cancel(self) -> None:
        """End the watchdog (its standard input closed: it leaves quietly)."""
        process = self._process
        if process.stdin is not None:
            process.stdin.close()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def start_watchdog(seconds: float, message: str) -> Watchdog | None:
    """A child process that kills this one with SIGKILL once `seconds` have passed,
    printing `message` on the shared standard error first; None where it cannot run
    (no ``select`` on a pipe, no SIGKILL: not POSIX).

    Why a process: a deadline raised by a signal handler (`cli.check.run_deadline`)
    runs only when the interpreter gets back to its loop, and a thread needs the
    interpreter's lock. A step stuck in one long C call that holds the lock and checks
    for no signal -- ``sum(range(10**12))``, a C extension's loop over a hostile input
    -- let a one-second deadline and its grace run for ever: nothing of the process
    runs until the call returns. Another process needs nothing of this one. It costs a
    bare interpreter's start (no site packages) and a pipe; when this process ends by
    any road, the pipe's end reaches the watchdog, which leaves too."""
    if os.name != "posix" or not hasattr(signal, "SIGKILL"):
        return None
    command = [
        sys.executable,
        "-I",
        "-S",
        "-c",
        _WATCHDOG,
        str(os.getpid()),
        f"{seconds:f}",
        message,
    ]
    environment = {
        name: value
        for name, value in child_environment(Path(tempfile.gettempdir())).items()
        if name not in ("HOME", "TMPDIR", "PYTHONPATH")
    }
    process = subprocess.Popen(  # the standard library's, no shell, nothing of ours
        command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, env=environment
    )
    return Watchdog(process)
