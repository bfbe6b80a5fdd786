"""A name in another transliteration, cited under another year than its entry's.

"(VYGOTSKY, 1978)" beside "VIGOTSKI, L. S. ... 2007.": the English edition's
spelling and year against the Portuguese translation the list holds; "Bajtín (1979)"
beside "BAKHTIN, M. ... 2003.". The name is the entry's author (the transliteration
matcher links it when the years agree); the year is not the entry's. That is one year
mismatch, as for a name written the list's way -- not the entry uncited and the
citation missing, two false alarms for one difference (dev bench: "Vološinov, 1973"
beside VOLÓCHINOV 2019). The entry's own words for the original edition still make it
the work cited. Every title here is made up.
"""

from __future__ import annotations

from pathlib import Path

from tests.listed_paper import abnt_codes


def _codes(tmp_path: Path, sentence: str, *entries: str) -> list[str]:
    return abnt_codes(tmp_path, sentence, *entries, opening="Na escola")


def test_parenthetical_other_spelling_other_year_is_a_year_mismatch(tmp_path: Path) -> None:
    codes = _codes(
        tmp_path,
        "a mediação importa (VYGOTSKY, 1978)",
        "VIGOTSKI, L. S. A mente em sociedade. São Paulo: Martins Fontes, 2007.",
    )
    assert codes == ["CIT004"]


def test_narrative_other_spelling_other_year_is_a_year_mismatch(tmp_path: Path) -> None:
    codes = _codes(
        tmp_path,
        "conforme Bajtín (1979) escreveu",
        "BAKHTIN, M. Estética da palavra. São Paulo: Martins Fontes, 2003.",
    )
    assert codes == ["CIT004"]


def test_the_original_year_in_the_entry_is_the_work_cited(tmp_path: Path) -> None:
    codes = _codes(
        tmp_path,
        "a mediação importa (VYGOTSKY, 1934)",
        "VIGOTSKI, L. S. Pensamento e fala [1934]. São Paulo: Martins Fontes, 2009.",
    )
    assert codes == []


def test_another_name_is_still_missing(tmp_path: Path) -> None:
    codes = _codes(
        tmp_path,
        "a mediação importa (VYGODSKY, 1978)",
        "VIGOTSKI, L. S. A mente em sociedade. São Paulo: Martins Fontes, 2007.",
    )
    assert "CIT004" not in codes
