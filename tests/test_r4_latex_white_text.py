"""LaTeX text set in white prints nothing a reader sees: it cites nothing.

``\\textcolor{white}{\\cite{smith2019}}`` (or ``{\\color{white} ...}``) still writes
the key to the .aux file, so BibTeX prints Smith's entry -- and the editor sees an
entry no visible sentence cites. The audit read the citation and called the entry
cited (`manuscript.latex_unseen`). White in any of xcolor's models (``[rgb]{1,1,1}``,
``[RGB]{255,255,255}``, ``[HTML]{FFFFFF}``, ``[gray]{1}``) is blanked; any other
colour, and white on a coloured box, is read as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.latex_unseen import blank_unseen

PAPER = r"""\documentclass{article}
\usepackage{xcolor}
\begin{document}
Intro \cite{lee2001}.
%s
\begin{thebibliography}{9}
\bibitem{lee2001} A. Lee. A work on things. J. Things, 1:2--3, 2001.
\bibitem{smith2019} B. Smith. Another work here. J. Things, 4:5--6, 2019.
\end{thebibliography}
\end{document}
"""


def _uncited(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "paper.tex"
    path.write_text(PAPER % body, "utf-8")
    result = audit(AuditInput(manuscripts=(path,)))
    return [f.message for f in result.findings if f.rule == "uncited-reference"]


@pytest.mark.parametrize(
    "body",
    [
        r"Text \textcolor{white}{as argued \cite{smith2019}}.",
        r"Text \textcolor [rgb] {1,1,1}{\cite{smith2019}}.",
        r"Text \textcolor[RGB]{255, 255, 255}{\cite{smith2019}}.",
        r"Text \textcolor[HTML]{ffffff}{\cite{smith2019}}.",
        r"Text \textcolor[gray]{1}{\cite{smith2019}}.",
        "Text {\\color{white} as argued\n\\cite{smith2019}} more.",
    ],
    ids=["name", "rgb", "RGB", "HTML", "gray", "color-group"],
)
def test_white_text_cites_nothing(tmp_path: Path, body: str) -> None:
    uncited = _uncited(tmp_path, body)
    assert len(uncited) == 1 and "Smith" in uncited[0]


@pytest.mark.parametrize(
    "body",
    [
        r"Text \textcolor{red}{as argued \cite{smith2019}}.",
        r"Text \textcolor[gray]{0.5}{\cite{smith2019}}.",
        r"Text \colorbox{black}{\textcolor{white}{\cite{smith2019}}}.",
        r"Text {\color{white}} and \cite{smith2019}.",
    ],
    ids=["red", "grey", "white-on-black-box", "empty-white-group"],
)
def test_text_that_shows_still_cites(tmp_path: Path, body: str) -> None:
    assert _uncited(tmp_path, body) == []


def test_blanking_keeps_columns() -> None:
    lines = [r"a \textcolor{white}{b \cite{x}} c"]
    out = blank_unseen(lines)
    assert len(out[0]) == len(lines[0]) and "cite" not in out[0] and out[0].endswith("} c")


def test_many_unclosed_white_groups_share_one_budget() -> None:
    line = "\\textcolor{white}{" * 20_000 + "\\fcolorbox{a}{b}{" * 20_000
    out = blank_unseen([line])
    assert len(out[0]) == len(line)  # read within the budget, nothing closed to blank
