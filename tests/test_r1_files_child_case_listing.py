"""Red team r1: a knitr child or Quarto include named in another case than its file
lists no folder outside a confined checkout, and its refusal tells nothing of it.

A child named in another case (``rmd/intro.rmd`` for ``rmd/intro.Rmd``) is looked for
as the one entry of its folder of that name -- a listing of the folder. Through a link
the checkout holds (``l -> ../outside``), that folder was the runner's: ``check
--confine .`` listed it, and the refusal then named the child in the case the runner's
folder holds it (``l/secret.md`` for ``l/secret.MD``), so a fork's pull request learnt
which files the runner's folder holds, one guess a line. A Python audit hook records
every folder listing and open while the confined command runs.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.in_process_cli import run_cli

MARK = "QZR1CHILDCASE"
REFS = "@article{a, title={A}, author={X, Y}, year={2000}, journal={J}}\n"
_seen: list[list[str]] = []


def _hook(event: str, args: tuple[Any, ...]) -> None:
    named = bool(args) and isinstance(args[0], str | bytes | os.PathLike)
    if _seen and named and event in ("open", "os.scandir", "os.listdir"):
        _seen[-1].append(os.path.realpath(os.fsdecode(args[0])))  # from the run's folder


sys.addaudithook(_hook)  # hooks cannot be removed: it records only while a test watches


@pytest.mark.parametrize(
    ("manuscript", "text"),
    [
        ("paper.qmd", "{{< include l/secret.MD >}}\n"),
        ("paper.Rmd", "```{r child='l/SECRET.md'}\n```\n"),
        ("paper.Rmd", "```{r}\n#| child: l/Secret.Md\n```\n"),
    ],
)
def test_a_child_in_another_case_lists_nothing_outside(
    tmp_path: Path, manuscript: str, text: str
) -> None:
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    repo.mkdir()
    outside.mkdir()
    (outside / "secret.md").write_text(f"{MARK} [@stolen]\n", encoding="utf-8")
    (repo / "refs.bib").write_text(REFS, encoding="utf-8")
    (repo / "l").symlink_to(Path("..") / "outside")
    (repo / manuscript).write_text(
        f"---\nbibliography: refs.bib\n---\n\nSee [@a].\n\n{text}", encoding="utf-8"
    )
    seen: list[str] = []
    _seen.append(seen)
    try:
        ran = run_cli(
            {},
            "check", "--offline", "--format", "json", "--fail-on", "never",
            "--confine", ".", manuscript,
            cwd=repo,
        )  # fmt: skip
    finally:
        _seen.remove(seen)
    assert MARK not in ran.stdout + ran.stderr
    reached = [n for n in seen if os.path.realpath(n).startswith(str(outside))]
    assert not reached, reached
    report = json.loads(ran.stdout)
    messages = [str(f["message"]) for f in report["findings"]]
    refused = [m for m in messages if "child document" in m]
    assert refused and all("outside the audit's own files" in m for m in refused), messages
    # named as the manuscript wrote it, never in the case the runner's folder holds it
    assert not any("l/secret.md'" in m for m in refused), refused
    assert [r["key"] for r in report["references"]] == ["a"]
