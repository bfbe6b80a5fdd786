"""Shapes met in authors' own projects (issue 12's evaluation on real manuscripts):
what a project names but does not hold, and what a Quarto document declares itself.

Each project here is made up, modeled on a real one; audited offline through the API.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.markdown import custom_crossref_keys

BIB = (
    "@article{okafor2001, author={Okafor, Ada}, title={One}, journal={J}, year={2001}}\n"
    "@article{lindqvist2002, author={Lindqvist, Kim}, title={Two}, journal={J}, year={2002}}\n"
    "@article{mbeki2003, author={Mbeki, Tau}, title={Three}, journal={J}, year={2003}}\n"
)


def _codes(paths: list[Path]) -> list[str]:
    result = audit(AuditInput.from_paths(paths))
    return sorted(f.code for f in result.findings if f.code.startswith(("CIT", "INP")))


# -- LaTeX: a thesis whose chapters are made by another tool (pandoc), not in the folder --


def _thesis(tmp_path: Path, command: str) -> Path:
    main = tmp_path / "These.tex"
    main.write_text(
        "\\documentclass{report}\\begin{document}\n"
        f"\\setstretch{{1.3}}{command}{{introduction}}\n"
        "Summary \\cite{okafor2001}.\n"
        "\\bibliography{library}\n\\end{document}\n",
        encoding="utf-8",
    )
    (tmp_path / "library.bib").write_text(BIB, encoding="utf-8")
    return main


def test_a_missing_input_leaves_citations_unchecked(tmp_path: Path) -> None:
    # \input of a missing file stops LaTeX: BibTeX never learns what the chapter cites,
    # so "never cited" for the two other entries would be a guess -- not reported
    codes = _codes([_thesis(tmp_path, "\\input")])
    assert "CIT001" not in codes
    assert codes.count("INP001") == 1


def test_a_missing_include_is_left_out_as_latex_does(tmp_path: Path) -> None:
    # \include of a missing file is a warning to LaTeX, which typesets without it:
    # BibTeX's answer is then the entries the rest cites, and the audit says the same
    codes = _codes([_thesis(tmp_path, "\\include")])
    assert codes.count("CIT001") == 2
    assert codes.count("INP001") == 1


def test_a_present_input_is_read(tmp_path: Path) -> None:
    main = _thesis(tmp_path, "\\input")
    (tmp_path / "introduction.tex").write_text(
        "Earlier work \\cite{lindqvist2002,mbeki2003}.\n", encoding="utf-8"
    )
    assert _codes([main]) == []


# -- Quarto: custom cross-reference kinds declared in the front matter --

FRONT = """---
title: "A made-up study"
bibliography: refs.bib
crossref:
  custom:
    - kind: float
      key: suppfig
      reference-prefix: Supplementary Figure
    - kind: float
      key: supptbl
      reference-prefix: Supplementary Table
---
"""


def test_custom_crossref_kinds_are_no_citations(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "appendix.qmd").write_text(
        "# Supplementary Figures\n\nAs in @suppfig-effects-two, and see @okafor2001.\n",
        encoding="utf-8",
    )
    main = tmp_path / "manuscript.qmd"
    main.write_text(
        FRONT + "\nParticipants preferred humans [@lindqvist2002; @mbeki2003; see "
        "@suppfig-effects-one] (@supptbl-models; [-@suppfig-effects-two]).\n\n"
        "{{< include appendix.qmd >}}\n",
        encoding="utf-8",
    )
    assert _codes([main]) == []


def test_an_undeclared_kind_is_still_a_key(tmp_path: Path) -> None:
    # without the declaration, @suppfig-x is an ordinary citation key, missing here
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    main = tmp_path / "manuscript.qmd"
    main.write_text(
        "---\nbibliography: refs.bib\n---\n\nSee @suppfig-effects-one, "
        "[@okafor2001; @lindqvist2002; @mbeki2003].\n",
        encoding="utf-8",
    )
    assert _codes([main]) == ["CIT002"]


def test_custom_crossref_kinds_of_the_quarto_project(tmp_path: Path) -> None:
    # a Quarto manuscript project declares the kinds once, in _quarto.yml
    (tmp_path / "_quarto.yml").write_text(
        "project:\n  type: manuscript\nbibliography: refs.bib\n"
        "crossref:  # kinds of our own\n  custom:\n    - kind: float\n"
        "      key: suppfig\n      reference-prefix: Supplementary Figure\n"
        "format:\n  html: default\n",
        encoding="utf-8",
    )
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    main = tmp_path / "index.qmd"
    main.write_text(
        "---\ntitle: A made-up study\n---\n\nAs shown before [@okafor2001; "
        "@lindqvist2002; @mbeki2003] and in @suppfig-effects-one.\n",
        encoding="utf-8",
    )
    assert _codes([main]) == []
    # the same project without the declaration: a missing key
    (tmp_path / "_quarto.yml").write_text("bibliography: refs.bib\n", encoding="utf-8")
    assert _codes([main]) == ["CIT002"]


def test_custom_keys_are_read_from_the_front_matter_only() -> None:
    text = FRONT.splitlines()
    assert custom_crossref_keys(text) == ("suppfig", "supptbl")
    # the same lines in the body (after prose) declare nothing
    assert custom_crossref_keys(["Some prose.", *text]) == ()
    # a key: under another field is no cross-reference kind
    other = ["---", "params:", "  - key: suppfig", "---"]
    assert custom_crossref_keys(other) == ()
