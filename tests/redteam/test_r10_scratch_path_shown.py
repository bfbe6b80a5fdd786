"""An upload's report never shows where the server wrote it.

The service writes uploads to a scratch folder and rewrites ``<folder>/name`` to
``name`` in everything the audit records. A bookdown book without ``rmd_files`` lists
its chapters from the folder itself, and each chapter was recorded as named by the
*folder* (no file, no trailing separator): a problem about a chapter -- the input
past its cap on named files -- was located at ``/tmp/citeaudit-xxxxxxxx``, which the
rewrite did not match, and the server's temporary path reached the report. A chapter
bookdown finds by itself is now named by the file that made the folder a book
(``_bookdown.yml``, else ``index.Rmd``), as a chapter ``rmd_files`` lists is.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.input_scope import InputScope
from citeaudit.manuscript.project_config import read_project_config
from citeaudit.model.codec import to_data
from citeaudit.service.relocate import relocate


def test_a_listed_chapter_past_the_name_cap_does_not_show_the_scratch_folder(
    tmp_path: Path,
) -> None:
    """As the service reads an upload (`Scratch.relocated`), with a small cap on names
    (the service's is 2,000: the front matter names them all before the chapters)."""
    names = "".join(f"  - b{n}.bib\n" for n in range(3))
    (tmp_path / "index.Rmd").write_text(
        "---\nsite: bookdown::bookdown_site\nbibliography:\n" + names + "---\n\n"
        "# Intro\n\nOkafor showed it [@okafor].\n",
        encoding="utf-8",
    )
    (tmp_path / "two.Rmd").write_text("# Two\n\nRoe again [@roe].\n", encoding="utf-8")
    folder = Path(os.path.realpath(tmp_path))
    scope = InputScope.confined_to(folder, flat=True, max_names=3)
    data = read_inputs(AuditInput.from_paths([folder / "index.Rmd", folder / "two.Rmd"]), scope)
    shown = json.dumps(to_data(relocate(data, str(folder) + os.sep)))
    assert "chapter" in shown  # the chapter past the cap is said
    assert str(folder) not in shown


def test_a_chapter_bookdown_finds_is_named_by_the_file_that_makes_the_book(
    tmp_path: Path,
) -> None:
    (tmp_path / "index.Rmd").write_text(
        "---\nsite: bookdown::bookdown_site\n---\n# A\n", encoding="utf-8"
    )
    (tmp_path / "b.Rmd").write_text("# B\n", encoding="utf-8")
    config = read_project_config(tmp_path)
    assert config is not None
    assert {c.file for c in config.chapters} == {str(tmp_path / "index.Rmd")}
    (tmp_path / "_bookdown.yml").write_text("rmd_subdir: true\n", encoding="utf-8")
    config = read_project_config(tmp_path)
    assert config is not None
    assert {c.file for c in config.chapters} == {str(tmp_path / "_bookdown.yml")}
