"""Red team, round 14: names a fork's checkout gives that earlier rounds did not try,
through ``citeaudit check --confine .`` -- none reads anything outside the checkout.

Each manuscript (or build file beside it) names a runner's file outside the checkout,
directly, through ``..`` or through a link ``l -> ../outside`` the checkout holds:
quoted and padded LaTeX names, ``\\nobibliography``/``\\putbib``/``\\bibliography*``,
an alias of ``\\input`` made by ``\\let`` or ``\\csname``, an inclusion macro whose
argument climbs out, knitr's ``here::here("..", ...)``, Quarto's ``metadata-files``,
a ``child`` chunk and an include shortcode through the link, an ``_output.yml``, a
Makefile or script's ``pandoc --bibliography`` through the link, a ``_bookdown.yml``
listing chapters through the link, and a ``citeaudit.toml`` naming bibliographies out.
The runner's files hold a mark; it must never be shown, no file outside may be opened
(a Python audit hook sees every open), and the checkout's own files are still audited.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from citeaudit.cli import main

MARK = "QZ14CLINAMINGS"
REFS = "@article{a, title={A}, author={X, Y}, year={2000}, journal={J}}\n"
SECRETS = {
    "secret.tex": f"{MARK} \\cite{{stolen}}\n",
    "secret.bib": f"@misc{{stolen, title={{{MARK}}}, author={{Hidden, A.}}, year={{2001}}}}\n",
    "secret.md": f"{MARK} [@stolen]\n",
    "secret.Rmd": f"{MARK} [@stolen]\n",
    "secret.qmd": f"{MARK} [@stolen]\n",
    "secret.yaml": f"references:\n- id: stolen\n  title: {MARK}\n",
}
LATEX = "\\documentclass{article}\\begin{document}\nSee \\cite{a}.\n%s\n\\bibliography{refs}\n"
LATEX_NAMINGS = [
    '\\input{"../outside/secret"}',
    "\\input{ ../outside/secret }",
    "\\input{l/secret}",
    "\\input{./l/../l/secret.tex}",
    "\\include{l/secret}",
    "\\subimport*{l/}{secret}",
    "\\includefrom{../outside/}{secret}",
    "\\nobibliography{l/secret}",
    "\\bibliography*{../outside/secret}",
    "\\putbib[l/secret]",
    "\\addbibresource[location=local]{l/secret.bib}",
    "\\let\\myinput\\input\n\\myinput{l/secret}",
    "\\csname input\\endcsname{l/secret}",
    "\\newcommand{\\chap}[1]{\\input{#1}}\n\\chap{l/secret}",
    "\\newcommand{\\chap}[1]{\\input{../outside/#1}}\n\\chap{secret}",
    "\\def\\p{l/secret}\\input{\\p}",
    "\\input{/proc/self/cwd/../outside/secret}",
]
MARKDOWN = "---\ntitle: T\n%s\n---\n\nSee [@a].\n%s"
MARKDOWN_NAMINGS = [
    ("bibliography: \"`r here::here('..', 'outside', 'secret.bib')`\"", ""),
    ("bibliography: \"`r here::here('l/secret.bib')`\"", ""),
    ("bibliography: [refs.bib, l/secret.yaml]", ""),
    ("bibliography: refs.bib\nmetadata-files: [l/secret.yaml]", ""),
    ("bibliography: refs.bib\ncsl: l/secret.yaml", ""),
    ("  bibliography: l/secret.bib", ""),
    ("bibliography: refs.bib", "```{r child='l/secret.Rmd'}\n```\n"),
    ("bibliography: refs.bib", "```{r}\n#| child: l/secret.Rmd\n```\n"),
    ("bibliography: refs.bib", "{{< include l/secret.qmd >}}\n"),
    ("bibliography: refs.bib", "{{< embed ../outside/secret.qmd >}}\n"),
]
BUILD_FILES = [
    {"_output.yml": "bibliography: l/secret.bib\n"},
    {"Makefile": "all:\n\tpandoc paper.Rmd --bibliography=l/secret.bib -o x.pdf\n"},
    {"build.sh": "#!/bin/sh\npandoc paper.Rmd --bibliography ../outside/secret.bib\n"},
    {"_quarto.yml": "bibliography: l/secret.bib\nmetadata-files: [l/secret.yaml]\n"},
    {"_bookdown.yml": "rmd_files: ['paper.Rmd', 'l/secret.Rmd', '../outside/secret.Rmd']\n"},
    {"citeaudit.toml": "bib = ['l/secret.bib', '../outside/secret.bib']\n"},
]


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """(repo, the working folder with refs.bib and a link l -> ../outside; outside)."""
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    repo.mkdir()
    outside.mkdir()
    for name, text in SECRETS.items():
        (outside / name).write_text(text, encoding="utf-8")
    (repo / "refs.bib").write_text(REFS, encoding="utf-8")
    (repo / "l").symlink_to(Path("..") / "outside")
    monkeypatch.chdir(repo)
    return repo, outside


def _confined(
    capsys: pytest.CaptureFixture[str], opened: list[str], outside: Path, name: str
) -> dict[str, object]:
    """The JSON report of ``check --confine . NAME``, after checking that nothing of
    `outside` was opened or shown."""
    before = len(opened)
    main(["check", "--offline", "--format", "json", "--fail-on", "never", "--confine", ".", name])
    shown = capsys.readouterr()
    assert MARK not in shown.out + shown.err
    reached = [n for n in opened[before:] if os.path.realpath(n).startswith(str(outside))]
    assert not reached, reached
    report: dict[str, object] = json.loads(shown.out)
    return report


def _keys(report: dict[str, object]) -> list[str]:
    references = report["references"]
    assert isinstance(references, list)
    return [str(r["key"]) for r in references]


@pytest.mark.parametrize("naming", LATEX_NAMINGS)
def test_a_latex_naming_reads_nothing_outside(
    checkout: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    opened: list[str],
    naming: str,
) -> None:
    repo, outside = checkout
    (repo / "main.tex").write_text(LATEX % naming, encoding="utf-8")
    report = _confined(capsys, opened, outside, "main.tex")
    assert "stolen" not in _keys(report)
    assert "a" in _keys(report)  # the checkout's own bibliography is still read


@pytest.mark.parametrize(("front", "body"), MARKDOWN_NAMINGS)
def test_a_pandoc_naming_reads_nothing_outside(
    checkout: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    opened: list[str],
    front: str,
    body: str,
) -> None:
    repo, outside = checkout
    (repo / "paper.Rmd").write_text(MARKDOWN % (front, body), encoding="utf-8")
    report = _confined(capsys, opened, outside, "paper.Rmd")
    assert "stolen" not in _keys(report)


@pytest.mark.parametrize("build", BUILD_FILES, ids=[next(iter(b)) for b in BUILD_FILES])
def test_a_build_file_naming_reads_nothing_outside(
    checkout: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    opened: list[str],
    build: dict[str, str],
) -> None:
    repo, outside = checkout
    (repo / "paper.Rmd").write_text("---\ntitle: T\n---\n\nSee [@a].\n", encoding="utf-8")
    for name, text in build.items():
        (repo / name).write_text(text, encoding="utf-8")
    report = _confined(capsys, opened, outside, "paper.Rmd")
    assert "stolen" not in _keys(report)
