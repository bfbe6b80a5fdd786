"""A name the confined command line writes is opened from the checkout's own descriptor.

``check --confine DIR -o report.json`` (and ``--write-baseline``, and ``fix``) judges
the names it will write before the audit runs; the write comes long after. A fork's
code running meanwhile (a build step, a watcher left behind) swaps ``report.json``, or
its folder ``out/``, for a link to the runner's file: a check followed by an open by
name wrote the report wherever the link pointed. `bounded_read.open_for_write` and
`replace_file` open each folder of the way with ``O_NOFOLLOW`` from the checkout's
descriptor, and the file's own name too, so the swap is refused by the open itself.
The swap is made here at the worst moment: right after the name was last judged.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from citeaudit import bounded_read
from citeaudit.bounded_read import (
    NotARegularFile,
    OutsideHeldFolder,
    fenced_to,
    open_for_write,
    replace_file,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX descriptor walks")

RUNNERS = b"the runner's own file\n"


@pytest.fixture
def world(tmp_path: Path) -> tuple[Path, Path]:
    """A checkout, and the runner's file outside it."""
    repo = tmp_path / "repo"
    (repo / "out").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "report.json"
    secret.write_bytes(RUNNERS)
    return repo, secret


def _swap_after_judging(
    monkeypatch: pytest.MonkeyPatch, when: Path, swap: Callable[[], None]
) -> list[bool]:
    """Make `swap` happen right after the real path of `when`, or of a name in it, is
    first asked (the last look a writer takes at the name before it opens it). Set
    once the fence is entered: its own look at the checkout is not the writer's."""
    real = os.path.realpath
    done: list[bool] = []

    def realpath(path: os.PathLike[str] | str, *args: object, **kwargs: object) -> str:
        answer: str = real(path, *args, **kwargs)  # type: ignore[arg-type]
        if not done and Path(os.path.abspath(path)).is_relative_to(when):
            done.append(True)
            swap()
        return answer

    monkeypatch.setattr(bounded_read.os.path, "realpath", realpath)
    return done


def _folder_to_link(folder: Path, target: Path) -> Callable[[], None]:
    def swap() -> None:
        folder.rename(folder.with_name(folder.name + ".old"))
        folder.symlink_to(target, target_is_directory=True)

    return swap


def _file_to_link(name: Path, target: Path) -> Callable[[], None]:
    def swap() -> None:
        name.unlink(missing_ok=True)
        name.symlink_to(target)

    return swap


def test_a_folder_swapped_for_a_link_after_it_was_judged_is_not_written_through(
    world: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, secret = world
    with fenced_to(repo), pytest.raises(OutsideHeldFolder):
        swapped = _swap_after_judging(
            monkeypatch, repo / "out", _folder_to_link(repo / "out", secret.parent)
        )
        open_for_write(repo / "out" / "report.json").close()
    assert swapped
    assert secret.read_bytes() == RUNNERS


def test_the_name_swapped_for_a_link_after_it_was_judged_is_not_written_through(
    world: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, secret = world
    report = repo / "report.json"
    report.write_text("{}", encoding="utf-8")
    with fenced_to(repo), pytest.raises(OutsideHeldFolder):
        swapped = _swap_after_judging(monkeypatch, repo, _file_to_link(report, secret))
        open_for_write(report).close()
    assert swapped
    assert secret.read_bytes() == RUNNERS


def test_a_dangling_link_at_the_name_creates_nothing_where_it_points(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    planted = tmp_path / "planted.sh"
    (repo / "report.json").symlink_to(planted)
    with fenced_to(repo), pytest.raises(OutsideHeldFolder) as refused:
        open_for_write(repo / "report.json").close()
    assert not planted.exists()
    assert refused.value.strerror.endswith("not written")  # the sentence the CLI shows


def test_a_second_name_of_the_runners_file_is_not_emptied(world: tuple[Path, Path]) -> None:
    repo, secret = world
    os.link(secret, repo / "report.json")
    with fenced_to(repo), pytest.raises(OutsideHeldFolder):
        open_for_write(repo / "report.json").close()
    assert secret.read_bytes() == RUNNERS


def test_a_pipe_at_the_name_is_refused_without_waiting(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    os.mkfifo(repo / "report.json")
    with fenced_to(repo), pytest.raises(NotARegularFile):
        open_for_write(repo / "report.json").close()


def test_fix_s_rename_into_a_folder_swapped_for_a_link_is_refused(
    world: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, secret = world
    paper = repo / "out" / "report.json"
    paper.write_bytes(b"old\n")
    with fenced_to(repo), pytest.raises(OutsideHeldFolder):
        swapped = _swap_after_judging(
            monkeypatch, repo / "out", _folder_to_link(repo / "out", secret.parent)
        )
        replace_file(paper, b"new\n", 0o644)
    assert swapped
    assert secret.read_bytes() == RUNNERS
    assert sorted(p.name for p in secret.parent.iterdir()) == ["report.json"]


def test_the_checkout_s_own_names_are_written(tmp_path: Path) -> None:
    """Nothing changed for an honest run: a report in the checkout, through its own
    link to its own folder or file, through the runner's link to the checkout, and
    outside it."""
    repo = tmp_path / "repo"
    (repo / "sub").mkdir(parents=True)
    (repo / "inner").symlink_to("sub", target_is_directory=True)
    (repo / "latest.json").symlink_to("sub/d.json")  # the checkout's own link to its file
    alias = tmp_path / "alias"
    alias.symlink_to(repo, target_is_directory=True)
    elsewhere = tmp_path / "runner.json"
    with fenced_to(repo):
        names = (repo / "a.json", repo / "inner" / "b.json", alias / "c.json", elsewhere)
        for name in (*names, repo / "latest.json"):
            with open_for_write(name) as stream:
                stream.write(b"longer text first\n")
            with open_for_write(name) as stream:  # emptied, then written
                stream.write(b"{}\n")
        replace_file(repo / "sub" / "b.json", b"fixed\n", 0o600)
        replace_file(elsewhere, b"fixed\n", 0o600)
    assert (repo / "a.json").read_bytes() == b"{}\n"
    assert (repo / "sub" / "c.json").exists() is False
    assert (repo / "c.json").read_bytes() == b"{}\n"
    assert (repo / "sub" / "b.json").read_bytes() == b"fixed\n"
    assert (repo / "sub" / "b.json").stat().st_mode & 0o777 == 0o600
    assert elsewhere.read_bytes() == b"fixed\n"
    assert (repo / "latest.json").is_symlink()  # written where it points, still a link
    assert (repo / "sub" / "d.json").read_bytes() == b"{}\n"
    assert sorted(p.name for p in (repo / "sub").iterdir()) == ["b.json", "d.json"]  # no .tmp
