"""The first author's family name, the field citation matching depends on: list numbers
in the forms lists print them, a family before dotted initials, and an author the rules
missed behind a colon (the tagger's reading, when it is sure)."""

from __future__ import annotations

import pytest

from citeaudit.bibliography import freetext_crf
from citeaudit.bibliography.freetext_names import parse_authors

from .helpers import families, parse


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Luria A.R.", "Luria"),
        ("Rohlf J.F.", "Rohlf"),
        ("Крушинский Л.В.", "Крушинский"),
        ("Okonkwo A.B., Haldane J.F.", "Okonkwo"),
        ("A.R. Luria", "Luria"),
        ("Thomas D. Gillespie", "Gillespie"),
    ],
)
def test_family_before_dotted_initials(text: str, first: str) -> None:
    people, _ = parse_authors(text)
    assert people[0].family == first


def test_two_names_with_dotted_initials_are_two_people() -> None:
    people, _ = parse_authors("Okonkwo A.B., Haldane J.F.")
    assert [p.family for p in people] == ["Okonkwo", "Haldane"]


@pytest.mark.parametrize(
    "text",
    [
        "19 Makoul G, Clayman ML. Shared decisions. Patient Educ Couns 2006; 60: 301-12.",
        "3 Makoul, G., Clayman, M. L. Shared decisions. Patient Educ Couns 2006;60:301-12.",
        "8062. Makoul, Gregory. Shared decisions in clinics. Quito: Abya-Yala, 1983.",
        "(38) Makoul, G.; Clayman, M. L. Shared decisions in clinics. Patient Educ Couns 2006, 60.",
    ],
)
def test_list_numbers_are_not_names(text: str) -> None:
    ref = parse(text)
    assert families(ref)[:1] == ["Makoul"]


def test_a_year_first_entry_keeps_its_year() -> None:
    ref = parse("2008. Shared decisions in clinics. Quito: Abya-Yala.")
    assert ref.year == 2008


def test_author_before_a_colon_when_the_rules_miss_it() -> None:
    if not freetext_crf.MODEL_PATH.is_file():
        pytest.skip("no model built")
    ref = parse("Kieling M.: Granice dydaktyki w szkole. Warszawa: PWN 2011.")
    assert families(ref)[:1] == ["Kieling"]


def test_two_family_names_before_given_names_and_an_initial() -> None:
    ref = parse(
        "Ortiz Brandt, Mercedes D. Guía para el Estudio de los Elementos de Derecho Civil. "
        "Buenos Aires: La Ley, 2006."
    )
    assert families(ref) == ["Ortiz Brandt"]
    assert ref.title == "Guía para el Estudio de los Elementos de Derecho Civil"


@pytest.mark.parametrize(
    "text",
    [
        "Équipe de rétablissement des oiseaux de proie du Québec (EROP)",
        "Comité de pilotage du Québec",
        "Servicio de vigilancia de las costas (SVC)",
    ],
)
def test_a_body_named_with_common_words_is_one_organisation(text: str) -> None:
    people, _ = parse_authors(text)
    assert [(p.family, p.organisation) for p in people] == [(text, True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("John Smith and Mary Jones", ["Smith", "Jones"]),
        ("Jean Dupont et Marie Curie", ["Dupont", "Curie"]),
        ("José Carlos de la Macorra", ["de la Macorra"]),
        # cited "Ibn Khaldun": the particle stays with the name (model/surnames.py)
        ("Abd al-Rahman ibn Khaldun", ["ibn Khaldun"]),
    ],
)
def test_people_in_direct_order_are_not_an_organisation(text: str, expected: list[str]) -> None:
    people, _ = parse_authors(text)
    assert [p.family for p in people] == expected
    assert not any(p.organisation for p in people)


def test_an_organisation_is_not_cut_at_its_joining_word() -> None:
    ref = parse(
        "25. Instituto Nacional de Pesquisas Espaciais. Relatório anual 2021: resultados. "
        "São José dos Campos: INPE; 2022."
    )
    assert families(ref)[:1] == ["Instituto Nacional de Pesquisas Espaciais"]


def test_an_imprint_in_brackets_is_not_the_title() -> None:
    ref = parse("[12] K. Ostrowski, Classical Field Theory (Springer, 2004), 2nd ed.")
    assert ref.title == "Classical Field Theory"


@pytest.mark.parametrize(
    ("text", "family", "title", "container", "year"),
    [
        (
            "Халиков А.Х. Приказанская культура // Советская археология. 1980. Вып. 24.",
            "Халиков",
            "Приказанская культура",
            "Советская археология",
            1980,
        ),
        (
            "Marsh K. R., Obi L. M. Tidal mixing in shallow fjords //Estuarine Studies. "
            "2015. Vol. 63. P. 12-19.",
            "Marsh",
            "Tidal mixing in shallow fjords",
            "Estuarine Studies",
            2015,
        ),
    ],
)
def test_gost_entries(text: str, family: str, title: str, container: str, year: int) -> None:
    ref = parse(text)
    assert (families(ref)[:1], ref.title, ref.container, ref.year) == (
        [family],
        title,
        container,
        year,
    )


@pytest.mark.parametrize(
    ("text", "family"),
    [("Han S. E.", "Han"), ("Van Dyke J. R.", "Van Dyke"), ("de la Cruz M. A.", "de la Cruz")],
)
def test_family_before_spaced_initials(text: str, family: str) -> None:
    people, _ = parse_authors(text)
    assert people[0].family == family
