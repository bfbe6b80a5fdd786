"""Matching classes where the citation was read right but linked to no entry (m7).

* a middle author named first with "et al." ("(Quillan et al. 2005)" for Brask,
  Ottley, Quillan, Varo & Holm (2005)), the entry otherwise uncited and the only one
  of that year naming that author: the work cited, linked and reported by
  citation-name-mismatch -- never missing and uncited both. Beside an entry the text
  cites as such, or a second entry of that year with the same middle author, it stays
  missing.
* a publisher cited by the acronym its imprint gives in brackets after its name, or by
  its name's initials ("(EWPS 2013)" for "... Nairobi: The Eastern Water Policy Studies
  Network (EWPS)."): the one entry of that year it published, as its whole name is.
* a pair of authors cited a year off their one entry ("(Hu and Zang 2013)" beside
  "(Hu and Zang 2012)" elsewhere): every author named, so a year mismatch, not a
  missing work; "et al.", years far apart, or both years in one group stay missing.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit_data import AuditResult
from tests.listed_paper import audit_listed, citation_codes

_OTHER = "Orwin T (2010) Work on harbours. Journal of Tests 1: 2-3."
_BRASK = (
    "Brask W, Ottley J, Quillan MD, Varo G, Holm H (2005) Global centres of moss "
    "diversity. Acta Testiana 92: 61-83."
)


def _audit(tmp_path: Path, body: str, entries: list[str]) -> AuditResult:
    return audit_listed(tmp_path, body + " Also (Orwin 2010).", [*entries, _OTHER])


_codes = citation_codes


def test_a_middle_author_with_et_al_is_the_uncited_entry(tmp_path: Path) -> None:
    result = _audit(tmp_path, "Moss is richest in the north (Quillan et al. 2005).", [_BRASK])
    assert _codes(result) == ["CIT007"]


def test_a_fourth_author_with_et_al_is_the_uncited_entry(tmp_path: Path) -> None:
    result = _audit(tmp_path, "As Varo et al. (2005) mapped it.", [_BRASK])
    assert _codes(result) == ["CIT007"]


def test_a_middle_author_beside_the_entry_cited_as_such_stays_missing(tmp_path: Path) -> None:
    result = _audit(
        tmp_path, "Moss (Brask et al. 2005) is richest north (Quillan et al. 2005).", [_BRASK]
    )
    assert _codes(result) == ["CIT002"]


def test_a_middle_author_of_two_uncited_entries_is_not_guessed(tmp_path: Path) -> None:
    other = "Lund A, Quillan MD, Rees B (2005) Mosses of the coast. Acta Testiana 92: 84-90."
    result = _audit(tmp_path, "Moss is richest north (Quillan et al. 2005).", [_BRASK, other])
    assert _codes(result) == ["CIT001", "CIT001", "CIT002"]


def test_a_middle_author_of_another_year_stays_missing(tmp_path: Path) -> None:
    result = _audit(tmp_path, "Moss is richest north (Quillan et al. 2009).", [_BRASK])
    assert _codes(result) == ["CIT001", "CIT002"]


# --- a publisher cited by its acronym --------------------------------------------------

_NETWORK = (
    "Abebe B, Tola A (2013) Herders' views of drought in the upper valley. Nairobi, "
    "Kenya: The Eastern Water Policy Studies Network (EWPS)."
)


def test_a_publisher_cited_by_the_acronym_its_imprint_gives(tmp_path: Path) -> None:
    result = _audit(tmp_path, "Herders see less rain (EWPS 2013).", [_NETWORK])
    assert _codes(result) == []


def test_a_publisher_cited_by_its_name_s_acronym(tmp_path: Path) -> None:
    entry = (
        "Abebe B, Tola A (2013) Herders' views of drought in the upper valley. Geneva: "
        "Eastern Water Policy Studies Network."
    )
    result = _audit(tmp_path, "Herders see less rain (EWPSN 2013).", [entry])
    assert _codes(result) == []


def test_a_publisher_acronym_of_another_year_is_not_linked(tmp_path: Path) -> None:
    result = _audit(tmp_path, "Herders see less rain (EWPS 2015).", [_NETWORK])
    assert _codes(result) == ["CIT001", "CIT002"]


def test_a_two_letter_publisher_acronym_is_not_linked(tmp_path: Path) -> None:
    entry = (
        "Abebe B, Tola A (2013) Herders' views of drought in the upper valley. Oxford: "
        "Water Press (WP)."
    )
    result = _audit(tmp_path, "Herders see less rain (WP 2013).", [entry])
    assert _codes(result) == ["CIT001", "CIT002"]


# --- a pair of authors cited a year off, beside their entry cited right ----------------

_PAIR = "Hu LJ, Zang XC (2012) Genera of a fern family. Molecular Tests 65: 757-764."


def test_a_pair_cited_a_year_off_beside_the_right_year_is_a_year_mismatch(
    tmp_path: Path,
) -> None:
    body = "Ferns split (Hu and Zang 2013). The clades (Hu and Zang 2012) differ."
    result = _audit(tmp_path, body, [_PAIR])
    assert _codes(result) == ["CIT004"]


def test_a_pair_cited_years_apart_beside_the_right_year_stays_missing(tmp_path: Path) -> None:
    body = "Ferns split (Hu and Zang 2007). The clades (Hu and Zang 2012) differ."
    result = _audit(tmp_path, body, [_PAIR])
    assert _codes(result) == ["CIT002"]


def test_et_al_a_year_off_beside_the_right_year_stays_missing(tmp_path: Path) -> None:
    entry = "Hu LJ, Zang XC, Li B (2012) Genera of a fern family. Molecular Tests 65: 757-764."
    body = "Ferns split (Hu et al. 2013). The clades (Hu et al. 2012) differ."
    result = _audit(tmp_path, body, [entry])
    assert _codes(result) == ["CIT002"]


def test_a_pair_both_years_in_one_group_stays_missing(tmp_path: Path) -> None:
    result = _audit(tmp_path, "Ferns split (Hu and Zang 2012, 2013).", [_PAIR])
    assert _codes(result) == ["CIT002"]
