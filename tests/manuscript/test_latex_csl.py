"""Pandoc-rendered LaTeX: CSLReferences entries start at their anchors (issue 12)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.latex import LatexReader

ANCHORED = r"""\documentclass{article}
\begin{document}
As shown (Lee 2001) and (Kim and Roe 2002).

\section*{References}
\begin{CSLReferences}{1}{0}
\leavevmode\vadjust pre{\hypertarget{ref-lee2001}{}}%
Lee, Ann. 2001. {``A Made-up Title That Wraps
Over Lines.''} \emph{Journal} 3 (1): 4--5.

\leavevmode\hypertarget{ref-kim2002}{}%
Kim, Bo, and Cy Roe. 2002.
\emph{A Made-up Book}.
Press.

\end{CSLReferences}
Appendix text.
\end{document}
"""

NUMBERED = r"""\begin{document}
Text {[}1{]}.
\begin{CSLReferences}{0}{0}
\CSLLeftMargin{1. }%
\CSLRightInline{Lee, A. Made-up Title. \emph{J} \textbf{2001}, \emph{3}, 4--5.}

\CSLLeftMargin{2. }%
\CSLRightInline{Kim, B.; Roe, C. Another
Made-up Title. \emph{J} \textbf{2002}, 1.}
\end{CSLReferences}
\end{document}
"""


def test_anchors_start_entries(tmp_path: Path) -> None:
    path = tmp_path / "paper.tex"
    path.write_text(ANCHORED, encoding="utf-8")
    document = LatexReader().read(path)
    entries = document.reference_entries
    assert [e.text for e in entries] == [
        "Lee, Ann. 2001. “A Made-up Title That Wraps Over Lines.” Journal 3 (1): 4–5.",
        "Kim, Bo, and Cy Roe. 2002. A Made-up Book. Press.",
    ]
    assert [e.location.line for e in entries] == [7, 11]
    assert "ref-lee2001" in entries[0].raw
    body = [line.text for line in document.lines]
    assert "Appendix text." in body and not any("Made-up Book" in t for t in body)


def test_numbered_entries_without_anchors_start_at_their_margin(tmp_path: Path) -> None:
    path = tmp_path / "paper.tex"
    path.write_text(NUMBERED, encoding="utf-8")
    entries = LatexReader().read(path).reference_entries
    assert [e.text[:9] for e in entries] == ["1. Lee, A", "2. Kim, B"]
    assert [e.location.line for e in entries] == [4, 7]
