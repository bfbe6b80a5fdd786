"""A cited year far from the one entry of that author is another work (m11, issue 12).

Class FY: "(Quarle et al., 2022)" beside the only Quarle entry, of 2016, was reported
as citation-year-mismatch; no typing slip turns 2016 into 2022, so the citation names
a work missing from the list and the 2016 entry is uncited. A year mismatch is claimed
only when the years are at most two apart or one digit changed / two swapped.

Guards: a slip a year away, a digit changed, and two digits swapped stay year
mismatches; an entry stating the cited year as its original edition's is the work.
Examples made up.
"""

from __future__ import annotations

from pathlib import Path

from tests.listed_paper import audit_listed, citation_codes

_OTHER = "Orwin T (2010) Work on harbours. Journal of Tests 1: 2-3."


def _codes(tmp_path: Path, body: str, entries: list[str]) -> list[str]:
    return sorted(
        citation_codes(audit_listed(tmp_path, body + " Also (Orwin 2010).", [*entries, _OTHER]))
    )


_QUARLE = "Quarle B, Tesh M, Ulin P (2016) Soils of the upper valley. Journal of Tests 4: 1-9."


def test_fy_six_years_apart_is_another_work(tmp_path: Path) -> None:
    body = "Yields rose (Quarle et al., 2022)."
    assert _codes(tmp_path, body, [_QUARLE]) == ["CIT001", "CIT002"]


def test_fy_decades_apart_is_another_work(tmp_path: Path) -> None:
    body = "Yields rose (Quarle et al., 1984)."
    assert _codes(tmp_path, body, [_QUARLE]) == ["CIT001", "CIT002"]


def test_fy_guard_a_year_away_is_a_slip(tmp_path: Path) -> None:
    body = "Yields rose (Quarle et al., 2017)."
    assert _codes(tmp_path, body, [_QUARLE]) == ["CIT004"]


def test_fy_guard_swapped_digits_are_a_slip(tmp_path: Path) -> None:
    body = "Yields rose (Quarle et al., 1978)."
    assert _codes(tmp_path, body, [_QUARLE.replace("2016", "1987")]) == ["CIT004"]


def test_fy_guard_original_year_in_the_entry(tmp_path: Path) -> None:
    entry = (
        "Quarle B (2016) Soils of the upper valley. Valley Press. "
        "(Original work published 1984)"
    )
    assert _codes(tmp_path, "Yields rose (Quarle, 1984).", [entry]) == []
