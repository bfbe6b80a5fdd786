"""With no reference entry anywhere, the citations are one finding per manuscript:
the editor has one thing to fix (pass or add the list), not one error per work."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from citeaudit.cli import main

LATEX = (
    "\\documentclass{article}\n\\begin{document}\n"
    "Rivers \\cite{okafor2015} and rain \\cite{quispe2021}.\n"
    "Rice \\cite{sato2011}, again \\cite{okafor2015}; soils \\citep{moreau2019}.\n"
    "\\end{document}\n"
)
MARKDOWN = "Terraces hold water (Quispe, 2021; Sato, 2011).\n\nRice too (Okafor and Bello, 2015).\n"
LIST = (
    "Terraces hold water (Quispe, 2021; Sato, 2011).\n\nRice too (Okafor and Bello, 2015).\n\n"
    "# References\n\n"
    "Quispe, R. 2021. Terraces and rain: farming the high Andes. Mountain Research 41: 1-12.\n\n"
    "Sato, K. 2011. Rice and rivers. Tokyo: Hoshi Shoten.\n"
)


def missing(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, Any]]:
    main(["check", *args, "--offline", "--format", "json", "--fail-on", "never"])
    report = json.loads(capsys.readouterr().out)
    return [f for f in report["findings"] if f["rule"] == "missing-reference"]


def test_keys_without_any_bibliography_are_one_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paper = tmp_path / "paper.tex"
    paper.write_text(LATEX, encoding="utf-8")
    (found,) = missing(capsys, str(paper))
    assert found["severity"] == "error" and found["location"]["line"] == 3
    message = found["message"]
    assert message.startswith("5 citations (4 works: okafor2015, quispe2021, sato2011")
    assert "no reference list or bibliography was found" in message and "--bib" in message


def test_an_empty_bibliography_is_named_as_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paper = tmp_path / "paper.tex"
    paper.write_text(LATEX, encoding="utf-8")
    bib = tmp_path / "refs.bib"
    bib.write_text("% nothing yet\n", encoding="utf-8")
    (found,) = missing(capsys, str(paper), "--bib", str(bib))
    assert "refs.bib) has no entries" in found["message"]


def test_each_manuscript_without_a_list_gets_its_own_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = tmp_path / "one.md", tmp_path / "two.md"
    one.write_text(MARKDOWN, encoding="utf-8")
    two.write_text("\n" + MARKDOWN, encoding="utf-8")
    found = missing(capsys, str(one), str(two))
    assert sorted((Path(f["location"]["file"]).name, f["location"]["line"]) for f in found) == [
        ("one.md", 1),
        ("two.md", 2),
    ]
    assert all(f["message"].startswith("3 citations (3 works: ") for f in found)


def test_a_list_held_by_another_manuscript_keeps_the_findings_per_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed, citing = tmp_path / "listed.md", tmp_path / "citing.md"
    listed.write_text(LIST, encoding="utf-8")
    citing.write_text(MARKDOWN, encoding="utf-8")
    found = missing(capsys, str(listed), str(citing))
    assert found and not any("no reference list" in f["message"] for f in found)
    assert all("Okafor" in f["message"] for f in found)


def test_one_or_two_works_are_still_named_one_by_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paper = tmp_path / "paper.tex"
    paper.write_text("\\begin{document}\n\\cite{a} \\cite{b} \\cite{a}\n\\end{document}\n")
    found = missing(capsys, str(paper))
    assert len(found) == 2 and not any("no reference list" in f["message"] for f in found)
