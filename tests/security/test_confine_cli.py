"""`citeaudit check --confine DIR` from the command line: a CI job checking a fork's pull
request reads nothing its manuscript names outside the checkout.

Run through the CLI's own entry point with ``--offline --format json``; every kind of
name (``\\input``, ``\\bibliography``, a front-matter ``bibliography:``, a knitr child,
a Quarto include) is tried, outside and inside.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from citeaudit.cli import main

SECRET = "SECRET-KEY-MATERIAL"


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, object]]:
    code = main(["check", "--offline", "--format", "json", "--fail-on", "never", *args])
    return code, json.loads(capsys.readouterr().out)


def _findings(report: dict[str, object]) -> list[dict[str, object]]:
    findings = report["findings"]
    assert isinstance(findings, list)
    return findings


@pytest.fixture
def layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """repo/ (the checkout, the working folder) and, beside it, a secret outside it."""
    outside = tmp_path / "home"
    outside.mkdir()
    (outside / "id_rsa.tex").write_text(f"{SECRET} \\cite{{stolen}}\n", encoding="utf-8")
    (outside / "keys.bib").write_text(
        f"@misc{{stolen, title={{{SECRET}}}, author={{A, B}}, year={{2000}}}}\n",
        encoding="utf-8",
    )
    (outside / "child.Rmd").write_text(f"{SECRET} [@stolen]\n", encoding="utf-8")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "refs.bib").write_text(
        "@article{a, title={A}, author={X, Y}, year={2000}, journal={J}}\n"
        "@article{b, title={B}, author={Z, Q}, year={2001}, journal={J}}\n",
        encoding="utf-8",
    )
    (repo / "chap.tex").write_text("Inside \\cite{b}.\n", encoding="utf-8")
    monkeypatch.chdir(repo)
    return outside


def _latex(target: str, bib: str = "refs") -> str:
    return (
        "\\documentclass{article}\n\\begin{document}\nSee \\cite{a}.\n"
        f"\\input{{{target}}}\n\\input{{chap}}\n\\bibliography{{{bib}}}\n\\end{{document}}\n"
    )


def _refusals(report: dict[str, object]) -> list[dict[str, object]]:
    return [f for f in _findings(report) if "outside the audit's own files" in str(f["message"])]


@pytest.mark.parametrize("spelling", ["{abs}/id_rsa", "../home/id_rsa"])
def test_an_input_outside_is_a_finding_on_its_line_and_the_rest_is_audited(
    layout: Path, capsys: pytest.CaptureFixture[str], spelling: str
) -> None:
    Path("main.tex").write_text(_latex(spelling.format(abs=layout)), encoding="utf-8")
    _code, report = _check(capsys, "--confine", ".", "main.tex")
    assert SECRET not in json.dumps(report)
    (refusal,) = _refusals(report)
    location = refusal["location"]
    assert isinstance(location, dict)
    assert (location["file"], location["line"]) == ("main.tex", 4)
    assert "id_rsa" in str(refusal["message"])
    # The rest is audited: chap.tex is spliced, refs.bib read, both citations matched.
    assert [f["code"] for f in _findings(report)] == ["INP001"]
    assert report["summary"]["citations"] == 2  # type: ignore[index]


def test_the_same_manuscript_unconfined_reads_the_file(
    layout: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The test can fail: without --confine the name is followed (the author's machine)."""
    Path("main.tex").write_text(_latex(f"{layout}/id_rsa"), encoding="utf-8")
    _code, report = _check(capsys, "main.tex")
    assert not _refusals(report)
    assert report["summary"]["citations"] == 3  # type: ignore[index]


