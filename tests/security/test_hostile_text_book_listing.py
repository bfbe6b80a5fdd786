"""A bookdown project's folder list costs one bounded listing, however often it is named.

Without ``rmd_files``, bookdown builds the .Rmd files of the book's folder and of each
``rmd_subdir`` folder. A hostile ``_bookdown.yml`` (1 MB allowed) may name the same
folder thousands of times, under many spellings (``ch``, ``./ch``, ``ch/``): each name
was listed again, up to 20,000 entries apiece, and each file found was checked against
the names kept so far one by one. The listing now has one budget of entries for the
whole book and each folder is listed once. A clock with a margin of a hundred: the
cost was file-system calls, which counted work does not see.
"""

from __future__ import annotations

import time
from pathlib import Path

from citeaudit.manuscript.project_config import read_project_config

_SPELLINGS = ("ch", "./ch", "ch/", "ch/.", "ch//")


def _book(tmp_path: Path, times: int) -> Path:
    (tmp_path / "index.Rmd").write_text("---\nsite: bookdown::bookdown_site\n---\n\n# Hi\n")
    chapters = tmp_path / "ch"
    chapters.mkdir()
    for i in range(200):
        (chapters / f"{i:03d}-part.Rmd").write_text(f"# Part {i}\n")
    names = ", ".join(_SPELLINGS[i % len(_SPELLINGS)] for i in range(times))
    (tmp_path / "_bookdown.yml").write_text(f"rmd_subdir: [{names}]\n")
    return tmp_path


def test_a_folder_named_thousands_of_times_is_listed_once(tmp_path: Path) -> None:
    folder = _book(tmp_path, 20_000)
    started = time.perf_counter()
    config = read_project_config(folder)
    assert time.perf_counter() - started < 3.0
    assert config is not None
    names = [n.name for n in config.chapters]
    assert names[0] == "index.Rmd"
    assert len(names) == len(set(names)) == 201
    assert names[1:] == sorted(str(Path("ch") / f"{i:03d}-part.Rmd") for i in range(200))


def test_a_book_folder_named_once_reads_as_before(tmp_path: Path) -> None:
    folder = _book(tmp_path, 1)
    config = read_project_config(folder)
    assert config is not None and len(config.chapters) == 201
