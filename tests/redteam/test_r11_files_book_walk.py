"""A bookdown book's search for its chapters never walks the checkout's ``.git``.

bookdown without ``rmd_files`` builds every ``.Rmd`` of the book's folder, and with
``rmd_subdir: true`` of every folder under it. That walk listed the version-control
folder too -- which the confinement treats as outside the audit (the runner writes it,
a token included) -- and each ``.Rmd`` name found there came back in the report as a
refused chapter: a fork's ``_bookdown.yml`` of one line listed the runner's
``.git`` by file name. The walk now skips version-control folders (any case) as it
skips links, so nothing in them is listed, named or read.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from citeaudit.cli import main

HIDDEN = "release-candidate-qz8"
_listed: list[list[str]] = []


def _hook(event: str, args: tuple[Any, ...]) -> None:
    watched = event in ("os.scandir", "os.listdir", "open") and args
    if _listed and watched and isinstance(args[0], str | bytes | os.PathLike):
        _listed[-1].append(os.fsdecode(args[0]))


sys.addaudithook(_hook)  # hooks cannot be removed: it records only while watched


@contextmanager
def _watched() -> Iterator[list[str]]:
    names: list[str] = []
    _listed.append(names)
    try:
        yield names
    finally:
        _listed.remove(names)


@pytest.mark.parametrize("control", [".git", ".GIT", ".hg", ".svn"])
def test_a_whole_book_walk_skips_the_version_control_folder(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    control: str,
) -> None:
    repo = tmp_path / "repo"
    (repo / control / "refs" / "heads").mkdir(parents=True)
    (repo / control / "refs" / "heads" / f"{HIDDEN}.Rmd").write_text("x [@a]\n", "utf-8")
    (repo / "ch").mkdir()
    (repo / "ch" / "one.Rmd").write_text("Chapter one cites Okafor [@inside].\n", "utf-8")
    (repo / "index.Rmd").write_text(
        "---\nsite: bookdown::bookdown_site\nbibliography: refs.bib\n---\n\nOkafor [@inside].\n",
        "utf-8",
    )
    (repo / "_bookdown.yml").write_text("rmd_subdir: true\n", "utf-8")
    (repo / "refs.bib").write_text(
        "@article{inside, author={Okafor, N.}, title={Inside}, journal={J}, year={2018}}\n",
        "utf-8",
    )
    monkeypatch.chdir(repo)
    with _watched() as watched:
        main(["check", "--confine", str(repo), "index.Rmd", "--offline", "--format", "json"])
    shown = capsys.readouterr()
    assert HIDDEN not in shown.out + shown.err
    assert '"citations": 2' in shown.out  # the book's own chapter was read
    inside_control = [n for n in watched if control in Path(n).parts]
    assert inside_control == []
