"""Journal names and locators in the shapes publishers print them (made-up entries)."""

from __future__ import annotations

import pytest

from tests.freetext.helpers import families, parse


@pytest.mark.parametrize(
    ("text", "container", "volume", "pages"),
    [
        # eLife/PLOS: "Journal volume:pages" with no comma before the volume
        (
            "Orban K. 2012. A short note. Acta Fictiva Biologica 25:1754-1760.",
            "Acta Fictiva Biologica",
            "25",
            "1754-1760",
        ),
        (
            "Orban K. 2012. A short note. PLoS Fictional Biology 8:e1002389.",
            "PLoS Fictional Biology",
            "8",
            "e1002389",
        ),
        ("Orban K. 2012. A short note. Fict Rev 148: 113-120.", "Fict Rev", "148", "113-120"),
        # an abbreviated journal whose words the full stops cut into sentences
        (
            "Lind, A. (1979). Frail alveoli. Fed. Fict. 38 (2): 215-223.",
            "Fed. Fict",
            "38",
            "215-223",
        ),
        (
            "Lind, A. (2015). Frail alveoli. J. Fict. Phys., 38 (2), 215-223.",
            "J. Fict. Phys",
            "38",
            "215-223",
        ),
        (
            "Lind, A. (2015). Frail alveoli. Mol. Fict. 2015, 23, 1416-1417.",
            "Mol. Fict",
            "23",
            "1416-1417",
        ),
    ],
)
def test_journal_and_locators(text: str, container: str, volume: str, pages: str) -> None:
    ref = parse(text)
    assert ref.container == container
    assert (ref.volume, ref.pages) == (volume, pages)


def test_a_year_glued_to_the_title() -> None:
    ref = parse("Hale M, Porat P. 2006.Differential answers of eco types. Fict Ann 148: 113-120.")
    assert families(ref) == ["Hale", "Porat"]
    assert ref.year == 2006
    assert ref.title == "Differential answers of eco types"


def test_generational_suffix_in_a_vancouver_list() -> None:
    ref = parse(
        "Hale Z, Szabo E, Modra L Jr, Nemo G. Tear osmolarity after surgery. "
        "Fict Cornea. 2013 Jul; 32(7): e142-5."
    )
    assert families(ref) == ["Hale", "Szabo", "Modra", "Nemo"]
    assert ref.title == "Tear osmolarity after surgery"
    assert ref.container == "Fict Cornea"
    assert ref.year == 2013


@pytest.mark.parametrize(
    "text",
    [
        'Colley, T. "The path to the end." Fictive Forum, Winter 2008: 14-17.',
        "Colley T. Une histoire nouvelle. Rev Fict Obstet (Paris) Décembre 2016;45(10):1205-6.",
    ],
)
def test_a_season_or_month_ends_the_container(text: str) -> None:
    ref = parse(text)
    assert ref.container in ("Fictive Forum", "Rev Fict Obstet (Paris)")
    assert ref.year in (2008, 2016)


def test_in_is_dropped_from_both_sides_when_scoring_containers() -> None:
    from citeaudit.bibliography.freetext_eval import norm_container

    assert norm_container("In Proceedings of Fictions,") == norm_container(
        "Proceedings of Fictions"
    )
    assert norm_container("in: Fictive Book") == "fictive book"
    assert norm_container("Inside Fiction") == "inside fiction"
