"""Numbered lists where a few labels lost their full stop ("3 Moe D, ..." among "2.").

Every list here is made up.
"""

from __future__ import annotations

from citeaudit.manuscript.document import Line
from citeaudit.manuscript.reference_section import split_entries


def lines_of(text: str) -> list[Line]:
    return [Line("m.md", n, t) for n, t in enumerate(text.split("\n"), start=1)]


def heads(text: str) -> list[str]:
    return [e.text[:6] for e in split_entries(lines_of(text))]


def test_a_label_without_its_full_stop_starts_an_entry() -> None:
    text = (
        "1. Doe A, Lu B. First invented work. J Nowhere. 2020;1:1-2.\n\n"
        "2. Roe B. Second invented work. J Nowhere. 2021;2:3-4.\n\n"
        "3 Moe DE, Kay F. Third invented work. J Nowhere. 2022;3:5-6.\n\n"
        "4. Poe C. Fourth invented work. J Nowhere. 2023;4:7-8.\n\n"
        "5 Ministry of Made-up Affairs (XX). Report on nothing. Capital: MMA; 2024."
    )
    assert heads(text) == ["1. Doe", "2. Roe", "3 Moe ", "4. Poe", "5 Mini"]


def test_one_entry_a_line_without_blank_lines() -> None:
    text = (
        "[1] Doe A. First invented work. J Nowhere. 2020;1:1-2.\n"
        "[2] Roe B. Second invented work. J Nowhere. 2021;2:3-4.\n"
        "3 Moe DE. Third invented work. J Nowhere. 2022;3:5-6.\n"
        "[4] Poe C. Fourth invented work. J Nowhere. 2023;4:7-8."
    )
    assert len(split_entries(lines_of(text))) == 4


def test_an_entry_taken_out_before_the_bare_label() -> None:
    text = (
        "1. Doe A. First invented work. J Nowhere. 2020;1:1-2.\n\n"
        "2. Roe B. Second invented work. J Nowhere. 2021;2:3-4.\n\n"
        "4 Moe DE. Fourth invented work. J Nowhere. 2022;3:5-6.\n\n"
        "5. Poe C. Fifth invented work. J Nowhere. 2023;4:7-8."
    )
    assert heads(text) == ["1. Doe", "2. Roe", "4 Moe ", "5. Poe"]


def test_wrapped_lines_opening_with_a_number_stay_in_their_entry() -> None:
    text = (
        "1. Doe A. First invented work. J Nowhere. 2020;\n"
        "2 Suppl 1:1-2.\n\n"
        "2. Roe B. Second invented work, pages\n"
        "3 and 4. J Nowhere. 2021;2:3-4.\n\n"
        "3. Poe C. Third invented work. J Nowhere. 2023;4:5-6."
    )
    assert heads(text) == ["1. Doe", "2. Roe", "3. Poe"]


def test_a_number_the_labels_after_it_go_back_below_is_no_label() -> None:
    # "5 Moe" after "2." would skip to 5, but the next label is 3: a line of entry 2
    text = (
        "1. Doe A. First invented work. J Nowhere. 2020;1:1-2.\n\n"
        "2. Roe B. Second invented work. J Nowhere.\n"
        "4 Moe DE, editor. Collected nothing. 2021;2:3-4.\n\n"
        "3. Poe C. Third invented work. J Nowhere. 2023;4:5-6."
    )
    assert heads(text) == ["1. Doe", "2. Roe", "3. Poe"]
