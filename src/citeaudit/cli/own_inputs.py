"""A file the CLI writes (``--output``, ``--write-baseline``) is never one the audit read.

``citeaudit check paper.md -o paper.md`` replaced the manuscript with its own report,
and ``--write-baseline --baseline refs.bib`` (or a configuration's ``baseline =
"refs.bib"``) the bibliography with a baseline -- silently, exit 0: a slip of the
command line, or a checkout's ``citeaudit.toml``, destroyed the sources the user only
asked to have audited. Compilers refuse the same slip (``cc main.c -o main.c``). So
the name to be written is compared, as the file it is (``os.stat``: through a link and
under a second hard-linked name too), with every file the run read: the inputs named
on the command line before any work, then every file the readers opened (a LaTeX
chapter ``\\input`` found, a bibliography a manuscript named, the configuration)
before anything is written. Only a regular file is compared: ``/dev/stdout`` and a
terminal read as ``/dev/stdin`` are one device and both may be used.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from citeaudit.errors import ConfigurationError

if TYPE_CHECKING:  # the audit's data model: `citeaudit links` and `--help` need none of it
    from citeaudit.audit_data import AuditResult

__all__ = ["files_read", "refuse_writing_over"]


def files_read(result: AuditResult | None, given: Iterable[Path | str]) -> list[str]:
    """Every file the run read: the `given` names, then what `result`'s readers opened."""
    names = [str(p) for p in given]
    if result is not None:
        for document in result.data.manuscripts:
            names.append(document.path)
            names.extend(document.files)
        for bibliography in result.data.bibliographies:
            if bibliography.source:
                names.append(bibliography.source)
    return names


def _identity(name: Path | str) -> tuple[int, int] | None:
    try:
        status = os.stat(name)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(status.st_mode):
        return None
    return status.st_dev, status.st_ino


def refuse_writing_over(target: Path, what: str, inputs: Iterable[Path | str]) -> None:
    """A `ConfigurationError` when `target` is (or leads to) one of the files `inputs`
    names: nothing is written over it. `what`: the option, for the message."""
    written = _identity(target)
    if written is None:  # to be created, or no regular file: it holds nothing read
        return
    for name in inputs:
        if _identity(name) == written:
            same = "" if str(name) == str(target) else f" (the same file as {name})"
            raise ConfigurationError(
                f"{what} {target} is a file this audit reads{same}; it is not written "
                "over: name another file"
            )
