"""Class: a date the editor supplied in brackets after the authors -- "[ca. 1850]",
"(c. 1790)", "[1850?]", "[1912]", "[n.d.]", ABNT's "[s.d.]" -- was read as one more
author ("Quist & [ca. 1850]"), so the entry had a made-up second author and a citation
"Quist (ca. 1850)" or "Quist [1850]" named an author the list did not have."""

from __future__ import annotations

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.model.location import Location


def _parse(text: str):  # type: ignore[no-untyped-def]
    return parse_reference(text, id="r", index=1, location=Location("f", 1))


@pytest.mark.parametrize(
    ("entry", "families", "year", "title"),
    [
        (
            "Quist, A. [ca. 1850]. Title of the work. Publisher.",
            ["Quist"],
            1850,
            "Title of the work",
        ),
        (
            "Hartmann, Ulrike (c. 1790). Briefe an die Schwester. Weimar: Hof.",
            ["Hartmann"],
            1790,
            "Briefe an die Schwester",
        ),
        (
            "Mendes, B., & Lobo, C. [1850?]. Título da obra. Lisboa: Tipografia.",
            ["Mendes", "Lobo"],
            1850,
            "Título da obra",
        ),
        (
            "Okonkwo, E. [1912]. A grammar of the river dialects. Lagos: Mission Press.",
            ["Okonkwo"],
            1912,
            "A grammar of the river dialects",
        ),
        ("Lindqvist, P. (circa 1700). Om fiskeriet. Uppsala.", ["Lindqvist"], 1700, "Om fiskeriet"),
    ],
)
def test_bracketed_supplied_year_is_the_date_not_an_author(
    entry: str, families: list[str], year: int, title: str
) -> None:
    ref = _parse(entry)
    assert [a.family for a in ref.authors] == families
    assert ref.year == year
    assert ref.title == title


@pytest.mark.parametrize(
    "entry",
    [
        "Quist, A. [n.d.]. Title of the work. Publisher.",
        "Dupont, Jean [s.d.]. Mémoires d'un meunier. Paris.",
        "Rossi, M. [s.f.]. Cuentos del valle. Lima.",
    ],
)
def test_bracketed_no_date_is_no_author(entry: str) -> None:
    ref = _parse(entry)
    assert len(ref.authors) == 1
    assert ref.year is None and ref.no_date


def test_a_bracketed_year_inside_the_title_stays_there() -> None:
    ref = _parse("Smith, J. (2001). On the edition of [1850]. Pub.")
    assert ref.year == 2001
    assert [a.family for a in ref.authors] == ["Smith"]
