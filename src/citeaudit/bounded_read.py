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

While a stranger's files are read (`held_to`, entered with
`input_scope.strangers_files`), every read made here is held to their folder: a name
whose real path lies outside it is refused before it is opened, and the file opened
must be the very file inside (the same device and inode as the real path names once
it is open, and its only name) -- the scope's check and the reader's open are two
look-ups of one name, and a name swapped for a link between them was read wherever it
pointed. A reader that never asked the scope is stopped here too. The refusal reads the
same whether the file exists or not.

The confined command line (``check --confine DIR``) reads more than its audit: the
checkout's configuration, the sniff of a ``--reference-list`` file, the scan for
suppression comments -- each judged by a check of its own, then opened by name. Within
`fenced_to`, entered once for a command given ``--confine``, every read of a name that
lies in the checkout as written is held as above (real path inside, the very file
opened, one name), while a name outside it -- the runner's configuration above the
checkout, a ``--baseline`` in the runner's own folder -- is read as the runner gave it.

Writes go the same way (`open_for_write`, `replace_file`): the confined command line
judges ``--output``, ``--write-baseline`` and ``fix``'s files before the audit runs,
and a name written long after it was judged may by then be a link (the checkout's
``report.json`` or its folder ``out/`` swapped for one meanwhile: the report was
written over the runner's file). So a name the fence holds is opened from the held
folder's own descriptor, one folder at a time, none of them a link (``O_NOFOLLOW``
on every step, the file's own name too): a link swapped in at any moment is refused
by the open itself, and a file with a second name is not truncated.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import select
import stat
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

__all__ = [
    "KERNEL_FILE",
    "MAX_CONFIG_BYTES",
    "MAX_INPUT_BYTES",
    "FileTooLarge",
    "NotARegularFile",
    "OutsideHeldFolder",
    "enters",
    "fenced_to",
    "file_kind",
    "held_to",
    "kernel_kind",
    "open_for_write",
    "open_regular",
    "read_capped",
    "read_head",
    "reads_recorded",
    "replace_file",
    "resolved_for_write",
    "status_kind",
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


class OutsideHeldFolder(OSError):
    """The name, or the file opened for it, is not the held folder's own (`held_to`)."""


OUTSIDE = "is outside the audit's own files; not read"
# A name written (`open_for_write`, `replace_file`) that now leads out: a link, or a
# second name of a file, where the checkout's own file was when the name was judged.
WRITTEN_OUTSIDE = (
    "leads outside the --confine folder (a link, or a second name of a file); not written"
)
# The folder every read is held to while a stranger's files are read; None: any file.
_HELD: ContextVar[Path | None] = ContextVar("citeaudit_held_reads", default=None)
# The checkout a confined command line reads (as given, and its real path); None: none.
_FENCED: ContextVar[tuple[Path, Path] | None] = ContextVar("citeaudit_fenced_reads", default=None)


# The runs recording what they read (`reads_recorded`), each a set of the names opened.
_RECORDING: list[set[str]] = []
_RECORDING_LOCK = threading.Lock()


@contextmanager
def reads_recorded() -> Iterator[set[str]]:
    """Within this block, the name of every regular file `read_capped`, `read_head` and
    `open_regular` open is added to the set yielded -- in any thread of the process.

    Why: a file the CLI writes (``--output``, the baseline) must be none the run read
    (`cli.own_inputs`), and the readers that open files are many (chapters, build
    files, a list the manuscript points at, class files...). Told by the readers'
    results, a reader added later whose file no result names had its file written
    over: ``See `refs.md`.`` under "References" and ``-o refs.md``. Recorded where
    every read opens its file, none is missed."""
    opened: set[str] = set()
    with _RECORDING_LOCK:
        _RECORDING.append(opened)
    try:
        yield opened
    finally:
        with _RECORDING_LOCK:
            _RECORDING[:] = [r for r in _RECORDING if r is not opened]


def _record(path: Path | str) -> None:
    if _RECORDING:
        name = os.fspath(path)
        with _RECORDING_LOCK:
            for opened in _RECORDING:
                opened.add(name)


@contextmanager
def held_to(folder: Path) -> Iterator[None]:
    """Within this block, `read_capped`, `read_head` and `open_regular` open only files
    whose real path lies inside `folder`, and check the file opened is that one."""
    token = _HELD.set(Path(os.path.realpath(folder)))
    try:
        yield
    finally:
        _HELD.reset(token)


@contextmanager
def fenced_to(folder: Path | None) -> Iterator[None]:
    """Within this block, a name that lies in `folder` as written -- the folder's own
    name, its real path, or a name whose folder's real path is inside -- is opened as
    within `held_to(folder)`; any other name is opened as given. `folder` None: nothing
    is fenced (a command run without ``--confine``)."""
    if folder is None:
        yield
        return
    token = _FENCED.set((Path(os.path.abspath(folder)), Path(os.path.realpath(folder))))
    try:
        yield
    finally:
        _FENCED.reset(token)


def _holding(path: Path | str) -> Path | None:
    """The folder a read of `path` is held to: the held folder (`held_to`), else the
    fence's when `path` is a name of the fenced checkout (`fenced_to`), else None.

    A name of the checkout is judged as written, not resolved: the name is the
    checkout's whatever it points at -- ``docs/paper.md`` with ``docs -> /home/runner``
    is the fork's name for a runner's file, and is refused. A name whose way enters the
    checkout at any step (`enters`) is the checkout's too: ``/ci/alias/x`` with
    ``alias -> repo``, and ``alias/l/x`` with the fork's ``l -> ../outside``."""
    held = _HELD.get()
    fence = _FENCED.get()
    if held is not None or fence is None:
        return held
    given, real = fence
    try:
        written = Path(os.path.abspath(path))
        if written.is_relative_to(given) or written.is_relative_to(real):
            return real
        folder = Path(os.path.realpath(written.parent))
    except (OSError, ValueError):
        return real  # a name that cannot even be judged is held (and refused)
    if (folder / written.name).is_relative_to(real) or enters(path, real):
        return real
    return None


# Links one name's walk may pass through (the kernel's own ELOOP limit), and parts: a
# longer name is held (and so refused unless its real path lies inside).
_MOST_LINKS = 40
_MOST_PARTS = 2048


def enters(path: Path | str, folder: Path) -> bool:
    """Whether an entry of `folder` (a real path) had a say in where `path` leads: its
    way passes a link lying in `folder`, or ends at an entry of a folder inside it.

    A checkout reached through the runner's link (``alias -> repo``), then a link the
    fork committed (``alias/l`` with ``l -> ../outside``), ends outside: judged by its
    written form (not under ``repo``) and by its own folder's real place
    (``outside``), ``alias/l/secret.json`` was the runner's file, read (``--baseline``)
    or written (``--output``) wherever the fork pointed it -- and so was a name through
    the runner's link to a fork's link (``ci -> repo/docs``). A name that only passes
    through the checkout's real folders and leaves by ``..`` (``../baseline.json``
    from inside it) goes where the runner wrote it: a real folder's ``..`` is fixed.

    Walked as the system walks it, link by link -- each link's target walked part by
    part from the link's folder (a resolved path would hide the links it passed), the
    last part's link followed too (an open follows it), ``..`` taken after the link
    before it. A part that does not exist ends the walk, judged by its folder. A name
    too long or too linked to walk counts as the folder's."""
    try:  # no working folder is asked for an absolute name (it may be gone: a
        # deployment replaced it), so such a name is judged as it is
        written = Path(path) if Path(path).is_absolute() else Path(os.getcwd(), path)
    except (OSError, ValueError):
        return True
    if len(written.parts) > _MOST_PARTS:
        return True
    reached = Path(written.anchor)
    pending = deque(written.parts[1:])
    links = 0
    while pending:
        part = pending.popleft()
        if part in ("", "."):
            continue
        if part == "..":
            reached = reached.parent
            continue
        step = reached / part
        try:
            status = os.lstat(step)
        except (FileNotFoundError, NotADirectoryError):
            return reached.is_relative_to(folder)  # the open fails there, or creates
        except (OSError, ValueError):
            return True
        if not stat.S_ISLNK(status.st_mode) and getattr(status, "st_reparse_tag", 0) == 0:
            reached = step
            continue
        links += 1
        if reached.is_relative_to(folder) or links > _MOST_LINKS:
            return True  # a link of the folder's own: where it leads is its choice
        try:
            target = Path(os.readlink(step))
        except (OSError, ValueError):
            return True
        if target.anchor:
            reached = Path(target.anchor)
        pending.extendleft(reversed(target.parts[1:] if target.anchor else target.parts))
        if len(pending) > _MOST_PARTS:
            return True
    return reached.parent.is_relative_to(folder)


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


# Where the kernel shows its own state as files: a process's status, memory map,
# environment, open descriptors and mount table (``/proc``), hardware and cgroup
# settings (``/sys``). Their files are regular by their mode, and say 0 bytes
# (``/proc``) or 4,096 (``/sys``) whatever they hold: by their kind alone
# ``\\input{/proc/self/status}`` was read, and the machine's state spliced into a
# stranger's manuscript. ``/dev`` is not one of them: its devices are refused by their
# kind, its links (``/dev/fd``, ``/dev/stdin``) lead into ``/proc``, and its ``shm``
# is where some deployments put their temporary folder -- the uploads' scratch. Only
# ``/dev/fd`` is: where it is a folder of its own (macOS's fdesc, the BSDs'), its
# names are the run's open descriptors, as ``/proc/self/fd``'s are.
_KERNEL_FOLDERS = ("/proc", "/sys", "/dev/fd")
KERNEL_FILE = (
    "a kernel file (under /proc, /sys or /dev/fd, or such a file system mounted elsewhere: "
    "the machine's own state)"
)
# The same file systems, and their kin, wherever they are mounted: these three places
# alone missed a second mount with a device of its own -- a container given the host's
# ``/proc`` at ``/host/proc`` (node-exporter's layout), the host's cgroup tree at
# ``/cgroup``, LXCFS's ``/var/lib/lxcfs/proc`` -- and ``\\input{/host/proc/1/environ}``
# spliced the host's environment into the audit. Known by their type in the mount
# table; none of them holds an author's file (``tmpfs``, ``devtmpfs`` and ``overlay``
# may, and are not listed).
_KERNEL_TYPES = frozenset(
    {
        "proc", "sysfs", "cgroup", "cgroup2", "debugfs", "tracefs", "securityfs",
        "configfs", "bpf", "pstore", "efivarfs", "fusectl", "binfmt_misc", "mqueue",
        "selinuxfs", "smackfs", "rpc_pipefs", "nfsd", "fuse.lxcfs", "lxcfs",
    }
)  # fmt: skip
_MOUNT_TABLE = "/proc/self/mountinfo"  # Linux's; elsewhere absent: the fixed places stand
# The table is the kernel's and a few KB (a busy host's, a few hundred): read no further.
_MOST_MOUNT_BYTES = 4 * 1024 * 1024


def _kernel_mounts() -> tuple[frozenset[int], tuple[str, ...]]:
    """(the devices, the folders) of the kernel's own file systems: the fixed places
    (`_KERNEL_FOLDERS`) and every mount the mount table lists of a kernel type
    (`_KERNEL_TYPES`), a folder inside another one left out (it is walked with it).

    A bind mount of one elsewhere (``/srv/p`` showing ``/proc``) is still its device.
    A fixed place on the root's own device is no mount (a chroot's bare ``/proc``):
    counted, it refused every file of the disk. Asked each time (a few `stat` calls
    and the mount table, no input opened): a file system mounted after start counts."""
    devices = set()
    folders = list(_KERNEL_FOLDERS)
    with suppress(OSError):
        root = os.stat("/").st_dev
        for folder in _KERNEL_FOLDERS:
            with suppress(OSError):
                device = os.stat(folder).st_dev
                if device != root:
                    devices.add(device)
    for device, point in _table_mounts():
        devices.add(device)
        folders.append(point)
    kept: list[str] = []
    for folder in sorted(set(folders), key=len):
        if not any(Path(folder).is_relative_to(k) for k in kept):
            kept.append(folder)
    return frozenset(devices), tuple(kept)


@dataclass(slots=True)
class _Table:
    """The mount table held open for the process, read again only when the kernel says
    it changed (``POLLPRI`` on the open table, proc(5)): a mount after start is seen at
    the next read of an input, and reading an input opens no file of the kernel's --
    the table was opened once, when first asked (again after a fork: a child shares the
    open table's change notice with its parent, and one would take the other's)."""

    path: str = ""
    pid: int = 0
    descriptor: int | None = None
    watch: Any = None  # select.poll on the descriptor, where the system has it
    mounts: list[tuple[int, str]] = field(default_factory=list)


_table = _Table()
_table_lock = threading.Lock()


def _table_mounts() -> list[tuple[int, str]]:
    """(device, mount point) of each mount of a kernel type in the mount table; nothing
    when there is no table (macOS, the BSDs, a /proc not mounted)."""
    with _table_lock:
        table = _table
        if table.path != _MOUNT_TABLE or table.pid != os.getpid():
            _reopen(table)
        elif table.descriptor is not None and (table.watch is None or table.watch.poll(0)):
            table.mounts = _mounts_read(table.descriptor)  # changed (or no notice: asked)
        return list(table.mounts)


def _reopen(table: _Table) -> None:
    """`table` opened afresh at `_MOUNT_TABLE` for this process, and read."""
    if table.descriptor is not None:  # a forked child closes its copy: the parent's stays
        with suppress(OSError):
            os.close(table.descriptor)
    table.path, table.pid = _MOUNT_TABLE, os.getpid()
    table.descriptor, table.watch, table.mounts = None, None, []
    with suppress(OSError, ValueError):
        table.descriptor = os.open(_MOUNT_TABLE, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    if table.descriptor is None:
        return
    if hasattr(select, "poll"):
        table.watch = select.poll()
        table.watch.register(table.descriptor, select.POLLPRI | select.POLLERR)
    table.mounts = _mounts_read(table.descriptor)


def _mounts_read(descriptor: int) -> list[tuple[int, str]]:
    """The kernel file systems of the table open on `descriptor`, read from its start
    to at most `_MOST_MOUNT_BYTES`, in the kernel's own form (``36 35 0:21 /
    /host/proc rw - proc proc rw``, a space in a name written ``\\040``)."""
    chunks: list[bytes] = []
    left = _MOST_MOUNT_BYTES
    try:
        os.lseek(descriptor, 0, os.SEEK_SET)
        while left > 0:
            chunk = os.read(descriptor, min(left, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError:
        return []
    found: list[tuple[int, str]] = []
    for line in b"".join(chunks).decode("utf-8", "surrogateescape").splitlines():
        fields = line.split(" ")
        try:
            kind = fields[fields.index("-", 6) + 1]
            major, minor = (int(n) for n in fields[2].split(":"))
            device = os.makedev(major, minor)
        except (ValueError, IndexError, OverflowError):
            continue  # a line cut at the bound, or of a form not known
        if kind in _KERNEL_TYPES and fields[4].startswith("/") and fields[4] != "/":
            found.append((device, _unescaped(fields[4])))
    return found


_ESCAPE = re.compile(r"\\([0-7]{3})")


def _unescaped(point: str) -> str:
    """A mount point as the table writes it (space, tab, newline, backslash as octal)."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 8)), point)


def kernel_kind(path: Path | str | None, status: os.stat_result) -> str | None:
    """`KERNEL_FILE` when the file `status` describes (of `path`, when known) lies on a
    kernel file system -- by its device, by its real path -- or when the way to it
    passes through one (`enters`): ``/proc/self/fd/3``, ``/dev/fd/3`` or ``k/fd/3``
    with ``k -> /proc/self`` is whatever file the run holds open on descriptor 3 (a
    credential an earlier CI step left open, a deleted temporary file no name reaches),
    a regular file on disk by its device and real path alike; else None. Every mount of
    a kernel file system counts (`_kernel_mounts`), not only the usual places."""
    devices, folders = _kernel_mounts()
    if status.st_dev in devices:
        return KERNEL_FILE
    if path is None:
        return None
    try:
        real = Path(os.path.realpath(path))
    except (OSError, ValueError):
        return KERNEL_FILE  # a name that cannot be resolved is no author's file either
    if not real.is_absolute():
        return None  # relative after all: the working folder is gone, the open fails
    for folder in folders:
        if real.is_relative_to(folder):
            return KERNEL_FILE
        # walked only where the folder is one (Linux's /dev/fd is a link into /proc)
        if os.path.isdir(folder) and not os.path.islink(folder) and enters(path, Path(folder)):
            return KERNEL_FILE
    return None


def status_kind(path: Path | str | None, status: os.stat_result) -> str | None:
    """What a file that is not read as an author's file is -- a device, a pipe, a folder
    (`file_kind`) or a kernel file (`kernel_kind`) -- None for an ordinary file."""
    return file_kind(status.st_mode) or kernel_kind(path, status)


def read_head(path: Path | str, count: int) -> bytes:
    """The first `count` bytes of the regular file `path` (a sniff of its kind); a
    device, pipe, socket or folder raises `NotARegularFile` as in `read_capped`."""
    return read_capped(path, count, whole=False)


def read_capped(path: Path | str, limit: int, *, whole: bool = True) -> bytes:
    """The bytes of the regular file `path`, at most `limit` of them.

    Raises `NotARegularFile` for a device, pipe, socket or folder (never opened for a
    read that could block or never end), `FileTooLarge` for a file over `limit` (unless
    not `whole`: then its first `limit` bytes are the answer), `OutsideHeldFolder` for
    a file outside the folder reads are held to (`held_to`), and the usual `OSError`s
    (FileNotFoundError, PermissionError...).
    """
    descriptor, status = _opened(path)
    try:
        if whole and status.st_size > limit:
            raise FileTooLarge(errno.EFBIG, _too_large(status.st_size, limit), str(path))
        chunks: list[bytes] = []
        left = limit + 1 if whole else limit
        # the file's size in one read, exactly (a larger read is shrunk after: a copy),
        # then 1 MB pieces, which find it ended or grew; read in 1 MB pieces from the
        # start, a 200 MB file was held twice over while its pieces were joined
        piece = status.st_size or 1 << 20
        while left > 0:
            chunk = os.read(descriptor, min(left, piece))
            piece = 1 << 20
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


def open_regular(path: Path | str) -> BinaryIO:
    """The regular file `path` opened for reading (a ZIP read part by part), refused as
    `read_capped` refuses: no device, pipe or folder, nothing outside a held folder."""
    descriptor, _ = _opened(path)
    try:
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def _opened(path: Path | str) -> tuple[int, os.stat_result]:
    """A descriptor of the regular file `path` and its status, asked on the descriptor;
    within `held_to`, only of the held folder's own file."""
    held = _holding(path)
    if held is not None and not _inside(path, held):
        raise OutsideHeldFolder(errno.EACCES, OUTSIDE, str(path))
    _refuse_unopened(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(path, flags)
    except IsADirectoryError:
        raise NotARegularFile(errno.EISDIR, "is a directory, not a file", str(path)) from None
    try:
        status = os.fstat(descriptor)
        kind = status_kind(None, status)  # the name was judged before the open
        if kind is not None:
            raise NotARegularFile(errno.EINVAL, _not_read(kind), str(path))
        if held is not None and not _same_file_inside(path, status, held):
            raise OutsideHeldFolder(errno.EACCES, OUTSIDE, str(path))
    except BaseException:
        os.close(descriptor)
        raise
    _record(path)
    return descriptor, status


def _inside(path: Path | str, held: Path) -> bool:
    """Whether `path`, its links and ``..`` resolved, names something inside `held`."""
    try:
        return Path(os.path.realpath(path)).is_relative_to(held)
    except (OSError, ValueError):
        return False


def _same_file_inside(path: Path | str, opened: os.stat_result, held: Path) -> bool:
    """Whether the file opened (`opened`, asked on its descriptor) is the one `path`
    names inside `held` now that it is open, and has no other name: a link swapped in
    before the open and back after it leaves the names agreeing but the files not."""
    if opened.st_nlink > 1:
        return False
    try:
        real = os.path.realpath(path)
        now = os.stat(real)
    except (OSError, ValueError):
        return False
    return Path(real).is_relative_to(held) and (now.st_dev, now.st_ino) == (
        opened.st_dev,
        opened.st_ino,
    )


def _refuse_unopened(path: Path | str) -> None:
    """Refuse a name that is no regular file before opening it at all: opening a
    device acts (a watchdog starts its countdown, a tape rewinds, a terminal may
    become the process's own), whatever is read after. The open descriptor is asked
    again (`read_capped`): this look at the name only spares the open."""
    status = os.stat(path)  # FileNotFoundError and the like, as the open would raise
    if stat.S_ISDIR(status.st_mode):
        raise NotARegularFile(errno.EISDIR, "is a directory, not a file", str(path))
    kind = status_kind(path, status)
    if kind is not None:
        raise NotARegularFile(errno.EINVAL, _not_read(kind), str(path))


def _not_read(kind: str) -> str:
    """Why a file of `kind` (`status_kind`) is not read."""
    if kind == KERNEL_FILE:
        return f"is {kind}, no author's file; it is not read"
    return f"is {kind}, not a file; it is not read"


def _too_large(size: int | None, limit: int) -> str:
    held = f"holds {size:,} bytes" if size is not None else "grew while read"
    return f"{held}, past the {limit:,} bytes any real file of its kind holds; it is not read"


# A folder opened as a step of a walk: never through a link, never blocking.
_FOLDER_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_DIRECTORY", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
# What an open refused for a link says: ELOOP (Linux, the BSDs), EMLINK (FreeBSD's
# O_NOFOLLOW), ENOTDIR (a link where a folder was asked for, O_DIRECTORY).
_LINK_ERRORS = frozenset({errno.ELOOP, errno.EMLINK, errno.ENOTDIR})


def _walks_folders() -> bool:
    """Whether this system opens a name relative to a folder's descriptor without
    following links (every POSIX system; not Windows)."""
    return (
        os.open in os.supports_dir_fd
        and hasattr(os, "O_NOFOLLOW")
        and hasattr(os, "O_DIRECTORY")
        and os.rename in os.supports_dir_fd  # os.replace is the same call, unlisted
    )


def _held_folder(path: Path | str, held: Path) -> tuple[int, str]:
    """A descriptor of the folder the file `path` names lies in, reached from `held`
    one part at a time with no link followed, and the file's name in it.

    Where `path` leads is asked once (its links resolved: the checkout's own
    ``report.json -> out/report.json`` is written where it points, as before) and must
    lie inside `held`; that real path is then walked without following anything, so a
    folder or the name swapped for a link after the question is refused by the open
    of that step, not followed."""
    try:
        real = Path(os.path.realpath(path))
    except (OSError, ValueError):
        raise OutsideHeldFolder(errno.EACCES, WRITTEN_OUTSIDE, str(path)) from None
    if real == held or not real.is_relative_to(held):
        raise OutsideHeldFolder(errno.EACCES, WRITTEN_OUTSIDE, str(path))
    descriptor = os.open(held, _FOLDER_FLAGS)
    try:
        for part in real.parent.relative_to(held).parts:
            step = os.open(part, _FOLDER_FLAGS, dir_fd=descriptor)
            os.close(descriptor)
            descriptor = step
    except OSError as exc:
        os.close(descriptor)
        if exc.errno in _LINK_ERRORS:
            raise OutsideHeldFolder(errno.EACCES, WRITTEN_OUTSIDE, str(path)) from None
        raise
    return descriptor, real.name


def open_for_write(path: Path | str) -> BinaryIO:
    """`path` opened to be written whole (created, or emptied), for a file the CLI
    writes (``--output``, the baseline).

    A name the fence or the held folder holds (`fenced_to`, `held_to`) is opened as
    `_held_folder` walks, the file's own name not followed either, and refused when it
    is no regular file (a FIFO would block the run) or has a second name (its other
    name may be the runner's): nothing is emptied before those answers. Any other name
    is opened as the runner gave it."""
    held = _holding(path)
    if held is None:
        return open(path, "wb")  # the caller closes it
    if not _walks_folders():
        if not _inside(path, held):
            raise OutsideHeldFolder(errno.EACCES, WRITTEN_OUTSIDE, str(path))
        return open(path, "wb")  # no descriptor walk on this system
    folder, name = _held_folder(path, held)
    flags = os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(name, flags, 0o666, dir_fd=folder)
    except OSError as exc:
        if exc.errno in _LINK_ERRORS:
            raise OutsideHeldFolder(errno.EACCES, WRITTEN_OUTSIDE, str(path)) from None
        if exc.errno == errno.ENXIO:  # a FIFO nobody reads
            raise NotARegularFile(
                errno.EINVAL, "is a named pipe (FIFO), not a file; it is not written", str(path)
            ) from None
        raise
    finally:
        os.close(folder)
    try:
        status = os.fstat(descriptor)
        kind = file_kind(status.st_mode)
        if kind is not None:
            raise NotARegularFile(
                errno.EINVAL, f"is {kind}, not a file; it is not written", str(path)
            )
        if status.st_nlink > 1:
            raise OutsideHeldFolder(errno.EACCES, WRITTEN_OUTSIDE, str(path))
        os.set_blocking(descriptor, True)
        os.ftruncate(descriptor, 0)
        return os.fdopen(descriptor, "wb")
    except BaseException:
        os.close(descriptor)
        raise


def resolved_for_write(path: Path | str) -> Path:
    """`path` with its links resolved, for a writer that replaces the file a link names
    (``fix``: a shared ``library.bib`` stays a link); refused when the fence holds the
    name and the file it now names lies outside the held folder -- a folder of the
    checkout swapped for a link since it was read made the real path the runner's
    file, which no fence holds by that name."""
    held = _holding(path)
    real = Path(os.path.realpath(path))
    if held is not None and not real.is_relative_to(held):
        raise OutsideHeldFolder(errno.EACCES, WRITTEN_OUTSIDE, str(path))
    return real


def replace_file(path: Path | str, data: bytes, mode: int | None = None) -> None:
    """Put `data` at `path` at once (a crash leaves the old file or the new one): a
    temporary file beside it, renamed over it. `mode`: the permissions to give it.

    For a name the fence holds, the temporary file is made and renamed inside the
    folder's descriptor (`_held_folder`): ``fix`` renamed its temporary file into
    whatever the folder's name pointed at by then. A rename replaces a link at the
    name, never what it points at."""
    held = _holding(path)
    if held is None or not _walks_folders():
        if held is not None and not _inside(path, held):
            raise OutsideHeldFolder(errno.EACCES, WRITTEN_OUTSIDE, str(path))
        _replace_by_name(Path(path), data, mode)
        return
    folder, name = _held_folder(path, held)
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
        temp = f".{name}.{secrets.token_hex(6)}.tmp"
        descriptor = os.open(temp, flags, 0o600, dir_fd=folder)
        try:
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(data)
                if mode is not None:
                    os.fchmod(stream.fileno(), mode)
            os.replace(temp, name, src_dir_fd=folder, dst_dir_fd=folder)
        except BaseException:
            with suppress(OSError):
                os.unlink(temp, dir_fd=folder)
            raise
    finally:
        os.close(folder)


def _replace_by_name(path: Path, data: bytes, mode: int | None) -> None:
    """`replace_file` for a name nobody holds: the runner's own."""
    import tempfile

    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
