"""Red team rt35f: a fork's link named as a file the run looks for answers alike whatever
it leads to.

``check --confine .`` looks for files nobody named: a book's build files
(``_quarto.yml``, ``_bookdown.yml``, ``index.Rmd``, Makefiles, ``*.sh``), LaTeX's
compiled list beside the manuscript (``main.bbl``), the configuration
(``citeaudit.toml``, ``pyproject.toml``), the baseline, the version-control marks that
end the book search (``.git``, ``.hg``, ``_darcs``), a ``latexmkrc`` or ``texmf.cnf``.
A fork's checkout may hold any of them as a symbolic link to a runner's file. The run
must answer the same -- exit status, report, what it prints -- whether the runner's
file is there, is a folder, or is absent: any difference tells the fork, in its own CI
log, whether a runner's path exists (rt34f found two such answers; these names were
not tried). Each name is tried with the manuscript Markdown and LaTeX (and a build file's or a
checkout mark's with a chapter in a folder below), a few through a chain of two links.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citeaudit.cli import main

NAMES = (
    "_quarto.yml", "_quarto.yaml", "_bookdown.yml", "_output.yml", "_metadata.yml",
    "index.Rmd", "Makefile", "GNUmakefile", "build.sh", "main.bbl", "paper.bbl",
    "citeaudit.toml", "pyproject.toml", "citeaudit-baseline.json", ".git", ".hg",
    "_darcs", "latexmkrc", ".latexmkrc", "texmf.cnf", "cache", "links.sqlite3",
    "references.bib", "main.aux", "main.bcf",
)  # fmt: skip
REFS = "@article{inside, author={Okafor, N.}, title={Inside}, journal={J}, year={2018}}\n"


def _checkout(root: Path, name: str, chain: bool) -> tuple[Path, Path]:
    """(the fork's checkout, the runner's path its link named `name` leads to)."""
    repo, runner = root / "repo", root / "runner"  # the runner's folder beside the checkout
    repo.mkdir()
    runner.mkdir()
    if name != ".git":
        (repo / ".git").mkdir()
    (repo / "refs.bib").write_text(REFS, encoding="utf-8")
    (repo / "paper.md").write_text(
        "---\nbibliography: refs.bib\n---\n\n# Intro\n\nOkafor [@inside].\n", encoding="utf-8"
    )
    (repo / "ch").mkdir()  # a chapter below: the build files are looked for above it
    (repo / "ch" / "c1.md").write_text("# One\n\nOkafor [@inside].\n", encoding="utf-8")
    (repo / "main.tex").write_text(
        "\\documentclass{article}\n\\begin{document}\nOkafor \\cite{inside}.\n"
        "\\bibliography{refs}\n\\end{document}\n",
        encoding="utf-8",
    )
    if chain:
        os.symlink("../runner/t", repo / "hop")
        os.symlink("hop", repo / name)
    else:
        os.symlink("../runner/t", repo / name)
    return repo, runner / "t"


# What a runner's file would hold to change the run, were it read (by the link's suffix).
_CONTENT = {
    ".yml": "bibliography: secret.bib\nbook:\n  chapters: [secret.md]\n",
    ".yaml": "bibliography: secret.bib\nbook:\n  chapters: [secret.md]\n",
    ".Rmd": "---\nbibliography: secret.bib\n---\n\n[@stolen]\n",
    ".toml": 'select = ["CIT002"]\n[tool.citeaudit]\n',
    ".bbl": "\\begin{thebibliography}{1}\n\\bibitem{stolen} S. Stolen. 2000.\n"
    "\\end{thebibliography}\n",
    ".bib": "@misc{stolen, title={S}, year=2000}\n",
}
_OTHER = "pandoc --bibliography=secret.bib paper.md\n"


def _make(target: Path, kind: str, name: str) -> None:
    if kind == "file":
        target.write_text(_CONTENT.get(Path(name).suffix, _OTHER), encoding="utf-8")
    elif kind == "folder":
        target.mkdir()
        (target / "secret.bib").write_text(_CONTENT[".bib"], encoding="utf-8")


def _answer(
    repo: Path,
    manuscript: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> tuple[object, str, str]:
    monkeypatch.chdir(repo)
    capsys.readouterr()
    code = main(["check", "--offline", "--confine", ".", "--format", "json", "--fail-on",
                 "never", manuscript])  # fmt: skip
    out, err = capsys.readouterr()
    return code, out, err


CHAINED = ("_quarto.yml", "main.bbl", "citeaudit.toml", ".git")  # through a second link too
BOOK = ("_quarto.yml", "_bookdown.yml", "index.Rmd", "Makefile", ".git", ".hg")  # above a chapter
CASES = [(name, False) for name in NAMES] + [(name, True) for name in CHAINED]


@pytest.mark.parametrize(("name", "chain"), CASES, ids=[f"{n}-{c}" for n, c in CASES])
def test_a_link_named_as_a_looked_for_file_answers_alike(
    name: str,
    chain: bool,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for manuscript in ("paper.md", "main.tex", *(("ch/c1.md",) if name in BOOK else ())):
        answers = []
        for kind in ("absent", "file", "folder"):
            root = tmp_path / f"{manuscript.replace('/', '-')}-{kind}"
            root.mkdir()
            repo, target = _checkout(root, name, chain)
            _make(target, kind, name)
            code, out, err = _answer(repo, manuscript, monkeypatch, capsys)
            answers.append(
                (code, out.replace(str(root), "<root>"), err.replace(str(root), "<root>"))
            )
        assert "stolen" not in answers[1][1] + answers[2][1]
        assert answers[1] == answers[0], f"{name} ({manuscript}): a file there answers otherwise"
        assert answers[2] == answers[0], f"{name} ({manuscript}): a folder there answers otherwise"
