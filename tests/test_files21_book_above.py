"""Whose build file chooses a chapter's book: not one above its checkout, and the author's.

Class 1, any user: a chapter's book is looked for up to three folders above it, and a
folder there was trusted when it was the running user's. In a CI container every job
runs as root, so every folder is "the running user's": a shared builds volume
(GitLab's ``/builds/<group>``, a runner's work folder kept between jobs) held a
``_quarto.yml`` another job -- another project's, a fork's -- left above the
checkout, and it chose the chapters spliced into the audit and the bibliography
checked against. Ownership cannot tell those apart; where the project ends can: a
folder holding a version-control folder (``.git``...) is the top of the author's
checkout, and nothing above it is the project's. The walk now stops there (a ``.git``
*file* -- a submodule, whose superproject's book is the author's -- does not stop it).

Class 2, as root: the author of a manuscript is whoever owns its folder, not only the
user running. Run as root on a folder mounted from the host (owned by uid 1000), the
author's own book above their chapter was "another user's" and passed over.

Instances are real folders under ``tmp_path``; the ownership ones need root (to give
folders away) and are skipped otherwise.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citeaudit.manuscript.reading import read_manuscript_with_problems

AS_ROOT = hasattr(os, "getuid") and os.getuid() == 0
AUTHOR, STRANGER = 1000, 1001

BIB = "@article{ghost2021, title = {Planted}, author = {Ghost, Gus}, year = 2021}\n"
CHAPTER = "# Chapitre\n\nComme montré [@ghost2021], et ailleurs.\n"
OTHER = "# Other\n\nText the author never asked to audit [@ghost2021].\n"


def _book(folder: Path, chapter: str) -> Path:
    """A Quarto book in `folder` whose chapters are other.qmd and `chapter`."""
    (folder / "_quarto.yml").write_text(
        f"project:\n  type: book\nbook:\n  chapters:\n    - other.qmd\n    - {chapter}\n"
        "bibliography: planted.bib\n",
        encoding="utf-8",
    )
    (folder / "other.qmd").write_text(OTHER, encoding="utf-8")
    (folder / "planted.bib").write_text(BIB, encoding="utf-8")
    return folder / "_quarto.yml"


def _files(manuscript: Path) -> list[str]:
    document, _ = read_manuscript_with_problems(manuscript)
    return [Path(f).name for f in document.files]


@pytest.mark.parametrize("depth", [0, 1])
@pytest.mark.parametrize("kind", [".git", ".hg", ".jj"])
def test_a_book_above_the_checkout_is_not_read(tmp_path: Path, kind: str, depth: int) -> None:
    builds = tmp_path / "builds"
    checkout = builds / "project"
    own = checkout.joinpath(*["chapters"] * depth)
    own.mkdir(parents=True)
    (checkout / kind).mkdir()
    (own / "chapter.qmd").write_text(CHAPTER, encoding="utf-8")
    _book(builds, str((own / "chapter.qmd").relative_to(builds)))
    document, _ = read_manuscript_with_problems(own / "chapter.qmd")
    assert [Path(f).name for f in document.files] == ["chapter.qmd"]
    assert not any(Path(b).name == "planted.bib" for b in document.bibliography_files)


def test_the_book_at_the_checkout_top_is_read(tmp_path: Path) -> None:
    """The control: the author's book at the top of their checkout, chapters below."""
    checkout = tmp_path / "project"
    (checkout / "chapters").mkdir(parents=True)
    (checkout / ".git").mkdir()
    (checkout / "chapters" / "chapter.qmd").write_text(CHAPTER, encoding="utf-8")
    _book(checkout, "chapters/chapter.qmd")
    assert _files(checkout / "chapters" / "chapter.qmd") == ["other.qmd", "chapter.qmd"]


def test_a_submodule_chapter_still_finds_the_superprojects_book(tmp_path: Path) -> None:
    """The control: a submodule's ``.git`` is a file; its superproject is the author's."""
    top = tmp_path / "thesis"
    sub = top / "part"
    sub.mkdir(parents=True)
    (top / ".git").mkdir()
    (sub / ".git").write_text("gitdir: ../.git/modules/part\n", encoding="utf-8")
    (sub / "chapter.qmd").write_text(CHAPTER, encoding="utf-8")
    _book(top, "part/chapter.qmd")
    assert _files(sub / "chapter.qmd") == ["other.qmd", "chapter.qmd"]


def test_a_book_above_with_no_checkout_is_read_as_before(tmp_path: Path) -> None:
    """The control: no version control anywhere, the three levels are looked at."""
    book = tmp_path / "book"
    own = book / "a" / "b"
    own.mkdir(parents=True)
    (own / "chapter.qmd").write_text(CHAPTER, encoding="utf-8")
    _book(book, "a/b/chapter.qmd")
    assert _files(own / "chapter.qmd") == ["other.qmd", "chapter.qmd"]


def _owned(tmp_path: Path, book_owner: int, chapter_owner: int) -> Path:
    book = tmp_path / "mounted"
    own = book / "chapters"
    own.mkdir(parents=True)
    (own / "chapter.qmd").write_text(CHAPTER, encoding="utf-8")
    planted = _book(book, "chapters/chapter.qmd")
    for path in (book, planted, book / "other.qmd", book / "planted.bib"):
        os.chown(path, book_owner, -1)
    for path in (own, own / "chapter.qmd"):
        os.chown(path, chapter_owner, -1)
    return own / "chapter.qmd"


@pytest.mark.skipif(not AS_ROOT, reason="only root can give folders to another user")
def test_as_root_the_book_of_the_chapters_owner_is_read(tmp_path: Path) -> None:
    """A host folder mounted into a root container: book and chapter are uid 1000's."""
    assert _files(_owned(tmp_path, AUTHOR, AUTHOR)) == ["other.qmd", "chapter.qmd"]


@pytest.mark.skipif(not AS_ROOT, reason="only root can give folders to another user")
def test_as_root_a_book_of_someone_else_than_the_chapters_owner_is_not_read(
    tmp_path: Path,
) -> None:
    manuscript = _owned(tmp_path, STRANGER, AUTHOR)
    document, problems = read_manuscript_with_problems(manuscript)
    assert [Path(f).name for f in document.files] == ["chapter.qmd"]
    assert any("another user" in p.message for p in problems), problems
