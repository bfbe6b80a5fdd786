"""A Windows directory junction in a confined checkout is a way out, as a link is.

Python's `os.lstat` gives a junction (a reparse point naming another folder) the mode
of a folder, not of a symbolic link, and tells it only by its ``st_reparse_tag``. The
confined scope walks a name part by part (`input_scope._resolved`) and took a junction
for a folder of the checkout's own, so ``junction/secret.bib`` was judged inside while
Windows opened the file wherever the junction points. Linux has no junctions: the test
gives one folder the reparse tag a junction has, as Python on Windows reports it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from citeaudit.input_scope import InputScope

MOUNT_POINT = 0xA0000003  # IO_REPARSE_TAG_MOUNT_POINT: a directory junction
APPEXEC_LINK = 0x8000001B  # a reparse point that names no other path (an app alias)
REFS = "@article{okafor, author={Okafor, N.}, title={Inside}, journal={J}, year={2018}}\n"


class _Status:
    """An `os.stat_result` with the reparse tag Windows reports."""

    def __init__(self, real: os.stat_result, tag: int) -> None:
        self._real = real
        self.st_reparse_tag = tag

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def _tagged(monkeypatch: pytest.MonkeyPatch, folder: Path, tag: int) -> None:
    real_lstat = os.lstat

    def lstat(path: Any, *args: Any, **kwargs: Any) -> Any:
        status = real_lstat(path, *args, **kwargs)
        return _Status(status, tag) if os.fspath(path) == str(folder) else status

    monkeypatch.setattr(os, "lstat", lstat)


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    root = Path(os.path.realpath(tmp_path)) / "repo"
    (root / "junction").mkdir(parents=True)
    (root / "junction" / "secret.bib").write_text(REFS, encoding="utf-8")
    (root / "chapters").mkdir()
    (root / "chapters" / "refs.bib").write_text(REFS, encoding="utf-8")
    return root


def test_a_junction_inside_a_confined_checkout_is_refused(
    checkout: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tagged(monkeypatch, checkout / "junction", MOUNT_POINT)
    scope = InputScope.confined_to(checkout)
    assert not scope.admits(checkout / "junction" / "secret.bib")
    assert not scope.admits(checkout / "chapters" / ".." / "junction" / "secret.bib")
    assert scope.first_outside(checkout) is not None
    found = scope.locate(
        "bibliography file", "junction/secret.bib", [checkout / "junction/secret.bib"]
    )
    assert isinstance(found, str) and "outside the audit's own files" in found
    assert scope.admits(checkout / "chapters" / "refs.bib")  # its own folders still read


def test_a_reparse_point_that_names_no_path_is_a_folder_as_before(
    checkout: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tagged(monkeypatch, checkout / "junction", APPEXEC_LINK)
    assert InputScope.confined_to(checkout).admits(checkout / "junction" / "secret.bib")


def test_the_authors_own_run_follows_a_junction(
    checkout: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tagged(monkeypatch, checkout / "junction", MOUNT_POINT)
    assert InputScope().admits(checkout / "junction" / "secret.bib")
