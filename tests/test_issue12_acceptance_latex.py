"""Issue 12, LaTeX: uncited and missing keys equal BibTeX's own, also where the author
switched a passage off with ``\\iffalse ... \\fi`` (LaTeX never writes its ``\\cite`` to
the ``.aux`` file, so BibTeX neither misses nor prints the key). Macro definitions that
name ``\\cite`` are not citations (tests/test_latex_macros.py covers their uses).
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.latex_conditionals import blank_false_branches
from tests.latex_paper import latex_verdicts

_BIB = (
    "@article{brandt2010, author={Brandt, Olga}, title={Dunes}, journal={Sand}, year={2010}}\n"
    "@article{ishii2013, author={Ishii, Ken}, title={Wind}, journal={Air}, year={2013}}\n"
    "@article{moraes2016, author={Moraes, Lia}, title={Tides}, journal={Sea}, year={2016}}\n"
)


def _verdicts(tmp_path: Path, body: str) -> tuple[set[str], set[str]]:
    """(uncited keys, missing keys) as citeaudit reports them."""
    preamble = (
        "\\DeclareCiteCommand{\\citetitle}{\\usebibmacro{prenote}}{\\printfield{title}}{}{}\n"
        "\\newcommand{\\citen}[1]{\\cite{#1}}"
    )
    found = latex_verdicts(tmp_path, _BIB, preamble, body)
    return found.uncited, found.missing


def test_iffalse_passages_cite_nothing_as_bibtex_sees_it(tmp_path: Path) -> None:
    body = (
        "Dunes move \\citen{brandt2010}.\n"
        "\\iffalse\n"
        "An old paragraph \\cite{ghost1999} and \\cite{ishii2013}.\n"
        "\\ifx\\a\\b \\cite{ghost2000} \\fi still hidden \\cite{ghost2001}.\n"
        "\\fi\n"
        "\\iffalse \\cite{ghost2002} \\else Tides \\cite{moraes2016}. \\fi"
    )
    uncited, missing = _verdicts(tmp_path, body)
    # BibTeX: brandt2010 and moraes2016 cited; ishii2013 never printed; nothing missing
    assert missing == set()
    assert uncited == {"ishii2013"}


def test_a_typeset_citation_after_a_closed_branch_still_counts(tmp_path: Path) -> None:
    body = "\\iffalse \\cite{ishii2013} \\fi Tides \\cite{moraes2016} and \\cite{ghost2003}."
    uncited, missing = _verdicts(tmp_path, body)
    assert missing == {"ghost2003"}
    assert uncited == {"brandt2010", "ishii2013"}


def test_false_branches_are_blanked_in_place() -> None:
    lines = ["a \\iffalse b", "c \\ifnum1=1 d \\fi e", "f \\fi g", "h"]
    assert blank_false_branches(lines) == ["a" + " " * 11, " " * 19, " " * 5 + " g", "h"]


def test_declared_conditionals_nest_and_macros_do_not() -> None:
    lines = ["\\newif\\ifdraft", "\\iffalse \\ifdraft x \\fi y \\fi z"]
    assert blank_false_branches(lines)[1].strip() == "z"
    # \ifthenelse is a macro: TeX does not count it, its \fi-less use ends nothing
    lines = ["\\iffalse \\ifthenelse{\\boolean{b}}{x}{y} \\fi z"]
    assert blank_false_branches(lines)[0].strip() == "z"


def test_named_or_unclosed_iffalse_hides_nothing() -> None:
    lines = ["\\let\\hide\\iffalse", "text \\cite{a}", "\\def\\skip{\\iffalse}", "more \\cite{b}"]
    assert blank_false_branches(lines) == lines
    lines = ["\\iffalse never closed", "\\cite{a}"]
    assert blank_false_branches(lines) == lines
