"""Author-year citations dated in another calendar (class HJ, issue 12).

Persian and Arabic manuscripts date a work by the Solar Hijri or the Hijri year, alone
("(Nouri, 1441 AH)", "Bahrami (1398 SH)") or beside the Gregorian one after a slash
("(Farahani, 1384/2005)", "(Sadeghi, 2009/1388)"). The year reader took only years of
1500-2039, so none of these was read: the entry was "never cited" and, when the list
lacked it, nothing was missing. Made-up names and works.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.citations.years import parse_years
from citeaudit.manuscript.document import Document, Line
from tests.verdicts import markdown_verdict

_FILLER = (
    "Other work agrees (Lind, 2001; Pardo, 2002; Moura, 2003).\n\n"
    "# References\n\n"
    "Lind, A. (2001). One. P.\n\n"
    "Pardo, A. (2002). Two. P.\n\n"
    "Moura, A. (2003). Three. P.\n\n"
    "Zorrilla, C. (2010). Never cited. P.\n\n"
)


def _cited(text: str) -> list[tuple[tuple[str, ...], int | None]]:
    lines = tuple(Line("p.md", n, t) for n, t in enumerate(text.split("\n"), start=1))
    doc = Document("p.md", "markdown", lines)
    return [(c.authors, c.year) for c in extract_citations(doc)]


def test_hijri_year_before_a_slash_then_the_gregorian_is_the_gregorian_year() -> None:
    parsed = parse_years("1384/2005")
    assert parsed is not None
    labels, end = parsed
    assert [lb.year for lb in labels] == [2005] and end == len("1384/2005")


def test_gregorian_year_before_a_slash_then_the_hijri() -> None:
    parsed = parse_years("2009/1388")
    assert parsed is not None
    labels, end = parsed
    assert [lb.year for lb in labels] == [2009] and end == len("2009/1388")


def test_a_marked_hijri_year_is_a_year_label_of_no_gregorian_year() -> None:
    for written in ("1441 AH", "1441 A.H.", "1398 SH", "1398 H.S.", "1441 H", "1441 هـ", "1398 ش"):
        parsed = parse_years(written)
        assert parsed is not None, written
        labels, end = parsed
        assert end == len(written) and labels[0].year is None and not labels[0].no_date


def test_a_bare_number_of_those_centuries_is_no_year() -> None:
    assert parse_years("1441") is None
    assert parse_years("1441 Hz") is None


def test_slashed_hijri_group_and_narrative_are_read() -> None:
    found = _cited("Reform was studied (Farahani, 1384/2005) and Sadeghi (2009/1388) agreed.\n")
    assert (("Farahani",), 2005) in found and (("Sadeghi",), 2009) in found


def test_marked_hijri_group_and_narrative_are_read() -> None:
    found = _cited("Water rights (Nouri, 1441 AH) were debated; Bahrami (1398 SH) disagreed.\n")
    assert (("Nouri",), None) in found and (("Bahrami",), None) in found


def test_entries_dated_in_other_calendars_are_cited(tmp_path: Path) -> None:
    text = (
        "Water rights were debated (Nouri, 1441 AH), land reform studied (Farahani, "
        "1384/2005), and Bahrami (1398 SH) disagreed.\n\n"
        + _FILLER.replace(
            "Zorrilla",
            "Nouri, S. (1441 AH). Water rights in the Hijaz. Riyadh: Dar Example.\n\n"
            "Farahani, M. (1384/2005). Land reform. Tehran: Example Press.\n\n"
            "Bahrami, B. (1398 SH). A Persian book. Tehran: Example.\n\n"
            "Zorrilla",
        )
    )
    uncited, missing = markdown_verdict(tmp_path, text, 12)
    assert uncited == {"Zorrilla, C."} and missing == set()


def test_a_hijri_dated_citation_of_no_entry_is_missing(tmp_path: Path) -> None:
    text = "Water rights were debated (Qudsi, 1441 AH).\n\n" + _FILLER
    uncited, missing = markdown_verdict(tmp_path, text, 12)
    assert uncited == {"Zorrilla, C."} and missing == {"(Qudsi, 1441 AH)"}
