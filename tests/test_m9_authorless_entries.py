"""Authorless entries cited by the name the entry gives after its title (m9, issue 12).

Classes (examples made up):

* TA -- a title-first entry with no personal author ("Manual of ... (2020). FAO.",
  "Arquitetura de Sistemas – Ana Lima Rui Costa, 2008.") cited by the body, site or
  persons it names after the title ("(FAO, 2020)", "[Lima & Costa, 2008]"): the one
  entry of that year with no personal author that names them is the work, as an editor
  links it -- never a "missing" citation and an "uncited" entry for one work.
* SN -- an authorless web entry naming its site only as the container ("Judul. (2020).
  Kompas.com.", "Title. (2023). In Wikipedia.") cited by the site ("(Wikipedia, 2023)").

Guards: a name the entry gives only as a place before its publisher ("Paris: ...") is no
author; two authorless entries of that year naming the cited body stay unguessed; a
person's entry that mentions the name in its title is not taken; another year stays
missing.
"""

from __future__ import annotations

from pathlib import Path

from tests.listed_paper import audit_listed, citation_codes

_OTHER = "Orwin, T. (2010). Work on harbours. Journal of Tests, 1, 2-3."


def _codes(tmp_path: Path, body: str, entries: list[str]) -> list[str]:
    return citation_codes(audit_listed(tmp_path, body + " Also (Orwin, 2010).", [*entries, _OTHER]))


def test_ta_body_named_after_the_year_of_a_title_first_entry(tmp_path: Path) -> None:
    entries = ["The condition of upland pastures. (2020). FAO."]
    assert _codes(tmp_path, "Pastures shrink (FAO, 2020).", entries) == []


def test_ta_body_in_brackets_after_its_long_name(tmp_path: Path) -> None:
    entries = [
        "Wohnen in kleinen Gemeinden. (2021). Statistisches Landesamt (Statla). "
        "https://www.statla.example/wohnen"
    ]
    assert _codes(tmp_path, "Die Mieten steigen (Statla, 2021).", entries) == []


def test_ta_persons_named_after_the_title_in_natural_order(tmp_path: Path) -> None:
    entries = ["Arquitetura de Redes – Bia Moura Caio Teles, 2011."]
    assert _codes(tmp_path, "A rede é estável [Moura & Teles, 2011].", entries) == []


def test_ta_one_person_named_after_the_title(tmp_path: Path) -> None:
    entries = ["Teoria dos Grafos Aplicada – Davi Quaresma, 2015."]
    assert _codes(tmp_path, "Segundo a teoria (Quaresma, 2015), o grafo é conexo.", entries) == []


def test_sn_site_named_as_the_container(tmp_path: Path) -> None:
    entries = [
        "Banjir melanda kota tua. (2020). Beritaku.id. https://www.beritaku.id/read/banjir",
    ]
    assert _codes(tmp_path, "Banjir terjadi lagi (Beritaku.id, 2020).", entries) == []


def test_sn_encyclopedia_named_after_in(tmp_path: Path) -> None:
    entries = ["Gradient boosting. (2022). In Wikipedia. https://en.wikipedia.org/wiki/GB"]
    assert _codes(tmp_path, "Boosting is common (Wikipedia, 2022).", entries) == []


def test_sn_news_site_of_two_words(tmp_path: Path) -> None:
    entries = ["Le port ferme ses quais. (2019, 4 mai). Gazette Marine. https://gm.example/q"]
    assert _codes(tmp_path, "Le port a fermé (Gazette Marine, 2019).", entries) == []


def test_guard_another_year_stays_missing(tmp_path: Path) -> None:
    entries = ["The condition of upland pastures. (2020). FAO."]
    assert _codes(tmp_path, "Pastures shrink (FAO, 2014).", entries) == ["CIT001", "CIT002"]


def test_guard_two_authorless_entries_naming_the_body_are_not_guessed(tmp_path: Path) -> None:
    entries = [
        "The condition of upland pastures. (2020). FAO.",
        "Fisheries at a glance. (2020). FAO.",
    ]
    codes = _codes(tmp_path, "Pastures shrink (FAO, 2020).", entries)
    assert "CIT002" in codes or "CIT003" in codes


def test_guard_a_place_before_the_publisher_is_no_author(tmp_path: Path) -> None:
    entries = ["Atlas das bacias costeiras. Recife: Editora Litoral, 2016."]
    assert _codes(tmp_path, "As bacias (Recife, 2016) secam.", entries) == ["CIT001", "CIT002"]


def test_guard_a_persons_entry_naming_the_word_in_its_title(tmp_path: Path) -> None:
    entries = ["Moreau, P. (2018). Forests of Gabon after logging. Paris: Karthala."]
    assert _codes(tmp_path, "Logging grew (Gabon, 2018).", entries) == ["CIT001", "CIT002"]
