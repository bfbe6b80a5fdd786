# ruff: noqa: E501  (data: long reference strings)
"""Hand-written messy reference strings with their gold fields.

Written for this set in the way real manuscripts write them: list numbers, ALL-CAPS
titles, organisations, missing pieces, "n.d." in several languages, 2019a/2019b,
DOIs with Markdown escapes, "Retrieved from", "Diakses dari", news and web pages.
All names, titles and identifiers are invented (journals and publishers are real
names). Earlier versions held near-copies of the project's example article's entries
(same DOIs, pages, URL paths); those were rewritten as invented works.
"""

from __future__ import annotations

from typing import Any


def H(
    text: str,
    style: str,
    lang: str,
    authors: list[str],
    year: int | None,
    title: str | None,
    container: str | None = None,
    doi: str | None = None,
    suffix: str | None = None,
    nd: bool = False,
    kind: str | None = None,
) -> dict[str, Any]:
    people = []
    for a in authors:
        if a.startswith("!"):
            people.append({"family": a[1:], "given": None, "organisation": True})
        else:
            fam, _, giv = a.partition("|")
            people.append({"family": fam, "given": giv or None})
    return {
        "text": text,
        "style": style,
        "language": lang,
        "kind": kind,
        "authors": people,
        "year": year,
        "year_suffix": suffix,
        "no_date": nd,
        "title": title,
        "container": container,
        "doi": doi,
    }


