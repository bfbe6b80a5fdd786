"""Red team rt34f: a fork's class or package file that links out tells whether a runner's
file exists.

``check --confine`` reads the checkout's own ``\\documentclass{thesis}`` and
``\\usepackage{mine}`` files for the bibliography they name (`latex._local_class_lines`),
and looked each one up -- ``Path.is_file``, which follows a link -- before asking the
audit's scope. A checkout's ``probe.sty -> /home/runner/.ssh/id_ed25519`` was refused
by the scope, silently, but only when the file it leads to exists: one name more was
drawn on the audit's budget of named files (`InputScope.max_names`, 2,000). With 1,999
other package names before it, the fork's ``\\bibliography{refs}`` was read when the
runner's file was absent and "not looked up" when it was there -- the report, printed
in the fork's own CI log, answered whether any file of the runner's exists (a key, a
token file, a credential helper's socket). Each look-up followed the link out as well:
a name under an automounted ``/net`` reached another host.

Now the candidate is judged by the scope before it is looked at: a link out is passed
over whatever it leads to, unlooked-at, as `InputScope.locate` passes over every
candidate it does not admit.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from citeaudit.cli import main

OTHERS = 1_999  # package names before the probe: one short of the budget with the .bib
REFS = "@article{a, author={Okafor, N.}, title={T}, journal={J}, year={2018}}\n"


def _checkout(root: Path, others: int) -> tuple[Path, Path]:
    """(the fork's checkout, the runner's folder beside it); ``probe.sty`` in the
    checkout links to ``secret`` in the runner's folder, which the test makes or not."""
    repo, runner = root / "repo", root / "runner"
    repo.mkdir()
    runner.mkdir()
    for i in range(others):
        (repo / f"p{i}.sty").touch()
    os.symlink(runner / "secret", repo / "probe.sty")
    packages = ",".join([*(f"p{i}" for i in range(others)), "probe"])
    (repo / "main.tex").write_text(
        f"\\documentclass{{article}}\n\\usepackage{{{packages}}}\n"
        "Okafor \\cite{a}.\n\\bibliography{refs}\n",
        encoding="utf-8",
    )
    (repo / "refs.bib").write_text(REFS, encoding="utf-8")
    return repo, runner


def _report(repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    monkeypatch.chdir(repo)
    capsys.readouterr()
    main(["check", "--offline", "--format", "json", "--fail-on", "never", "--confine", ".",
          "main.tex"])  # fmt: skip
    return json.loads(capsys.readouterr().out)


def test_the_report_reads_the_same_whether_a_runners_file_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo, runner = _checkout(tmp_path, OTHERS)
    absent = _report(repo, monkeypatch, capsys)
    (runner / "secret").write_text("ssh-ed25519 AAAA runner key\n", encoding="utf-8")
    present = _report(repo, monkeypatch, capsys)
    assert [r["key"] for r in absent["references"]] == ["a"]  # refs.bib was read
    assert present["findings"] == absent["findings"]
    assert present["references"] == absent["references"]


def test_a_class_file_linking_out_is_never_looked_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo, runner = _checkout(tmp_path, 0)
    (runner / "secret").write_text("token\n", encoding="utf-8")
    asked: list[str] = []

    def noting(original: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(path: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(path, str | os.PathLike) and kwargs.get("follow_symlinks", True):
                asked.append(os.fspath(path))
            return original(path, *args, **kwargs)

        return wrapper

    monkeypatch.setattr(os, "stat", noting(os.stat))  # what follows a link to its target
    report = _report(repo, monkeypatch, capsys)
    assert [r["key"] for r in report["references"]] == ["a"]
    assert [n for n in asked if n.endswith("probe.sty")] == []  # judged, never followed
    assert any(n.endswith("refs.bib") for n in asked)  # the look-ups were watched
