"""citeaudit's uncited and missing keys agree with what BibTeX itself reports.

The LaTeX example has `\\input`/`\\include` chapters, commented-out citations and a
410-entry `.bib`. The reference is BibTeX's own output: recorded in the repository
(`bibtex-run/`), and produced live when LaTeX and BibTeX are installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit

EXAMPLE = Path(__file__).resolve().parent.parent / "references" / "examples" / "latex-natbib"


def bibtex_verdicts(bbl: str, blg: str) -> tuple[set[str], set[str]]:
    """Keys BibTeX found (lower-cased: it looks keys up ignoring case) and did not find."""
    found = {k.lower() for k in re.findall(r"\\bibitem(?:\[[^\]]*\])?\{([^}]+)\}", bbl)}
    missing = set(re.findall(r"I didn't find a database entry for \"([^\"]+)\"", blg))
    return found, missing


def citeaudit_verdicts(main: Path) -> tuple[set[str], set[str], set[str]]:
    result = audit(AuditInput.from_paths([main]))
    refs = {r.id: r for r in result.data.references}
    all_keys = {(r.key or r.id).lower() for r in refs.values()}
    uncited = {
        (refs[f.reference].key or "").lower()
        for f in result.findings
        if f.rule == "uncited-reference" and f.reference
    }
    cits = {c.id: c for c in result.data.citations}
    missing = {
        cits[f.citation].key or ""
        for f in result.findings
        if f.rule == "missing-reference" and f.citation
    }
    return all_keys - uncited, uncited, missing


def test_matches_recorded_bibtex_run() -> None:
    run = EXAMPLE / "bibtex-run"
    found, missing = bibtex_verdicts(
        (run / "main.bbl").read_text(encoding="utf-8"),
        (run / "main.blg").read_text(encoding="utf-8"),
    )
    assert len(found) == 27 and missing == {"bowlr2010", "santamouris2051"}
    ours_cited, ours_uncited, ours_missing = citeaudit_verdicts(EXAMPLE / "main.tex")
    assert ours_cited == found
    assert ours_missing == missing
    assert len(ours_uncited) == 410 - 27
    # cited only where LaTeX never looks: after %, in comment and lstlisting
    assert {"ghost2020", "hidden2019", "listing2018"} <= ours_uncited


def _tex_ready() -> bool:
    if not (shutil.which("latex") and shutil.which("bibtex") and shutil.which("kpsewhich")):
        return False
    needed = ["natbib.sty", "listings.sty", "verbatim.sty", "plainnat.bst"]
    out = subprocess.run(["kpsewhich", *needed], capture_output=True, text=True, check=False)
    return len(out.stdout.split()) == len(needed)


@pytest.mark.slow
@pytest.mark.skipif(not _tex_ready(), reason="LaTeX/BibTeX with natbib and listings not installed")
def test_matches_live_bibtex_run(tmp_path: Path) -> None:
    work = tmp_path / "paper"
    shutil.copytree(EXAMPLE, work, ignore=shutil.ignore_patterns("bibtex-run"))
    subprocess.run(
        ["latex", "-interaction=nonstopmode", "-halt-on-error", "main.tex"],
        cwd=work,
        capture_output=True,
        check=True,
        timeout=120,
    )
    subprocess.run(["bibtex", "main"], cwd=work, capture_output=True, check=False, timeout=120)
    found, missing = bibtex_verdicts(
        (work / "main.bbl").read_text(encoding="utf-8"),
        (work / "main.blg").read_text(encoding="utf-8"),
    )
    ours_cited, _, ours_missing = citeaudit_verdicts(work / "main.tex")
    assert ours_cited == found
    assert ours_missing == missing
