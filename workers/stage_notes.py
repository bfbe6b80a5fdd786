"""The stage a step is in, noted where the worker's main process can read it.

A step past its soft time limit names the stage it was in (`service.stage`): which
upload it was reading, the matching, the rules. A step that swallows the soft limit is
killed at the hard one, and its audit is failed by the worker's main process
(`workers.tasks._hard_time_limit`) -- but the stage lived in the killed pool process,
so the reason said only "reading the files took longer than its limit". Each stage
the step enters is now also written to a small file named by the task's id, in a
folder only this user can use; the main process reads it (and removes it) when the
step is killed, the step removes it when it ends.

A note is a hint, never a duty: a folder that is not this user's own, a full disk or
a name that is no task id means no note, and the reason is the one without a stage.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import stat
import tempfile
from pathlib import Path

from citeaudit.service.stage import Stage

__all__ = ["NotedStage", "taken_note"]

log = logging.getLogger(__name__)
_LONGEST = 1000  # characters of a stage kept: a name of an upload is at most 200 bytes
_TASK_ID = re.compile(r"\A[A-Za-z0-9_-]{1,100}\Z")  # Celery's ids are UUIDs


def _folder() -> Path | None:
    """This user's notes folder, made if absent; None unless it is a real folder owned
    by this user that nobody else may read or write (another local user could plant or
    read notes otherwise)."""
    folder = Path(tempfile.gettempdir()) / f"citeaudit-stages-{os.getuid()}"
    try:
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=0o700)
        info = folder.lstat()
    except OSError as exc:
        log.debug("no stage notes: %s", exc)
        return None
    own = stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
    if not own or info.st_mode & 0o077:
        log.warning("stage notes folder %s is not this user's own: no notes", folder)
        return None
    return folder


def _note_path(task_id: str | None) -> Path | None:
    if not task_id or not _TASK_ID.match(task_id):
        return None
    folder = _folder()
    return folder / task_id if folder is not None else None


class NotedStage(Stage):
    """A `Stage` that also writes each stage to the task's note (`taken_note`)."""

    def __init__(self, task_id: str | None) -> None:
        super().__init__("")
        self._path = _note_path(task_id)

    def at(self, now: str) -> None:
        super().at(now)
        if self._path is None:
            return
        part = self._path.with_name(f"{self._path.name}.{os.getpid()}.part")
        try:
            fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as out:
                out.write(now[:_LONGEST])
            os.replace(part, self._path)  # a reader sees the old stage or the new
        except OSError as exc:
            log.debug("stage not noted: %s", exc)

    def forget(self) -> None:
        if self._path is not None:
            with contextlib.suppress(OSError):
                self._path.unlink()


def taken_note(task_id: str | None) -> str | None:
    """The stage a killed task last noted, its note removed; None when it noted none."""
    path = _note_path(task_id)
    if path is None:
        return None
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        with os.fdopen(fd, encoding="utf-8", errors="replace") as note:
            text = note.read(_LONGEST)
    except OSError:
        return None
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
    return text or None
