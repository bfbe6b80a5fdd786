"""A raised (superscript) citation list cut at the line end after its dash or comma:
"found it^1-" / "^3 and more". Read as two lists, "1-" cited entry 1 alone and "3"
entry 3, so entry 2 -- inside the range -- was called never cited. The list is
finished on its line as one raised list. Each PDF is drawn here with reportlab
(made-up text)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from tests.manuscript.test_pdf_builder import Column, Page, write_pdf

NUMBERED: list[str | tuple[float, str]] = [
    "",
    "References",
    "1. Abbott J. A made-up study. J Stuff. 2019;3:1-10.",
    "2. Brandt K. Another made-up study. J Stuff. 2020;4.",
    "3. Dunmore M. A third made-up study. Rev Things. 2018;2.",
    "4. Gray P. A fourth made-up study. Example Press; 2021.",
    "5. Van der Berg Q. A fifth made-up study. 2017.",
]


def _cited(tmp_path: Path, body: list[str | tuple[float, str]]) -> tuple[set[int], list[str]]:
    path = write_pdf(tmp_path / "raised.pdf", [Page([Column(["Introduction", *body, *NUMBERED])])])
    result = audit(AuditInput.from_paths([path]))
    refs = {r.id: r.index for r in result.data.references}
    cited = {refs[t] for m in result.data.matches for t in m.targets}
    return cited, [f.code for f in result.findings if f.code in ("CIT001", "CIT002")]


def test_a_raised_range_cut_after_its_dash_is_one_range(tmp_path: Path) -> None:
    cited, findings = _cited(
        tmp_path, ["Earlier work found it^{1-}", "^{3} and later work more^{4,5}."]
    )
    assert cited == {1, 2, 3, 4, 5}
    assert findings == []


def test_a_raised_list_cut_after_its_comma_is_one_list(tmp_path: Path) -> None:
    cited, findings = _cited(tmp_path, ["Earlier work found it^{1,2,}", "^{3-5} and nothing else."])
    assert cited == {1, 2, 3, 4, 5}
    assert findings == []