HANDWRITTEN: list[dict[str, Any]] = [
    # --- Indonesian APA-like lists -------------------------------------------------------
    H(
        "Kurniawan. (2020). Strategi Pertahanan Maritim Indonesia di Selat Malaka. Jurnal Ilmu "
        "Hubungan Internasional., 8(2), 455–470.",
        "apa",
        "id",
        ["Kurniawan"],
        2020,
        "Strategi Pertahanan Maritim Indonesia di Selat Malaka",
        "Jurnal Ilmu Hubungan Internasional",
    ),
    H(
        "ASEAN. (2021). ASEAN Outlook on the Indo-Pacific. ASEAN Secretariat. "
        "https://asean.example.org/asean-outlook-on-the-indo-pacific/",
        "apa",
        "en",
        ["!ASEAN"],
        2021,
        "ASEAN Outlook on the Indo-Pacific",
        "ASEAN Secretariat",
        kind="webpage",
    ),
    H(
        "Santoso, R. A., Wibowo, T., & Hakim, L. (2018). Pengantar Ilmu Politik. Pustaka Pelajar.",
        "apa",
        "id",
        ["Santoso|R. A.", "Wibowo|T.", "Hakim|L."],
        2018,
        "Pengantar Ilmu Politik",
        kind="book",
    ),
    H(
        "Halim, F. (2022). Mengapa Finlandia dan Swedia Ingin Bergabung dengan NATO? Tempo.co. "
        "https://dunia.tempo.example.co/read/1591234/mengapa-finlandia-dan-swedia",
        "apa",
        "id",
        ["Halim|F."],
        2022,
        "Mengapa Finlandia dan Swedia Ingin Bergabung dengan NATO?",
        "Tempo.co",
        kind="news",
    ),
    H(
        "Kementerian Luar Negeri Republik Indonesia. (t.t.). Kerja Sama Multilateral. Diakses dari "
        "https://kemlu.example.go.id/portal/id/read/40/halaman_list_lainnya/kerja-sama-multilateral",
        "apa",
        "id",
        ["!Kementerian Luar Negeri Republik Indonesia"],
        None,
        "Kerja Sama Multilateral",
        nd=True,
        kind="webpage",
    ),
    H(
        "Badan Pusat Statistik. (2023). Statistik Indonesia 2023. Jakarta: BPS.",
        "apa",
        "id",
        ["!Badan Pusat Statistik"],
        2023,
        "Statistik Indonesia 2023",
        kind="report",
    ),
    H(
        "Wardhani, B. (2019). THE MEKONG RIVER COMMISSION (MRC) AND THE FUTURE OF MAINLAND "
        "ASIA. Jurnal Global & Strategis, 13(1), 77–92. https://doi.org/10.20473/jgs.13.1.2019.77-92",
        "apa",
        "id",
        ["Wardhani|B."],
        2019,
        "THE MEKONG RIVER COMMISSION (MRC) AND THE FUTURE OF MAINLAND ASIA",
        "Jurnal Global & Strategis",
        "10.20473/jgs.13.1.2019.77-92",
    ),
    H(
        "Nugroho, A. (2021). Perang Dagang AS–Tiongkok: Siapa yang Diuntungkan? Dalam S. Rahayu "
        "(Ed.), Ekonomi Politik Global (hlm. 101–120). Yogyakarta: Gadjah Mada University Press.",
        "apa",
        "id",
        ["Nugroho|A."],
        2021,
        "Perang Dagang AS–Tiongkok: Siapa yang Diuntungkan?",
        "Ekonomi Politik Global",
        kind="chapter",
    ),
    H(
        "Prabowo, S. (2018). Analisis Kebijakan Pertahanan Indonesia ( Studi Kasus Natuna ). Skripsi. "
        "Universitas Indonesia.",
        "apa",
        "id",
        ["Prabowo|S."],
        2018,
        "Analisis Kebijakan Pertahanan Indonesia ( Studi Kasus Natuna )",
        kind="thesis",
    ),
    H(
        "12. Sari, D. P. (2020a). Diplomasi Publik Indonesia di Era Digital. Jurnal Diplomasi, 4(1), 1-15.",
        "apa",
        "id",
        ["Sari|D. P."],
        2020,
        "Diplomasi Publik Indonesia di Era Digital",
        "Jurnal Diplomasi",
        suffix="a",
    ),
    H(
        "13. Sari, D. P. (2020b). Soft Power Korea Selatan di Indonesia. Jurnal Diplomasi, 4(2), 40-58.",
        "apa",
        "id",
        ["Sari|D. P."],
        2020,
        "Soft Power Korea Selatan di Indonesia",
        "Jurnal Diplomasi",
        suffix="b",
    ),
    H(
        "Muhammad, Y., & Ramadhan, I. (2022). Indonesia's Hedging Strategy in the South China Sea. "
        "Journal of ASEAN Studies, 10(1). https://doi.org/10.21512/jas.v10i1.8123",
        "apa",
        "en",
        ["Muhammad|Y.", "Ramadhan|I."],
        2022,
        "Indonesia's Hedging Strategy in the South China Sea",
        "Journal of ASEAN Studies",
        "10.21512/jas.v10i1.8123",
    ),
    # --- escapes, URLs, DOIs ----------------------------------------------------------------
    H(
        "Lanford, M. (2018). Rivers, Dams and Delta Towns: Diverging Water Interests and the "
        "'Delta Effect.' Water's Turn to the South, 201–219. https://doi.org/10.1007/978-3-030-54321-0\\_9",
        "apa",
        "en",
        ["Lanford|M."],
        2018,
        "Rivers, Dams and Delta Towns: Diverging Water Interests and the 'Delta Effect.'",
        "Water's Turn to the South",
        "10.1007/978-3-030-54321-0_9",
    ),
    H(
        "Tan, K. L. (2017). Reforming Myanmar's Electoral System. Asian Politics \\& Policy, 9(3), "
        "402–419. https://dx.doi.org/10.1111/aspp.12334",
        "apa",
        "en",
        ["Tan|K. L."],
        2017,
        "Reforming Myanmar's Electoral System",
        "Asian Politics & Policy",
        "10.1111/aspp.12334",
    ),
    H(
        "Becker, H., & Stroud, L. (2015). Sleep and memory consolidation in adolescents. Sleep "
        "Medicine Reviews, 22, 1–12. DOI: 10.1016/J.SMRV.2014.09.002",
        "apa",
        "en",
        ["Becker|H.", "Stroud|L."],
        2015,
        "Sleep and memory consolidation in adolescents",
        "Sleep Medicine Reviews",
        "10.1016/j.smrv.2014.09.002",
    ),
    H(
        "Marlow, T. (2019). Migration narratives on Twitter. Media, Culture & Society, 41(6), 845–862. "
        "doi:10.1177/0163443718813479",
        "apa",
        "en",
        ["Marlow|T."],
        2019,
        "Migration narratives on Twitter",
        "Media, Culture & Society",
        "10.1177/0163443718813479",
    ),
    H(
        "Ferreira, L. (2016). Cities and climate adaptation. Retrieved from "
        "http://www.urbanclimate.example.org/reports/adaptation.pdf",
        "apa",
        "en",
        ["Ferreira|L."],
        2016,
        "Cities and climate adaptation",
        kind="report",
    ),
    H(
        "Doyle, P. (2020, March 12). Coronavirus: what we know so far. BBC News. "
        "https://www.bbc.example.co.uk/news/health-51234567",
        "apa",
        "en",
        ["Doyle|P."],
        2020,
        "Coronavirus: what we know so far",
        "BBC News",
        kind="news",
    ),
    H(
        "World Health Organization. (2020). Coronavirus disease (COVID-19) advice for the public. "
        "Retrieved May 5, 2020, from https://www.who.example.int/emergencies/diseases/novel-coronavirus-2019/advice-for-public",
        "apa",
        "en",
        ["!World Health Organization"],
        2020,
        "Coronavirus disease (COVID-19) advice for the public",
        kind="webpage",
    ),
    H(
        "U.S. Census Bureau. (2021). Income and poverty in the United States: 2020 (Report No. P60-273). "
        "U.S. Government Publishing Office.",
        "apa",
        "en",
        ["!U.S. Census Bureau"],
        2021,
        "Income and poverty in the United States: 2020",
        kind="report",
    ),
    H(
        "Nakamura, K. (n.d.). Notes on Japanese phonology. Retrieved from www.ling.example.jp/notes/phon.html",
        "apa",
        "en",
        ["Nakamura|K."],
        None,
        "Notes on Japanese phonology",
        nd=True,
        kind="webpage",
    ),
    H(
        "Van Dijk, T. A. (2008). Discourse and power. Palgrave Macmillan.",
        "apa",
        "en",
        ["Van Dijk|T. A."],
        2008,
        "Discourse and power",
        kind="book",
    ),
    H(
        "de la Fuente, A., & van den Bosch, M. (2012). Regional inequality in Spain and the "
        "Netherlands. Regional Studies, 46(8), 1033-1049.",
        "apa",
        "en",
        ["de la Fuente|A.", "van den Bosch|M."],
        2012,
        "Regional inequality in Spain and the Netherlands",
        "Regional Studies",
    ),
    H(
        "Smith, J.A., Jones, B. and Taylor, C. (2017) 'Child poverty in coastal towns', Journal of "
        "Social Policy, 46(2), pp. 233-251. Available at: https://doi.org/10.1017/S0047279416000632 "
        "(Accessed: 4 June 2021).",
        "harvard",
        "en",
        ["Smith|J.A.", "Jones|B.", "Taylor|C."],
        2017,
        "Child poverty in coastal towns",
        "Journal of Social Policy",
        "10.1017/s0047279416000632",
    ),
    H(
        "Office for National Statistics (2022) Population estimates for the UK: mid-2021. Available at: "
        "https://www.ons.example.gov.uk/peoplepopulationandcommunity (Accessed: 1 March 2023).",
        "harvard",
        "en",
        ["!Office for National Statistics"],
        2022,
        "Population estimates for the UK: mid-2021",
        kind="webpage",
    ),
    H(
        "Brown, R. 2015. Governing the commons in the Pacific. Canberra: ANU Press.",
        "harvard",
        "en",
        ["Brown|R."],
        2015,
        "Governing the commons in the Pacific",
        kind="book",
    ),
    H(
        "Evans, G. & Newnham, J. (1998). The Penguin Dictionary of International Relations. London: "
        "Penguin Books.",
        "harvard",
        "en",
        ["Evans|G.", "Newnham|J."],
        1998,
        "The Penguin Dictionary of International Relations",
        kind="book",
    ),
    # --- Spanish, Portuguese, German, French -------------------------------------------------
    H(
        "Gómez, M. y Ruiz, P. (2019). Educación rural en Andalucía: retos y oportunidades. Revista "
        "de Educación, 385, 33-58. https://doi.org/10.4438/1988-592X-RE-2019-385-411",
        "apa",
        "es",
        ["Gómez|M.", "Ruiz|P."],
        2019,
        "Educación rural en Andalucía: retos y oportunidades",
        "Revista de Educación",
        "10.4438/1988-592x-re-2019-385-411",
    ),
    H(
        "Instituto Nacional de Estadística. (s.f.). Encuesta de Población Activa. Recuperado de "
        "https://www.ine.example.es/epa",
        "apa",
        "es",
        ["!Instituto Nacional de Estadística"],
        None,
        "Encuesta de Población Activa",
        nd=True,
        kind="webpage",
    ),
    H(
        "Hernández Sampieri, R., Fernández Collado, C., & Baptista Lucio, P. (2014). Metodología de "
        "la investigación (6a ed.). México: McGraw-Hill.",
        "apa",
        "es",
        ["Hernández Sampieri|R.", "Fernández Collado|C.", "Baptista Lucio|P."],
        2014,
        "Metodología de la investigación",
        kind="book",
    ),
    H(
        "Vargas, L. (2021). ¿Qué es la economía circular? En A. Pérez (Coord.), Economía y "
        "sostenibilidad (pp. 15-34). Madrid: Tecnos.",
        "apa",
        "es",
        ["Vargas|L."],
        2021,
        "¿Qué es la economía circular?",
        "Economía y sostenibilidad",
        kind="chapter",
    ),
    H(
        "SILVA, J. C. da; SOUZA, M. A. de. Gestão escolar e participação. Revista Brasileira de "
        "Educação, v. 24, n. 3, p. 101-120, 2019.",
        "abnt",
        "pt",
        ["SILVA|J. C. da", "SOUZA|M. A. de"],
        2019,
        "Gestão escolar e participação",
        "Revista Brasileira de Educação",
    ),
    H(
        "FREIRE, Paulo. Pedagogia do oprimido. 17. ed. Rio de Janeiro: Paz e Terra, 1987.",
        "abnt",
        "pt",
        ["FREIRE|Paulo"],
        1987,
        "Pedagogia do oprimido",
        kind="book",
    ),
    H(
        "Costa, A. R., & Lima, F. (2020). A pandemia e o ensino remoto no Brasil. Educação & "
        "Sociedade, 41, e239812. https://doi.org/10.1590/ES.239812",
        "apa",
        "pt",
        ["Costa|A. R.", "Lima|F."],
        2020,
        "A pandemia e o ensino remoto no Brasil",
        "Educação & Sociedade",
        "10.1590/es.239812",
    ),
    H(
        "Müller, T. (o. J.). Leitfaden zum wissenschaftlichen Schreiben. Universität Hamburg. "
        "https://www.uni-hamburg.example.de/leitfaden.pdf",
        "apa",
        "de",
        ["Müller|T."],
        None,
        "Leitfaden zum wissenschaftlichen Schreiben",
        nd=True,
        kind="webpage",
    ),
    H(
        "Schmidt, Anna/Weber, Jörg (2016): Kommunale Integrationspolitik. Wiesbaden: Springer VS.",
        "german",
        "de",
        ["Schmidt|Anna", "Weber|Jörg"],
        2016,
        "Kommunale Integrationspolitik",
        kind="book",
    ),
    H(
        "Bauer, K. (2019). Klimapolitik im Föderalismus. In: M. Keller & S. Vogt (Hrsg.), Handbuch "
        "Umweltpolitik (S. 201–223). Wiesbaden: Springer.",
        "apa",
        "de",
        ["Bauer|K."],
        2019,
        "Klimapolitik im Föderalismus",
        "Handbuch Umweltpolitik",
        kind="chapter",
    ),
    H(
        "Bourdieu, P. (1979). La distinction : critique sociale du jugement. Paris : Éditions de Minuit.",
        "apa",
        "fr",
        ["Bourdieu|P."],
        1979,
        "La distinction : critique sociale du jugement",
        kind="book",
    ),
    H(
        "MARTIN, Claire et DURAND, Louis, « Les jeunes et la politique », Revue française de science "
        "politique, vol. 65, no 2, 2015, p. 245-268.",
        "french",
        "fr",
        ["MARTIN|Claire", "DURAND|Louis"],
        2015,
        "Les jeunes et la politique",
        "Revue française de science politique",
    ),
    H(
        "Rossi, M. (2017). L'Italia e l'Europa. Bologna: Il Mulino.",
        "apa",
        "it",
        ["Rossi|M."],
        2017,
        "L'Italia e l'Europa",
        kind="book",
    ),
    # --- IEEE / Vancouver messy ------------------------------------------------------------------
    H(
        '[3] S. E. Han and G. Chen, "Toward the Lambertian limit of light trapping in thin '
        'nanostructured silicon solar cells," Nano Lett., vol. 10, no. 11, pp. 4692–4696, 2010.',
        "ieee",
        "en",
        ["Han|S. E.", "Chen|G."],
        2010,
        "Toward the Lambertian limit of light trapping in thin nanostructured silicon solar cells",
        "Nano Lett.",
    ),
    H(
        '[14] J. van der Berg, "Deep learning for port traffic forecasting," in Proc. IEEE Int. '
        "Conf. Intell. Transp. Syst. (ITSC), Rhodes, Greece, 2020, pp. 1–6, doi: "
        "10.1109/ITSC45102.2020.9294301.",
        "ieee",
        "en",
        ["van der Berg|J."],
        2020,
        "Deep learning for port traffic forecasting",
        "Proc. IEEE Int. Conf. Intell. Transp. Syst. (ITSC)",
        "10.1109/itsc45102.2020.9294301",
    ),
    H(
        "[7] IEEE Standard for Floating-Point Arithmetic, IEEE Std 754-2019, 2019.",
        "ieee",
        "en",
        [],
        2019,
        "IEEE Standard for Floating-Point Arithmetic",
        kind="report",
    ),
    H(
        '[21] M. Abadi et al., "TensorFlow: A system for large-scale machine learning," in Proc. '
        "12th USENIX Symp. Oper. Syst. Des. Implement. (OSDI), 2016, pp. 265–283.",
        "ieee",
        "en",
        ["Abadi|M."],
        2016,
        "TensorFlow: A system for large-scale machine learning",
        "Proc. 12th USENIX Symp. Oper. Syst. Des. Implement. (OSDI)",
    ),
    H(
        "[2] R. Kumar, Digital Signal Processing. New Delhi, India: PHI Learning, 2014.",
        "ieee",
        "en",
        ["Kumar|R."],
        2014,
        "Digital Signal Processing",
        kind="book",
    ),
    H(
        "1. Pérez-Higueras JJ, Arias A, de la Macorra JC, Peters OA. Differences in cyclic fatigue "
        "resistance at apical and coronal levels. J Endod. 2014 Sep;40(9):1477-81.",
        "vancouver",
        "en",
        ["Pérez-Higueras|JJ", "Arias|A", "de la Macorra|JC", "Peters|OA"],
        2014,
        "Differences in cyclic fatigue resistance at apical and coronal levels",
        "J Endod",
    ),
    H(
        "22) Brischoux F, Chakraborty S, Brierley DI, Ungless MA. Phasic excitation of dopamine "
        "neurons by noxious stimuli. Proc Natl Acad Sci U S A. 2009;106(12):4894-9. "
        "doi: 10.1073/pnas.0811507106",
        "vancouver",
        "en",
        ["Brischoux|F", "Chakraborty|S", "Brierley|DI", "Ungless|MA"],
        2009,
        "Phasic excitation of dopamine neurons by noxious stimuli",
        "Proc Natl Acad Sci U S A",
        "10.1073/pnas.0811507106",
    ),
    H(
        "5. World Health Organization. Global tuberculosis report 2022. Geneva: WHO; 2022.",
        "vancouver",
        "en",
        ["!World Health Organization"],
        2022,
        "Global tuberculosis report 2022",
        kind="report",
    ),
    H(
        "8. Okafor CN, Smith-Jones A, Al Mansouri K, et al. Is vitamin D supplementation effective? "
        "A meta-analysis. BMJ Open. 2021;11:e045123.",
        "vancouver",
        "en",
        ["Okafor|CN", "Smith-Jones|A", "Al Mansouri|K"],
        2021,
        "Is vitamin D supplementation effective? A meta-analysis",
        "BMJ Open",
    ),
    H(
        "Hull ML, Rutledge AB. Kidney function in elderly patients. Nephrol Dial Transplant. "
        "2019;34(Suppl 1):i12-i19.",
        "vancouver",
        "en",
        ["Hull|ML", "Rutledge|AB"],
        2019,
        "Kidney function in elderly patients",
        "Nephrol Dial Transplant",
    ),
    # --- MLA / Chicago messy ----------------------------------------------------------------
    H(
        "Adams, Nicholson B. “A Spanish Romanticist Parodies Himself.” Proceedings of the Modern "
        "Language Association, vol. 45, 1930, pp. 573–77.",
        "mla",
        "en",
        ["Adams|Nicholson B."],
        1930,
        "A Spanish Romanticist Parodies Himself",
        "Proceedings of the Modern Language Association",
    ),
    H(
        "Morrison, Toni. Beloved. Knopf, 1987.",
        "mla",
        "en",
        ["Morrison|Toni"],
        1987,
        "Beloved",
        kind="book",
    ),
    H(
        "Okafor, Chidi, and Lena Hoffmann. “Reading the Archive Against the Grain.” Postcolonial "
        "Studies, vol. 24, no. 1, 2021, pp. 12–29, doi:10.1080/13688790.2020.1834567.",
        "mla",
        "en",
        ["Okafor|Chidi", "Hoffmann|Lena"],
        2021,
        "Reading the Archive Against the Grain",
        "Postcolonial Studies",
        "10.1080/13688790.2020.1834567",
    ),
    H(
        "“Climate Change 2023: Synthesis Report.” IPCC, 2023, www.ipcc.example.ch/report/ar6/syr/.",
        "mla",
        "en",
        [],
        2023,
        "Climate Change 2023: Synthesis Report",
        "IPCC",
        kind="webpage",
    ),
    H(
        'Lee, L. L., W. E. Howard, and R. E. Marsh. 1990. "Acquired strychnine tolerance by pocket '
        'gophers." Proceedings of the Vertebrate Pest Conference 14: 87-90.',
        "chicago",
        "en",
        ["Lee|L. L.", "Howard|W. E.", "Marsh|R. E."],
        1990,
        "Acquired strychnine tolerance by pocket gophers",
        "Proceedings of the Vertebrate Pest Conference",
    ),
    H(
        "Gaddis, John Lewis. The Cold War: A New History. New York: Penguin Press, 2005.",
        "chicago",
        "en",
        ["Gaddis|John Lewis"],
        2005,
        "The Cold War: A New History",
        kind="book",
    ),
    H(
        "Keohane, Robert O., and Joseph S. Nye. Power and Interdependence. 4th ed. Boston: Longman, 2012.",
        "chicago",
        "en",
        ["Keohane|Robert O.", "Nye|Joseph S."],
        2012,
        "Power and Interdependence",
        kind="book",
    ),
    H(
        "Mearsheimer, John J. “Why the Ukraine Crisis Is the West’s Fault.” Foreign Affairs 93, no. 5 "
        "(2014): 77–89.",
        "chicago",
        "en",
        ["Mearsheimer|John J."],
        2014,
        "Why the Ukraine Crisis Is the West’s Fault",
        "Foreign Affairs",
    ),
    H(
        "Walt, Stephen M. 1987. The Origins of Alliances. Ithaca: Cornell University Press.",
        "chicago",
        "en",
        ["Walt|Stephen M."],
        1987,
        "The Origins of Alliances",
        kind="book",
    ),
    H(
        "North Atlantic Treaty Organization. 2023. “Collective Defence and Article 5.” Last modified "
        "July 4, 2023. https://www.nato.example.int/cps/en/natohq/topics_110496.htm.",
        "chicago",
        "en",
        ["!North Atlantic Treaty Organization"],
        2023,
        "Collective Defence and Article 5",
        kind="webpage",
    ),
    # --- odd but common ---------------------------------------------------------------------
    H(
        "Anonymous. (2019). Defence white paper leaks. The Jakarta Post, p. 3.",
        "apa",
        "en",
        ["Anonymous"],
        2019,
        "Defence white paper leaks",
        "The Jakarta Post",
        kind="news",
    ),
    H(
        "Greenberg, S. (2021c). Voting rights after Shelby County. Harvard Law Review, 134(5), 1701-1760.",
        "apa",
        "en",
        ["Greenberg|S."],
        2021,
        "Voting rights after Shelby County",
        "Harvard Law Review",
        suffix="c",
    ),
    H(
        "Chen, X., Wang, Y., Li, H., Zhang, W., Liu, J., Zhao, Q., ... Sun, M. (2020). A "
        "multi-centre study of air pollution and asthma. Environment International, 134, 105329.",
        "apa",
        "en",
        ["Chen|X.", "Wang|Y.", "Li|H.", "Zhang|W.", "Liu|J.", "Zhao|Q.", "Sun|M."],
        2020,
        "A multi-centre study of air pollution and asthma",
        "Environment International",
    ),
    H(
        "Dewi, Ratna Sari. 2018. “Perempuan dan Politik Lokal di Bali.” Jurnal Politik 3 (2): 211–36.",
        "chicago",
        "id",
        ["Dewi|Ratna Sari"],
        2018,
        "Perempuan dan Politik Lokal di Bali",
        "Jurnal Politik",
    ),
    H(
        "Taufik, H., Amalia, R., dan Pratama, Y. (2020). Dampak pandemi terhadap UMKM di Jawa Barat. "
        "Jurnal Ekonomi Pembangunan, 18(1), 44–59.",
        "apa",
        "id",
        ["Taufik|H.", "Amalia|R.", "Pratama|Y."],
        2020,
        "Dampak pandemi terhadap UMKM di Jawa Barat",
        "Jurnal Ekonomi Pembangunan",
    ),
    H(
        "Mahendra, I. G. (2019). Pariwisata Bali dan Identitas Budaya. Denpasar: Udayana University "
        "Press. Hlm. 23-45.",
        "apa",
        "id",
        ["Mahendra|I. G."],
        2019,
        "Pariwisata Bali dan Identitas Budaya",
        kind="book",
    ),
    H(
        "Thompson, E. P. (1963). The making of the English working class. London: Victor Gollancz. "
        "(Original work published 1963)",
        "apa",
        "en",
        ["Thompson|E. P."],
        1963,
        "The making of the English working class",
        kind="book",
    ),
    H(
        "Reyes, C. (2022, 14 de febrero). La inflación golpea a los hogares. El Tiempo. "
        "https://www.eltiempo.example.com/economia/inflacion-hogares-2022",
        "apa",
        "es",
        ["Reyes|C."],
        2022,
        "La inflación golpea a los hogares",
        "El Tiempo",
        kind="news",
    ),
    H(
        "Wierzbicka, M. (2019). THE RIVER COMMISSION IN THE WATER POLICY OF THE DANUBE STATES. "
        "Routledge Handbook of River Diplomacy, 1, 88–101. https://doi.org/10.4324/9780000111222-7",
        "apa",
        "en",
        ["Wierzbicka|M."],
        2019,
        "THE RIVER COMMISSION IN THE WATER POLICY OF THE DANUBE STATES",
        "Routledge Handbook of River Diplomacy",
        "10.4324/9780000111222-7",
    ),
    H(
        "Sitompul, H. (2019). Linking Island Ports with the Coastal Shipping Programme, 2015-2017. "
        "Jurnal Transportasi Laut, 4 Number 2(2), 51–63. https://dx.doi.org/10.55555/jtl.v4i2.2210",
        "apa",
        "id",
        ["Sitompul|H."],
        2019,
        "Linking Island Ports with the Coastal Shipping Programme, 2015-2017",
        "Jurnal Transportasi Laut",
        "10.55555/jtl.v4i2.2210",
    ),
    H(
        "Harjono, C. (2017). TANGGAPAN NELAYAN TERHADAP ZONASI LAUT DI PESISIR TIMUR. EJournal Ilmu "
        "Kelautan, 6(2), 412–425. www.zonasi.example.id",
        "apa",
        "id",
        ["Harjono|C."],
        2017,
        "TANGGAPAN NELAYAN TERHADAP ZONASI LAUT DI PESISIR TIMUR",
        "EJournal Ilmu Kelautan",
    ),
    H(
        "Wibisono, S. (2016). KEBIJAKAN PANGAN LOKAL BAGI PETANI KECIL. Repositori Ilmiah UNCONTO.",
        "apa",
        "id",
        ["Wibisono|S."],
        2016,
        "KEBIJAKAN PANGAN LOKAL BAGI PETANI KECIL",
        "Repositori Ilmiah UNCONTO",
    ),
    H(
        "Qureshi, F. (2017). Seed Banks in Rural Punjab: Opportunities and Challenges'. "
        "EUROPEAN AGRICULTURAL REVIEW, 5(11), 2214–2231. https://www.researchgate.example.net/publication/100000001",
        "apa",
        "en",
        ["Qureshi|F."],
        2017,
        "Seed Banks in Rural Punjab: Opportunities and Challenges'",
        "EUROPEAN AGRICULTURAL REVIEW",
    ),
    H(
        "Ostrom, E. (1990) Governing the Commons: The Evolution of Institutions for Collective Action, "
        "Cambridge University Press, Cambridge.",
        "harvard",
        "en",
        ["Ostrom|E."],
        1990,
        "Governing the Commons: The Evolution of Institutions for Collective Action",
        kind="book",
    ),
    H(
        "United Nations Development Programme (UNDP). (2020). Human Development Report 2020: The next "
        "frontier. New York: UNDP.",
        "apa",
        "en",
        ["!United Nations Development Programme (UNDP)"],
        2020,
        "Human Development Report 2020: The next frontier",
        kind="report",
    ),
    H(
        "Ali, S., & Hassan, N. (2023). Water governance in Pakistan [Master's thesis, Lahore University "
        "of Management Sciences]. LUMS Repository.",
        "apa",
        "en",
        ["Ali|S.", "Hassan|N."],
        2023,
        "Water governance in Pakistan",
        kind="thesis",
    ),
    H(
        "Johnson, M. (2018). Teaching with podcasts [Audio podcast episode]. In Ed Talk. "
        "https://edtalk.example.com/episodes/42",
        "apa",
        "en",
        ["Johnson|M."],
        2018,
        "Teaching with podcasts",
        "Ed Talk",
        kind="webpage",
    ),
]
