"""Years of the Solar Hijri calendar in a Persian list (made up).

Persian journals date works in the Solar Hijri calendar ("1399", "1399 SH", "1399 ش"),
whose year starts at the March equinox: 1399 runs from March 2020 to March 2021, so
an English text cites the work as 2020 or 2021. Read as the entry's year, "1399" gave
a year mismatch for a correct citation; a Gregorian year no nearer than that is still
one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit


def _codes(tmp_path: Path, body: str, entries: list[str]) -> list[str]:
    md = tmp_path / "paper.md"
    md.write_text(
        "# Intro\n\n" + body + "\n\n# References\n\n" + "\n\n".join(entries) + "\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    return sorted(f.code for f in result.findings if f.code.startswith("CIT"))


_OTHER = "Orwin, T. (2010). Work on harbours. Journal of Tests, 1, 2-3."


@pytest.mark.parametrize("written", ["(1399)", "(1399 SH)", "(1399 ش)", "(1399 H.S.)"])
@pytest.mark.parametrize("cited", [2020, 2021])
def test_a_solar_hijri_year_fits_the_gregorian_years_it_spans(
    tmp_path: Path, written: str, cited: int
) -> None:
    codes = _codes(
        tmp_path,
        f"As shown before (Karimi, {cited}). Also (Orwin, 2010).",
        [f"Karimi, A. {written}. A study of wells. Journal of Tests, 4, 5-9.", _OTHER],
    )
    assert codes == []


def test_a_gregorian_year_further_off_is_still_a_mismatch(tmp_path: Path) -> None:
    codes = _codes(
        tmp_path,
        "As shown before (Karimi, 2017). Also (Orwin, 2010).",
        ["Karimi, A. (1399). A study of wells. Journal of Tests, 4, 5-9.", _OTHER],
    )
    assert codes == ["CIT004"]


def test_a_lunar_hijri_year_written_bare_fits_too(tmp_path: Path) -> None:
    """A bare "1441" is a lunar Hijri year in an Arabic list (August 2019 to 2020)."""
    codes = _codes(
        tmp_path,
        "As shown before (Haddad, 2019). Also (Orwin, 2010).",
        ["Haddad, S. (1441). A study of wells. Journal of Tests, 4, 5-9.", _OTHER],
    )
    assert codes == []
