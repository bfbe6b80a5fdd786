"""An international body cited in one language and listed in another is one author.

A Portuguese or Spanish article cites "(OMS, 2019)" or "Organização Mundial da Saúde
(2019)" and lists the report it read in English, "WORLD HEALTH ORGANIZATION. Report.
Geneva, 2019." -- or the other way round. The acronym and the name are the body's
own, in the language of the text: an editor links them, and calling the entry uncited
and the citation missing is two false alarms for no error at all. Only the bodies of
a fixed table (the UN family and a few others every language names), whole names and
their usual acronyms. Every title here is made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.matching.names import names_match
from tests.listed_paper import abnt_codes


def _codes(tmp_path: Path, sentence: str, *entries: str) -> list[str]:
    return abnt_codes(tmp_path, sentence, *entries, opening="No Brasil")


@pytest.mark.parametrize(
    ("cited", "listed"),
    [
        ("OMS", "World Health Organization"),
        ("WHO", "Organização Mundial da Saúde"),
        ("Organización Mundial de la Salud", "WORLD HEALTH ORGANIZATION"),
        ("OPAS", "Pan American Health Organization"),
        ("ONU", "United Nations"),
        ("Nações Unidas", "United Nations"),
        ("OCDE", "Organisation for Economic Co-operation and Development"),
        ("OECD", "Organização para a Cooperação e Desenvolvimento Econômico"),
        ("OIT", "International Labour Organization"),
        ("FMI", "International Monetary Fund"),
        ("Banco Mundial", "World Bank"),
        ("CEPAL", "Economic Commission for Latin America and the Caribbean"),
        ("PNUD", "United Nations Development Programme"),
        ("UNICEF", "Fundo das Nações Unidas para a Infância"),
        ("FAO", "Organização das Nações Unidas para a Alimentação e a Agricultura"),
    ],
)
def test_one_body_in_two_languages(cited: str, listed: str) -> None:
    assert names_match(cited, listed)


@pytest.mark.parametrize(
    ("cited", "listed"),
    [
        ("OMS", "Organização Pan-Americana da Saúde"),  # two bodies
        ("ONU", "UNESCO"),  # a body of the UN is not the UN
        ("Banco Mundial", "Banco Interamericano de Desenvolvimento"),
        ("Oms", "Omsk, P."),  # no person's name is taken for a body
    ],
)
def test_other_bodies_stay_apart(cited: str, listed: str) -> None:
    assert not names_match(cited, listed)


def test_cited_in_portuguese_listed_in_english(tmp_path: Path) -> None:
    codes = _codes(
        tmp_path,
        "a prevalência cresce (OMS, 2019)",
        "WORLD HEALTH ORGANIZATION. Global report on things. Geneva: WHO, 2019.",
    )
    assert codes == []


def test_narrative_body_in_spanish_listed_in_english(tmp_path: Path) -> None:
    codes = _codes(
        tmp_path,
        "según la Organización Mundial de la Salud (2019) crece",
        "World Health Organization. (2019). Global report on things. WHO.",
    )
    assert codes == []


def test_another_year_is_still_a_year_mismatch(tmp_path: Path) -> None:
    codes = _codes(
        tmp_path,
        "a prevalência cresce (OMS, 2018)",
        "WORLD HEALTH ORGANIZATION. Global report on things. Geneva: WHO, 2019.",
    )
    assert "CIT001" not in codes and "CIT002" not in codes
