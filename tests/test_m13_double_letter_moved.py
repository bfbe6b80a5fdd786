"""A cited name whose double letter is written on its neighbour: one name mismatch.

"Odonne" for Oddone, "Carrol" with the double put elsewhere ("Caroll" for Carrol):
the writer doubled the wrong letter of a name they had right. The letters are the
same, in the same order, once doubles are read single, and the name is as long: a
slip of the fingers as two letters swapped is. Before, OSA counted two edits for it
(a six-letter name is allowed one), so the entry was called uncited and the citation
missing -- two false alarms for one typo (fresh7 bench: "ODONNE, 2007" for ODDONE
2007). Every name here is made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.matching.names import one_typo
from tests.listed_paper import abnt_codes as _codes


@pytest.mark.parametrize(
    ("cited", "listed"),
    [("odonne", "oddone"), ("mellone", "melonne"), ("tapparo", "taparro")],
)
def test_a_moved_double_letter_is_one_typo(cited: str, listed: str) -> None:
    assert one_typo(cited, listed)


@pytest.mark.parametrize(
    ("cited", "listed"),
    [
        ("odonne", "oddene"),  # a letter changed as well: another name
        ("odone", "oddonne"),  # a double added, not moved: two edits
        ("odonne", "odddone"),  # a double made triple as well: two slips
    ],
)
def test_other_changes_are_not_a_moved_double(cited: str, listed: str) -> None:
    assert not one_typo(cited, listed)


def test_the_moved_double_is_linked_as_a_name_mismatch(tmp_path: Path) -> None:
    codes = _codes(tmp_path, "segundo dados (ODONNE, 2007)", "ODDONE, N. Ondas. Natal: Sal, 2007.")
    assert codes == ["CIT007"]


def test_two_entries_near_still_link_neither(tmp_path: Path) -> None:
    codes = _codes(
        tmp_path,
        "segundo dados (ODONNE, 2007)",
        "ODDONE, N. Ondas. Natal: Sal, 2007.",
        "ODOMNE, P. Marés. Natal: Sal, 2007.",
    )
    assert "CIT007" not in codes and "CIT002" in codes
