"""LaTeX that never prints cites nothing: swallowed macro arguments and phantoms.

``\\newcommand{\\hide}[1]{}`` then ``\\hide{\\cite{smith2019}}`` prints nothing and
BibTeX never sees the key, but the audit read the citation: a hand-written list's
uncited entry was "cited" (`manuscript.latex_unseen`). ``\\phantom{\\cite{...}}`` is
blank space on the page, and so is the branch of a ``\\newif`` switch (``\\ifdraft``,
false until ``\\drafttrue``) or of ``\\iftrue ... \\else`` that TeX skips: the same.
A macro that prints its argument, and a branch TeX prints, are read as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.latex_unseen import blank_unseen

PAPER = r"""\documentclass{article}
%s
\begin{document}
Intro \cite{lee2001}.
%s
\begin{thebibliography}{9}
\bibitem{lee2001} A. Lee. A work on things. J. Things, 1:2--3, 2001.
\bibitem{smith2019} B. Smith. Another work here. J. Things, 4:5--6, 2019.
\end{thebibliography}
\end{document}
"""


def _uncited(tmp_path: Path, preamble: str, body: str) -> list[str]:
    path = tmp_path / "paper.tex"
    path.write_text(PAPER % (preamble, body), "utf-8")
    result = audit(AuditInput(manuscripts=(path,)))
    return [f.message for f in result.findings if f.rule == "uncited-reference"]


@pytest.mark.parametrize(
    ("preamble", "body"),
    [
        (r"\newcommand{\hide}[1]{}", r"Text \hide{as argued \cite{smith2019}}."),
        (r"\newcommand{\old}[2]{#1}", r"Text \old{kept}{dropped \cite{smith2019}}."),
        (r"\newcommand{\cut}[2][x]{#1}", r"Text \cut[y]{\cite{smith2019}}."),
        (r"\def\draft#1{}", "Text \\draft{\n\\cite{smith2019}\n} more."),
        ("", r"Text \phantom{\cite{smith2019}}."),
        ("", r"Text \hphantom {\cite{smith2019}}."),
        (r"\newif\ifdraft", r"\ifdraft Note \cite{smith2019}. \fi"),
        (r"\newif\ifdraft \drafttrue \draftfalse", r"\ifdraft \cite{smith2019} \else x \fi"),
        (r"\newif\ifdraft \drafttrue", r"\ifdraft x \else \cite{smith2019} \fi"),
        ("", r"\iftrue x \else \cite{smith2019} \fi"),
        (r"\newif\ifdraft", r"\ifdraft \ifx a b y \else z \fi \cite{smith2019} \fi"),
    ],
    ids=[
        "newcommand",
        "second-of-two",
        "optional-first",
        "def-multiline",
        "phantom",
        "hphantom",
        "newif-default-false",
        "newif-set-false",
        "newif-true-else",
        "iftrue-else",
        "newif-nested",
    ],
)
def test_text_that_never_prints_cites_nothing(tmp_path: Path, preamble: str, body: str) -> None:
    uncited = _uncited(tmp_path, preamble, body)
    assert len(uncited) == 1 and "Smith" in uncited[0]


@pytest.mark.parametrize(
    ("preamble", "body"),
    [
        (r"\newcommand{\keep}[1]{\emph{#1}}", r"Text \keep{\cite{smith2019}}."),
        (r"\newcommand{\two}[2]{#1 and #2}", r"Text \two{a}{\cite{smith2019}}."),
        ("", r"Text \cite{smith2019}."),
        (r"\newif\ifdraft \drafttrue", r"\ifdraft \cite{smith2019} \fi"),
        (r"\newif\ifdraft", r"\ifdraft x \else \cite{smith2019} \fi"),
        # set where a macro is used: unknown here, read as written
        (r"\newif\ifdraft \newcommand{\on}{\drafttrue}", r"\on \ifdraft \cite{smith2019} \fi"),
    ],
)
def test_text_that_prints_still_cites(tmp_path: Path, preamble: str, body: str) -> None:
    assert _uncited(tmp_path, preamble, body) == []


def test_blanking_keeps_lines_and_columns_and_the_definition() -> None:
    lines = [r"\newcommand{\hide}[1]{}", r"a \hide{b", r"c} d"]
    out = blank_unseen(lines)
    assert out[0] == lines[0]  # the definition is not a use
    assert [len(x) for x in out] == [len(x) for x in lines]
    assert out[1] == "a \\hide  " and out[2] == "   d"


def test_nested_uses_cost_a_bounded_read() -> None:
    # \k keeps a long first argument and drops its second: each nested use would read
    # the first again; the reads stop at a budget of a few times the text
    depth = 3_000
    body = r"\k{" * depth + "x" * 20 + "}{y}" * depth
    out = blank_unseen([r"\newcommand{\k}[2]{#1}", body])
    assert len(out[1]) == len(body)
