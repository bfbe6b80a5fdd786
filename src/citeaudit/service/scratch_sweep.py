"""Removing the scratch folders of uploads that a killed process left behind.

`inputs.uploads_in_scratch` writes a stranger's files into a fresh folder (mode 0700)
under the temporary directory and removes it on leaving -- unless the process is killed
mid-read (SIGKILL, the OOM killer, a hard time limit): then the folder stays, holding
the uploads, until someone removes it. A process that will write uploads sweeps such
folders when it starts (a worker at ``worker_init``, any process before its first
upload is written): only names our own ``tempfile`` prefixes make, only folders -- never
a symbolic link or a file -- owned by this user with mode 0700, and only those untouched
for `STALE_AFTER` seconds, longer than any step that reads uploads may run (the hard
time limits are minutes), so a live sibling's folder is never taken.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import stat
import tempfile
import time
from pathlib import Path

__all__ = ["SCRATCH_NAME", "STALE_AFTER", "sweep_stale_scratch"]

log = logging.getLogger(__name__)

STALE_AFTER = 3600.0  # seconds since a folder last changed
# tempfile's names: the prefix, then 8 of [a-z0-9_]. The audit's and the fix download's.
SCRATCH_NAME = re.compile(r"citeaudit-(?:fix-)?[a-z0-9_]{8}")


def sweep_stale_scratch(
    folder: Path | None = None, *, older_than: float = STALE_AFTER, now: float | None = None
) -> int:
    """Remove stale scratch folders in `folder` (the temporary directory); how many.

    Never raises: a folder that cannot be listed or removed is left, and said in the log.
    """
    where = Path(folder if folder is not None else tempfile.gettempdir())
    cutoff = (time.time() if now is None else now) - older_than
    removed = 0
    try:
        entries = list(os.scandir(where))
    except OSError as exc:
        log.warning("scratch sweep: cannot list %s: %s", where, exc)
        return 0
    for entry in entries:
        if not SCRATCH_NAME.fullmatch(entry.name):
            continue
        try:
            status = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not _ours_and_stale(status, cutoff):
            continue
        if not shutil.rmtree.avoids_symlink_attacks:  # a link planted inside could redirect
            log.warning("scratch sweep: %s left (no safe removal here)", entry.path)
            continue
        shutil.rmtree(entry.path, ignore_errors=True)
        if not os.path.lexists(entry.path):
            removed += 1
    if removed:
        log.info("scratch sweep: removed %d stale upload folder(s) in %s", removed, where)
    return removed


def _ours_and_stale(status: os.stat_result, cutoff: float) -> bool:
    """A real folder, this user's, private as `mkdtemp` makes it, unchanged since `cutoff`."""
    return (
        stat.S_ISDIR(status.st_mode)
        and status.st_uid == os.geteuid()
        and stat.S_IMODE(status.st_mode) == 0o700
        and status.st_mtime < cutoff
    )
