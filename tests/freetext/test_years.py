"""The year of an entry is its year, never a page, volume, issue or article number.

Each shape is a made-up entry built like those of real lists where a locator was read
as the year (which made citeaudit report year mismatches on correct citations).
"""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext_years import LOCATOR, pick_year, year_candidates
from tests.freetext.helpers import families, parse

# (entry, year, suffix)
SHAPES = [
    # eLife/bioRxiv: Vancouver names, the year after them, "Journal volume:pages"
    (
        "Orban K, Telle P. 2016. Tracking spindle bodies by light microscopy. "
        "Methods in Cell Techniques 1505:151-166. https://doi.org/10.1000/xyz1",
        2016,
        None,
    ),
    ("Orban K, Telle P. 2014b. Spindle bodies again. Acta Fictiva 1855:50-60.", 2014, "b"),
    ("Orban K. 2012. A short note. Journal of Made-up Results 307:1598.", 2012, None),
    ("Orban K. 2012. A short note. PLoS Fictional Biology 8:e1002389.", 2012, None),
    # Vancouver: the year before ";volume", never the volume, issue or pages
    ("Lind A, Moro B. Frail hearts. J Fict Med. 2017;12(3):1505-12.", 2017, None),
    # a year in the journal's name loses to the locator's date
    (
        "Lind A, Moro B. Frail hearts. J Fict Pharm Assoc (2003). 2008 May-Jun;48(3):e55-63.",
        2008,
        None,
    ),
    ("Lind A. Frail lungs. Eur J Fict (Oxford, England: 1990). 2013;49(16):3450-61.", 2013, None),
    # pages after "pp." and a page range are no year
    ("Lind, A. Frail hearts, Journal of Fictions, vol. 7, pp. 1505-1512, 2011.", 2011, None),
    ("Lind, A. Frail hearts. Fiction Review, 12(3), 1790-1801. 2009.", 2009, None),
    # a full date's year; the access date after it is not the entry's
    (
        "MOURA, J. Um movimento novo. Portal Fictício. 03-06-2020. Disponível em: "
        "https://example.org/a. Acesso em: 7 mai. 2022.",
        2020,
        None,
    ),
    # glued to a word by a missing space
    ("Lind A. Frail hearts. Fiction Care2004;27(9):1-5", 2004, None),
    ("Lind A: Frail hearts. Cambridge: Fiction Press.2000. Reference Source", 2000, None),
    # years in the title stay the title's when the entry has its own
    (
        "Lind A, Moro B. Fiction in Brazil, 1999-2004. Soc Fict Med. 2007;65(10):2070-80.",
        2007,
        None,
    ),
    ("Lind A. 1998. Genera Aus, Smith, 1953 and Bus, Kent, 1880. Acta Fict 37:23-27.", 1998, None),
]


@pytest.mark.parametrize(("text", "year", "suffix"), SHAPES)
def test_the_year_is_not_a_locator(text: str, year: int, suffix: str | None) -> None:
    ref = parse(text)
    assert (ref.year, ref.year_suffix) == (year, suffix)


def test_a_locator_is_the_last_resort() -> None:
    # nothing but a volume: better than no year at all (and ranked below any other)
    assert parse("Lind A. Frail hearts. Acta Fict 1998:23-27.").year == 1998
    cands = year_candidates("Acta Fict 1855:50-60 pp. 1999 (2004)")
    assert [(c.year, c.rank == LOCATOR) for c in cands] == [
        (1855, True),
        (1999, True),
        (2004, False),
    ]
    assert pick_year("Acta Fict 1855:50-60") is None
    best = pick_year("Acta Fict 1855:50-60", locators=True)
    assert best is not None and best.year == 1855


def test_eLife_names_with_many_authors_stay_names() -> None:
    names = ", ".join(f"Name{chr(65 + i)} {chr(65 + i)}" for i in range(24))
    ref = parse(f"{names}. 2019. Welcome to fiction. J Open Fict 4:1686.")
    assert ref.year == 2019
    assert len(families(ref)) == 24 and families(ref)[0] == "NameA"
    assert ref.title == "Welcome to fiction"
    assert ref.container == "J Open Fict"
    assert (ref.volume, ref.pages) == ("4", "1686")


def test_an_edition_year_before_the_original_one_is_the_year() -> None:
    ref = parse(
        "OLIVEIRA, M. M. Estética da palavra [1951-1953]. Tradução de Paulo Reis. 4. ed. "
        "São Paulo: Martins Fontes, 2011/1979."
    )
    assert ref.year == 2011


def test_a_bracketed_span_of_years_dates_an_entry_with_no_other_year() -> None:
    ref = parse("Okafor, Ruth. “What Is a Port?” Maritime Text 16 (1986–87): 36–80.")
    assert ref.year == 1986


def test_a_period_in_the_title_does_not_date_the_entry() -> None:
    ref = parse(
        "Lemaire (N.), Le port de Nantes pendant la Ligue (1589-1595): l'apport des textes, "
        "In : Mouillebouche 2010, p.111-145."
    )
    assert ref.year == 2010


def test_a_year_and_issue_after_a_slash() -> None:
    ref = parse("MARCHAND, Paul, « Les ports », Vingtième siècle, 2007/3, n°95, p.3-14.")
    assert ref.year == 2007
