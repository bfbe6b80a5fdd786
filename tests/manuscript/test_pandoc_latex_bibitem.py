"""LaTeX written by Pandoc 3.1.8 and later with --citeproc: each entry of the
CSLReferences list opens with ``\\bibitem[\\citeproctext]{ref-KEY}`` (older Pandoc
wrote ``\\hypertarget{ref-KEY}{}``). Read as text, the anchor was glued to the entry
before it ("[]ref-lee2001"), every author-date citation was 'missing' and the list
'never cited' -- or, over a longer list, one citations-not-recognised with a hint
about the citation style."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.reading import read_manuscript

AUTHOR_DATE = r"""\documentclass{article}
\begin{document}
Work (\citeproc{ref-lee2001}{Lee 2001}; \citeproc{ref-kim2002}{Kim and Roe 2002}) and
\citeproc{ref-ada2003}{Ada (2003)}; also (\citeproc{ref-bo2004}{Bo 2004}).
\begin{CSLReferences}{1}{0}
\bibitem[\citeproctext]{ref-ada2003}
Ada, D. 2003. {``Third.''} \emph{J. Things} 5.
\bibitem[\citeproctext]{ref-bo2004}
Bo, E. 2004. {``Fourth.''} \emph{J. Things} 6.
\bibitem[\citeproctext]{ref-kim2002}
Kim, B., and C. Roe. 2002. {``Another.''} \emph{J. Things} 4.
\bibitem[\citeproctext]{ref-lee2001}
Lee, A. 2001. {``A Title.''} \emph{J. Things} 3: 4--5.
\end{CSLReferences}
\end{document}
"""

NUMERIC = r"""\documentclass{article}
\begin{document}
Work {[}1{]}, {[}2{]}--{[}3{]} and {[}4{]}.
\begin{CSLReferences}{0}{0}
\bibitem[\citeproctext]{ref-lee2001}
\CSLLeftMargin{{[}1{]} }%
\CSLRightInline{A. Lee, {``A title,''} \emph{J. Things}, 2001.}
\bibitem[\citeproctext]{ref-kim2002}
\CSLLeftMargin{{[}2{]} }%
\CSLRightInline{B. Kim, {``Another,''} \emph{J. Things}, 2002.}
\bibitem[\citeproctext]{ref-ada2003}
\CSLLeftMargin{{[}3{]} }%
\CSLRightInline{D. Ada, {``Third,''} \emph{J. Things}, 2003.}
\bibitem[\citeproctext]{ref-bo2004}
\CSLLeftMargin{{[}4{]} }%
\CSLRightInline{E. Bo, {``Fourth,''} \emph{J. Things}, 2004.}
\end{CSLReferences}
\end{document}
"""


@pytest.mark.parametrize("source", [AUTHOR_DATE, NUMERIC])
def test_entries_are_cut_at_their_bibitem_and_all_cited(tmp_path: Path, source: str) -> None:
    paper = tmp_path / "paper.tex"
    paper.write_text(source, encoding="utf-8")
    entries = read_manuscript(paper).reference_entries
    assert len(entries) == 4
    assert not any("ref-" in entry.text for entry in entries)
    assert [f.rule for f in audit(AuditInput.from_paths([paper])).findings] == []
