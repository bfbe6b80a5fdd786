"""Languages, organisations, missing dates, suffixes, list numbers, DOIs and URLs."""

from __future__ import annotations

import pytest

from .helpers import families, parse


@pytest.mark.parametrize(
    ("text", "family", "year", "title"),
    [
        (
            "Kurniasih. (2019). Analisis Keluarnya Kanada Dalam Perjanjian "
            "Pengelolaan Perikanan Pasifik ( PPP ) Tahun 2018. Ejournal Ilmu Kelautan "
            "Nusantara., 8(2), 2210–2224.",
            "Kurniasih",
            2019,
            "Analisis Keluarnya Kanada Dalam Perjanjian Pengelolaan Perikanan Pasifik "
            "( PPP ) Tahun 2018",
        ),
        (
            "Taufik, H., Amalia, R., dan Pratama, Y. (2020). Dampak pandemi terhadap UMKM. Jurnal "
            "Ekonomi Pembangunan, 18(1), 44–59.",
            "Taufik",
            2020,
            "Dampak pandemi terhadap UMKM",
        ),
        (
            "Gómez, M. y Ruiz, P. (2019). Educación rural en Andalucía: retos y oportunidades. "
            "Revista de Educación, 385, 33-58.",
            "Gómez",
            2019,
            "Educación rural en Andalucía: retos y oportunidades",
        ),
        (
            "Costa, A. R., & Lima, F. (2020). A pandemia e o ensino remoto no Brasil. Educação & "
            "Sociedade, 41, e239812.",
            "Costa",
            2020,
            "A pandemia e o ensino remoto no Brasil",
        ),
        (
            "Schmidt, Anna/Weber, Jörg (2016): Kommunale Integrationspolitik. "
            "Wiesbaden: Springer VS.",
            "Schmidt",
            2016,
            "Kommunale Integrationspolitik",
        ),
        (
            "MARTIN, Claire et DURAND, Louis, « Les jeunes et la politique », Revue française de "
            "science politique, vol. 65, no 2, 2015, p. 245-268.",
            "MARTIN",
            2015,
            "Les jeunes et la politique",
        ),
        (
            "SILVA, J. C. da; SOUZA, M. A. de. Gestão escolar e participação. "
            "Revista Brasileira de "
            "Educação, v. 24, n. 3, p. 101-120, 2019.",
            "SILVA",
            2019,
            "Gestão escolar e participação",
        ),
    ],
)
def test_languages(text: str, family: str, year: int, title: str) -> None:
    ref = parse(text)
    assert families(ref)[0] == family
    assert ref.year == year
    assert ref.title == title


def test_particles_kept_as_written() -> None:
    ref = parse("van der Berg, J., & de la Macorra, J. C. (2012). Ports. Regional Studies, 4, 1-9.")
    assert families(ref) == ["van der Berg", "de la Macorra"]
    mla = parse("Schäfer, Katrin, and Friedrich von Weizsäcker. “Energiewende.” ZfP, vol. 2, 2018.")
    assert families(mla) == ["Schäfer", "von Weizsäcker"]
    ieee = parse('[4] J. van der Berg, "Port traffic," in Proc. ITSC, 2020, pp. 1–6.')
    assert families(ieee) == ["van der Berg"]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        (
            "OLTC. (2022). From the Charter to the Council. Organization of Lake Tanganyika "
            "Communities. https://en.oltc.example.org/history/",
            "OLTC",
        ),
        ("ICWA. (2022). What is ICWA? ICWA. https://www.icwa.example.int/icwa-welcome/", "ICWA"),
        (
            "World Health Organization. (2020). Advice for the public. https://www.who.example.int/a",
            "World Health Organization",
        ),
        (
            "Kementerian Pertahanan Republik Indonesia. (2015). Buku putih pertahanan Indonesia. "
            "Jakarta: Kemhan.",
            "Kementerian Pertahanan Republik Indonesia",
        ),
        (
            "5. World Health Organization. Global tuberculosis report 2022. Geneva: WHO; 2022.",
            "World Health Organization",
        ),
        (
            "[35] International Monetary Fund, World economic outlook. Washington, DC: IMF, 2023.",
            "International Monetary Fund",
        ),
    ],
)
def test_organisations(text: str, org: str) -> None:
    ref = parse(text)
    assert len(ref.authors) == 1
    assert ref.authors[0].family == org
    assert ref.authors[0].organisation
    assert ref.authors[0].given is None


def test_title_ending_in_question_mark_and_site() -> None:
    ref = parse("NATO. (2022). What is NATO? NATO. https://www.nato.example.int/nato-welcome/")
    assert ref.title == "What is NATO?"
    assert ref.container == "NATO"
    assert ref.kind == "webpage"


