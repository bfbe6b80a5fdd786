"""Red team: a name that steps out of the audit's folder and back in told whether a
folder outside exists.

The scope judged a name by where it ends (after ``..`` and links), but the system opens
it step by step: ``\\input{../probe/../repo/x}`` -- or ``link/../repo/x`` with ``link
-> /srv/probe``, or a link whose target is ``/srv/probe/../../repo/x`` -- ends inside,
so it was admitted, and the file was read when ``probe`` is a folder outside and "not
found" when it is not. Under ``check --confine`` a CI job's checkout path is known, so
a fork's manuscript could test, name by name, which folders the runner holds (and the
service's scratch folder is no different once its name is known). A refusal must read
the same whether anything outside exists or not: a name whose walk leaves the folder,
at any step -- its own ``..``, a link's target, a ``..`` inside that target -- is now
refused, wherever it ends. Links that stay inside, an absolute link to the folder's own
files and ``sub/../x`` inside are still followed.

Made-up files only.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citeaudit.input_scope import InputScope

REFUSED = "outside the audit's own files"


def _world(tmp_path: Path, probe_exists: bool) -> Path:
    """<tmp>/srv (outside; holds probe/ or not) and <tmp>/repo (the audit's folder)."""
    srv = tmp_path / "srv"
    srv.mkdir()
    if probe_exists:
        (srv / "probe").mkdir()
    repo = tmp_path / "repo"
    (repo / "sub").mkdir(parents=True)
    (repo / "x.tex").write_text("Inside.\n", encoding="utf-8")
    return repo


def _answer(repo: Path, target: str) -> Path | str | None:
    scope = InputScope.confined_to(repo)
    return scope.locate("included file", target, [repo / target])


def _names(repo: Path) -> list[str]:
    """Names that leave `repo` through <tmp>/srv/probe and come back to x.tex."""
    srv = repo.parent / "srv"
    os.symlink(srv / "probe", repo / "abs-link")
    os.symlink(Path("..") / "srv" / "probe", repo / "rel-link")
    os.symlink(srv / "probe" / ".." / ".." / "repo" / "x.tex", repo / "through-abs")
    os.symlink(Path("..") / "srv" / "probe" / ".." / ".." / "repo" / "x.tex", repo / "through-rel")
    os.symlink(Path("..") / "repo" / "x.tex", repo / "out-and-back")
    return [
        "../srv/probe/../../repo/x.tex",
        "sub/../../srv/probe/../../repo/x.tex",
        "abs-link/../../repo/x.tex",
        "rel-link/../../repo/x.tex",
        "through-abs",
        "through-rel",
        "out-and-back",
    ]


@pytest.mark.parametrize("probe_exists", [True, False])
def test_a_name_that_leaves_the_folder_is_refused_whatever_lies_outside(
    tmp_path: Path, probe_exists: bool
) -> None:
    repo = _world(tmp_path, probe_exists)
    for target in _names(repo):
        found = _answer(repo, target)
        assert isinstance(found, str) and REFUSED in found, (target, found)


def test_the_answer_is_the_same_whether_the_folder_outside_exists(tmp_path: Path) -> None:
    answers = []
    for probe_exists in (True, False):
        world = tmp_path / str(probe_exists)
        world.mkdir()
        repo = _world(world, probe_exists)
        answers.append([_answer(repo, target) for target in _names(repo)])
    assert answers[0] == answers[1]


def test_names_that_stay_inside_are_still_followed(tmp_path: Path) -> None:
    repo = _world(tmp_path, probe_exists=True)
    os.symlink("sub", repo / "inner")
    (repo / "sub" / "y.tex").write_text("Inner.\n", encoding="utf-8")
    os.symlink(repo / "sub" / "y.tex", repo / "abs-inside.tex")
    os.symlink(Path("..") / "x.tex", repo / "sub" / "up.tex")
    for target, expected in [
        ("sub/../x.tex", repo / "sub" / ".." / "x.tex"),
        ("inner/y.tex", repo / "inner" / "y.tex"),
        ("inner/../x.tex", repo / "inner" / ".." / "x.tex"),
        ("abs-inside.tex", repo / "abs-inside.tex"),
        ("sub/up.tex", repo / "sub" / "up.tex"),
    ]:
        assert _answer(repo, target) == expected, target


def test_a_loop_of_links_is_refused_not_followed_for_ever(tmp_path: Path) -> None:
    repo = _world(tmp_path, probe_exists=False)
    os.symlink("b", repo / "a")
    os.symlink("a", repo / "b")
    found = _answer(repo, "a/x.tex")
    assert isinstance(found, str)
    assert InputScope.confined_to(repo).admits(repo / "a" / "x.tex") is False
