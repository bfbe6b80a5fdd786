"""Organisations as authors stay whole, however their names are built.

Why: an author part split at every comma and "and" made "Department of Health,
Education and Welfare" three authors; a body closing its name with a colon (F1000:
"Body: Title.") lost half its name to the title; and the tagger, sure of a shorter run,
cut a body's name the rules had read whole. A citation of the body then matched no
author of its entry. All examples are made up, modelled on real shapes.
"""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.bibliography.freetext_names import parse_authors
from citeaudit.model.location import Location


def _parse(text: str):  # type: ignore[no-untyped-def]
    return parse_reference(text, id="r", index=1, location=Location("refs.txt", 1))


def _families(text: str) -> list[str]:
    return [a.family for a in _parse(text).authors]


@pytest.mark.parametrize(
    ("entry", "families"),
    [
        (
            "Department of Health, Education and Welfare. (1979). The coastal report. Washington.",
            ["Department of Health, Education and Welfare"],
        ),
        (
            "Ministry of Agriculture, Fisheries and Food (1995) Harbour fish. London: HMSO.",
            ["Ministry of Agriculture, Fisheries and Food"],
        ),
        (
            "MINISTÉRIO DA AGRICULTURA, PECUÁRIA E ABASTECIMENTO. Plano de marés. Brasília, 2014.",
            ["MINISTÉRIO DA AGRICULTURA, PECUÁRIA E ABASTECIMENTO"],
        ),
        (
            "Office of Science and Technology, Ministry of Ports (2014). Harbour safety. London.",
            ["Office of Science and Technology", "Ministry of Ports"],
        ),
        (
            "Museum of Coastal Botany, Herbarium of the Southern Isles (2010) The Coast List, "
            "Version 2. Published on the internet.",
            ["Museum of Coastal Botany", "Herbarium of the Southern Isles"],
        ),
    ],
)
def test_a_body_whose_name_holds_a_list_is_one_author(entry: str, families: list[str]) -> None:
    assert _families(entry) == families


def test_a_family_in_capitals_keeps_its_given_name() -> None:
    people, _ = parse_authors("VAN DER BORGH, Pieter")
    assert [(p.family, p.given) for p in people] == [("VAN DER BORGH", "Pieter")]


def test_people_beside_a_body_are_still_people() -> None:
    people, _ = parse_authors("World Bank, Smith J, Jones K")
    assert [(p.family, p.given, p.organisation) for p in people] == [
        ("World Bank", None, True),
        ("Smith", "J", False),
        ("Jones", "K", False),
    ]
    people, _ = parse_authors("Smith, J., World Bank and Jones, K.")
    assert [p.family for p in people] == ["Smith", "World Bank", "Jones"]


def test_a_body_before_a_colon_keeps_its_whole_name() -> None:
    ref = _parse(
        "Harbour Survey Working Group: Guidelines for tidal gauges. 2011. Reference Source"
    )
    assert [a.family for a in ref.authors] == ["Harbour Survey Working Group"]
    assert ref.authors[0].organisation
    assert ref.title == "Guidelines for tidal gauges"


def test_people_before_a_colon_are_unchanged() -> None:
    ref = _parse(
        "Lind K, Ortega P: Tidal records of the north coast. Marine Letters. 2015; 12(3): 44–51."
    )
    assert [(a.family, a.given) for a in ref.authors] == [("Lind", "K"), ("Ortega", "P")]
    assert ref.year == 2015


@pytest.mark.parametrize(
    ("entry", "year", "title"),
    [
        (
            "Harbour Survey Working Group: Guidelines for tidal gauges (HSWG-RP-3-2011).2011. "
            "Reference Source",
            2011,
            "Guidelines for tidal gauges (HSWG-RP-3-2011)",
        ),
        (
            "Ferreira S : tidekit: Tools for tidal series. R package version 0.9.8.2017. "
            "Reference Source",
            2017,
            "tidekit: Tools for tidal series",
        ),
        (
            "Ferreira S : tidekit: Tools for tidal series.2019. Reference Source",
            2019,
            "tidekit: Tools for tidal series",
        ),
    ],
)
def test_a_year_run_onto_the_sentence_before_is_the_year(entry: str, year: int, title: str) -> None:
    """F1000 prints the year glued to what stands before it: the entry had no year."""
    ref = _parse(entry)
    assert (ref.year, ref.title) == (year, title)


def test_a_version_number_alone_gives_no_year_when_the_entry_has_one() -> None:
    ref = _parse("Ferreira S (2015) tidekit: Tools for tidal series. Version 1.2.2014. Vienna.")
    assert ref.year == 2015
