"""A year inside a title's phrase is the title's, not the entry's.

"… production from 1980 to 2015. Wetland Notes, 2022." read as 1980 made every
citation of the work a year mismatch (or an uncited entry and a missing citation).
Every entry here is made up.
"""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext_years import IN_PHRASE, PLAIN, year_candidates
from tests.freetext.helpers import families, parse


@pytest.mark.parametrize(
    ("text", "year"),
    [
        (
            "Okafor, T.; Lind, P. Fens mapped from 1980 to 2015. Wetland Notes, v. 3, 2022.",
            2022,
        ),
        (
            "RAMOS, A. Uma leitura. In: DIAS, C. (Org.). De 1969 a 2019: um percurso. "
            "Campinas: Sol, 2019. p. 27-30.",
            2019,
        ),
        ("Ekwueme, B. Targets towards 2030: a review. Journal of Fens, 12, 2018.", 2018),
        ("Ito, K. Aus bus Linnaeus, 1758 in Lagos. Rev. Zool. Fict. 3: 12-15, 2001.", 2001),
    ],
)
def test_the_year_of_a_title_phrase_loses_to_the_entrys_own(text: str, year: int) -> None:
    assert parse(text).year == year


def test_a_phrase_year_is_still_the_year_when_the_entry_has_no_other() -> None:
    assert parse("Ekwueme, B. Targets towards 2030. Lagos: Sol.").year == 2030


def test_months_and_abbreviations_do_not_make_a_phrase() -> None:
    for text in ("Paulo, Q. Manchete. Recife, 12 maio 2019.", "Lind, A. Nota. jan. 2019."):
        assert [c.rank for c in year_candidates(text)] == [PLAIN]
    assert [c.rank for c in year_candidates("data from 1980 onwards")] == [IN_PHRASE]


def test_hyphenated_initials_without_stops_end_the_name() -> None:
    ref = parse(
        "Sauvé, J-S; Moreau, P.; Lind, V. Fens mapped from 1980 to 2015. Wetland Notes, 2022."
    )
    assert families(ref) == ["Sauvé", "Moreau", "Lind"]
    assert ref.year == 2022
    assert ref.title == "Fens mapped from 1980 to 2015"
