"""Reference lists with sub-labelled entries (1a, 1b, 2.) and entries ending in a
record number (PMID, PMCID) with no full stop.

Every list here is made up.
"""

from __future__ import annotations

import pytest

from citeaudit.manuscript.document import Line
from citeaudit.manuscript.reference_section import split_entries


def lines_of(text: str) -> list[Line]:
    return [Line("m.md", n, t) for n, t in enumerate(text.split("\n"), start=1)]


WILEY = (
    "1a A. Bauer, Chem. Rev. 2001, 1, 1–9;\n\n"
    "1b C. Diaz, J. Imag. Chem. 2002, 2, 10–19;\n\n"
    "1c E. Fox, G. Hale, Imag. Lett. 2003, 3, 20–29.\n\n"
    "2. I. Jones, Made-up Chem. 2004, 4, 30–39.\n\n"
    "3a K. Lowe, Chem. Rev. 2005, 5, 40–49;\n\n"
    "3b M. Nash, Fict. Chem. 2006, 6, 50–59.\n\n"
    "4. O. Pike, Nowhere Chem. 2007, 7, 60–69."
)


def test_bare_sub_labels_open_entries() -> None:
    entries = split_entries(lines_of(WILEY))
    assert [e.text.split()[0] for e in entries] == ["1a", "1b", "1c", "2.", "3a", "3b", "4."]


def test_bare_sub_labels_one_per_line_without_blank_lines() -> None:
    entries = split_entries(lines_of(WILEY.replace("\n\n", "\n")))
    assert len(entries) == 7


@pytest.mark.parametrize(
    ("a", "b", "c"),
    [("[1a]", "[1b]", "[2]"), ("1a.", "1b.", "2."), ("(1a)", "(1b)", "(2)")],
)
def test_punctuated_sub_labels_open_entries(a: str, b: str, c: str) -> None:
    text = (
        f"{a} A. Bauer, Chem. Rev. 2001, 1, 1–9;\n"
        "C. Diaz, wrapped onto a second line, 2002, 2, 10–19;\n\n"
        f"{b} E. Fox, Imag. Lett. 2003, 3, 20–29.\n\n"
        f"{c} I. Jones, Made-up Chem. 2004, 4, 30–39."
    )
    entries = split_entries(lines_of(text))
    assert len(entries) == 3
    assert entries[1].text.startswith(b + " E. Fox")


def test_a_lone_number_and_letter_inside_an_entry_is_no_label() -> None:
    # one "3d" at a wrapped line's start: no sub-labelled list
    text = (
        "1. Doe A. Printing in\n"
        "3d for nobody. J Nowhere. 2020;1:1-2.\n\n"
        "2. Roe B. Second invented work. J Nowhere. 2021;2:3-4."
    )
    assert len(split_entries(lines_of(text))) == 2


PMID_LIST = (
    "Doe A. (2001). A first invented study. J. Nowhere 1, 1–9. 10.1000/x1, PMID: 11111111\n\n"
    "Roe A., Poe B., Moe C., Loe D., Koe E., Joe F., Hoe G., Goe H., Example Study Group "
    "of the Imaginary Consortium for Invented Research (2002). A second invented study. "
    "J. Nowhere 2, 10–19.\n\n"
    "Zoe B. (2003). A third invented study. J. Nowhere 3, 20–29. PMCID: PMC1234567\n\n"
    "Yoe C., Xoe D., Woe E., Voe F., Uoe G., Toe H., Soe I., The Made-up Trial Group for "
    "Nothing at All in Particular (2004). A fourth invented study. J. Nowhere 4, 30–39."
)


def test_an_entry_ending_in_a_record_number_ends_there() -> None:
    entries = split_entries(lines_of(PMID_LIST))
    assert [e.text[:3] for e in entries] == ["Doe", "Roe", "Zoe", "Yoe"]
