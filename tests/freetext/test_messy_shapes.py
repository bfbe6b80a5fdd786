"""Shapes of messy reference strings (AnyStyle's 'ugly' kind) the parser misread: each
test is one class, with made-up entries of that shape."""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_fields

from .helpers import families, parse


def test_a_quoted_title_is_kept_whole_though_it_holds_commas() -> None:
    # the tagger cut the title at a comma inside the guillemets; the quotation marks are
    # the author's own bounds of the title
    ref = parse(
        "Fournier K. L. et coll., « Peat fire emissions in aged smoke plumes: volatile "
        "organic compounds (VOCs), CO2, CO, NO2, NO, HCN and CH3CN », Journal of "
        "Atmospheric Research, 2014, 14, pp 1201-1219"
    )
    assert ref.title == (
        "Peat fire emissions in aged smoke plumes: volatile organic compounds (VOCs), CO2, "
        "CO, NO2, NO, HCN and CH3CN"
    )
    assert ref.container == "Journal of Atmospheric Research"


def test_et_coll_is_et_al() -> None:
    ref = parse(
        "Moreau P. J. et coll., « Coastal fog deposition », Atmospheric Research Letters, "
        "2014, 8, pp 1201-1219"
    )
    assert families(ref) == ["Moreau"]  # not "coll" as a second author


@pytest.mark.parametrize(
    "text",
    [
        # ʿayn written as a left single quotation mark inside a transliterated name
        "Al-Ma‘rūf, K. H., “Al-Madāris al-Nahwiyyah fī al-‘Irāq: Nash’atuhā, "
        "Taṭawwuruhā,” Majallat al-Dirāsāt al-Lughawiyyah, 7(2).",
    ],
)
def test_a_quotation_mark_inside_a_word_opens_no_title(text: str) -> None:
    ref = parse(text)
    assert families(ref) == ["Al-Ma‘rūf"]
    assert ref.title == "Al-Madāris al-Nahwiyyah fī al-‘Irāq: Nash’atuhā, Taṭawwuruhā"
    assert ref.container == "Majallat al-Dirāsāt al-Lughawiyyah"


@pytest.mark.parametrize(
    ("text", "fams", "title"),
    [
        ("Petrov A.V. Gravity surveys at sea. Leningrad: Nedra, 1981.", ["Petrov"], None),
        (
            "Petrov A.V., Sidorova K.L. Gravity surveys at sea: methods, instruments and "
            "results. Leningrad: Nedra, 1981.",
            ["Petrov", "Sidorova"],
            "Gravity surveys at sea: methods, instruments and results",
        ),
        (
            "Petrov A. V., Sidorova K. L. Gravity surveys at sea. Leningrad: Nedra, 1981.",
            ["Petrov", "Sidorova"],
            None,
        ),
    ],
)
def test_vancouver_names_with_dotted_initials(text: str, fams: list[str], title: str) -> None:
    # "Family I.I." as Russian and other Eastern European lists write Vancouver names:
    # the title was read as the authors ("Gravity surveys at sea: methods" a family)
    f = parse_fields(text)
    assert [a.family for a in f.authors] == fams
    assert f.title == (title or "Gravity surveys at sea")
    assert f.year == 1981


def test_a_list_number_closed_by_a_dash() -> None:
    ref = parse(
        "17- Van Dalen E, Hoek N, Ra K, et coll. Early dialysis in the critically ill: "
        "a comparison of two methods. Clin Nephrol Rep, 1998 ; 12 : 101-109."
    )
    assert families(ref)[:2] == ["Van Dalen", "Hoek"]


@pytest.mark.parametrize(
    ("text", "fams"),
    [
        ("Орлов Б.Р. Основы теории волноводов. Т 2. - М.: Наука, 1971.", ["Орлов"]),
        (
            "Белова Л.В., Зимин А. А. Очерки по истории почвоведения. М., 2004. 210 c.",
            ["Белова", "Зимин"],
        ),
    ],
)
def test_cyrillic_vancouver_names(text: str, fams: list[str]) -> None:
    # the whole first sentence (names and title) was read as one family
    assert [a.family for a in parse_fields(text).authors] == fams


@pytest.mark.parametrize(
    ("text", "fams"),
    [
        ("• Okafor, C. (2019). Ports and power. Marine Policy, 12, 1–9.", ["Okafor"]),
        ("· ———. “Ports and power.” 2019.", []),
    ],
)
def test_a_bullet_before_the_entry_is_no_part_of_it(text: str, fams: list[str]) -> None:
    ref = parse(text)
    assert families(ref) == fams
    assert ref.year == 2019 and ref.title == "Ports and power"


@pytest.mark.parametrize(
    ("text", "container"),
    [
        (
            "Okafor, Chidi “Ports and power” Marine Policy Review March 17-23, 2002 p6",
            "Marine Policy Review",
        ),
        (
            "Okafor, Chidi “Ports and power” Revue des Ports Mars 17-23, 2002 p6",
            "Revue des Ports",
        ),
    ],
)
def test_a_container_never_ends_in_a_month(text: str, container: str) -> None:
    # the date read on with the journal's name ("Marine Policy Review March")
    assert parse(text).container == container
