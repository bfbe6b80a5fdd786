"""A kernel file system mounted anywhere is the kernel's, not only at /proc, /sys, /dev/fd.

Class: `bounded_read` told a kernel file by three fixed places -- the devices of
``/proc``, ``/sys`` and ``/dev/fd``, and names that lie in or walk through them. A
second mount of such a file system elsewhere has a device of its own: a container
started with the host's ``/proc`` at ``/host/proc`` (node-exporter's layout, many CI
images), the host's cgroup tree at ``/cgroup``, LXCFS's ``/var/lib/lxcfs/proc``. So
``\\input{/host/proc/1/environ}`` in a stranger's manuscript, run through the CLI
without ``--confine``, spliced the host's process environment into the audit, and
``k/fd/3`` with ``k -> /host/proc/self`` whatever file the run held open.

Now the kernel's file systems are known by their type in the mount table
(``/proc/self/mountinfo``), wherever they are mounted: their devices, and their mount
points for names that walk through them.

Two kinds of instance: a real second ``proc`` mount (needs mount rights: skipped
without them), and a mount table this test writes, naming an ordinary folder's device
or mount point as a kernel file system's -- so the class is shown on any machine.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit import bounded_read
from citeaudit.bounded_read import NotARegularFile, read_capped
from citeaudit.cli import main

REFS = "@article{a, title={A}, author={Okafor, N.}, year={2000}, journal={J}}\n"
LATEX = "\\documentclass{article}\\begin{document}\nSee \\cite{a}.\n%s\n\\bibliography{refs}\n"


@pytest.fixture(autouse=True)
def _real_table_after() -> Iterator[None]:
    """The process's own mount table opened again once a test's is undone, here and not
    inside a later test that watches which files are opened."""
    yield
    bounded_read._table_mounts()


def _mounted(point: Path, kind: str) -> bool:
    try:
        done = subprocess.run(
            ["mount", "-t", kind, kind, str(point)], capture_output=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


@pytest.fixture
def second_proc(tmp_path: Path) -> Iterator[Path]:
    """A second ``proc`` file system, mounted in `tmp_path` (skipped without the right)."""
    point = tmp_path / "hostproc"
    point.mkdir()
    if not os.path.isdir("/proc/self") or not _mounted(point, "proc"):
        pytest.skip("no right to mount a proc file system here")
    try:
        assert os.stat(point).st_dev != os.stat("/proc").st_dev  # a device of its own
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True, timeout=30, check=False)


def test_a_file_of_a_second_proc_mount_is_refused(second_proc: Path) -> None:
    with pytest.raises(NotARegularFile) as refused:
        read_capped(second_proc / "self" / "status", 1 << 20)
    assert "kernel" in str(refused.value)


def test_a_descriptor_through_a_link_to_a_second_proc_mount_is_refused(
    second_proc: Path, tmp_path: Path
) -> None:
    """``k/fd/N`` with ``k -> <mount>/self``: the file opened is an ordinary one on disk
    (its device, its real path), reached through the kernel's descriptor folder."""
    held = tmp_path / "held.txt"
    held.write_text("QZ21HELD\n", encoding="utf-8")
    (tmp_path / "k").symlink_to(second_proc / "self")
    descriptor = os.open(held, os.O_RDONLY)
    try:
        with pytest.raises(NotARegularFile):
            read_capped(tmp_path / "k" / "fd" / str(descriptor), 1 << 20)
        with pytest.raises(NotARegularFile):
            read_capped(second_proc / "self" / "fd" / str(descriptor), 1 << 20)
    finally:
        os.close(descriptor)


