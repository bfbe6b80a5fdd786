"""Pandoc projects read as they build: bookdown and Quarto books' chapters and
bibliography, a Makefile's ``--bibliography``; names outside the folder refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.input_scope import InputScope
from citeaudit.manuscript.project_config import read_project_config
from citeaudit.manuscript.reading import read_manuscript_with_problems

BIB = (
    "@book{xie2015, title = {Dynamic Documents}, author = {Xie, Yi}, year = 2015}\n"
    "@article{smith2020, title = {S}, author = {Smith, Ann}, year = 2020}\n"
    "@article{jones2019, title = {J}, author = {Jones, Bo}, year = 2019}\n"
)


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def rules_of(path: Path) -> list[str]:
    return [f.rule for f in audit(AuditInput.from_paths([path])).findings]


BOOKDOWN = {
    "index.Rmd": "---\ntitle: A Book\nbibliography: [book.bib]\n---\n\n# Preface\n\nOn @xie2015.\n",
    "01-intro.Rmd": "# Introduction\n\nAs shown [@smith2020; @jones2019].\n",
    "_bookdown.yml": 'book_filename: "book"\nrmd_files: ["index.Rmd", "01-intro.Rmd"]\n',
    "book.bib": BIB,
}


@pytest.mark.parametrize("manuscript", ["index.Rmd", "01-intro.Rmd"])
def test_bookdown_book_is_read_whole_with_index_bibliography(
    tmp_path: Path, manuscript: str
) -> None:
    write(tmp_path, BOOKDOWN)
    document, problems = read_manuscript_with_problems(tmp_path / manuscript)
    assert problems == []
    assert [Path(f).name for f in document.files] == ["index.Rmd", "01-intro.Rmd"]
    assert [Path(b).name for b in document.bibliography_files] == ["book.bib"]
    assert rules_of(tmp_path / manuscript) == []  # was: 2 uncited, or 2 missing


def test_bookdown_without_rmd_files_takes_the_folder_index_first(tmp_path: Path) -> None:
    files = dict(BOOKDOWN)
    files["_bookdown.yml"] = 'book_filename: "book"\n'
    files["_notes.Rmd"] = "Scratch [@nowhere].\n"  # bookdown leaves "_" files out
    write(tmp_path, files)
    config = read_project_config(tmp_path)
    assert config is not None
    assert [n.name for n in config.chapters] == ["index.Rmd", "01-intro.Rmd"]
    assert rules_of(tmp_path / "01-intro.Rmd") == []


QUARTO_YML = """project:
  type: book
book:
  title: "T"
  chapters:
    - index.qmd
    - part: "Part I"
      chapters:
        - chapters/intro.qmd
  appendices:
  - app.qmd
bibliography: references.bib   # the project's
format:
  html:
    theme: cosmo
