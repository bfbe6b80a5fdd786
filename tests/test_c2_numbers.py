"""Numbered lists whose labels are typed in ways the list rules missed (made up).

A label glued to the entry's link ("1)https://example.org/a", "2.https://...", as
authors who list web sources type them) is the entry's number as much as "1) https://":
read as no label, the list fell back to counting entries, and "[8]" / "[9]" of a list
"1), 8), 9)" named nothing.
"""

from __future__ import annotations

from citeaudit.matching.numbers import number_index, numbered_list
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference


def _refs(*raws: str) -> list[Reference]:
    return [
        Reference(id=f"r{k}", raw=raw, location=Location("p.md", k + 10), index=k + 1)
        for k, raw in enumerate(raws)
    ]


def test_label_glued_to_a_link_is_the_entrys_number() -> None:
    refs = _refs(
        "1)https://example.org/thesis/440",
        "8) https://example.org/framework/",
        "9) https://example.org/journal/500096",
    )
    assert numbered_list(refs)
    assert number_index(refs) == {1: ("r0",), 8: ("r1",), 9: ("r2",)}


def test_full_stop_and_bracket_labels_glued_to_a_link() -> None:
    refs = _refs(
        "3.https://example.org/a",
        "[5]www.example.org/b",
        "7. https://example.org/c",
    )
    assert number_index(refs) == {3: ("r0",), 5: ("r1",), 7: ("r2",)}


def test_a_year_before_a_link_is_no_label() -> None:
    """'2019.https://...' opens no entry with a number: four digits glued to a link are
    a year an entry lost its author before, not entry 2019."""
    refs = _refs("2019.https://example.org/a", "Doe J. Title. 2020.")
    assert not numbered_list(refs)


def test_a_shared_label_names_each_of_its_numbers() -> None:
    """'2,3,4) <source>': one source the author numbered three times (a list of web
    sources where three citations went to one page). Each number cites it."""
    refs = _refs(
        "1) https://example.org/thesis/440",
        "2,3,4) https://example.org/handle/5761",
        "5) https://example.org/journal/500096",
    )
    assert numbered_list(refs)
    assert number_index(refs) == {1: ("r0",), 2: ("r1",), 3: ("r1",), 4: ("r1",), 5: ("r2",)}


def test_a_shared_label_in_brackets() -> None:
    refs = _refs("[1] Doe J. One.", "[2, 3] Roe A. Two.", "[4] Poe B. Three.")
    assert number_index(refs) == {1: ("r0",), 2: ("r1",), 3: ("r1",), 4: ("r2",)}


def test_numbers_in_a_list_without_labels_are_no_shared_label() -> None:
    """'2, 3) ...' opening one entry of an unnumbered list is no label: the list is
    cited by position as before."""
    refs = _refs("Doe J. One. 2001.", "2, 3) Roe A. Two.", "Poe B. Three. 2003.")
    assert number_index(refs) == {1: ("r0",), 2: ("r1",), 3: ("r2",)}
    assert not numbered_list(refs)
