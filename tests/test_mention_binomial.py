"""A species' binomial is two words of a Latin shape, and only the names running from
it to a year are its authority (made-up manuscripts).

Any capitalised word followed by a lower-case one before a year was read as a genus
and its epithet, and every name before the year dropped: "as Okafor argued in her
2017 survey" was no mention of Okafor's 2017 work, which was then called uncited. A
taxonomic authority ("Aus bus Smith, 1949", "Homo sapiens Linnaeus, 1758") is still
no citation of Smith's or Linnaeus's work."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.manuscript.document import Document, Line
from citeaudit.rules.citations import _cited_by_mention
from tests.mention_paper import CITED, OKAFOR, TANAKA, entries, uncited

LIST = "\n\n# References\n\n" + entries(
    OKAFOR,
    "Baptiste, C. (2015). Field notes. Journal of Things, 3, 5-6.\n\n",
    "Smith, E. (1949). Beetles of the plain. Journal of Things, 5, 1-9.\n\n",
    "Linnaeus, C. (1758). Systema naturae. Holmiae: Salvius.\n\n",
    TANAKA,
)


def _uncited(tmp_path: Path, text: str) -> list[str]:
    return uncited(tmp_path, CITED + " " + text + LIST)


NEVER_NAMED = ["Linnaeus", "Smith", "Tanaka"]


@pytest.mark.parametrize(
    "text",
    [
        "Floods came early, as Okafor argued in her 2017 survey; Baptiste saw it in 2015.",
        "Results confirm what Okafor found in 2017. Baptiste wrote it down in 2015.",
        "The dry spell, Okafor noted in 2017, matched Baptiste's 2015 notes.",
        "Estes dados, Okafor mostrou em 2017, e Baptiste descreveu em 2015.",
        "We sampled Aus bus. Okafor 2017 counted them; Baptiste 2015 did not.",
    ],
    ids=["verb", "sentence-opening", "aside", "portuguese", "after-a-binomial"],
)
def test_a_name_in_prose_before_the_year_is_a_mention(tmp_path: Path, text: str) -> None:
    assert _uncited(tmp_path, text) == NEVER_NAMED


def _named(text: str) -> set[tuple[str, str]]:
    """(name, year) pairs the mention window reads in `text` (one Markdown line)."""
    doc = Document(path="p.md", format="markdown", lines=(Line("p.md", 1, text),))
    return _cited_by_mention._mentions([doc], set(), {})


# The author-year reader takes some of these as bare citations ("Smith, 1949") on its
# own, a fault of its own: the mention window is tested alone here.
@pytest.mark.parametrize(
    "text",
    [
        "Specimens of Aus bus Smith, 1949 and Homo sapiens Linnaeus, 1758 were kept.",
        "Specimens of A. bus Smith, 1949 and Homo sapiens sapiens Linnaeus 1758.",
        "Kept: Aus bus var. cus (Smith) Linnaeus, Journal of Things 4: 9. 1758; Bus cus"
        " Smith & Lee, 1949.",
        "Oaks (Quercus robur L.) grew; Aus bus Smith, 1949 and Homo sapiens Linnaeus, 1758.",
        "Aus bus Smith in Linnaeus, 1758; Aus cus (de Smith) 1949.",
    ],
    ids=["authorities", "abbreviated-genus-and-subspecies", "ranks-and-place", "quercus", "in"],
)
def test_a_taxonomic_authority_is_no_mention(text: str) -> None:
    named = _named(text + " Okafor argued in 2017 and Baptiste in 2015.")
    assert ("smith", "1949") not in named
    assert ("linnaeus", "1758") not in named
    assert {("okafor", "2017"), ("baptiste", "2015")} <= named


def test_a_name_after_a_binomial_and_a_verb_is_a_mention(tmp_path: Path) -> None:
    text = "In Aus bus, Okafor found in 2017 what Baptiste saw in 2015."
    assert _uncited(tmp_path, text) == NEVER_NAMED


def test_a_parenthesis_after_the_authoritys_names_is_a_citation() -> None:
    """The authority ends where a parenthesis opens after its names: the group after
    it cites the work where the name was published."""
    named = _named("A synonym of A. alba (Heimerl) Smith ex Linnaeus (Okafor 2017).")
    assert ("okafor", "2017") in named
    assert ("smith", "2017") not in named
    assert ("linnaeus", "2017") not in named
