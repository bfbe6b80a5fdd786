"""Year forms that fit their entry (made up): letters on "n.d.", other calendars.

"(Quinn, n.d.)" beside the one entry "Quinn (n.d.-a)" is that entry, as "(Quinn,
2020)" is "Quinn (2020a)"; a Thai list dates works in the Buddhist era ("2563", 2020
in the text) and Arabic lists in the Hijri one ("1441 H", 2019 or 2020): neither is a
wrong year.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.matching.years import common_era, year_fits, year_in_raw
from citeaudit.model.citation import Citation, CitationKind
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference


def _codes(tmp_path: Path, body: str, entries: list[str]) -> list[str]:
    md = tmp_path / "paper.md"
    md.write_text(
        "# Intro\n\n" + body + "\n\n# References\n\n" + "\n\n".join(entries) + "\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    return sorted(f.code for f in result.findings if f.code.startswith("CIT"))


def _citation(year: int | None, suffix: str | None = None) -> Citation:
    return Citation(
        id="c1",
        text="(Hill, x)",
        location=Location("p.md", 1),
        kind=CitationKind.AUTHOR_YEAR,
        item="Hill, x",
        authors=("Hill",),
        year=year,
        year_suffix=suffix,
        no_date=year is None,
    )


def _entry(raw: str, year: int | None, suffix: str | None = None) -> Reference:
    return Reference(
        id="ref-1",
        index=1,
        location=Location("p.md", 9),
        raw=raw,
        year=year,
        year_suffix=suffix,
        no_date=year is None,
    )


def test_an_undated_citation_fits_the_one_lettered_undated_entry(tmp_path: Path) -> None:
    codes = _codes(
        tmp_path,
        "A claim (Quinn, n.d.a) and another (Roe, 2019).",
        ["Quinn, Q. (n.d.-a). Work a. Site.", "Roe, R. (2019). Work. Journal, 1, 2."],
    )
    assert codes == []


@pytest.mark.parametrize(
    ("cited", "cited_suffix", "listed_suffix", "fit"),
    [(None, None, "a", "family"), (None, "a", None, "suffix"), (None, "a", "b", "")],
)
def test_letters_on_undated_years_read_as_on_years(
    cited: int | None, cited_suffix: str | None, listed_suffix: str | None, fit: str
) -> None:
    entry = _entry("Hill, H. (n.d.). Work.", None, listed_suffix)
    assert year_fits(_citation(cited, cited_suffix), entry) == fit


def test_a_buddhist_era_year_is_its_gregorian_year(tmp_path: Path) -> None:
    assert common_era(2563) == 2020
    assert common_era(2020) == 2020
    assert year_fits(_citation(2020), _entry("Hill, H. (2563). Thai work.", 2563)) == "exact"
    assert year_fits(_citation(2563), _entry("Hill, H. (2020). Thai work.", 2020)) == "exact"
    assert year_fits(_citation(2021), _entry("Hill, H. (2563). Thai work.", 2563)) == ""
    codes = _codes(
        tmp_path,
        "A claim (Hill, 2020) and another (Roe, 2019).",
        ["Hill, H. (2563). Thai work. Journal.", "Roe, R. (2019). Work. Journal, 1, 2."],
    )
    assert codes == []


@pytest.mark.parametrize(("cited", "held"), [(2019, True), (2020, True), (2021, False)])
def test_a_hijri_year_in_the_entry_holds_the_years_it_overlaps(cited: int, held: bool) -> None:
    entry = _entry("Jaber, J. (1441 H). Kitab. Dar al-Nashr.", None)
    assert year_in_raw(_citation(cited), entry) is held


def test_a_number_before_an_h_is_no_hijri_year() -> None:
    entry = _entry("Jaber, J. Kitab. Vol. 1441 Hamburg: Dar.", None)
    assert year_in_raw(_citation(2020), entry) is False


@pytest.mark.parametrize("cited", ["(Baker, 2005 [1998])", "(Baker, [1998] 2005)"])
def test_the_original_year_in_brackets_is_the_listed_year(tmp_path: Path, cited: str) -> None:
    codes = _codes(
        tmp_path,
        f"A claim {cited} and another (Roe, 2019).",
        ["Baker, B. (1998). Work two. Press.", "Roe, R. (2019). Work. Journal, 1, 2."],
    )
    assert codes == []


def test_a_bracketed_year_that_is_not_the_entry_s_is_still_a_mismatch(tmp_path: Path) -> None:
    codes = _codes(
        tmp_path,
        "A claim (Baker, 2005 [1997]) and another (Roe, 2019).",
        ["Baker, B. (1998). Work two. Press.", "Roe, R. (2019). Work. Journal, 1, 2."],
    )
    assert "CIT004" in codes


def test_a_status_citation_s_mismatch_names_its_status(tmp_path: Path) -> None:
    md = tmp_path / "paper.md"
    md.write_text(
        "# Intro\n\nA claim (Gomes, in press).\n\n# References\n\n"
        "Gomes, G. (2022). Obra. Revista.\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    messages = [f.message for f in result.findings if f.code == "CIT004"]
    assert len(messages) == 1
    assert 'gives the year "in press"' in messages[0]
    assert "n.d." not in messages[0]