def test_title_with_acronym_in_parentheses() -> None:
    ref = parse(
        "Arumsari, R., & Nurjanah, S. (2020). Mekong River Commission (MRC) in Riparian "
        "Regionalism. Jurnal Maritim, 2(1), 61–77. https://doi.org/10.55555/jm.v2i1.4411.61-77"
    )
    assert ref.title == "Mekong River Commission (MRC) in Riparian Regionalism"
    assert ref.doi == "10.55555/jm.v2i1.4411.61-77"


@pytest.mark.parametrize(
    "text",
    [
        "Nakamura, K. (n.d.). Notes on phonology. Retrieved from www.ling.example.jp/notes.html",
        "Instituto Nacional de Estadística. (s.f.). Encuesta de Población Activa.",
        "Müller, T. (o. J.). Leitfaden zum wissenschaftlichen Schreiben. Universität Hamburg.",
        "Kementerian Luar Negeri. (t.t.). Kerja Sama Multilateral. Diakses dari https://x.example.id",
        "Smith, J. n.d. A page without a date. Available at: https://example.org/a",
    ],
)
def test_no_date(text: str) -> None:
    ref = parse(text)
    assert ref.year is None
    assert ref.no_date
    assert ref.year_label == "n.d."
    assert ref.authors


@pytest.mark.parametrize(("label", "suffix"), [("2020a", "a"), ("2020b", "b"), ("2020c", "c")])
def test_year_suffixes(label: str, suffix: str) -> None:
    ref = parse(f"Sari, D. P. ({label}). Diplomasi publik. Jurnal Diplomasi, 4(1), 1-15.")
    assert (ref.year, ref.year_suffix) == (2020, suffix)
    assert ref.year_label == label


@pytest.mark.parametrize("prefix", ["[12] ", "12. ", "12) ", "(12) ", "[3]\t", ""])
def test_list_numbers_are_not_part_of_the_entry(prefix: str) -> None:
    ref = parse(
        f"{prefix}Aditama, R. (2022). Mengenal sasi laut. Suara.Com. https://www.suara.example.com/a"
    )
    assert families(ref) == ["Aditama"]
    assert ref.year == 2022
    assert ref.title == "Mengenal sasi laut"


def test_doi_with_markdown_escape_and_old_resolver() -> None:
    ref = parse(
        "Lanford, M. (2018). Rivers, Dams and the MRC: Diverging Water Interests and the "
        "'Delta Effect.' Water's Turn to the South, 201–219. "
        "https://doi.org/10.1007/978-3-030-54321-0\\_9"
    )
    assert ref.doi == "10.1007/978-3-030-54321-0_9"
    assert ref.container == "Water's Turn to the South"
    old = parse(
        "Sitompul, H. (2019). Island ports. Jurnal TL, 4(2), 51–63. "
        "https://dx.doi.org/10.55555/jtl.v4i2.2210"
    )
    assert old.doi == "10.55555/jtl.v4i2.2210"
    assert old.doi_raw == "https://dx.doi.org/10.55555/jtl.v4i2.2210"


def test_bare_doi_is_never_made_a_url() -> None:
    ref = parse(
        "Marlow, T. (2019). Migration on Twitter. Media, Culture & Society, 41(6), "
        "845–862. doi:10.1177/0163443718813479"
    )
    assert ref.doi == "10.1177/0163443718813479"
    assert ref.urls == ()
    assert ref.container == "Media, Culture & Society"


def test_www_host_kept_as_written() -> None:
    ref = parse(
        "Harjono, C. (2017). TANGGAPAN NELAYAN. EJournal Ilmu Kelautan "
        "Nusantara, 6(2), 412–425. www.zonasi.example.id"
    )
    assert ref.urls == ("www.zonasi.example.id",)
    assert ref.title == "TANGGAPAN NELAYAN"


def test_all_caps_title_and_retrieved_from() -> None:
    ref = parse(
        "Ferreira, L. (2016). CITIES AND CLIMATE ADAPTATION. Retrieved from "
        "http://www.urbanclimate.example.org/reports/adaptation.pdf"
    )
    assert ref.title == "CITIES AND CLIMATE ADAPTATION"
    assert ref.urls == ("http://www.urbanclimate.example.org/reports/adaptation.pdf",)


def test_news_item_with_full_date() -> None:
    ref = parse(
        "Doyle, P. (2020, March 12). Coronavirus: what we know so far. BBC News. "
        "https://www.bbc.example.co.uk/news/health-51234567"
    )
    assert ref.year == 2020
    assert ref.title == "Coronavirus: what we know so far"
    assert ref.container == "BBC News"
    assert ref.kind == "news"


def test_thesis_kind() -> None:
    ref = parse(
        "Morrison, C. (2016). Urban heat islands in Melbourne [Doctoral dissertation, "
        "University of Melbourne]."
    )
    assert ref.title == "Urban heat islands in Melbourne"
    assert ref.kind == "thesis"


@pytest.mark.parametrize("text", ["", "   ", "12.", "(2019).", "Untitled"])
def test_odd_input_never_raises(text: str) -> None:
    ref = parse(text)
    assert ref.raw == text
