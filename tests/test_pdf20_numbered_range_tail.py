"""A numbered reference list whose page range is cut at the line end after its dash:
"Scientometrics. 1989;15(3-4):189-" / "203. doi: ...". The next line opens with a number
and a full stop, which reads like an entry's marker ("203."), so the tail became an
entry of its own -- reported as never cited -- and the entry lost its pages. In a
numbered list the numbers count up: a "marker" that breaks the count (203 after 13,
with 14 next) set at the continuation lines' indent, or opening the line after a
range's dash, goes on the entry above. An entry whose number really skips (a list
with no entry 3), set where the markers stand, still starts an entry.

Each PDF is drawn here with reportlab (made-up entries): Vancouver with a hyphen,
with an en dash, Spanish and Portuguese entries, a list with a hanging indent and a
flush one (no indent to tell, only the cut range)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from tests.manuscript.test_pdf_builder import Column, Page, write_pdf

_IN = 14.0  # the continuation lines' indent in a hanging list


def _audit(
    tmp_path: Path, body: list[str], refs: list[str | tuple[float, str]]
) -> tuple[list[str], list[str]]:
    column = Column(["Introduction", *body, "", "References", *refs])
    path = write_pdf(tmp_path / "numbered.pdf", [Page([column])])
    result = audit(AuditInput.from_paths([path]))
    texts = [r.raw.replace("\n", " ") for r in result.data.references]
    codes = [f.code for f in result.findings if f.code in ("CIT001", "CIT002")]
    return texts, codes


_BODY = [
    "Earlier counts were made by hand [1], then with the first",
    "indexes [2,3], and the ranking of journals followed [4].",
]


def test_a_hyphen_cut_range_tail_in_a_hanging_list_stays_with_its_entry(tmp_path: Path) -> None:
    texts, codes = _audit(
        tmp_path,
        _BODY,
        [
            "1. Abbott J. Counting papers by hand. Scientometr Rev.",
            (_IN, "1989;15(3-4):189-"),
            (_IN, "203. doi: 10.1000/made.up.1"),
            "2. Brandt K, Cole L. The first indexes. J Doc Stud.",
            (_IN, "2001;12:45-"),
            (_IN, "67."),
            "3. Dunmore M. Ranking by numbers. Rev Metrics. 2010;3:1-9.",
            "4. Gray P. Journals ranked again. Inf Proc Manag. 2012;48:",
            (_IN, "1101-"),
            (_IN, "110. doi: 10.1000/made.up.4"),
        ],
    )
    assert len(texts) == 4, texts
    assert "203" in texts[0] and "67" in texts[1] and "110" in texts[3]
    assert codes == []


def test_an_en_dash_cut_range_in_spanish_and_portuguese_entries(tmp_path: Path) -> None:
    texts, codes = _audit(
        tmp_path,
        ["Los primeros estudios [1] y los más recientes [2] coinciden;", "outros [3] não."],
        [
            "1. Pérez Gómez A. Estudio inventado de la salud pública.",
            (_IN, "Rev Salud Inv. 2003;45(2):120–"),
            (_IN, "131."),
            "2. Souza RM, Lima F. Um estudo inventado sobre saúde.",
            (_IN, "Cad Saúde Inv. 2015; 31: 599–"),
            (_IN, "607. doi: 10.1000/made.up.pt"),
            "3. Ortega L. Otro estudio. Gac Inv. 2019;33:8–15.",
        ],
    )
    assert len(texts) == 3, texts
    assert "131" in texts[0] and "607" in texts[1]
    assert codes == []


def test_a_flush_numbered_list_joins_the_tail_after_a_cut_range(tmp_path: Path) -> None:
    """No indent to tell: the dash ending the line above and the count going on
    after it (2 follows 1) say the "45." opens no entry."""
    texts, codes = _audit(
        tmp_path,
        ["Two made-up works [1,2] are cited here."],
        [
            "1. Abbott J. A flush list entry. J Stuff. 2019;3:12-",
            "45.",
            "2. Brandt K. Another flush entry. J Stuff. 2020;4:1-9.",
        ],
    )
    assert len(texts) == 2, texts
    assert codes == []


def test_a_number_that_really_skips_still_starts_an_entry(tmp_path: Path) -> None:
    """Entry 3 is absent from the list; "4." stands where the markers stand and the
    line above ends an entry: it is entry 4, and the citation of 3 is missing."""
    texts, codes = _audit(
        tmp_path,
        ["Works [1], [2], [3] and [4] are cited here."],
        [
            "1. Abbott J. A study. J Stuff. 2019;3:12-",
            (_IN, "45."),
            "2. Brandt K. Another study. J Stuff. 2020;4:1-9.",
            "4. Gray P. A fourth study. J Stuff. 2021;5:3-8.",
        ],
    )
    assert len(texts) == 3, texts
    assert texts[2].startswith("4.")
    assert codes == ["CIT002"]
