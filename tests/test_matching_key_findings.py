"""One fault, one finding: a cited key whose entry is unreadable or repeated.

An entry BibTeX cannot read is reported by unparseable-reference (BIB002), naming its
key; "cites a key no entry has" (CIT002) for the same entry said it again, and wrongly
-- the entry is there, broken. A key two entries share is reported by
duplicate-reference (BIB001); "fits 2 entries" (CIT003) for each citation of it said it
again. Every input is made up.
"""

from __future__ import annotations

import json
from pathlib import Path

from citeaudit.audit import AuditInput, audit

_BIB = (
    "@article{good2020, author={Lee, Ann}, title={Good}, journal={J}, year={2020}}\n\n"
    "@article{broken2021, author={Roe, Max}, title={An unbalanced {brace, journal={J},"
    " year={2021}}\n\n"
    "@article{dup2019, author={Poe, Al}, title={One}, journal={J}, year={2019}}\n"
    "@article{dup2019, author={Poe, Al}, title={Two}, journal={J}, year={2019}}\n"
)


def _codes(tmp_path: Path, body: str, bib: str = _BIB) -> list[str]:
    (tmp_path / "refs.bib").write_text(bib, encoding="utf-8")
    tex = tmp_path / "paper.tex"
    tex.write_text(
        "\\documentclass{article}\\begin{document}\n"
        f"{body}\n\\bibliography{{refs}}\\end{{document}}\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([tex]))
    return sorted(f.code for f in result.findings)


def test_a_key_whose_entry_is_unreadable_is_not_missing(tmp_path: Path) -> None:
    codes = _codes(tmp_path, "Text \\cite{good2020} and \\cite{broken2021}.")
    assert "BIB002" in codes
    assert "CIT002" not in codes


def test_a_key_no_entry_has_is_still_missing(tmp_path: Path) -> None:
    codes = _codes(tmp_path, "Text \\cite{good2020} and \\cite{absent2021}.")
    assert "CIT002" in codes


def test_a_repeated_key_is_one_duplicate_finding_not_an_ambiguity(tmp_path: Path) -> None:
    codes = _codes(tmp_path, "Text \\cite{good2020} and \\cite{dup2019}.")
    assert "BIB001" in codes
    assert "CIT003" not in codes


def test_a_key_in_two_csl_files_is_still_ambiguous(tmp_path: Path) -> None:
    # keys of CSL JSON files clash only within one file: no duplicate finding says it
    item = {"id": "k1", "type": "book", "title": "T", "issued": {"date-parts": [[2019]]}}
    for name, title in (("a.json", "One"), ("b.json", "Two")):
        (tmp_path / name).write_text(json.dumps([{**item, "title": title}]), encoding="utf-8")
    md = tmp_path / "paper.md"
    md.write_text("# Intro\n\nText [@k1].\n", encoding="utf-8")
    result = audit(AuditInput.from_paths([md, tmp_path / "a.json", tmp_path / "b.json"]))
    codes = [f.code for f in result.findings]
    assert "BIB001" not in codes
    assert "CIT003" in codes
