"""A work named in running prose with its year after words meaning "from the year"
(class AJ, issue 12): "eine Studie von Brenner aus dem Jahr 2019", "het onderzoek van
Smit uit 2018", "el estudio de Ortega del año 2017", "a survey by Hale from 2016".

Seminar papers and theses in German, Dutch and Romance languages name each source so,
with no parenthesis; the bare reader took only "Name 2019" and "Name, 2019", and the
entries were "never cited". Read as any bare name and year is: WEAK, kept only when one
entry has that name and year, never reported missing. Made-up names and works.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.manuscript.citations.author_year import AuthorYearExtractor
from citeaudit.manuscript.document import Document, Line
from citeaudit.model.citation import Certainty
from tests.verdicts import markdown_verdict


def _doc(body: str) -> Document:
    lines = tuple(Line("p.md", n, t) for n, t in enumerate(body.split("\n"), start=1))
    return Document("p.md", "markdown", lines)


@pytest.mark.parametrize(
    ("body", "name", "year"),
    [
        ("Laut einer Studie von Brenner aus dem Jahr 2019 sinkt die Zahl.", "Brenner", 2019),
        ("Eine Umfrage von Hagedorn aus dem Jahre 2015 zeigt es.", "Hagedorn", 2015),
        ("Die Arbeit von Kessler und Brandt aus 2018 belegt das.", "Kessler", 2018),
        ("Die Untersuchung von Lemke von 2021 widerspricht.", "Lemke", 2021),
        ("Het onderzoek van Smit uit 2018 toont dit aan.", "Smit", 2018),
        ("El estudio de Ortega del año 2017 lo confirma.", "Ortega", 2017),
        ("O trabalho de Ramalho do ano de 2016 mostra isso.", "Ramalho", 2016),
        ("A survey by Hale from 2016 found the same.", "Hale", 2016),
    ],
)
def test_a_name_then_words_of_from_the_year_then_the_year_is_read(
    body: str, name: str, year: int
) -> None:
    cits = AuthorYearExtractor().extract(_doc(body))
    assert [(c.authors[0].split()[-1], c.year) for c in cits] == [(name, year)]
    assert all(c.certainty is Certainty.WEAK for c in cits)


@pytest.mark.parametrize(
    "body",
    [
        "Die Zahl stieg von 2019 bis 2021 stark an.",  # no name before
        "the rainfall from 2016 was low",  # a word, not a name
    ],
)
def test_no_name_before_the_phrase_is_no_citation(body: str) -> None:
    assert AuthorYearExtractor().extract(_doc(body)) == []


def test_a_capitalised_noun_before_the_phrase_is_weak() -> None:
    """German capitalises its nouns: "Ein Bericht aus dem Jahr 2019" reads as names,
    WEAK, so only an entry of "Bericht" 2019 would keep it."""
    cits = AuthorYearExtractor().extract(_doc("Ein Bericht aus dem Jahr 2019 liegt vor."))
    assert all(c.certainty is Certainty.WEAK for c in cits)


_LIST = (
    "# Literaturverzeichnis\n\n"
    "Brenner, A. (2019). Stornierungen im Hotel. Beispielverlag.\n\n"
    "Kessler, B., & Brandt, C. (2018). Gäste und Preise. Beispielverlag.\n\n"
    "Zeder, C. (2010). Nie zitiert. Beispielverlag.\n"
)


def test_entries_named_so_are_cited(tmp_path: Path) -> None:
    text = (
        "Laut einer Studie von Brenner aus dem Jahr 2019 stornieren viele Gäste. Die "
        "Arbeit von Kessler und Brandt aus 2018 belegt das.\n\n" + _LIST
    )
    uncited, missing = markdown_verdict(tmp_path, text, 6)
    assert uncited == {"Zeder,"} and missing == set()


def test_a_name_and_year_no_entry_has_is_not_missing(tmp_path: Path) -> None:
    text = (
        "Laut einer Studie von Brenner aus dem Jahr 2019 stornieren viele Gäste. Die "
        "Arbeit von Kessler und Brandt aus 2018 belegt das, wie Vogt aus dem Jahr 2016.\n\n" + _LIST
    )
    uncited, missing = markdown_verdict(tmp_path, text, 6)
    assert uncited == {"Zeder,"} and missing == set()
