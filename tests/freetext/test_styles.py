"""One test per style: authors, year, title, container, locators as a reader sees them."""

from __future__ import annotations

from citeaudit.model.location import Location

from .helpers import families, parse


def test_apa7_journal_article() -> None:
    ref = parse(
        "Yulianti, M. Y., Manoppo, I., & Maharani, E. (2017). Diplomasi pertahanan di Asia "
        "Tenggara. Jurnal Pertahanan, 7(2), 45–67. https://doi.org/10.33172/jp.v7i2.123"
    )
    assert families(ref) == ["Yulianti", "Manoppo", "Maharani"]
    assert ref.authors[0].given == "M. Y."
    assert ref.year == 2017
    assert ref.title == "Diplomasi pertahanan di Asia Tenggara"
    assert ref.container == "Jurnal Pertahanan"
    assert (ref.volume, ref.issue, ref.pages) == ("7", "2", "45–67")
    assert ref.doi == "10.33172/jp.v7i2.123"
    assert ref.urls == ("https://doi.org/10.33172/jp.v7i2.123",)
    assert ref.kind == "article"


def test_apa6_book_with_place_and_edition() -> None:
    ref = parse("Crestwood, J. W. (2014). Research design (4th ed.). Thousand Oaks, CA: Sage.")
    assert families(ref) == ["Crestwood"]
    assert ref.year == 2014
    assert ref.title == "Research design"
    assert ref.container is None
    assert ref.kind == "book"


def test_apa_chapter_in_edited_book() -> None:
    ref = parse(
        "Okafor, C. (2019). Ports and power. In J. Smith & K. Lee (Eds.), Handbook of maritime "
        "politics (pp. 141–153). Routledge."
    )
    assert families(ref) == ["Okafor"]
    assert ref.title == "Ports and power"
    assert ref.container == "Handbook of maritime politics"
    assert ref.pages == "141–153"
    assert ref.kind == "chapter"


def test_harvard_quoted_title_and_available_at() -> None:
    ref = parse(
        "Smith, J.A., Jones, B. and Taylor, C. (2017) 'Child poverty in coastal towns', Journal "
        "of Social Policy, 46(2), pp. 233-251. Available at: https://example.org/x (Accessed: 4 "
        "June 2021)."
    )
    assert families(ref) == ["Smith", "Jones", "Taylor"]
    assert ref.year == 2017
    assert ref.title == "Child poverty in coastal towns"
    assert ref.container == "Journal of Social Policy"
    assert ref.urls == ("https://example.org/x",)


def test_harvard_without_parentheses() -> None:
    ref = parse("Brown, R. 2015. Governing the commons in the Pacific. Canberra: ANU Press.")
    assert families(ref) == ["Brown"]
    assert ref.year == 2015
    assert ref.title == "Governing the commons in the Pacific"


def test_chicago_author_date() -> None:
    ref = parse(
        'Lee, L. L., W. E. Howard, and R. E. Marsh. 1990. "Acquired strychnine tolerance by '
        'pocket gophers." Proceedings of the Vertebrate Pest Conference 14: 87-90.'
    )
    assert families(ref) == ["Lee", "Howard", "Marsh"]
    assert ref.year == 1990
    assert ref.title == "Acquired strychnine tolerance by pocket gophers"
    assert ref.container == "Proceedings of the Vertebrate Pest Conference"


def test_chicago_notes_bibliography_article_and_book() -> None:
    ref = parse(
        "Mearsheimer, John J. “Why the Ukraine Crisis Is the West’s Fault.” Foreign Affairs 93, "
        "no. 5 (2014): 77–89."
    )
    assert families(ref) == ["Mearsheimer"]
    assert ref.year == 2014
    assert ref.title == "Why the Ukraine Crisis Is the West’s Fault"
    assert ref.container == "Foreign Affairs"
    assert (ref.volume, ref.issue) == ("93", "5")
    book = parse(
        "Keohane, Robert O., and Joseph S. Nye. Power and Interdependence. 4th ed. "
        "Boston: Longman, 2012."
    )
    assert families(book) == ["Keohane", "Nye"]
    assert book.year == 2012
    assert book.title == "Power and Interdependence"


def test_mla_article_and_et_al() -> None:
    ref = parse(
        "Okafor, Chidi, and Lena Hoffmann. “Reading the Archive Against the Grain.” Postcolonial "
        "Studies, vol. 24, no. 1, 2021, pp. 12–29."
    )
    assert families(ref) == ["Okafor", "Hoffmann"]
    assert ref.year == 2021
    assert ref.title == "Reading the Archive Against the Grain"
    assert ref.container == "Postcolonial Studies"
    assert (ref.volume, ref.issue, ref.pages) == ("24", "1", "12–29")
    etal = parse("Hartley, Samuel J., et al. “Soil moisture and rain.” Hydrology, vol. 2, 2019.")
    assert families(etal) == ["Hartley"]
    assert ("et_al", "true") in etal.extra


def test_ieee_article() -> None:
    ref = parse(
        '[13] S. E. Han and G. Chen, "Toward the Lambertian limit of light trapping," Nano '
        "Lett., vol. 10, no. 11, pp. 4692–4696, Nov. 2010, doi: 10.1021/nl1029804."
    )
    assert families(ref) == ["Han", "Chen"]
    assert ref.authors[0].given == "S. E."
    assert ref.year == 2010
    assert ref.title == "Toward the Lambertian limit of light trapping"
    assert ref.container == "Nano Lett."
    assert ref.doi == "10.1021/nl1029804"


def test_ieee_book_without_quotes() -> None:
    ref = parse("[2] R. Kumar, Digital Signal Processing. New Delhi, India: PHI Learning, 2014.")
    assert families(ref) == ["Kumar"]
    assert ref.title == "Digital Signal Processing"
    assert ref.year == 2014


def test_vancouver_article() -> None:
    ref = parse(
        "60. Pérez-Higueras JJ, Arias A, de la Macorra JC, Peters OA. Differences in cyclic "
        "fatigue resistance. J Endod. 2014 Sep;40(9):1477-81."
    )
    assert families(ref) == ["Pérez-Higueras", "Arias", "de la Macorra", "Peters"]
    assert ref.authors[0].given == "JJ"
    assert ref.year == 2014
    assert ref.title == "Differences in cyclic fatigue resistance"
    assert ref.container == "J Endod"
    assert (ref.volume, ref.issue, ref.pages) == ("40", "9", "1477-81")


def test_vancouver_title_with_question_and_et_al() -> None:
    ref = parse(
        "8. Okafor CN, Smith-Jones A, Al Mansouri K, et al. Is vitamin D effective? A "
        "meta-analysis. BMJ Open. 2021;11:e045123."
    )
    assert families(ref) == ["Okafor", "Smith-Jones", "Al Mansouri"]
    assert ref.title == "Is vitamin D effective? A meta-analysis"
    assert ref.container == "BMJ Open"
    assert ("et_al", "true") in ref.extra


def test_raw_and_location_are_kept() -> None:
    from citeaudit.bibliography.freetext import parse_reference

    loc = Location("paper.md", 40, 3)
    ref = parse_reference(
        "Smith, J. (2020). T. J, 1, 2.",
        id="ref-7",
        index=7,
        location=loc,
        raw="- *Smith, J.* (2020). T. *J*, 1, 2.",
    )
    assert (ref.id, ref.index, ref.location) == ("ref-7", 7, loc)
    assert ref.raw.startswith("- *Smith")
