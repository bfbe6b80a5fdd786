"""Red team: a project's build files that are second names (hard links) of files
outside the checkout were read under ``--confine``.

A Pandoc project's own build files -- ``_quarto.yml``, ``_bookdown.yml``,
``index.Rmd``, a ``Makefile``, a ``*.sh`` script -- are looked for beside the manuscript,
not named by it, and were opened whenever they were regular files that were not
symbolic links. A fork's checkout (an archive unpacked by the CI job, say) can hold a
hard link: ``_quarto.yml`` as a second name of ``/home/runner/notes.yml``. Its
``bibliography:`` and chapter names came back in the findings ("bibliography file
'QZ8...' not found") -- the runner's file, line by line. Every other file an audit
opens refuses a second name under confinement (`InputScope.admits`); the build files
now ask the audit's scope too. Without ``--confine`` the author's own hard-linked build
file is still read.

Made-up files only.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from citeaudit.cli import main

MARK = "QZ8BUILDLINK"
REFS = "@article{a, title={A}, author={Okafor, N.}, year={2000}, journal={J}}\n"


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[dict[str, Any], str]:
    """The JSON report, and everything the run wrote (report and messages)."""
    main(["check", "--offline", "--format", "json", "--fail-on", "never", *args])
    captured = capsys.readouterr()
    return json.loads(captured.out), captured.out + captured.err


def _linked(outside: Path, repo: Path, name: str, text: str) -> None:
    """`repo/name` as a second name of a file outside the checkout."""
    original = outside / f"original-{name.replace('/', '_')}"
    original.write_text(text, encoding="utf-8")
    try:
        os.link(original, repo / name)
    except OSError as exc:  # a file system without hard links
        pytest.skip(f"no hard links here: {exc}")


# (build file, its text naming the secret, the manuscript, its text)
BUILD_FILES = [
    ("_quarto.yml", f"bibliography: {MARK}.bib\n", "paper.md", "[@a]\n"),
    (
        "_quarto.yml",
        f"book:\n  chapters:\n    - paper.qmd\n    - {MARK}.qmd\nbibliography: refs.bib\n",
        "paper.qmd",
        "[@a]\n",
    ),
    ("_bookdown.yml", f"rmd_files: [paper.Rmd, {MARK}.Rmd]\n", "paper.Rmd", "[@a]\n"),
    ("Makefile", f"all:\n\tpandoc --bibliography={MARK}.bib paper.md\n", "paper.md", "[@a]\n"),
    ("build.sh", f"pandoc --bibliography {MARK}.bib paper.md\n", "paper.md", "[@a]\n"),
]


@pytest.mark.parametrize(("build", "text", "paper", "body"), BUILD_FILES)
def test_hard_linked_build_file_is_not_read_under_confine(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    build: str,
    text: str,
    paper: str,
    body: str,
) -> None:
    outside = tmp_path / "home"
    outside.mkdir()
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "refs.bib").write_text(REFS, encoding="utf-8")
    (repo / paper).write_text(body, encoding="utf-8")
    _linked(outside, repo, build, text)
    monkeypatch.chdir(repo)
    _, shown = _check(capsys, "--confine", ".", paper, "--bib", "refs.bib")
    assert MARK not in shown


def test_index_rmd_hard_link_does_not_decide_the_book(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An ``index.Rmd`` that is a second name of an outside file says nothing either:
    its ``site: bookdown::`` line would make the checkout's ``.Rmd`` files a book."""
    outside = tmp_path / "home"
    outside.mkdir()
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "refs.bib").write_text(REFS, encoding="utf-8")
    (repo / "paper.Rmd").write_text("[@a]\n", encoding="utf-8")
    (repo / f"{MARK}.Rmd").write_text("[@zz]\n", encoding="utf-8")
    _linked(outside, repo, "index.Rmd", "---\nsite: bookdown::bookdown_site\n---\n")
    monkeypatch.chdir(repo)
    _, shown = _check(capsys, "--confine", ".", "paper.Rmd", "--bib", "refs.bib")
    assert MARK not in shown and "zz" not in shown


def test_authors_own_hard_linked_build_file_is_still_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without ``--confine`` the files are the author's: a hard-linked ``_quarto.yml``
    still gives the bibliography."""
    outside = tmp_path / "shared"
    outside.mkdir()
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "refs.bib").write_text(REFS, encoding="utf-8")
    (repo / "paper.md").write_text("Okafor [@a].\n", encoding="utf-8")
    _linked(outside, repo, "_quarto.yml", "bibliography: refs.bib\n")
    monkeypatch.chdir(repo)
    report, _ = _check(capsys, "paper.md")
    codes = [f["code"] for f in report["findings"]]
    # [@a] is found in refs.bib, which only _quarto.yml names (unread: CIT002, no entry)
    assert "CIT002" not in codes
    assert not any("not found" in f["message"] for f in report["findings"])
