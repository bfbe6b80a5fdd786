"""Stale scratch folders of uploads (left by a worker killed mid-read) are swept at start:
only our own names, only real folders this user owns with mode 0700, only old ones.
Real folders on disk, aged with os.utime."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pytest

from citeaudit.service.inputs import read_files
from citeaudit.service.scratch_sweep import STALE_AFTER, sweep_stale_scratch
from citeaudit.store.views import StoredFile

OLD = time.time() - STALE_AFTER - 600


def _scratch(where: Path, name: str, *, age: float = OLD, mode: int = 0o700) -> Path:
    folder = where / name
    folder.mkdir()
    (folder / "paper.tex").write_text("a stranger's manuscript\n", encoding="utf-8")
    folder.chmod(mode)
    os.utime(folder, (age, age))
    return folder


def test_old_scratch_folders_go_and_everything_else_stays(tmp_path: Path) -> None:
    stale = _scratch(tmp_path, "citeaudit-ab12_x9z")
    stale_fix = _scratch(tmp_path, "citeaudit-fix-qq0_77aa")
    fresh = _scratch(tmp_path, "citeaudit-fresh123", age=time.time())
    other_name = _scratch(tmp_path, "someone-ab12_x9z")
    longer_name = _scratch(tmp_path, "citeaudit-cache-folder")  # not tempfile's shape
    shared = _scratch(tmp_path, "citeaudit-open0755", mode=0o755)
    a_file = tmp_path / "citeaudit-afile123"
    a_file.write_text("x", encoding="utf-8")
    os.utime(a_file, (OLD, OLD))
    assert sweep_stale_scratch(tmp_path) == 2
    assert not stale.exists() and not stale_fix.exists()
    for kept in (fresh, other_name, longer_name, shared, a_file):
        assert kept.exists(), kept


def test_a_link_with_our_name_is_not_followed(tmp_path: Path) -> None:
    """A symbolic link named like a scratch folder, pointing at an old folder of ours
    elsewhere: neither the link nor its target is removed."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = _scratch(elsewhere, "precious")
    sweep_root = tmp_path / "tmp"
    sweep_root.mkdir()
    link = sweep_root / "citeaudit-link1234"
    link.symlink_to(target, target_is_directory=True)
    assert sweep_stale_scratch(sweep_root) == 0
    assert link.is_symlink() and (target / "paper.tex").exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder to another user needs root")
def test_a_folder_of_another_user_stays(tmp_path: Path) -> None:
    theirs = _scratch(tmp_path, "citeaudit-theirs12")
    os.chown(theirs, 54321, 54321)
    os.utime(theirs, (OLD, OLD))
    assert sweep_stale_scratch(tmp_path) == 0
    assert theirs.exists()


def test_the_first_upload_a_process_writes_sweeps_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The API process in embedded mode has no start hook: its first scratch write sweeps."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    stale = _scratch(tmp_path, "citeaudit-killed12")
    upload = StoredFile(
        role="manuscript", name="paper.md", kind="markdown", size=11, content=b"Text [@a].\n"
    )
    read_files([upload])
    assert not stale.exists()
    assert [p.name for p in tmp_path.iterdir()] == []  # its own folder is gone too


def test_the_worker_sweeps_when_it_starts() -> None:
    from celery.signals import worker_init
    from workers import celery_app

    receivers = [ref() for _key, ref in worker_init.receivers]
    assert celery_app._sweep_scratch in receivers
