"""A build file someone else may have put above a manuscript does not choose what is audited.

Class: a chapter's book is looked for up to three folders above it (`_quarto.yml`,
`_quarto.yaml`, `_bookdown.yml`). Any such file was taken, wherever it lay: one
planted in a shared folder -- ``/tmp`` (sticky and world-writable), a drop folder
anyone may write to, a folder of another user -- named the chapters spliced into the
audit and the bibliography it was checked against, so a stranger decided what was
audited (citations "resolved" by a planted bibliography, text of other files read
in as chapters). As git's ``safe.directory`` does, a folder above the manuscript's
own is now trusted only if it is the running user's and neither world-writable nor
sticky, and its build file the user's and not world-writable; otherwise the build
file is passed over and named in an input problem with the reason. The
manuscript's own folder is the author's choice and is read as before.

Instances, with real folders under ``tmp_path``: Quarto and bookdown build files,
one and two levels up, in a world-writable folder, a sticky one (with and without
world-write), a folder of another user and a build file of another user (as root,
which can give files away), a world-writable build file in a trusted folder; and the
controls -- a trusted folder above, a world-writable manuscript folder of its own.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citeaudit.input_scope import InputScope
from citeaudit.manuscript.project_config import book_above, distrust
from citeaudit.manuscript.reading import InputProblem, read_manuscript_with_problems

OTHER_UID = 65534  # "nobody"
AS_ROOT = hasattr(os, "getuid") and os.getuid() == 0

PLANTED_BIB = "@article{ghost2021, title = {Planted}, author = {Ghost, Gus}, year = 2021}\n"
CHAPTER = "# Chapitre\n\nComme montré [@ghost2021], et ailleurs.\n"
OTHER_CHAPTER = "# Other\n\nText the author never asked to audit [@ghost2021].\n"


def _quarto(chapter: str) -> str:
    return (
        "project:\n  type: book\nbook:\n  chapters:\n"
        f"    - other.qmd\n    - {chapter}\nbibliography: planted.bib\n"
    )


def _bookdown(chapter: str) -> str:
    return f'rmd_files: ["other.Rmd", "{chapter}"]\n'


def _plant(shared: Path, kind: str, chapter: str) -> Path:
    """A book in `shared` that claims `chapter` (a path below it) as one of its own."""
    if kind == "quarto":
        (shared / "_quarto.yml").write_text(_quarto(chapter), encoding="utf-8")
        (shared / "other.qmd").write_text(OTHER_CHAPTER, encoding="utf-8")
        (shared / "planted.bib").write_text(PLANTED_BIB, encoding="utf-8")
        return shared / "_quarto.yml"
    (shared / "_bookdown.yml").write_text(_bookdown(chapter), encoding="utf-8")
    (shared / "other.Rmd").write_text(
        "---\nbibliography: planted.bib\n---\n" + OTHER_CHAPTER, encoding="utf-8"
    )
    (shared / "planted.bib").write_text(PLANTED_BIB, encoding="utf-8")
    return shared / "_bookdown.yml"


def _layout(tmp_path: Path, kind: str, depth: int) -> tuple[Path, Path, Path]:
    """(shared folder, manuscript, planted build file): the manuscript `depth`
    folders below the shared one."""
    shared = tmp_path / "shared"
    own = shared.joinpath(*[f"level{i}" for i in range(depth)])
    own.mkdir(parents=True)
    suffix = ".qmd" if kind == "quarto" else ".Rmd"
    manuscript = own / f"chapter{suffix}"
    manuscript.write_text(CHAPTER, encoding="utf-8")
    chapter = str(manuscript.relative_to(shared))
    return shared, manuscript, _plant(shared, kind, chapter)


def _ignored(manuscript: Path, planted: Path, why: str) -> list[InputProblem]:
    """The planted book was not read, and the problems say which file and why."""
    document, problems = read_manuscript_with_problems(manuscript)
    assert [Path(f).name for f in document.files] == [manuscript.name]
    assert not any(Path(b).name == "planted.bib" for b in document.bibliography_files)
    said = [p for p in problems if Path(p.file) == planted]
    assert said, problems
    assert all("not read" in p.message and why in p.message for p in said), said
    return said


SHAPES = [("quarto", 1), ("quarto", 2), ("bookdown", 1), ("bookdown", 3)]


@pytest.mark.parametrize(("kind", "depth"), SHAPES)
def test_a_build_file_in_a_world_writable_folder_is_ignored(
    tmp_path: Path, kind: str, depth: int
) -> None:
    shared, manuscript, planted = _layout(tmp_path, kind, depth)
    shared.chmod(0o777)
    _ignored(manuscript, planted, "world-writable")


@pytest.mark.parametrize("mode", [0o1777, 0o1755])
@pytest.mark.parametrize(("kind", "depth"), SHAPES)
def test_a_build_file_in_a_sticky_folder_is_ignored(
    tmp_path: Path, kind: str, depth: int, mode: int
) -> None:
    shared, manuscript, planted = _layout(tmp_path, kind, depth)
    shared.chmod(mode)
    _ignored(manuscript, planted, "sticky")


@pytest.mark.skipif(not AS_ROOT, reason="only root can give a folder to another user")
@pytest.mark.parametrize(("kind", "depth"), SHAPES)
def test_a_build_file_in_another_users_folder_is_ignored(
    tmp_path: Path, kind: str, depth: int
) -> None:
    shared, manuscript, planted = _layout(tmp_path, kind, depth)
    os.chown(shared, OTHER_UID, -1)
    _ignored(manuscript, planted, "another user")


@pytest.mark.skipif(not AS_ROOT, reason="only root can give a file to another user")
@pytest.mark.parametrize("kind", ["quarto", "bookdown"])
def test_a_build_file_of_another_user_is_ignored(tmp_path: Path, kind: str) -> None:
    _, manuscript, planted = _layout(tmp_path, kind, 1)
    os.chown(planted, OTHER_UID, -1)
    _ignored(manuscript, planted, "another user")


@pytest.mark.parametrize("kind", ["quarto", "bookdown"])
def test_a_world_writable_build_file_is_ignored(tmp_path: Path, kind: str) -> None:
    _, manuscript, planted = _layout(tmp_path, kind, 2)
    planted.chmod(0o666)
    _ignored(manuscript, planted, "world-writable")


@pytest.mark.parametrize(("kind", "depth"), SHAPES)
def test_a_trusted_book_above_is_still_read(tmp_path: Path, kind: str, depth: int) -> None:
    """The control: the author's own book folder (0755, theirs) is read whole."""
    shared, manuscript, _ = _layout(tmp_path, kind, depth)
    shared.chmod(0o755)
    document, problems = read_manuscript_with_problems(manuscript)
    assert [Path(f).name for f in document.files] == [f"other{manuscript.suffix}", manuscript.name]
    assert not any("build file not read" in p.message for p in problems)
    assert distrust(shared) is None


