"""files25: what the CLI writes (``--output``, ``--write-baseline``) is never a file the
audit read.

Before: ``citeaudit check paper.md -o paper.md`` replaced the manuscript with its
report, exit 0; so did ``-o`` naming a LaTeX chapter the manuscript ``\\input``s, its
bibliography, a link or a second hard-linked name of either, or the configuration;
``--write-baseline`` over the same files (``--baseline refs.bib``, or a checkout's
``citeaudit.toml`` saying ``baseline = "refs.bib"``), with ``--confine`` too. Now each
is refused (exit 2) and the file keeps its bytes; reports and baselines elsewhere are
written as before (`citeaudit.cli.own_inputs`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citeaudit.cli import main

OFFLINE = ["--offline", "--no-resolve", "--no-links"]
MAIN_TEX = (
    "\\documentclass{article}\n\\begin{document}\n\\input{chap}\n"
    "\\bibliography{refs}\n\\end{document}\n"
)
CHAP_TEX = "As made up here \\cite{ok18}.\n"
REFS_BIB = "@article{ok18, author={Okafor, N.}, title={Inside work}, journal={J}, year={2018}}\n"
PAPER_MD = "Text (Okafor 2018).\n\n# References\n\nOkafor, N. (2018). Inside work. J.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "main.tex").write_text(MAIN_TEX, encoding="utf-8")
    (tmp_path / "chap.tex").write_text(CHAP_TEX, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(REFS_BIB, encoding="utf-8")
    (tmp_path / "paper.md").write_text(PAPER_MD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _refused(
    project: Path, argv: list[str], capsys: pytest.CaptureFixture[str], target: str
) -> None:
    before = _contents(project)
    assert main(["check", *argv, *OFFLINE]) == 2
    assert _contents(project) == before, f"{target} was written over"
    assert "is a file this audit reads" in capsys.readouterr().err


@pytest.mark.parametrize("confine", [False, True])
@pytest.mark.parametrize(
    "inputs, target",
    [
        (["paper.md"], "paper.md"),  # the manuscript named
        (["main.tex"], "main.tex"),
        (["main.tex"], "chap.tex"),  # a chapter the manuscript \inputs
        (["main.tex"], "refs.bib"),  # the bibliography the manuscript names
        (["paper.md", "--bib", "refs.bib"], "refs.bib"),  # one given with --bib
    ],
)
def test_the_report_is_never_written_over_a_file_the_audit_read(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    inputs: list[str],
    target: str,
    confine: bool,
) -> None:
    fence = ["--confine", "."] if confine else []
    _refused(project, [*inputs, "-o", target, *fence], capsys, target)
    _refused(project, [*inputs, "-o", str(project / target), *fence], capsys, target)


@pytest.mark.parametrize("second", ["symlink", "hardlink"])
def test_nor_over_a_second_name_of_it(
    project: Path, capsys: pytest.CaptureFixture[str], second: str
) -> None:
    alias = project / "report.txt"
    if second == "symlink":
        alias.symlink_to("chap.tex")
    else:
        os.link(project / "chap.tex", alias)
    _refused(project, ["main.tex", "-o", "report.txt"], capsys, "chap.tex")


def test_nor_over_the_configuration_it_read(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "citeaudit.toml").write_text("fail-on = 'never'\n", encoding="utf-8")
    _refused(project, ["paper.md", "-o", "citeaudit.toml"], capsys, "citeaudit.toml")


@pytest.mark.parametrize("confine", [False, True])
@pytest.mark.parametrize("target", ["paper.md", "refs.bib", "chap.tex", "main.tex"])
def test_the_baseline_is_never_written_over_a_file_the_audit_read(
    project: Path, capsys: pytest.CaptureFixture[str], target: str, confine: bool
) -> None:
    fence = ["--confine", "."] if confine else []
    inputs = ["paper.md"] if target == "paper.md" else ["main.tex"]
    argv = [*inputs, "--write-baseline", "--baseline", target, *fence]
    _refused(project, argv, capsys, target)


def test_nor_where_a_checkouts_configuration_puts_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "citeaudit.toml").write_text('baseline = "refs.bib"\n', encoding="utf-8")
    _refused(project, ["main.tex", "--write-baseline"], capsys, "refs.bib")
    _refused(project, ["main.tex", "--write-baseline", "--confine", "."], capsys, "refs.bib")


def test_reports_and_baselines_elsewhere_are_written_as_before(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "old-report.txt").write_text("yesterday's\n", encoding="utf-8")
    assert main(["check", "main.tex", *OFFLINE, "-o", "old-report.txt"]) == 0
    assert "1 reference" in (project / "old-report.txt").read_text(encoding="utf-8")
    assert main(["check", "main.tex", *OFFLINE, "-o", "new.json", "--format", "json"]) == 0
    assert (project / "new.json").read_text(encoding="utf-8").startswith("{")
    # the baseline written, then written again: it is read only when not being written
    for _ in range(2):
        assert main(["check", "main.tex", *OFFLINE, "--write-baseline"]) == 0
        assert (project / "citeaudit-baseline.json").is_file()
    # and read back as a baseline while a report goes elsewhere
    assert main(["check", "main.tex", *OFFLINE, "-o", "again.txt"]) == 0
    assert (project / "chap.tex").read_text(encoding="utf-8") == CHAP_TEX
    assert (project / "refs.bib").read_text(encoding="utf-8") == REFS_BIB
    capsys.readouterr()
