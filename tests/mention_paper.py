"""A made-up Markdown paper for the cited-by-mention suites, and what it leaves uncited.

Six entries are cited the ordinary way, so the paper is plainly author-year and the
check is asked about the rest: each suite adds the entries its sentences may or may not
name (Okafor 2017 named, Tanaka 2011 never) and writes the text under test.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

CITED_ENTRIES = (
    "Lee, A. (2014). A cited work. Journal of Things, 1, 1-2.\n\n"
    "Moreau, F. (2001). Cited one. Journal of Things, 6, 1-2.\n\n"
    "Nilsson, G. (2002). Cited two. Journal of Things, 7, 1-2.\n\n"
    "Park, H. (2003). Cited three. Journal of Things, 8, 1-2.\n\n"
    "Quist, J. (2004). Cited four. Journal of Things, 9, 1-2.\n\n"
    "Ruiz, K. (2005). Cited five. Journal of Things, 9, 3-4.\n\n"
)
CITED = (
    "As Lee (2014) showed, rivers matter (Moreau, 2001; Nilsson, 2002; Park, 2003;"
    " Quist, 2004; Ruiz, 2005)."
)
OKAFOR = "Okafor, B. (2017). A survey of surveys. Journal of Things, 2, 3-4.\n\n"
TANAKA = "Tanaka, D. (2011). Never named. Journal of Things, 4, 9-10.\n"


def entries(*others: str) -> str:
    """The six cited entries, then `others`."""
    return CITED_ENTRIES + "".join(others)


def uncited(tmp_path: Path, document: str, name: str = "paper.md") -> list[str]:
    """The first names of the entries called never cited (CIT001) in `document`."""
    paper = tmp_path / name
    paper.write_text(document, encoding="utf-8")
    result = audit(AuditInput(manuscripts=(paper,)))
    raw = {r.id: r.raw for r in result.data.references}
    return sorted(
        raw[f.reference or ""].split(",")[0] for f in result.findings if f.code == "CIT001"
    )