def test_the_manuscripts_own_folder_is_read_even_if_shared(tmp_path: Path) -> None:
    """The manuscript's own folder is the author's choice: its book is read."""
    own = tmp_path / "drop"
    own.mkdir()
    (own / "chapter.qmd").write_text(CHAPTER, encoding="utf-8")
    _plant(own, "quarto", "chapter.qmd")
    own.chmod(0o1777)
    document, problems = read_manuscript_with_problems(own / "chapter.qmd")
    assert [Path(f).name for f in document.files] == ["other.qmd", "chapter.qmd"]
    assert [Path(b).name for b in document.bibliography_files] == ["planted.bib"]
    assert not any("build file not read" in p.message for p in problems)


def test_a_trusted_book_above_a_distrusted_folder_is_found(tmp_path: Path) -> None:
    """Passing over a shared folder does not stop the search: the author's book two
    levels up, above a world-writable folder holding a planted file, is the one read."""
    book = tmp_path / "book"
    shared = book / "shared"
    own = shared / "mine"
    own.mkdir(parents=True)
    (own / "chapter.qmd").write_text(CHAPTER, encoding="utf-8")
    _plant(shared, "quarto", "mine/chapter.qmd")
    (book / "_quarto.yml").write_text(
        "book:\n  chapters:\n    - shared/mine/chapter.qmd\n", encoding="utf-8"
    )
    shared.chmod(0o777)
    problems: list[InputProblem] = []
    found = book_above(own, InputScope(), problems)
    assert found is not None and found[0] == book.resolve()
    assert [n.name for n in found[1].chapters] == ["shared/mine/chapter.qmd"]
    assert [Path(p.file).name for p in problems] == ["_quarto.yml"]
    assert "world-writable" in problems[0].message
