"""Pandoc-rendered LaTeX: plain-text citations are read when no \\cite is used (issue 12)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.latex import LatexReader

AUTHOR_YEAR = r"""\documentclass{article}
\title{A Study (Made 1999)}
\begin{document}
As shown (Lee 2001; Kim and
Roe 2002), and \protect\hyperlink{ref-lee2001}{Lee (2001)} again,
and \citeproc{ref-kim2002}{(Kim and Roe 2002)}.

\begin{CSLReferences}{1}{0}
\leavevmode\vadjust pre{\hypertarget{ref-kim2002}{}}%
Kim, Bo, and Cy Roe. 2002. \emph{A Made-up Book}. Press.

\leavevmode\vadjust pre{\hypertarget{ref-lee2001}{}}%
Lee, Ann. 2001. {``A Made-up Title.''} \emph{Journal} 3 (1): 4--5.
\end{CSLReferences}
\end{document}
"""

NUMERIC = r"""\begin{document}
Text {[}1{]} and more {[}1,2{]}, as before {[}1--2{]}.
\begin{CSLReferences}{0}{0}
\CSLLeftMargin{1. }%
\CSLRightInline{Lee, A. Made-up Title. \emph{J} \textbf{2001}, \emph{3}, 4--5.}

\CSLLeftMargin{2. }%
\CSLRightInline{Kim, B.; Roe, C. Another Title. \emph{J} \textbf{2002}, 1.}
\end{CSLReferences}
\end{document}
"""

WITH_CITE = r"""\begin{document}
As shown \cite{lee2001} (Kim and Roe 2002).
\begin{thebibliography}{9}
\bibitem{lee2001} Lee, A. 2001. Made-up Title. J 3.
\bibitem{kim2002} Kim, B., and C. Roe. 2002. Another Title. Press.
\end{thebibliography}
\end{document}
"""


def _read(tmp_path: Path, text: str) -> tuple[list[str], list[str]]:
    path = tmp_path / "paper.tex"
    path.write_text(text, encoding="utf-8")
    document = LatexReader().read(path)
    citations = extract_citations(document)
    return [c.text for c in citations], [line.text for line in document.lines]


def test_author_year_text_citations_are_read(tmp_path: Path) -> None:
    texts, body = _read(tmp_path, AUTHOR_YEAR)
    assert len(texts) == 4
    assert any("Kim" in t and "Roe" in t for t in texts)
    assert not any("ref-" in line for line in body)  # link targets print nothing
    assert not any("1999" in line for line in body)  # the preamble prints nothing


def test_escaped_bracket_numbers_are_read(tmp_path: Path) -> None:
    texts, _ = _read(tmp_path, NUMERIC)
    assert texts == ["[1]", "[1,2]", "[1,2]", "[1–2]", "[1–2]"]


def test_cite_commands_keep_the_latex_reading(tmp_path: Path) -> None:
    texts, body = _read(tmp_path, WITH_CITE)
    assert texts == ["\\cite{lee2001}"]
    assert any("\\cite{lee2001}" in line for line in body)
