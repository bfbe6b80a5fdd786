"""An uncited entry of a database (.bib, RIS, CSL-JSON) is info, not a warning: BibTeX,
biblatex and pandoc print only the works the text cites. A printed list's is a warning."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.model.finding import Severity

BIB = """@article{lee2014, author = {Lee, Ann}, title = {Cited work}, journal = {J}, year = {2014}}
@article{kim2015, author = {Kim, Bo}, title = {Never cited}, journal = {J}, year = {2015}}
"""


def _uncited(tmp_path: Path, manuscript: str, name: str, bib: str | None) -> list[tuple[str, str]]:
    paper = tmp_path / name
    paper.write_text(manuscript, encoding="utf-8")
    bibs: list[Path] = []
    if bib is not None:
        (tmp_path / "refs.bib").write_text(bib, encoding="utf-8")
        bibs.append(tmp_path / "refs.bib")
    result = audit(AuditInput(manuscripts=(paper,), bibliographies=tuple(bibs)))
    return [(f.severity.value, f.message) for f in result.findings if f.code == "CIT001"]


def test_an_uncited_bib_entry_is_info_and_says_why(tmp_path: Path) -> None:
    found = _uncited(tmp_path, "As shown [@lee2014].\n", "paper.md", BIB)
    assert len(found) == 1
    severity, message = found[0]
    assert severity == Severity.INFO.value
    assert "Kim" in message and "printed list" in message


def test_an_uncited_entry_of_the_printed_list_stays_a_warning(tmp_path: Path) -> None:
    text = (
        "As shown by Lee (2014).\n\n# References\n\n"
        "Lee, A. (2014). Cited work. *J*, 1, 1-2.\n\n"
        "Kim, B. (2015). Never cited. *J*, 1, 3-4.\n"
    )
    found = _uncited(tmp_path, text, "paper.md", None)
    assert [s for s, _ in found] == [Severity.WARNING.value]
    assert "Kim" in found[0][1]
