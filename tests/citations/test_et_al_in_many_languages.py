""" "et al." as each language writes it, in parentheses and in running text (made-up
names): Slovenian "in sod.", Croatian "i sur.", Serbian "i sar.", Czech "a kol.",
Polish "i in.", Hungarian "és mtsai", Dutch "e.a.", Russian "и др.", Romanian "și
colab.", Finnish "ym.", Swedish "m.fl.", and the forms typed with a comma before or
without a space inside ("Pereira, et al.", "Pereira et.al")."""

from __future__ import annotations

import pytest

from citeaudit.manuscript.citations import extract_citations
from citeaudit.matching.citations import match_citations
from tests.citations.helpers import document, reference

_REFS = [reference(1, "Novak", "Kranjc", "Zupan", year=2017)]

_FORMS = [
    "in sod.",
    "s sod.",
    "i sur.",
    "i sar.",
    "a kol.",
    "i in.",
    "i wsp.",
    "és mtsai",
    "e.a.",
    "и др.",
    "и соавт.",
    "in dr.",
    "idr.",
    "și colab.",
    "ym.",
    "m.fl.",
    "et.al",
    "et.al.",
    "vd.",
    "ve ark.",
    "y otros",
    "e outros",
    "e altri",
    "i altres",
    "a spol.",
    "és tsai",
    "и сар.",
    "và cs.",
    "και συν.",
]


def _linked(text: str) -> bool:
    _, matches = match_citations(extract_citations(document(text)), _REFS)
    return any(m.targets == ("ref-1",) for m in matches)


@pytest.mark.parametrize("form", _FORMS)
def test_in_parentheses(form: str) -> None:
    assert _linked(f"It holds (Novak {form}, 2017) here.")
    assert _linked(f"It holds (Novak {form} 2017) here.")


@pytest.mark.parametrize("form", _FORMS)
def test_in_running_text(form: str) -> None:
    assert _linked(f"So Novak {form} (2017) showed it.")


@pytest.mark.parametrize("form", ["et al.", "dkk.", "dkk", "in sod."])
def test_with_a_comma_before_it(form: str) -> None:
    assert _linked(f"So Novak, {form} (2017) showed it.")


def test_and_words_alone_are_still_co_authors() -> None:
    refs = [reference(1, "Novak", "Sodnik", year=2017)]
    _, matches = match_citations(extract_citations(document("So (Novak in Sodnik, 2017).")), refs)
    assert [m.targets for m in matches] == [("ref-1",)]


def test_an_organisation_with_its_acronym_in_parentheses_before_the_year() -> None:
    refs = [reference(1, "Badan Pusat Statistik", year=2019, organisation=True)]
    text = "Data dari Badan Pusat Statistik (BPS) (2019) dipakai."
    _, matches = match_citations(extract_citations(document(text)), refs)
    assert [m.targets for m in matches] == [("ref-1",)]
    long_name = "Agency for Example Soils and Waters of the Northern Provinces"
    refs = [reference(1, long_name, year=2002, organisation=True)]
    text = f"As the {long_name} (AESWNP) (2002) reported."
    _, matches = match_citations(extract_citations(document(text)), refs)
    assert [m.targets for m in matches] == [("ref-1",)]
