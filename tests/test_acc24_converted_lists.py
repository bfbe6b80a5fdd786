"""Converted Markdown reference lists (made-up entries) that a converter wrote as a
converted list is read: each class below was mis-segmented before acc24's fixes."""

from __future__ import annotations

import textwrap
from pathlib import Path

from citeaudit.manuscript.reading import read_manuscript

_AUTHOR_YEAR_BODY = (
    "# Introduction\n\nGlial promoters were compared (Hartmann et al., 2011; "
    "van Brakel et al., 2014; von Ostrow et al., 2016) and again (Zeller et al., 2018).\n\n"
    "## References\n\n"
)
_PARTICLE_ENTRIES = [
    "Hartmann P., Lindqvist J., Moreau C. B., Tanaka R., Oyelaran B. A., Fischbach H., "
    "et al. (2011). Promoter choice for glial expression in the young rodent brain. "
    "Glia Res. 12 (3), 101–118. 10.1000/glia.2011.0042",
    "van Brakel T., Kowalczyk M., Sørensen L. J., Abara K., Delacroix P., Mendes R., "
    "et al. (2014). A short promoter drives expression in oligodendrocytes after viral "
    "delivery. Mol. Ther. Methods 4 (2), 55–70. 10.1000/mtm.2014.0007",
    "von Ostrow G., Pellegrini D., Kasprzak C. B., Nguyen X., Halvorsen A. E., "
    "Rautio R., et al. (2016). Myelin gene promoters compared in the juvenile brain "
    "after vector injection. Front. Glia 9, 13. 10.1000/fglia.2016.00013",
    "Zeller D. J., Kaminski J., Obuya R. I., Ferreira G. R. (2018). Targeted vectors "
    "for glial cells in the adult brain and spinal cord. Gene Ther. 8, 60–71.",
]


