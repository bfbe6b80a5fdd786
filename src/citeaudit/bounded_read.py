"""Reading a named file: only a regular file, and never more than a cap.

Every file the CLI or a manuscript names may be hostile: ``\\input{/dev/zero}``,
``--baseline /dev/zero`` or a FIFO given as ``--bib`` is, to ``Path.read_bytes``,
an endless stream (memory exhausted) or a read that never returns (a worker frozen);
``/dev/zero`` even answers ``stat`` with size 0, so asking the size first is not
enough. So a name that is no regular file is refused before it is opened (opening a
device acts: a watchdog starts, a tape rewinds), and a file is opened without blocking
(a FIFO with no writer opens at once, should one replace the file in between), asked
again what it is on the open descriptor (no window between that question and the
read), refused unless it is a regular file, refused when larger than the caller's
cap, and read to at most the cap plus one byte (a file growing while read is caught
too). The refusals are `OSError`s whose ``strerror`` is a sentence, so every caller's
existing ``except OSError`` turns them into the input problem it already words, naming
the file (and, for a file a manuscript names, the line).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

__all__ = [
    "MAX_CONFIG_BYTES",
    "MAX_INPUT_BYTES",
    "FileTooLarge",
    "NotARegularFile",
    "file_kind",
    "read_capped",
    "read_head",
]

# A manuscript or bibliography read whole: past any real one (a group's whole library is
# tens of MB; the DOCX and PDF readers stop at the same size).
MAX_INPUT_BYTES = 200 * 1024 * 1024
# A configuration or baseline file: a baseline of every finding of a 2,000-page book is
# a few MB.
MAX_CONFIG_BYTES = 50 * 1024 * 1024


class NotARegularFile(OSError):
    """The name is a device, a pipe, a socket or a folder: nothing to read as a file."""


class FileTooLarge(OSError):
    """The file is larger than any real input of its kind."""


_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
)


def file_kind(mode: int) -> str | None:
    """What a non-regular file is ("a character device"), None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "not a regular file"


def read_head(path: Path | str, count: int) -> bytes:
    """The first `count` bytes of the regular file `path` (a sniff of its kind); a
    device, pipe, socket or folder raises `NotARegularFile` as in `read_capped`."""
    return read_capped(path, count, whole=False)


def read_capped(path: Path | str, limit: int, *, whole: bool = True) -> bytes:
    """The bytes of the regular file `path`, at most `limit` of them.

    Raises `NotARegularFile` for a device, pipe, socket or folder (never opened for a
    read that could block or never end), `FileTooLarge` for a file over `limit` (unless
    not `whole`: then its first `limit` bytes are the answer), and the usual `OSError`s
    (FileNotFoundError, PermissionError...).
    """
    _refuse_unopened(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(path, flags)
    except IsADirectoryError:
        raise NotARegularFile(errno.EISDIR, "is a directory, not a file", str(path)) from None
    try:
        status = os.fstat(descriptor)
        kind = file_kind(status.st_mode)
        if kind is not None:
            raise NotARegularFile(errno.EINVAL, f"is {kind}, not a file; it is not read", str(path))
        if whole and status.st_size > limit:
            raise FileTooLarge(errno.EFBIG, _too_large(status.st_size, limit), str(path))
        chunks: list[bytes] = []
        left = limit + 1 if whole else limit
        while left > 0:
            chunk = os.read(descriptor, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise FileTooLarge(errno.EFBIG, _too_large(None, limit), str(path))
    return data


def _refuse_unopened(path: Path | str) -> None:
    """Refuse a name that is no regular file before opening it at all: opening a
    device acts (a watchdog starts its countdown, a tape rewinds, a terminal may
    become the process's own), whatever is read after. The open descriptor is asked
    again (`read_capped`): this look at the name only spares the open."""
    status = os.stat(path)  # FileNotFoundError and the like, as the open would raise
    if stat.S_ISDIR(status.st_mode):
        raise NotARegularFile(errno.EISDIR, "is a directory, not a file", str(path))
    kind = file_kind(status.st_mode)
    if kind is not None:
        raise NotARegularFile(errno.EINVAL, f"is {kind}, not a file; it is not read", str(path))


def _too_large(size: int | None, limit: int) -> str:
    held = f"holds {size:,} bytes" if size is not None else "grew while read"
    return f"{held}, past the {limit:,} bytes any real file of its kind holds; it is not read"
