"""A bibliography the manuscript names but that is missing, when the user gave one
(issue 12): a warning on the naming line, and the audit goes on (exit 0, not 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeaudit.cli import main

BIB = "@book{lee2001, author = {Lee, Ann}, title = {A Book}, year = {2001}}\n"


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("paper.Rmd", "---\ntitle: T\nbibliography: gone.bib\n---\n\nAs shown [@lee2001].\n", 3),
        (
            "paper.tex",
            "\\begin{document}\n\\cite{lee2001}\n\\bibliography{gone}\n\\end{document}\n",
            3,
        ),
    ],
)
def test_missing_named_bibliography_with_bib_option_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, line: int
) -> None:
    paper = tmp_path / name
    paper.write_text(text, encoding="utf-8")
    bib = tmp_path / "given.bib"
    bib.write_text(BIB, encoding="utf-8")
    code = main(
        [
            "check",
            str(paper),
            "--bib",
            str(bib),
            "--offline",
            "--format",
            "json",
            "--fail-on",
            "never",
        ]
    )
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    found = [f for f in report["findings"] if f["code"] == "INP001"]
    assert len(found) == 1
    assert found[0]["severity"] == "warning"
    assert "gone" in found[0]["message"] and "used instead" in found[0]["message"]
    assert found[0]["location"]["line"] == line
    assert not [f for f in report["findings"] if f["code"] in ("CIT001", "CIT002")]


def test_missing_named_bibliography_without_bib_option_still_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paper = tmp_path / "paper.Rmd"
    paper.write_text("---\nbibliography: gone.bib\n---\n\nText [@lee2001].\n", encoding="utf-8")
    assert main(["check", str(paper), "--offline", "--format", "json", "--fail-on", "never"]) == 2
    capsys.readouterr()
