"""The command that starts one of citeaudit's own modules in a child Python process.

``python -m module`` puts the working folder first on the child's import path. The
working folder is often a stranger's: in CI it is the checkout of a fork's pull
request, which may hold a ``json.py`` (any module the child imports and Python does
not build in) -- run in the child, it could read and write any of the runner's files
and print what it read into the report. ``-P`` (Python 3.11) leaves the working
folder off the path, so only the installed packages are imported; the environment
(``PYTHONPATH``, set by whoever runs us) is kept.
"""

from __future__ import annotations

import sys

__all__ = ["module_command"]


def module_command(module: str, *arguments: str) -> list[str]:
    """The argument list that runs `module` (one of ours) with `arguments`, no shell."""
    return [sys.executable, "-P", "-m", module, *arguments]
