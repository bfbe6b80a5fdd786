"""A LaTeX citation in text that never prints (white, a phantom, a dropped macro
argument) is not read -- and now said once per file, at its line: BibTeX may still
list the entry, which the editor then finds cited by no visible sentence. (Needs
r5v-latex.diff.)"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit


def _audit(tmp_path: Path, body: str) -> tuple[list[str], list[str]]:
    (tmp_path / "refs.bib").write_text(
        "@article{lee,author={Lee, A.},title={Things},journal={J},year={2001}}\n"
        "@article{smith,author={Smith, B.},title={Work},journal={J},year={2019}}\n",
        encoding="utf-8",
    )
    main = tmp_path / "main.tex"
    main.write_text(
        "\\documentclass{article}\n\\usepackage{xcolor}\n\\begin{document}\n"
        f"Shown \\cite{{lee}}.\n{body}\n\\bibliography{{refs}}\n\\end{{document}}\n",
        encoding="utf-8",
    )
    result = audit(AuditInput(manuscripts=(main,)))
    uncited = [f.message for f in result.findings if f.rule == "uncited-reference"]
    notes = [f"{f.location} {f.message}" for f in result.findings if f.rule == "unreadable-input"]
    return uncited, notes


def test_a_white_citation_is_said_at_its_line(tmp_path: Path) -> None:
    uncited, notes = _audit(tmp_path, "Also \\textcolor{white}{\\cite{smith}}.")
    assert len(uncited) == 1 and "Smith" in uncited[0]
    assert len(notes) == 1 and "main.tex:5" in notes[0] and "never prints" in notes[0]


def test_a_shown_citation_says_nothing(tmp_path: Path) -> None:
    uncited, notes = _audit(tmp_path, "Also \\textcolor{red}{\\cite{smith}}.")
    assert uncited == [] and notes == []
