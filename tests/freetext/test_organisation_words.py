"""Gardens, herbaria, academies and schools as authors are one organisation each
(made-up entries); a person with such a family name keeps their initials."""

from __future__ import annotations

import pytest

from tests.freetext.helpers import families, parse


@pytest.mark.parametrize(
    ("entry", "authors"),
    [
        (
            "Ozark Botanical Garden, Royal Botanic Gardens in Fernby (2010) The Plant Roll. "
            "http://example.org/roll",
            ["Ozark Botanical Garden", "Royal Botanic Gardens in Fernby"],
        ),
        ("Fernby Herbarium (2015) Specimen database. http://example.org/db", ["Fernby Herbarium"]),
        (
            "Ruritanian Academy of Letters. (2019). Annual report. Strelsau.",
            ["Ruritanian Academy of Letters"],
        ),
        (
            "Ozark Wildlife Conservancy (2012) Bird counts 2011. Report 4.",
            ["Ozark Wildlife Conservancy"],
        ),
    ],
)
def test_an_organisation_author_is_kept_whole(entry: str, authors: list[str]) -> None:
    ref = parse(entry)
    assert families(ref) == authors
    assert all(a.organisation for a in ref.authors)


@pytest.mark.parametrize(
    ("entry", "authors"),
    [
        ("Garden J, Trust K (2010) A paper. Journal of Things 1: 1-2.", ["Garden", "Trust"]),
        (
            "School, A., & College, B. (2011). A paper. Journal of Things, 1, 1-2.",
            ["School", "College"],
        ),
    ],
)
def test_a_person_named_like_an_organisation_keeps_their_initials(
    entry: str, authors: list[str]
) -> None:
    ref = parse(entry)
    assert families(ref) == authors
    assert not any(a.organisation for a in ref.authors)


@pytest.mark.parametrize(
    "entry",
    [
        "INSTITUTO RURITANO DE GEOGRAFIA E ESTATÍSTICA. Censo 2010. Strelsau: IRGE, 2012.",
        "IRGE - INSTITUTO RURITANO DE GEOGRAFIA E ESTATÍSTICA. Censo. Strelsau: IRGE, 2012.",
        "MINISTERIO DE PESCA Y GANADERIA. Informe anual. Strelsau, 2015.",
    ],
)
def test_an_organisation_in_capitals_keeps_its_and(entry: str) -> None:
    ref = parse(entry)
    assert len(ref.authors) == 1 and ref.authors[0].organisation
    assert ref.authors[0].family.endswith(("ESTATÍSTICA", "GANADERIA"))


def test_an_organisation_with_a_dated_qualifier_before_its_year() -> None:
    ref = parse(
        "Ruritan Regional Workshop (Conservation of Made-up Trees Strelsau November 1996) "
        "(1998) Arbor fictiva. The Red List of Things 1998: e.T1234."
    )
    assert ref.year == 1998
    assert families(ref)[0].startswith("Ruritan Regional Workshop")