def test_a_bibliography_outside_is_refused(
    layout: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("main.tex").write_text(_latex("chap", bib=f"{layout}/keys"), encoding="utf-8")
    _code, report = _check(capsys, "--confine", ".", "main.tex")
    assert SECRET not in json.dumps(report)
    assert _refusals(report)


@pytest.mark.parametrize(
    "body",
    [
        "---\nbibliography: {abs}/keys.bib\n---\n\nSee [@a].\n",
        "---\nbibliography: refs.bib\n---\n\nSee [@a].\n\n```{{r, child='{abs}/child.Rmd'}}\n```\n",
        "---\nbibliography: refs.bib\n---\n\nSee [@a].\n\n{{{{< include {abs}/child.Rmd >}}}}\n",
    ],
    ids=["front-matter", "knitr-child", "quarto-include"],
)
def test_markdown_names_outside_are_refused(
    layout: Path, capsys: pytest.CaptureFixture[str], body: str
) -> None:
    Path("paper.Rmd").write_text(body.format(abs=layout), encoding="utf-8")
    _code, report = _check(capsys, "--confine", ".", "paper.Rmd")
    assert SECRET not in json.dumps(report)
    (refusal,) = _refusals(report)
    assert refusal["location"]["file"] == "paper.Rmd"  # type: ignore[index]


def test_a_symbolic_link_out_of_the_folder_is_refused(
    layout: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.symlink(layout / "id_rsa.tex", "innocent.tex")
    Path("main.tex").write_text(_latex("innocent"), encoding="utf-8")
    _code, report = _check(capsys, "--confine", ".", "main.tex")
    assert SECRET not in json.dumps(report)
    assert _refusals(report)


def test_confined_to_a_subfolder_from_elsewhere(
    layout: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Relative names are judged from the working folder, not from DIR: run from the
    parent, ``--confine repo repo/main.tex`` reads repo/chap.tex and repo/refs.bib."""
    Path("main.tex").write_text(_latex(f"{layout}/id_rsa"), encoding="utf-8")
    os.chdir("..")
    _code, report = _check(capsys, "--confine", "repo", "repo/main.tex")
    assert SECRET not in json.dumps(report)
    (refusal,) = _refusals(report)
    assert refusal["location"]["file"] == "repo/main.tex"  # type: ignore[index]
    # The name as the manuscript wrote it, though it lies under the working folder.
    assert f"'{layout}/id_rsa'" in str(refusal["message"])
    assert report["summary"]["citations"] == 2  # type: ignore[index]


def test_a_given_file_outside_is_refused_by_name(
    layout: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("main.tex").write_text(_latex("chap"), encoding="utf-8")
    code, report = _check(capsys, "--confine", ".", "main.tex", "--bib", str(layout / "keys.bib"))
    assert SECRET not in json.dumps(report)
    assert code == 2  # a given file not read is an unreadable input
    assert _refusals(report)


def test_confine_names_no_folder_is_a_usage_error(
    layout: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("main.tex").write_text(_latex("chap"), encoding="utf-8")
    assert main(["check", "--offline", "--confine", "nowhere", "main.tex"]) == 2
    assert "--confine nowhere: not a folder" in capsys.readouterr().err


BAD_DOI = (
    "@article{a,\n  title = {A},\n  author = {X, Y},\n  year = {2000},\n  journal = {J},\n"
    "  doi = {https://dx.doi.org/10.5555/qj.1982.455}\n}\n"
)
GOOD_DOI = "doi = {10.5555/qj.1982.455}"  # a BibTeX doi field holds the DOI alone


@pytest.mark.parametrize("confined", [True, False])
def test_fix_confined_writes_inside_and_never_outside(
    layout: Path, capsys: pytest.CaptureFixture[str], confined: bool
) -> None:
    """`citeaudit fix --confine .` audits as `check --confine .` does: a bibliography
    named outside is neither read nor rewritten (unconfined, it is fixed in place), and
    a fix inside is written through the path shown relative again."""
    (layout / "keys.bib").write_text(BAD_DOI, encoding="utf-8")
    Path("refs.bib").write_text(BAD_DOI, encoding="utf-8")
    Path("inside.tex").write_text(_latex("chap"), encoding="utf-8")
    Path("outside.tex").write_text(_latex("chap", bib=f"{layout}/keys"), encoding="utf-8")
    confine = ["--confine", "."] if confined else []
    assert main(["fix", "--offline", *confine, "inside.tex"]) == 0
    assert GOOD_DOI in Path("refs.bib").read_text(encoding="utf-8")
    main(["fix", "--offline", *confine, "outside.tex"])
    capsys.readouterr()
    assert (GOOD_DOI in (layout / "keys.bib").read_text(encoding="utf-8")) is not confined
