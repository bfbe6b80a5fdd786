"""Numbered reference lists whose labels are not where a reader expects them.

Every list here is made up.
"""

from __future__ import annotations

from citeaudit.manuscript.document import Line
from citeaudit.manuscript.reference_section import split_entries


def lines_of(text: str) -> list[Line]:
    return [Line("m.md", n, t) for n, t in enumerate(text.split("\n"), start=1)]


def test_a_stray_mark_before_a_label_does_not_merge_the_entry() -> None:
    text = (
        "1. Doe A. First invented work. J Nowhere. 2020;1:1-2.\n\n"
        "2. Roe B. Second invented work. J Nowhere. 2021;2:3-4.\n\n"
        "1 3. Office for Made-up Statistics. Report on nothing [Internet]. 2022.\n\n"
        "4. Poe C. Fourth invented work. J Nowhere. 2023;4:5-6."
    )
    entries = split_entries(lines_of(text))
    assert [e.text[:3] for e in entries] == ["1. ", "2. ", "3. ", "4. "]
    assert entries[2].raw.startswith("3. Office")  # the stray mark belongs to no entry


def test_a_number_continuing_an_entry_is_not_a_label() -> None:
    text = (
        "1. Doe A. First invented work. J Nowhere. 2020;1:1-2.\n\n"
        "2. Roe B. Second invented work, pages\n"
        "12 and 13. J Nowhere. 2021;2:3-4.\n\n"
        "3. Poe C. Third invented work. J Nowhere. 2023;4:5-6."
    )
    assert len(split_entries(lines_of(text))) == 3


def test_bare_numbers_with_an_entry_taken_out() -> None:
    text = (
        "21 Doe A. First invented work. J Nowhere. 2020;1:1-2.\n\n"
        "22 Roe B. Second invented work. J Nowhere. 2021;2:3-4.\n\n"
        "24 van Poe C. Third invented work. J Nowhere. 2023;4:5-6.\n\n"
        "25 Moe D. Fourth invented work. J Nowhere. 2024;5:7-8."
    )
    assert [e.text[:3] for e in split_entries(lines_of(text))] == ["21 ", "22 ", "24 ", "25 "]


def test_a_volume_number_opening_a_wrapped_line_is_no_label() -> None:
    text = (
        "1 Doe A. First invented work. J Nowhere. 2020;\n"
        "3 (2):1-2.\n\n"
        "2 Roe B. Second invented work. J Nowhere. 2021;2:3-4.\n\n"
        "3 Poe C. Third invented work. J Nowhere. 2023;4:5-6."
    )
    assert len(split_entries(lines_of(text))) == 3
