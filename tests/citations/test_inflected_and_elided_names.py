"""A name in running text with something glued to it by an apostrophe: a Turkish case
ending ("Çelik'e (2017) göre"), a possessive ("Smith et al.'s (2019)"), an Italian or
French article or preposition elided before it ("secondo l'ISTAT (2020)", "selon
l'UNESCO (2018)"). The name is the entry's either way; a capital before the apostrophe
("O'Brien", "D'Angelo") is part of the name. Every name here is made up."""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from tests.citations.helpers import document, reference

_REFS = [
    reference(1, "Çelik", year=2015),
    reference(2, "Aydın", year=2014),
    reference(3, "O'Brien", year=2018),
    reference(4, "D'Angelo", year=2016),
    reference(5, "Jones", year=2017),
    reference(6, "Smith", "Lee", "Kim", year=2019),
    reference(7, "ISTAT", year=2020, organisation=True),
    reference(8, "OCSE", year=2019, organisation=True),
    reference(9, "UNESCO", year=2018, organisation=True),
    reference(10, "Organizzazione Mondiale della Sanità", year=2012, organisation=True),
]


def _targets(text: str) -> list[tuple[str, ...]]:
    _, matches = match_citations(extract_citations(document(text)), _REFS)
    return [m.targets for m in matches if m.targets]


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("Çelik'e (2015) göre durum farklıdır.", "ref-1"),
        ("Aydın'ın (2014) bulguları önemlidir.", "ref-2"),
        ("Çelik’in (2015) çalışması.", "ref-1"),
        ("O'Brien (2018) agreed.", "ref-3"),
        ("D'Angelo (2016) disagreed.", "ref-4"),
        ("Jones' (2017) data held.", "ref-5"),
        ("Smith et al.'s (2019) view held.", "ref-6"),
        ("Secondo l'ISTAT (2020) la popolazione cala.", "ref-7"),
        ("I dati dell'OCSE (2019) lo confermano.", "ref-8"),
        ("Selon l’UNESCO (2018), c'est vrai.", "ref-9"),
        ("Per l'Organizzazione Mondiale della Sanità (2012) è così.", "ref-10"),
    ],
)
def test_the_name_after_or_before_the_apostrophe_cites_its_entry(text: str, ref: str) -> None:
    assert _targets(text) == [(ref,)]


def test_a_lower_case_word_with_an_apostrophe_is_no_name() -> None:
    assert _targets("Il faut qu'on (2015) le dise.") == []
