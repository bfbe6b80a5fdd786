"""A confined checkout's version-control folder is the runner's, never the manuscript's.

``--confine DIR`` is for CI on a fork's pull request: every file a manuscript names
must lie in the checkout. But the checkout's ``.git`` folder is written by the runner,
not by the fork: ``actions/checkout`` keeps its token in ``.git/config``
(``extraheader = AUTHORIZATION: basic ...``), GitLab puts the job token in the remote's
URL there. ``\\input{.git/config}`` inside a ``thebibliography`` made the token an
entry's text, printed in the JSON and HTML reports a CI job keeps as artifacts. A
name whose way passes through a version-control folder (``.git``, ``.hg``, ``.svn``,
``.bzr``, ``_darcs``), however it is spelled or linked to, is refused as a name
outside the checkout is; the author's own unconfined run is unchanged.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.cli import main
from citeaudit.input_scope import InputScope

TOKEN = "QZ8RUNNERTOKEN"
REFS = "@article{okafor, author={Okafor, N.}, title={Inside}, journal={J}, year={2018}}\n"


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / ".git" / "config").write_text(
        f'[http "https://example.org/"]\n\textraheader = AUTHORIZATION: basic {TOKEN}\n',
        encoding="utf-8",
    )
    (repo / ".hg").mkdir()
    (repo / ".hg" / "hgrc").write_text(f"[paths]\ndefault = https://u:{TOKEN}@h/\n")
    (repo / "refs.bib").write_text(REFS, encoding="utf-8")
    os.symlink(".git/config", repo / "notes.tex")  # a link into it, from inside
    os.symlink(".git", repo / "meta")
    return repo


def _latex() -> str:
    names = [".git/config", "./.git/config", "sub/../.git/config", "meta/config", "notes"]
    items = "".join(f"\\bibitem{{k{n}}} \\input{{{name}}}\n" for n, name in enumerate(names))
    return (
        "\\documentclass{article}\n\\begin{document}\nOkafor \\cite{okafor}.\n"
        "\\begin{thebibliography}{9}\n"
        "\\bibitem{okafor} Okafor, N. (2018). Inside. J, 1, 2.\n"
        f"{items}\\bibitem{{hg}} \\input{{.hg/hgrc}}\n"
        "\\end{thebibliography}\n\\end{document}\n"
    )


def _pandoc() -> str:
    return (
        "---\nbibliography: [refs.bib, .git/config, meta/config, .hg/hgrc]\n---\n\n"
        "Okafor showed it [@okafor].\n\n{{< include .git/config >}}\n"
    )


def test_a_confined_audit_reads_nothing_in_the_version_control_folder(checkout: Path) -> None:
    (checkout / "sub").mkdir()
    (checkout / "main.tex").write_text(_latex(), encoding="utf-8")
    (checkout / "paper.qmd").write_text(_pandoc(), encoding="utf-8")
    given = AuditInput.from_paths(
        [checkout / "main.tex", checkout / "paper.qmd", checkout / ".git" / "config"]
    )
    data = read_inputs(given, InputScope.confined_to(checkout))
    assert TOKEN not in repr(data)
    assert "okafor" in {r.key for r in data.references}  # the checkout's own is read
    scope = InputScope.confined_to(checkout)
    assert not scope.admits(checkout / ".git")
    assert not scope.admits(checkout / "meta" / "config")
    assert scope.admits(checkout / "refs.bib")


def test_the_confined_command_line_prints_no_runner_token(
    checkout: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (checkout / "main.tex").write_text(_latex(), encoding="utf-8")
    monkeypatch.chdir(checkout)
    for fmt in ("json", "html", "text"):
        main(["check", "--offline", "--confine", ".", "--format", fmt, "main.tex"])
        shown = capsys.readouterr()
        assert TOKEN not in shown.out + shown.err, fmt
    main(["check", "--offline", "--confine", ".", "--format", "json", "main.tex"])
    report = json.loads(capsys.readouterr().out)
    assert any(".git/config" in f["message"] for f in report["findings"])  # refused, said


def test_the_authors_own_run_still_follows_the_name(checkout: Path) -> None:
    """Unconfined (the author's machine) every name is followed, as before."""
    (checkout / "main.tex").write_text(_latex(), encoding="utf-8")
    data = read_inputs(AuditInput.from_paths([checkout / "main.tex"]), InputScope())
    assert TOKEN in repr(data)
