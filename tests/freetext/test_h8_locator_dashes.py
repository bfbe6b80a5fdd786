"""Page ranges printed with an em dash, a Unicode hyphen or a spaced en dash (made-up
entries): the journal sentence's locators are found all the same, so the journal name
before them is the container and the rules hand the tagger the right reading."""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.model.location import Location
from tests.freetext.helpers import parse


@pytest.mark.parametrize(
    ("text", "container", "volume", "pages"),
    [
        (
            "Orban K. 2012. A short note on alveoli. Fictional Plant Pathology 6: 327\u2014333.",
            "Fictional Plant Pathology",
            "6",
            "327\u2014333",
        ),
        (
            "Orban K. 2012. A short note on alveoli. Journal of Fictive Studies 280: "
            "257\u2013 259.",
            "Journal of Fictive Studies",
            "280",
            "257\u2013259",
        ),
        (
            "Orban K. 2006. A short note on alveoli. Fictive Aesthetics 64 (4): 401\u2010414.",
            "Fictive Aesthetics",
            "64",
            "401\u2010414",
        ),
    ],
)
def test_page_range_dashes(text: str, container: str, volume: str, pages: str) -> None:
    rules = parse_reference(text, id="r", index=1, location=Location("r.md", 1), use_model=False)
    for ref in (rules, parse(text)):
        assert ref.title == "A short note on alveoli"
        assert ref.container == container
        assert (ref.volume, ref.pages) == (volume, pages)


def rules(text: str):  # type: ignore[no-untyped-def]
    return parse_reference(text, id="r", index=1, location=Location("r.md", 1), use_model=False)


@pytest.mark.parametrize(
    ("text", "container", "volume", "pages"),
    [
        # the locators a sentence of their own after a journal of whole words
        (
            "Radov V. 2005. Changes on fictive markets. Fictive Social Science Review. "
            "46(4): 5-18.",
            "Fictive Social Science Review",
            "46",
            "5-18",
        ),
        (
            "Zamor, Jorge A., 2017. Patterns of fictive lung disease. Fictive Rheumatology. "
            "56(3), 344\u2013350.",
            "Fictive Rheumatology",
            "56",
            "344\u2013350",
        ),
        (
            "Hill, R. W. 1974. Seasonality of fictive pteridophytes. Fictive Bot. 13: 40--44.",
            "Fictive Bot",
            "13",
            "40--44",
        ),
    ],
)
def test_locator_sentence_after_a_journal_name(
    text: str, container: str, volume: str, pages: str
) -> None:
    for ref in (rules(text), parse(text)):
        assert ref.container == container
        assert (ref.volume, ref.pages) == (volume, pages)


@pytest.mark.parametrize(
    ("text", "container"),
    [
        (
            "[22] R. T. Mathis and J. L. Rae, \u201cElectrical properties of fictive lenses,\u201d "
            "Biophys. J., vol. 25, no. 1, pp. 181\u2013201, Jan. 1979.",
            "Biophys. J.",
        ),
        (
            "[105] C. Rods, \u201cThe art of fictive articulation,\u201d Contemp. Music Rev., "
            "vol. 24, no. 4\u20135, pp. 295\u2013309, 2005.",
            "Contemp. Music Rev.",
        ),
    ],
)
def test_abbreviated_journal_after_a_quoted_title(text: str, container: str) -> None:
    """IEEE: the abbreviation's full stops are no sentence ends before the volume."""
    for ref in (rules(text), parse(text)):
        assert ref.container == container
        assert ref.volume is not None


@pytest.mark.parametrize(
    ("text", "container", "volume", "pages"),
    [
        # EndNote's numbered style: "Journal, year. volume(issue): p. pages."
        (
            "41. McCorn, T.J., Fictive vectors in the nervous system. Curr Fict Ther, 2005. "
            "5(3): p. 333-8.",
            "Curr Fict Ther",
            "5",
            "333-8",
        ),
    ],
)
def test_journal_and_year_then_locators(text: str, container: str, volume: str, pages: str) -> None:
    for ref in (rules(text), parse(text)):
        assert ref.title == "Fictive vectors in the nervous system"
        assert ref.container == container
        assert ref.year == 2005
        assert (ref.volume, ref.pages) == (volume, pages)


def test_abbreviated_journal_whose_first_word_is_whole() -> None:
    text = "German, D. A. 2008. Five fictive tribes (Brassicaceae). Harvard Fict. Bot. 13: 165-170."
    for ref in (rules(text), parse(text)):
        assert ref.title == "Five fictive tribes (Brassicaceae)"
        assert ref.container == "Harvard Fict. Bot"
