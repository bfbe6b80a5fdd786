"""The free-text reference parser and the reference-list splitter stay linear.

Each input is built here, in a shape a hostile (or merely odd) reference list can
hold: IEEE initials repeated (``A. `` x 40 backtracked exponentially), hyphenated
name parts (``Aa-`` x 400: one reading per hyphen), an abbreviation at every full
stop (quadratic). No clock: each shape's unit is repeated to a base count and to 8
times it and the work counted (tests/security/counted_work.py; linear grows 8x,
quadratic 64x, exponential runs past the step budget), so a class coming back fails
on any machine and a loaded machine fails nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.bibliography.freetext_names import parse_authors
from citeaudit.manuscript.document import Line
from citeaudit.manuscript.reference_section import looks_like_entry_start, split_entries
from citeaudit.model.location import Location
from tests.security.counted_work import Case, assert_linear


def parse(text: str) -> object:
    return parse_reference(text, id="r1", index=1, location=Location("refs.md", 1))


# name -> (head, unit repeated n times, tail): exponential shapes once took 40
# repeats to hang, quadratic ones some thousands
SHAPES = {
    "ieee-initials": ("", "A. ", ""),
    "ieee-initials-then-title": ("", "A. ", "Title of a work, J. Things, 2020."),
    "initials-pairs": ("", "A. B. ", "C, "),
    "initials-glued": ("", "A.B.", ""),
    "accented-initials": ("", "Á. ", "x"),
    "hyphen-runs": ("", "Aa-", "!"),
    "hyphen-words": ("", "Aa-Aa", ","),
    "abbreviation-every-stop": ("", "ed. ", ""),
    "editors-initials": ("Title. Ed. by ", "A. ", "x"),
    "chapter-initials": ("Aa Aa. In: ", "A. ", "x"),
    # a journal glued to its date, with a month, a year and no ";" many times over
    "journal-date-runs": ("Aa A. Title. ", "Winter March 2019 ", "; x"),
    "year-candidates": ("Aa A. Title. ", "12:2019-3 (2019) p. 2019 ", ""),
}
BASE = 800  # characters of repeated unit


def _text(shape: tuple[str, str, str]) -> Callable[[int], str]:
    head, unit, tail = shape
    return lambda n: head + unit * max(n // len(unit), 1) + tail


def _lines(n: int) -> list[Line]:
    return [Line("refs.md", i + 1, "Aa-" * 100 if i % 2 else "A. " * 40) for i in range(n)]


ENTRIES = {"parse": parse, "authors": parse_authors, "entry start": looks_like_entry_start}
CASES = {
    **{
        f"{entry}: {name}": Case(_text(shape), run, BASE)
        for name, shape in SHAPES.items()
        for entry, run in ENTRIES.items()
    },
    "split: hostile lines": Case(_lines, split_entries, 50),
}


@pytest.mark.parametrize("name", CASES)
def test_work_grows_linearly(name: str) -> None:
    assert_linear(__name__, name)


def test_the_parser_still_reads_ieee_names_after_the_change() -> None:
    # the linear form of the IEEE name pattern must still take every name of the list
    ref = parse_reference(
        "[3] A. B. Kowal, C.-D. Lin, and E. F. G. Novak, “A made-up title on rivers,” "
        "J. Imag. Hydrol., vol. 4, no. 2, pp. 10–20, 2019.",
        id="r1",
        index=1,
        location=Location("refs.md", 1),
    )
    assert [a.family for a in ref.authors] == ["Kowal", "Lin", "Novak"]
    assert ref.title == "A made-up title on rivers"
    assert ref.year == 2019