def _read(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "paper.md"
    path.write_text(text, encoding="utf-8")
    return [e.text for e in read_manuscript(path).reference_entries]


def test_a_wrapped_entry_opening_with_a_lower_case_particle_is_an_entry(tmp_path: Path) -> None:
    # hard-wrapped at 76 columns, entries ended by a hard break: the first line of the
    # "van"/"von" entries holds no year, and opened in lower case it read as a tail
    text = (
        _AUTHOR_YEAR_BODY
        + "\\\n".join("\n".join(textwrap.wrap(entry, 76)) for entry in _PARTICLE_ENTRIES)
        + "\n"
    )
    entries = _read(tmp_path, text)
    assert len(entries) == 4
    assert entries[1].startswith("van Brakel") and entries[2].startswith("von Ostrow")


def test_a_title_tail_in_lower_case_still_wraps(tmp_path: Path) -> None:
    # a wrapped line that opens in lower case with no particle-surname-initials shape
    # stays in its entry
    entries = [
        "Hartmann P., Lindqvist J. (2011). Promoter choice for glial expression in the",
        "de novo synthesis of myelin, a review. Glia Res. 12 (3), 101–118.\\",
        "Zeller D. J., Kaminski J. (2018). Targeted vectors. Gene Ther. 8, 60–71.",
    ]
    got = _read(tmp_path, _AUTHOR_YEAR_BODY + "\n".join(entries) + "\n")
    assert len(got) == 2


_NUMERIC_BODY = (
    "# Introduction\n\nRisk was higher^1-3^ than before^4,5^ and after^6^.\n\n## Referências\n\n"
)
_NUMERIC_ENTRIES = [
    "Moreira AL, Batista LS, Rigoni MA, Andrade P, Antunes JT, Almeida MG. Superfícies "
    "de contato do ambiente de cuidado: um reservatório possível de microrganismos "
    "pouco estudado? Revisão integrativa. Rev Enferm Norte. 2013;7(5):1549-60.",
    "Paiva AO, Salles AKM, Pontes MAP. Infecciones asociadas a la atención de la salud "
    "en unidades de cuidado intensivo de recién nacidos: una revisión integradora de la "
    "literatura reciente. Enferm Glob. 2017;(45):508-22.",
    "Bastos AB, Ramalho JMM, Neto RR, Sousa DF, Pimentel RS. Diversity of environmental "
    "and patient bacteria in a general hospital of the northern region and its wards. "
    "J Bioenergy Food Sci. 2015;2(4):160-4.",
    "Kang JK, Cho YS, Song S, Ahn SY, Park WS. Trends in the incidence and associated "
    "factors of late infection in very preterm infants born at 23-26 weeks: a "
    "retrospective study over ten years. BMC Pediatr. 2018;18(1):172.",
    "Ponte CF, Madeira WA, Pinheiro IJ. Agentes bacterianos en la sepsis de recién "
    "nacidos en un hospital escuela del norte del país durante cinco años de registro. "
    "Acta Pediatr Sur. 2017;6(2):479-85.",
    "Feitosa AC, Kurz T, Abreu PDO, Zanetti JC, Selbach LS, Bianchi MF, et al. Sepse "
    "tardia em unidade de tratamento intensivo de recém-nascidos de um hospital do sul. "
    "Rev Epidemiol Control. 2018;8(4):4506.",
]


def _doi_link(n: int) -> str:
    doi = f"https://doi.org/10.5555/example.{n}.2017"
    return f"[{doi}]({doi})"


def test_bare_numbered_paragraphs_with_a_link_line_are_cut_at_their_numbers(
    tmp_path: Path,
) -> None:
    # SciELO as converted Markdown: "1 Author ..." paragraphs wrapped at 76 columns, each
    # with its DOI's link on a line of its own: five lines an entry, fewer than a quarter
    # of the lines carry a number, and the list was read as a few long entries
    paragraphs = [
        "\n".join(textwrap.wrap(f"{i} {entry}", 76)) + "\n" + _doi_link(i)
        for i, entry in enumerate(_NUMERIC_ENTRIES, 1)
    ]
    entries = _read(tmp_path, _NUMERIC_BODY + "\n\n".join(paragraphs) + "\n")
    assert len(entries) == len(_NUMERIC_ENTRIES)
    assert entries[2].startswith("3") and "Bastos" in entries[2]


def test_an_entry_ending_in_a_linked_address_ends_there(tmp_path: Path) -> None:
    # wrapped lines, no blank line between entries: an entry's last line is its DOI as a
    # converter's link to itself, then the next entry opens on the next line
    people = ["Hartmann P., Lindqvist J.", "Okonkwo B., Rivas M.", "Sato K., Yilmaz E."]
    body = "# Introduction\n\nAs shown (Hartmann and Lindqvist, 2011; Okonkwo and Rivas, "
    body += "2013; Sato and Yilmaz, 2015).\n\n## References\n\n"
    lines = []
    for n, (names, year) in enumerate(zip(people, (2011, 2013, 2015), strict=True)):
        entry = (
            f"{names} ({year}). A study of promoters and vectors in the developing brain "
            f"of the rodent and its glia. Glia Res. {n + 3}, 101–118."
        )
        lines += [*textwrap.wrap(entry, 74), _doi_link(n)]
    entries = _read(tmp_path, body + "\n".join(lines) + "\n")
    assert len(entries) == 3
    assert entries[1].startswith("Okonkwo")


def test_an_indented_line_of_a_list_item_is_no_heading(tmp_path: Path) -> None:
    # a converter's tight bulleted list, each item's rest indented under it: a wrapped
    # line opening "Abstract 312." (a conference abstract's number) ending in "from:"
    # read as the "Abstract" heading after the list, and the list ended there
    items = [
        "- 1.  Duarte EM, Ortiz J, Dahl G, Nakamura Y. Use of the signal ratio to tell\n"
        "      recent infection. In: Conference on Viral Infections; 2015 Feb 23-27;\n"
        "      Boston, MA. \\[cited 2020 Feb 1\\].\n"
        "      Abstract 312. Available from:\n"
        "      <https://www.example.org/abstract/use-signal-ratio-recent-infection/>",
        "- 2.  Greer E, Fonseca SN, Bingham J. Interpreting diagnostic histories as\n"
        "      infection times. BMC Infect Dis. 2019;19:894.",
        "- 3.  Eshel SH, Hughes JP, Lenz O. A cohort study of incidence in adult\n"
        "      women. J Infect Dis. 2013;207(2):223-31.",
    ]
    body = "# Introduction\n\nAs shown^1^, again^2^ and later^3^.\n\n## References\n\n"
    entries = _read(tmp_path, body + "\n".join(items) + "\n")
    assert len(entries) == 3
    assert "Greer" in entries[1]


_THREE_CITED = "# Introduction\n\nAs shown^1^, again^2^ and later^3^.\n\n## References\n\n"


def test_a_number_wrapped_under_its_list_item_is_no_entry(tmp_path: Path) -> None:
    # a page ("312.") or a range's end ("9.") wrapped onto a line indented under its
    # item read as a label: an entry of its own, never cited
    items = [
        "- 1.  Vale M, Pinto PR, Horta H. Validity of a short questionnaire in surveys\n"
        "      of older adults. Soc Psychiatry Epidemiol, 2009; 44(3):\n"
        "      312. <https://doi.org/10.5555/spe.2009.312>",
        "- 2.  Aldana MH, Kahn AT, Alves AM. Falls among older adults in a national\n"
        "      survey. Pharm J. 2018 ; 26 (8): 1112 -\n"
        "      9.\n"
        "      [https://doi.org/10.5555/pj.2018.05](https://doi.org/10.5555/pj.2018.05)",
        "- 3.  Costa MG. Work and health among rural workers. Rev Saude. 2015;3:1-8.",
    ]
    entries = _read(tmp_path, _THREE_CITED + "\n".join(items) + "\n")
    assert len(entries) == 3
    assert "312" in entries[0] and "Aldana" in entries[1] and "1112" in entries[1]


def test_a_page_range_cut_at_its_dash_is_no_bullet(tmp_path: Path) -> None:
    # a numbered list hard-wrapped with no indent: the range "1725-36" cut at its dash,
    # so the next line opens "- 36." as a bullet would
    lines = [
        "1.  Souza PW, Lima EEC, Freire FH. Registration of deaths in small areas of",
        "the north. Rev Bras Estud Popul. 2010;27(1):11-30.",
        "2.  Szabo CL, Leal MC, Andrade CL. Infant mortality estimates from the records",
        "of births and deaths of the ministry. Cad Saude Publica. 2002 ; 18 (6): 1725",
        "- 36. https://doi.org/10.5555/csp.2002.0027",
        "3.  Quental BL, Sacco N. Mortality in the censuses of the region. Rev Bras",
        "Estud Popul. 2017;34(2):1-20.",
    ] + [f"{n}.  Author{n} AB. Title number {n}. J Ex. 2019;{n}:1-9." for n in range(4, 12)]
    entries = _read(tmp_path, _THREE_CITED + "\n".join(lines) + "\n")
    assert len(entries) == 11
    assert "1725" in entries[1] and "csp.2002.0027" in entries[1]


def test_after_a_hard_break_a_whole_entry_ends_whatever_the_next_opens(tmp_path: Path) -> None:
    # ABNT as converted Markdown, entries ended by hard breaks: the next line opens with
    # a surname in capitals and a semicolon, an acronym and a dash, or a name and a
    # bracket before its year: none read as an entry's start, each was joined
    lines = [
        "ANDRADE, P.; BRITO, J. G. Correcting survey data with coarsened matching.",
        "Revista de Turismo, v. 5, n. 2, p. 10-22, 2014.\\",
        "HALVORSEN J.; YU, Y. Balancing weights for causal effects. Journal of",
        "Statistical Methods, v. 54, n. 7, 2013.  ",
        "INEP - Instituto Nacional de Estudos e Pesquisas. Censo Escolar da Educação",
        "Básica. Brasília, 2019.\\",
        "Floristica (Botanical information system of the Southern Herbarium) 2015.",
        "Disponível em: <http://www.example.org/floristica>.\\",
        "MOURA, C. Efeitos regionais de programas sociais. Recife: Alfa, 2010.",
    ]
    body = (
        "# Introdução\n\nComo mostram Andrade e Brito (2014), Halvorsen e Yu (2013), "
        "INEP (2019), Floristica (2015) e Moura (2010).\n\n## REFERÊNCIAS\n\n"
    )
    entries = _read(tmp_path, body + "\n".join(lines) + "\n")
    assert len(entries) == 5
    assert entries[1].startswith("HALVORSEN") and entries[2].startswith("INEP")
    assert "Disponível em" in entries[3]


def test_bare_numbers_after_hard_breaks_number_the_list(tmp_path: Path) -> None:
    # "1 Author ..." entries ended by hard breaks, the first by an address without its
    # scheme ("portal.example.gov.br/.../manual.pdf"): the number after it followed no
    # ended entry, so the run numbered nothing and the list was read as one entry
    lines = [
        "1 Ministério da Educação (BR). Manual de atenção à criança: 2 a 5 anos[Internet].",
        "Brasília, DF: SVS; 2017[cited 2020 Mar 23]. Available from:",
        "portal.example.gov.br/imagens/pdf/2017/julho/12/manual-Online.pdf  ",
        "2 Ministério da Educação (BR). Portaria nº 1.234, de 21 de setembro de 2017.",
        "Aprova a Política Nacional[Internet]. Brasília, DF: 2017. Available from:",
        "<https://example.gov.br/legis/2017/prt1234_22_09_2017.html>  ",
        "3 Lemos MC, Sarmento CL, Abreu PVB. Reproductive and child health in thirty",
        "years of the system. Cien Saude Colet.",
        "2018;23(6):1915-1928. <https://doi.org/10.5555/csc.2018.03942018>  ",
        "4 Vidal S, Walter T. Breastfeeding practice and hospital stays for infections",
        "in early and later childhood. BMJ Open.",
        "2021;11:e046583. <https://doi.org/10.5555/bmjo.2020.046583>\\",
        "5 Bayer A, Adams M. Priorities for intervention against diarrhoea in children",
        "aged 0-23 months. BMC Pediatr. 2021;21:155.",
        "<https://doi.org/10.5555/bmcp.2021.02592>\\",
        "6 Vieira J, Patel KK. Risk factors of infant mortality in a cohort. Clin",
        "Epidemiol Glob Health. 2020;8:1-9.",
    ]
    entries = _read(tmp_path, _NUMERIC_BODY + "\n".join(lines) + "\n")
    assert len(entries) == 6
    assert entries[4].startswith("5")


def test_a_vancouver_journal_line_wrapped_alone_stays_in_its_entry(tmp_path: Path) -> None:
    # wrapped lines, no separator; the journal, year and volume fell on a line of their
    # own after a title ending in a full stop: read as an entry (a short head, a year)
    lines = [
        "Albers, Gould & Otto (1979) Albers P, Gould SJ, Otto GF. Size and shape in",
        "growth and the history of lineages of lizards of the northern coastal plains.",
        "Journal of Comparative Zoology. 1979;5:296–317.",
        "Bellamy (2012) Bellamy PR. A standard vocabulary for scale impressions of",
        "the large herbivores of the late period.",
        "Paleobiology. 2012;7:252–261.",
        "Carvalho (1985) Carvalho J. Growth marks in the bones of small reptiles.",
        "Annals of Natural Sciences. 1985;7:1–12.",
    ]
    body = (
        "# Introduction\n\nAs shown (Albers, Gould & Otto, 1979; Bellamy, 2012; "
        "Carvalho, 1985).\n\n## References\n\n"
    )
    entries = _read(tmp_path, body + "\n".join(lines) + "\n")
    assert len(entries) == 3
    assert "1979;5:296" in entries[0] and entries[1].startswith("Bellamy")
