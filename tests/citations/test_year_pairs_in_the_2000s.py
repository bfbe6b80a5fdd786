"""A citation that pairs two years with a slash, the original edition's and the one
read ("(Park 2001/2012)"): read only when the first year was before 2000, so a pair in
the 2000s cited nothing and its entry was "never cited" (issue 12). Either year of the
pair cites the entry that gives it. Made-up names and works."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.citations import extract_citations

from .helpers import document


def test_a_pair_of_years_in_the_2000s_is_read() -> None:
    (found,) = extract_citations(document("Rivers flow (Park 2001/2012)."))
    assert (found.authors, found.year) == (("Park",), 2012)


def _codes(tmp_path: Path, body: str, entries: str) -> list[tuple[str, str]]:
    path = tmp_path / "paper.md"
    path.write_text(f"# Intro\n\n{body}\n\n# References\n\n{entries}\n", encoding="utf-8")
    return [(f.code, f.message) for f in audit(AuditInput(manuscripts=(path,))).findings]


def test_either_year_of_the_pair_cites_the_entry(tmp_path: Path) -> None:
    entries = "Park, B. (2001). On rivers. River Press.\n\nLee, A. (2012). On lakes. Lake Press."
    body = "Rivers flow (Park 2001/2012). Lakes fill (Lee, 2005/2012)."
    assert _codes(tmp_path, body, entries) == []


def test_a_pair_no_entry_holds_is_still_missing(tmp_path: Path) -> None:
    entries = "Lee, A. (2012). On lakes. Lake Press."
    body = "Rivers flow (Park 2001/2012). Lakes fill (Lee, 2012)."
    codes = _codes(tmp_path, body, entries)
    assert [c for c, _ in codes] == ["CIT002"]
    assert "Park" in codes[0][1]
