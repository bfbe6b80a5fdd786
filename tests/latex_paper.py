"""A made-up LaTeX paper with a BibTeX file, audited, and its verdicts as BibTeX keys.

The LaTeX suites (issue 12 point 3, tex21, tex22) each write a preamble and a body
and compare citeaudit's uncited and missing keys with what BibTeX itself would list.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from citeaudit.audit import AuditInput, audit


class Verdicts(NamedTuple):
    uncited: set[str]
    missing: set[str]
    citations: int


def latex_verdicts(tmp_path: Path, bib: str, preamble: str, body: str) -> Verdicts:
    """(uncited keys, missing keys, citations read) as citeaudit reports them."""
    (tmp_path / "refs.bib").write_text(bib, encoding="utf-8")
    main = tmp_path / "paper.tex"
    main.write_text(
        "\\documentclass{article}\n"
        + preamble
        + "\n\\begin{document}\n"
        + body
        + "\n\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([main]))
    refs = {r.id: r for r in result.data.references}
    cits = {c.id: c for c in result.data.citations}
    uncited = {
        refs[f.reference].key or ""
        for f in result.findings
        if f.rule == "uncited-reference" and f.reference
    }
    missing = {
        cits[f.citation].key or ""
        for f in result.findings
        if f.rule == "missing-reference" and f.citation
    }
    return Verdicts(uncited, missing, len(result.data.citations))
