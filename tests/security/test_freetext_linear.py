"""The free-text reference parser and the reference-list splitter stay linear.

Each input is built here, in a shape a hostile (or merely odd) reference list can
hold: IEEE initials repeated (``A. `` x 40 backtracked exponentially), hyphenated
name parts (``Aa-`` x 400: one reading per hyphen), an abbreviation at every full
stop (quadratic). Caps are generous -- seconds where the bad versions took minutes --
so they catch a class coming back, not a slow machine.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from citeaudit.bibliography.freetext import parse_reference
from citeaudit.bibliography.freetext_names import parse_authors
from citeaudit.manuscript.document import Line
from citeaudit.manuscript.reference_section import looks_like_entry_start, split_entries
from citeaudit.model.location import Location

CAP_SECONDS = 5.0


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def parse(text: str) -> object:
    return parse_reference(text, id="r1", index=1, location=Location("refs.md", 1))


# (name, input): exponential shapes are small, quadratic ones some tens of KB
SHAPES = [
    ("ieee-initials", "A. " * 40),
    ("ieee-initials-then-title", "A. " * 40 + "Title of a work, J. Things, 2020."),
    ("initials-pairs", "A. B. " * 40 + "C, "),
    ("initials-glued", "A.B." * 40),
    ("accented-initials", "Á. " * 40 + "x"),
    ("hyphen-runs", "Aa-" * 8000 + "!"),
    ("hyphen-words", "Aa-Aa" * 4000 + ","),
    ("abbreviation-every-stop", "ed. " * 6000),
    ("editors-initials", "Title. Ed. by " + "A. " * 8000 + "x"),
    ("chapter-initials", "Aa Aa. In: " + "A. " * 8000 + "x"),
    # a journal glued to its date, with a month, a year and no ";" many times over
    ("journal-date-runs", "Aa A. Title. " + "Winter March 2019 " * 3000 + "; x"),
    ("year-candidates", "Aa A. Title. " + "12:2019-3 (2019) p. 2019 " * 3000),
]


@pytest.mark.parametrize(("name", "text"), SHAPES, ids=[s[0] for s in SHAPES])
def test_parser_is_linear_on_hostile_shapes(name: str, text: str) -> None:
    assert timed(lambda: parse(text)) < CAP_SECONDS, name


@pytest.mark.parametrize(("name", "text"), SHAPES, ids=[s[0] for s in SHAPES])
def test_author_splitting_is_linear(name: str, text: str) -> None:
    assert timed(lambda: parse_authors(text)) < CAP_SECONDS, name


@pytest.mark.parametrize(("name", "text"), SHAPES, ids=[s[0] for s in SHAPES])
def test_entry_start_is_linear(name: str, text: str) -> None:
    assert timed(lambda: looks_like_entry_start(text)) < CAP_SECONDS, name


def test_splitting_a_long_list_of_hostile_lines_is_linear() -> None:
    lines = [Line("refs.md", i + 1, "Aa-" * 400 if i % 2 else "A. " * 40) for i in range(400)]
    assert timed(lambda: split_entries(lines)) < CAP_SECONDS


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