def test_the_cli_does_not_splice_a_second_proc_mount(
    second_proc: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "paper"
    folder.mkdir()
    (folder / "refs.bib").write_text(REFS, encoding="utf-8")
    naming = f"\\input{{{second_proc}/self/status}}\n\\cite{{Umask}}"
    (folder / "paper.tex").write_text(LATEX % naming, encoding="utf-8")
    monkeypatch.chdir(folder)
    main(["check", "--offline", "--format", "json", "--fail-on", "never", "paper.tex"])
    report = json.loads(capsys.readouterr().out)
    messages = "\n".join(str(f["message"]) for f in report["findings"])
    assert "kernel" in messages, messages
    assert "Tgid" not in json.dumps(report)


# -- the same class on any machine: a mount table written by the test ---------------


def _table(tmp_path: Path, device: int, point: Path, kind: str) -> Path:
    """A mount table of one line in /proc/self/mountinfo's form."""
    escaped = str(point).replace("\\", "\\134").replace(" ", "\\040")
    line = f"99 1 {os.major(device)}:{os.minor(device)} / {escaped} rw,nosuid - {kind} {kind} rw\n"
    table = tmp_path / "mountinfo"
    table.write_text(line, encoding="utf-8")
    return table


@pytest.mark.parametrize("kind", ["proc", "sysfs", "cgroup2", "debugfs", "fuse.lxcfs"])
def test_a_file_on_a_device_the_mount_table_calls_kernel_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    state = tmp_path / "state"
    state.mkdir()
    target = state / "environ"
    target.write_text("SECRET=1\n", encoding="utf-8")
    device = os.stat(target).st_dev
    monkeypatch.setattr(bounded_read, "_MOUNT_TABLE", str(_table(tmp_path, device, state, kind)))
    with pytest.raises(NotARegularFile) as refused:
        read_capped(target, 1 << 20)
    assert "kernel" in str(refused.value)


def test_a_name_walking_through_a_kernel_mount_point_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """By the mount point as well as the device: ``k/x`` with ``k -> <mount>`` walks the
    kernel's folder whatever file it ends at (``/proc/self/fd/N`` is a file on disk)."""
    point = tmp_path / "host proc"
    point.mkdir()
    (point / "x").write_text("SECRET=1\n", encoding="utf-8")
    (tmp_path / "k").symlink_to(point)
    unused = 0xFFFF_FFF0  # a device no file here is on: only the mount point tells
    table = _table(tmp_path, os.makedev(4095, unused & 0xFFFFF), point, "proc")
    monkeypatch.setattr(bounded_read, "_MOUNT_TABLE", str(table))
    for name in (point / "x", tmp_path / "k" / "x"):
        with pytest.raises(NotARegularFile):
            read_capped(name, 1 << 20)


@pytest.mark.parametrize("kind", ["ext4", "tmpfs", "overlay", "xfs", "nfs4"])
def test_an_ordinary_file_system_in_the_mount_table_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """The control: a disk, shared memory or an overlay holds the author's files."""
    target = tmp_path / "paper.tex"
    target.write_text("See \\cite{a}.\n", encoding="utf-8")
    table = _table(tmp_path, os.stat(target).st_dev, tmp_path, kind)
    monkeypatch.setattr(bounded_read, "_MOUNT_TABLE", str(table))
    assert read_capped(target, 1 << 20) == b"See \\cite{a}.\n"


def test_a_mount_table_that_cannot_be_read_keeps_the_fixed_places(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No table (macOS, the BSDs, a /proc not mounted): /proc, /sys and /dev/fd stand."""
    monkeypatch.setattr(bounded_read, "_MOUNT_TABLE", str(tmp_path / "absent"))
    target = tmp_path / "paper.tex"
    target.write_text("x\n", encoding="utf-8")
    assert read_capped(target, 1 << 20) == b"x\n"
    if os.path.exists("/proc/self/status"):
        with pytest.raises(NotARegularFile):
            read_capped("/proc/self/status", 1 << 20)


def test_a_huge_mount_table_is_read_to_a_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The table is the kernel's and small; one past the bound is read no further (the
    bytes read are counted), and the fixed places still stand."""
    table = tmp_path / "mountinfo"
    line = "1 1 0:1 / /x rw - ext4 ext4 rw\n"
    table.write_text(line * (bounded_read._MOST_MOUNT_BYTES // len(line) + 1000), encoding="utf-8")
    monkeypatch.setattr(bounded_read, "_MOUNT_TABLE", str(table))
    read: list[int] = []
    real_read = os.read

    def counting(fd: int, n: int) -> bytes:
        data = real_read(fd, n)
        read.append(len(data))
        return data

    monkeypatch.setattr(bounded_read.os, "read", counting)
    bounded_read._kernel_mounts()
    assert sum(read) <= bounded_read._MOST_MOUNT_BYTES + 1


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_a_forked_child_opens_a_table_of_its_own(tmp_path: Path) -> None:
    """A prefork worker's child must not share its parent's change notice (one would
    take the other's): it opens its own table at its first read, the parent's stays."""
    bounded_read._table_mounts()
    parent = bounded_read._table.descriptor
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports by its exit code
        bounded_read._table_mounts()
        own = bounded_read._table.pid == os.getpid() and bounded_read._table.descriptor
        os._exit(0 if own else 1)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    bounded_read._table_mounts()
    assert bounded_read._table.descriptor == parent  # still the parent's, still open
    if parent is not None:
        os.fstat(parent)
