"""R Markdown built through LaTeX names its .bib by a raw ``\\bibliography{ref}`` line.

With ``citation_package: natbib`` the .bib is often named only so (no ``bibliography:``
in the metadata); unread, every ``\\citep{}`` was "missing". The name is located as a
metadata one is: beside the file, inside the scope -- a name out of the upload is a
problem on its line, never read. Made-up entries.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.input_scope import InputScope

_BIB = (
    "@book{roe2001, author={Roe, Ann}, title={Stocks}, publisher={Ex}, year={2001}}\n"
    "@book{zed2010, author={Zed, Bo}, title={Other}, publisher={Ex}, year={2010}}\n"
)


def _findings(rmd: Path) -> list[tuple[str, str]]:
    result = audit(AuditInput.from_paths([rmd]), scope=InputScope.confined_to(rmd.parent))
    return sorted((f.rule, f.message) for f in result.findings)


def test_a_raw_bibliography_line_names_the_bib(tmp_path: Path) -> None:
    (tmp_path / "ref.bib").write_text(_BIB, encoding="utf-8")
    rmd = tmp_path / "paper.Rmd"
    rmd.write_text("Stocks \\citep{roe2001}.\n\n\\bibliography{ref}\n", encoding="utf-8")
    rules = [rule for rule, _ in _findings(rmd)]
    assert rules == ["uncited-reference"]


def test_a_raw_bibliography_out_of_the_upload_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.bib").write_text(_BIB, encoding="utf-8")
    paper = tmp_path / "paper"
    paper.mkdir()
    rmd = paper / "paper.Rmd"
    rmd.write_text("Stocks \\citep{roe2001}.\n\n\\bibliography{../secret}\n", encoding="utf-8")
    found = _findings(rmd)
    assert not any(rule == "uncited-reference" for rule, _ in found)
    assert any(rule == "unreadable-input" and "outside" in m for rule, m in found)
