"""A name with "et al." (or two names) and a year in running text, no brackets, that
fits several entries of one author and year (m8).

The class: "the model of Tahir et al. 2016 was extended", the list holding Tahir et
al. 2016a and 2016b (or two unlettered 2016 entries). Such a citation is read WEAK (a
name and a year in running text may be no citation: "the Censo INE 2011 data"), and a
weak one was kept only when one entry fits. With several fitting, it was dropped, and
every fitting entry was then called "never cited" -- two or three false alarms for one
citation an editor sees at once. "et al." or a second author is a citation's own
mark, not a phrase's: such a citation is kept, and is ambiguous (one CIT003), as the
bracketed form is. A lone name in running text ("the INE 2011 census") stays dropped.
"""

from __future__ import annotations

from pathlib import Path

from tests.listed_paper import audit_listed, citation_codes

_OTHER = "Orwin T (2010) Work on harbours. Journal of Tests 1: 2-3."


def _codes(tmp_path: Path, body: str, entries: list[str]) -> list[str]:
    return citation_codes(audit_listed(tmp_path, "As in (Orwin 2010). " + body, [*entries, _OTHER]))


def test_et_al_in_running_text_fitting_two_lettered_entries_is_ambiguous(tmp_path: Path) -> None:
    entries = [
        "Tahir MH, Cordeiro GM, Lee A (2016a) A family of laws. J Test 1: 1-2.",
        "Tahir MH, Zubair M, Alves K (2016b) Another family of laws. J Test 2: 3-4.",
    ]
    body = "The model of Tahir et al. 2016 was extended."
    assert _codes(tmp_path, body, entries) == ["CIT003"]


def test_et_al_in_running_text_in_portuguese_abnt_list(tmp_path: Path) -> None:
    entries = [
        "RIBEIRO, A.; COSTA, B.; LIMA, C. Solos do cerrado. Revista Teste, v. 1, 2019a.",
        "RIBEIRO, A.; SOUSA, D.; MELO, E. Águas do cerrado. Revista Teste, v. 2, 2019b.",
    ]
    body = "Os dados de Ribeiro et al. 2019 mostram a perda de solo."
    assert _codes(tmp_path, body, entries) == ["CIT003"]


def test_two_names_in_running_text_fitting_two_unlettered_entries(tmp_path: Path) -> None:
    entries = [
        "Moreau, J., & Petit, L. (2018). Les rivières. Revue de Test, 3, 1-9.",
        "Moreau, J., & Petit, L. (2018). Les lacs. Revue de Test, 4, 10-19.",
    ]
    body = "Selon Moreau & Petit 2018 les eaux montent."
    assert _codes(tmp_path, body, entries) == ["CIT003"]


def test_a_lone_name_and_year_in_running_text_fitting_two_stays_no_citation(
    tmp_path: Path,
) -> None:
    entries = [
        "INE (2011a) Censo de población. Madrid: INE.",
        "INE (2011b) Censo de viviendas. Madrid: INE.",
    ]
    body = "Los datos del Censo INE 2011 muestran el cambio."
    codes = _codes(tmp_path, body, entries)
    assert "CIT003" not in codes


def test_names_with_no_year_fitting_two_entries_stay_no_citation(tmp_path: Path) -> None:
    entries = [
        "Moreau, J., Petit, L., & Roux, A. (2018). Les rivières. Revue de Test, 3, 1-9.",
        "Moreau, J., Blanc, K., & Roux, A. (2016). Les lacs. Revue de Test, 4, 10-19.",
    ]
    body = "Le bassin (Moreau et al.) montre la crue. Voir Moreau et al. (2018, 2016)."
    assert "CIT003" not in _codes(tmp_path, body, entries)
