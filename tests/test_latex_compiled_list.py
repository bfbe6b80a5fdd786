"""A LaTeX manuscript shipped with its .bbl and not its .bib (arXiv's sources, many a
submission): the compiled list is the reference list, so a citation it lacks is still
found -- before, every citation went unchecked and the run failed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.input_scope import InputScope

EXAMPLE = Path(__file__).resolve().parent.parent / "references" / "examples" / "latex-natbib"

_BIBLATEX_BBL = r"""% $ biblatex auxiliary file $
% $ biblatex bbl format version 3.2 $
\begingroup
\makeatletter
\endgroup
\refsection{0}
  \datalist[entry]{nyt/global//global/global}
    \entry{ortiz2021}{article}{}
      \name{author}{2}{}{%
        {{hash=a1}{%
           family={Ortiz},
           familyi={O\bibinitperiod},
           given={Lena},
           giveni={L\bibinitperiod}}}%
        {{hash=b2}{%
           family={Haas},
           familyi={H\bibinitperiod},
           given={Tom\bibnamedelima Karl},
           giveni={T\bibinitperiod\bibinitdelim K\bibinitperiod}}}%
      }
      \field{journaltitle}{Journal of Made-up Rivers}
      \field{title}{Silt in slow rivers}
      \field{volume}{4}
      \field{year}{2021}
      \verb{doi}
      \verb 10.5555/rivers.2021.4
      \endverb
    \endentry
    \entry{fieldagency2019}{report}{}
      \name{author}{1}{}{%
        {{hash=c3}{%
           family={{Field Survey Agency}},
           familyi={F\bibinitperiod}}}%
      }
      \field{title}{Annual survey}
      \field{year}{2019}
    \endentry
    \entry{berg2018}{book}{}
      \name{author}{1}{}{%
        {{hash=d4}{%
           family={Berg},
           familyi={B\bibinitperiod},
           given={Xander},
           giveni={X\bibinitperiod},
           prefix={van\bibnamedelima der},
           prefixi={v\bibinitperiod\bibinitdelim d\bibinitperiod}}}%
      }
      \list{publisher}{1}{%
        {Made-up Press}%
      }
      \field{title}{Polders}
      \field{year}{2018}
    \endentry
    \entry{kim2017b}{article}{}
      \name{author}{1}{}{%
        {{hash=e5}{%
           family={Kim},
           familyi={K\bibinitperiod},
           given={Min},
           giveni={M\bibinitperiod}}}%
      }
      \field{extradate}{2}
      \field{journaltitle}{Seoul Studies}
      \field{title}{Han river}
      \field{year}{2017}
    \endentry
  \enddatalist
\endrefsection
\endinput
"""

_BIBLATEX_TEX = r"""\documentclass{article}
\usepackage[style=authoryear]{biblatex}
\addbibresource{library.bib}
\begin{document}
As shown \parencite{ortiz2021,fieldagency2019} and \textcite{berg2018}.
Later \autocite{kim2017b}, and \cite{ghost2001}.
\printbibliography
\end{document}
"""


def _findings(result: object, rule: str) -> list[str]:
    return [f.message for f in result.findings if f.rule == rule]  # type: ignore[attr-defined]


def test_bibtex_bbl_read_when_the_bib_is_absent(tmp_path: Path) -> None:
    work = tmp_path / "paper"
    shutil.copytree(EXAMPLE, work, ignore=shutil.ignore_patterns("bibtex-run", "refs.bib"))
    shutil.copy(EXAMPLE / "bibtex-run" / "main.bbl", work / "main.bbl")
    result = audit(AuditInput.from_paths([work / "main.tex"]))
    refs = result.data.references
    assert len(refs) == 27  # what BibTeX printed
    assert {r.location.file for r in refs} == {str(work / "main.bbl")}
    missing = {
        c.key
        for f in result.findings
        if f.rule == "missing-reference"
        for c in result.data.citations
        if c.id == f.citation
    }
    assert missing == {"bowlr2010", "santamouris2051"}  # as BibTeX's own log says
    assert not _findings(result, "uncited-reference")
    problems = result.data.input_problems
    assert problems and not any(p.unreadable for p in problems)
    assert any("'refs.bib' not found; the compiled list 'main.bbl'" in p.message for p in problems)


def test_the_bib_wins_when_both_are_there(tmp_path: Path) -> None:
    work = tmp_path / "paper"
    shutil.copytree(EXAMPLE, work, ignore=shutil.ignore_patterns("bibtex-run"))
    (work / "main.bbl").write_text(
        "\\begin{thebibliography}{1}\n\\bibitem{only2000} A. Only. X. 2000.\n"
        "\\end{thebibliography}\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([work / "main.tex"]))
    assert len(result.data.references) == 410
    assert not result.data.input_problems or not any(
        "compiled list" in p.message for p in result.data.input_problems
    )


def test_biblatex_bbl_entries_read_as_printed(tmp_path: Path) -> None:
    (tmp_path / "paper.tex").write_text(_BIBLATEX_TEX, encoding="utf-8")
    (tmp_path / "paper.bbl").write_text(_BIBLATEX_BBL, encoding="utf-8")
    result = audit(AuditInput.from_paths([tmp_path / "paper.tex"]))
    refs = {r.key: r for r in result.data.references}
    assert set(refs) == {"ortiz2021", "fieldagency2019", "berg2018", "kim2017b"}
    assert [a.family for a in refs["ortiz2021"].authors] == ["Ortiz", "Haas"]
    assert refs["ortiz2021"].year == 2021
    assert refs["ortiz2021"].doi == "10.5555/rivers.2021.4"
    assert refs["ortiz2021"].title == "Silt in slow rivers"
    assert [a.family for a in refs["fieldagency2019"].authors] == ["Field Survey Agency"]
    assert [a.family for a in refs["berg2018"].authors] == ["van der Berg"]
    assert refs["ortiz2021"].location.line == 8  # its \entry line in paper.bbl
    assert refs["ortiz2021"].location.file == str(tmp_path / "paper.bbl")
    assert not _findings(result, "uncited-reference")
    assert len(_findings(result, "missing-reference")) == 1
    assert "ghost2001" in _findings(result, "missing-reference")[0]
    assert not _findings(result, "malformed-doi")


def test_no_bbl_still_fails_unread(tmp_path: Path) -> None:
    (tmp_path / "paper.tex").write_text(_BIBLATEX_TEX, encoding="utf-8")
    result = audit(AuditInput.from_paths([tmp_path / "paper.tex"]))
    assert any(p.unreadable for p in result.data.input_problems)
    assert not result.data.references


def test_bbl_of_another_name_or_with_no_list_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "paper.tex").write_text(_BIBLATEX_TEX, encoding="utf-8")
    (tmp_path / "other.bbl").write_text(_BIBLATEX_BBL, encoding="utf-8")
    result = audit(AuditInput.from_paths([tmp_path / "paper.tex"]))
    assert not result.data.references
    (tmp_path / "paper.bbl").write_text("% nothing printed\n\\endinput\n", encoding="utf-8")
    result = audit(AuditInput.from_paths([tmp_path / "paper.tex"]))
    assert not result.data.references
    assert any(p.unreadable for p in result.data.input_problems)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_confined_audit_never_reads_a_bbl_outside(tmp_path: Path) -> None:
    inside = tmp_path / "upload"
    inside.mkdir()
    secret = tmp_path / "secret.bbl"
    secret.write_text(_BIBLATEX_BBL, encoding="utf-8")
    (inside / "paper.tex").write_text(_BIBLATEX_TEX, encoding="utf-8")
    (inside / "paper.bbl").symlink_to(secret)
    result = audit(AuditInput.from_paths([inside / "paper.tex"]), scope=InputScope(root=inside))
    assert not result.data.references
    assert "silt in slow rivers" not in repr(result.data).lower()


def test_unclosed_biblatex_entries_stay_bounded(tmp_path: Path) -> None:
    (tmp_path / "paper.tex").write_text(_BIBLATEX_TEX, encoding="utf-8")
    body = "".join(
        f"\\entry{{k{n}}}{{article}}{{}}\n \\name{{author}}{{1}}{{}}{{%\n" + "  family={A},\n" * 50
        for n in range(200)
    )
    (tmp_path / "paper.bbl").write_text(body, encoding="utf-8")
    result = audit(AuditInput.from_paths([tmp_path / "paper.tex"]))
    refs = result.data.references
    assert len(refs) == 200
    assert max(len(r.authors) for r in refs) <= 20


def test_pasted_bbl_labels_broken_across_lines(tmp_path: Path) -> None:
    """natbib's .bbl, pasted into the .tex (as arXiv asks), breaks long labels over
    lines: each such item was merged into the one before it."""
    tex = (
        "\\documentclass{article}\\begin{document}\n"
        "Rivers \\citep{coutts2013,li2013} differ.\n"
        "\\begin{thebibliography}{2}\n"
        "\\bibitem[Coutts et~al.(2013)Coutts, Tapper, Beringer, Loughnan, and\n"
        "  Demuzere]{coutts2013}\n"
        "A.~Coutts, N.~Tapper. \\newblock Rivers. \\newblock \\emph{J}, 2013.\n\n"
        "\\bibitem[Li and Bou-Zeid(2013)]{li2013}\n"
        "D.~Li and E.~Bou-Zeid. \\newblock Lakes. \\newblock \\emph{K}, 2013.\n"
        "\\end{thebibliography}\n\\end{document}\n"
    )
    (tmp_path / "p.tex").write_text(tex, encoding="utf-8")
    result = audit(AuditInput.from_paths([tmp_path / "p.tex"]))
    assert {r.key for r in result.data.references} == {"coutts2013", "li2013"}
    assert not _findings(result, "missing-reference")
    assert not _findings(result, "uncited-reference")
