"""Text printed whole to a GitHub Actions log: no line of it is a workflow command.

A line of a job's log that opens (after blanks) with ``::`` is a workflow command to
the runner: ``::add-mask::``, ``::error::``, ``::stop-commands::``. A report line
that opens with a file's name is kept from that by ``./`` (`printable.not_a_command`),
but a patch cannot be changed so: ``fix --diff`` prints the files' lines, and a context
line of a fork's bibliography `` ::add-mask::x`` (or an added one) must stay as it is
for ``git apply`` to take the patch. GitHub's own way is used instead: the text goes
between ``::stop-commands::TOKEN`` and ``::TOKEN::`` (a random token the files cannot
know), where the runner obeys no command. ``git apply`` and ``patch`` skip such lines
before and after the patch, so ``citeaudit fix --diff | git apply`` still works in a
job. Only in GitHub Actions (``GITHUB_ACTIONS=true``) and only where the text does not
go to a regular file (``> fix.patch`` is no log). Azure Pipelines has no such switch.
"""

from __future__ import annotations

import os
import secrets
import stat
from typing import TextIO

__all__ = ["guarded", "to_ci_log"]


def to_ci_log(stream: TextIO) -> bool:
    """`stream` is, as far as we can tell, a GitHub Actions job's log."""
    if os.environ.get("GITHUB_ACTIONS") != "true":
        return False
    try:
        mode = os.fstat(stream.fileno()).st_mode
    except (OSError, ValueError, AttributeError):
        return False  # not a file descriptor (captured by a caller): no log
    return not stat.S_ISREG(mode)


def guarded(text: str, stream: TextIO) -> str:
    """`text` between ``::stop-commands::`` and its end when `stream` is a CI log."""
    if not text or not to_ci_log(stream):
        return text
    token = secrets.token_hex(16)
    end = "" if text.endswith("\n") else "\n"
    return f"::stop-commands::{token}\n{text}{end}::{token}::\n"
