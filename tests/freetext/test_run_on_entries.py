"""Entries whose parts run on without the full stops the rules cut at: the title, journal
and locators in one comma-separated sentence, an abbreviated journal split into
sentences of its own, and a given name read as a Vancouver author block."""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_fields


@pytest.mark.parametrize(
    ("text", "title", "container", "volume", "pages"),
    [
        (
            "Theilen-Willige, B., The Araguainha astrobleme/Central Brazil, Geologische "
            "Rundschau, v. 71, pp. 318-327, 1982",
            "The Araguainha astrobleme/Central Brazil",
            "Geologische Rundschau",
            "71",
            "318-327",
        ),
        (
            "Bagust, J. (2012) Keeping Gender on the Agenda: Theorising the Systemic Barriers "
            "to Women Lawyers In Corporate Legal Practice, Griffith Law Review, 21(1), "
            "pp. 137–163.",
            "Keeping Gender on the Agenda: Theorising the Systemic Barriers to Women Lawyers In "
            "Corporate Legal Practice",
            "Griffith Law Review",
            "21",
            "137–163",
        ),
        (
            "Weissman, D.; Karikó, K. mRNA: Fulfilling the Promise of Gene Therapy. Mol. Ther. "
            "2015, 23, 1416–1417.",
            "mRNA: Fulfilling the Promise of Gene Therapy",
            "Mol. Ther",
            "23",
            "1416–1417",
        ),
    ],
)
def test_journal_is_cut_off_a_run_on_title(
    text: str, title: str, container: str, volume: str, pages: str
) -> None:
    f = parse_fields(text)
    assert (f.title, f.container, f.volume, f.pages) == (title, container, volume, pages)


@pytest.mark.parametrize(
    "text",
    [
        # a comma inside the title and a place, not a journal, before the year
        "Smith, J., Rivers, roads and rails, London, 1998.",
        # the piece before the locators has digits: an edition or a series, not a journal
        "Jones, A., A history of maps, 2nd edition, vol. 3, pp. 1-20.",
    ],
)
def test_no_journal_is_invented(text: str) -> None:
    assert parse_fields(text).container is None


@pytest.mark.parametrize(
    ("text", "family", "title"),
    [
        (
            "[17] Thomas D. Gillespie. Fundamentals of Vehicle Dynamics. Society of Automotive "
            "Engineers, Inc, 1992.",
            "Gillespie",
            "Fundamentals of Vehicle Dynamics",
        ),
        (
            "William G. Cochran. Sampling Techniques. John Wiley and Sons, Inc., New York, "
            "3 edition, 1977.",
            "Cochran",
            "Sampling Techniques",
        ),
        # Vancouver proper keeps its reading
        (
            "Han SE, Chen G. Optical absorption enhancement in silicon nanohole arrays. "
            "Nano Lett. 2010;10(3):1012-5.",
            "Han",
            "Optical absorption enhancement in silicon nanohole arrays",
        ),
    ],
)
def test_given_name_and_initial_are_not_a_vancouver_block(
    text: str, family: str, title: str
) -> None:
    f = parse_fields(text)
    assert (f.authors[0].family, f.title) == (family, title)
