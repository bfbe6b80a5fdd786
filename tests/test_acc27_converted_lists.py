"""Converted Markdown reference lists (made-up entries) mis-segmented before acc27's fixes."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.test_acc24_converted_lists import _read

_BODY = "# Introduction\n\nRates rose^1^ and fell^2^ then held^3^.\n\n## Referências\n\n"
_ENTRIES = [
    "Quintero AL, Bessa LS, Ferraz MA. Superfícies de contato em enfermarias: um "
    "reservatório de microrganismos pouco estudado. Rev Enferm Norte. 2013;7(5):1549-60.",
    "Bastos KT, Amaral P. Limpeza hospitalar e controle de infecção em unidades de "
    "terapia intensiva do sul. Rev Saude Publica. 2016;50:12-20.",
    "Okafor N, Lindqvist J. Surface contamination in intensive care units: a cohort of "
    "three hospitals. J Hosp Infect. 2019;101(2):200-8.",
]


def test_a_short_bare_numbered_wrapped_list_is_cut_at_its_numbers(tmp_path: Path) -> None:
    # three "1 Author ..." entries wrapped at 76 columns, no blank line and no hard break
    # between them: too short for the wrapped-run rule, the list was read as one entry
    lines = [ln for i, e in enumerate(_ENTRIES, 1) for ln in textwrap.wrap(f"{i} {e}", 76)]
    entries = _read(tmp_path, _BODY + "\n".join(lines) + "\n")
    assert len(entries) == 3
    assert entries[1].startswith("2 Bastos") and entries[2].startswith("3 Okafor")



def test_a_book_imprint_on_its_own_line_stays_in_its_entry(tmp_path: Path) -> None:
    # entries labelled by author and year, hard-wrapped: the book's imprint fell on a line
    # of its own and, a short head then a year, was read as an entry never cited
    body = "# Introduction\n\nAs shown (Ferreyra 1987; Adeyemi 2003; Lindahl 2012).\n\n"
    lines = [
        "Ferreyra 1987. Ferreyra M. Salt, silver and the river trade of the interior.",
        "Oxford: Clarendon Press; 1987.",
        "Adeyemi 2003. Adeyemi T. Harbour credit in the bight. J Econ Hist. 2003;63(2):1-22.",
        "Lindahl 2012. Lindahl P. Towns along the estuary. Uppsala: Nordic Books; 2012.",
    ]
    for sep in ("\n", "  \n"):
        entries = _read(tmp_path, body + "## References\n\n" + sep.join(lines) + "\n")
        assert len(entries) == 3, sep
        assert entries[0].rstrip().endswith("1987.") and entries[1].startswith("Adeyemi")


def test_a_lone_number_before_an_address_opens_its_entry(tmp_path: Path) -> None:
    # "1 Author ..." entries ended by hard breaks; one entry is an address whose number
    # the converter left alone on its line: "12" was joined to the entry above it
    body = "# Introduction\n\nAs used^1-4^ before.\n\n## References\n\n"
    lines = [
        "1 Okoro, B. L.; Varga, M. K.; Chem. Lett. 2011, 40, 1294.\\",
        "2 Pillai, S.; Brandt, J.; Green Chem. 2008, 10, 1104.\\",
        "3",
        "<https://www.example.com/catalog/product/reagent/55120?lang=en>,",
        "accessed in May 2022.\\",
        "4 Moura, A. R.; Teixeira, A. R.; Mater. Res. 2016, 19, 206.",
    ]
    entries = _read(tmp_path, body + "\n".join(lines) + "\n")
    assert len(entries) == 4
    assert entries[1].rstrip().endswith("1104.") and entries[2].startswith("3")