"""


def test_quarto_book_chapters_and_bibliography(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "_quarto.yml": QUARTO_YML,
            "index.qmd": "# Preface {.unnumbered}\n\nSee @xie2015.\n",
            "chapters/intro.qmd": "# Intro\n\nAs in [@smith2020].\n",
            "app.qmd": "# Appendix\n\nAlso [@jones2019].\n",
            "references.bib": BIB,
        },
    )
    config = read_project_config(tmp_path)
    assert config is not None and config.kind == "quarto"
    assert [n.name for n in config.chapters] == ["index.qmd", "chapters/intro.qmd", "app.qmd"]
    assert [(n.name, n.line) for n in config.bibliographies] == [("references.bib", 12)]
    assert rules_of(tmp_path / "chapters" / "intro.qmd") == []
    assert rules_of(tmp_path / "index.qmd") == []


def test_quarto_bibliography_under_a_format_and_as_a_list(tmp_path: Path) -> None:
    yml = "format:\n  pdf:\n    bibliography:\n      - refs.bib\n      - more.bib\n"
    write(tmp_path, {"_quarto.yml": yml, "paper.qmd": "Text [@smith2020].\n", "refs.bib": BIB})
    write(tmp_path, {"more.bib": "@misc{other, title = {O}, year = 2001}\n"})
    document, problems = read_manuscript_with_problems(tmp_path / "paper.qmd")
    assert [Path(b).name for b in document.bibliography_files] == ["refs.bib", "more.bib"]
    assert problems == []


def test_own_front_matter_bibliography_wins_over_the_project(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "_quarto.yml": "bibliography: project.bib\n",
            "paper.qmd": "---\nbibliography: own.bib\n---\nText [@smith2020].\n",
            "own.bib": BIB,
        },
    )
    document, _ = read_manuscript_with_problems(tmp_path / "paper.qmd")
    assert [Path(b).name for b in document.bibliography_files] == ["own.bib"]


@pytest.mark.parametrize(
    "command",
    [
        "paper.pdf: paper.md\n\tpandoc paper.md --citeproc --bibliography=refs.bib -o $@\n",
        "all:\n\tpandoc -s --bibliography refs.bib paper.md -o paper.html\n",
    ],
)
def test_makefile_pandoc_bibliography(tmp_path: Path, command: str) -> None:
    write(tmp_path, {"Makefile": command, "paper.md": "Text [@smith2020].\n", "refs.bib": BIB})
    document, problems = read_manuscript_with_problems(tmp_path / "paper.md")
    assert [Path(b).name for b in document.bibliography_files] == ["refs.bib"]
    assert problems == []
    assert "missing-reference" not in rules_of(tmp_path / "paper.md")


def test_shell_script_variable_is_not_guessed(tmp_path: Path) -> None:
    write(tmp_path, {"build.sh": 'pandoc --bibliography="$BIB" paper.md\n', "paper.md": "x\n"})
    assert read_project_config(tmp_path) is None


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "link.bib", "../outside.bib"])
def test_names_outside_the_folder_are_refused_and_never_read(tmp_path: Path, name: str) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "outside.bib").write_text(BIB, encoding="utf-8")
    os.symlink(tmp_path / "outside.bib", project / "link.bib")
    write(
        project,
        {"_quarto.yml": f"bibliography: {name}\n", "paper.qmd": "Text [@smith2020].\n"},
    )
    for scope in (InputScope(), InputScope.confined_to(project)):
        document, problems = read_manuscript_with_problems(project / "paper.qmd", scope)
        assert document.bibliography_files == ()
        assert [(Path(p.file).name, p.line, p.unreadable) for p in problems] == [
            ("_quarto.yml", 1, True)
        ]
        assert "outside the audit's own files" in problems[0].message


def test_chapter_outside_the_folder_is_refused(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "secret.qmd").write_text("[@leaked]\n", encoding="utf-8")
    write(
        project,
        {
            "_quarto.yml": "book:\n  chapters:\n    - index.qmd\n    - ../secret.qmd\n",
            "index.qmd": "Text.\n",
        },
    )
    document, problems = read_manuscript_with_problems(project / "index.qmd")
    assert "leaked" not in document.text
    assert [(Path(p.file).name, p.line) for p in problems] == [("_quarto.yml", 4)]


def test_hostile_config_is_read_line_by_line(tmp_path: Path) -> None:
    # YAML anchors and aliases are never expanded; a huge list is capped.
    yml = "a: &x [" + ",".join(["*x"] * 50) + "]\nbook:\n  chapters:\n" + "    - c.qmd\n" * 50_000
    write(tmp_path, {"_quarto.yml": yml, "index.qmd": "Text.\n"})
    config = read_project_config(tmp_path)
    assert config is not None and [n.name for n in config.chapters] == ["c.qmd"]


def test_bookdown_rmd_subdir_chapters_from_index_or_a_chapter(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "index.Rmd": "---\nsite: bookdown::bookdown_site\nbibliography: book.bib\n---\n"
            "# Preface\n\nOn @xie2015.\n",
            "Rmd/01-intro.Rmd": "# Intro\n\nAs shown [@smith2020].\n",
            "Rmd/02-more.Rmd": "# More\n\nAnd [@jones2019].\n",
            "_bookdown.yml": 'rmd_subdir: "Rmd/"\n',
            "book.bib": BIB,
        },
    )
    for manuscript in ("index.Rmd", "Rmd/02-more.Rmd"):
        document, problems = read_manuscript_with_problems(tmp_path / manuscript)
        assert problems == []
        assert [Path(f).name for f in document.files] == [
            "index.Rmd",
            "01-intro.Rmd",
            "02-more.Rmd",
        ]
        assert rules_of(tmp_path / manuscript) == []
