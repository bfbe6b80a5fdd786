"""Red team rt34f: a fork's ``.hg`` that links out tells whether a runner's folder exists.

A chapter's book may be a few folders above it (`project_config.book_above`), but never
above the top of the manuscript's checkout -- the folder holding ``.git``, ``.hg``,
``.jj``... (`checkout_top`). That mark was asked with ``os.path.isdir``, which follows a
link. Git keeps a symbolic link named ``.hg`` like any other (only ``.git`` is its own
name), so a fork's ``sub/.hg -> /home/runner/.aws`` made ``sub`` the top of a checkout
exactly when the runner's folder existed: the book above (``_quarto.yml`` and its
``bibliography: refs.bib``) was then not read, and every citation of ``sub/paper.qmd``
came out "missing" in the fork's own CI log -- one answer per run about any folder of
the runner's (``~/.ssh``, ``~/.aws``, a tool cache, another job's workspace).

Now a mark is a folder of the checkout's own: a link of that name marks nothing,
whatever it leads to, and is never followed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from citeaudit.cli import main
from citeaudit.manuscript.project_config import checkout_top

REFS = "@article{inside, author={Okafor, N.}, title={T}, journal={J}, year={2018}}\n"


def _report(repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    monkeypatch.chdir(repo)
    capsys.readouterr()
    main(["check", "--offline", "--format", "json", "--fail-on", "never", "--confine", ".",
          "sub/paper.qmd"])  # fmt: skip
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("mark", [".hg", ".jj", "_darcs"])
def test_the_report_reads_the_same_whether_a_runners_folder_exists(
    mark: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo, runner = tmp_path / "repo", tmp_path / "runner"
    (repo / "sub").mkdir(parents=True)
    runner.mkdir()
    (repo / "_quarto.yml").write_text(
        "project:\n  type: book\nbook:\n  chapters: [sub/paper.qmd]\nbibliography: refs.bib\n",
        encoding="utf-8",
    )
    (repo / "refs.bib").write_text(REFS, encoding="utf-8")
    (repo / "sub" / "paper.qmd").write_text("---\ntitle: x\n---\nOkafor [@inside].\n")
    os.symlink(runner / "secretdir", repo / "sub" / mark)
    absent = _report(repo, monkeypatch, capsys)
    (runner / "secretdir").mkdir()
    present = _report(repo, monkeypatch, capsys)
    assert [r["key"] for r in absent["references"]] == ["inside"]  # the book's .bib read
    assert present["references"] == absent["references"]
    assert present["findings"] == absent["findings"]


def test_a_real_version_control_folder_still_marks_the_top(tmp_path: Path) -> None:
    (tmp_path / "top" / ".hg").mkdir(parents=True)
    (tmp_path / "bare").mkdir()
    assert checkout_top(tmp_path / "top")
    assert not checkout_top(tmp_path / "bare")
