"""A .bib upload that is no bibliography stops being read soon after the problem cap.

Each unreadable block ("@a{", three bytes) cost bibtexparser and the reader some
50 microseconds, so a 20 MB upload of them held a worker for minutes, on one line as
well as on many (a line of them was one piece, read to its end). Past the problem
cap, a piece of the file with more unreadable blocks than entries ends the reading,
and a problem says where. And a worker's soft time limit raised inside bibtexparser
stops the step, as it does anywhere else. A damaged real file -- as many broken entries as good ones
-- is still read to its end. No clock: what is checked is where reading stopped.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType

import pytest

from citeaudit.bibliography import bibtex
from citeaudit.bibliography.bibtex import _CHUNK, _chunks, parse_bibtex
from citeaudit.bibliography.limits import MAX_PROBLEMS

GOOD = "@article{good, title = {Readable}, year = 2020}\n"
STOPPED = "the file is not read past this line"


@pytest.mark.parametrize(
    ("name", "unit"),
    [("one line", "@a{"), ("many lines", "@a{\n"), ("unclosed entries", "@article{k, t={x\n")],
)
def test_a_flood_of_unreadable_blocks_stops_after_one_piece(
    name: str, unit: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pieces of a tenth of the size: each still holds more unreadable blocks than
    # the problem cap (1,470 to 8,333 of them), and reading one costs 0.7 s, not 7 s.
    chunk = _CHUNK // 10
    monkeypatch.setattr(bibtex, "_CHUNK", chunk)
    assert chunk // len(unit) > MAX_PROBLEMS
    text = unit * (8 * chunk // len(unit)) + GOOD
    bibliography = parse_bibtex(text, "refs.bib")
    *_, summary, stopped = bibliography.problems
    assert STOPPED in stopped.message, name
    assert "more problems in this file from here on are not listed" in summary.message
    assert len(bibliography.problems) <= MAX_PROBLEMS + 2
    assert bibliography.references == ()  # the good entry is past where reading stopped
    if "\n" in unit:  # the line it stopped on is the start of the second piece, or so
        assert stopped.location.line is not None
        assert stopped.location.line <= 2 * chunk // len(unit) + 1


def test_a_short_flood_is_read_to_its_end() -> None:
    """Within the first piece nothing stops: the entry after the flood is read."""
    bibliography = parse_bibtex("@a{" * 3_000 + "\n" + GOOD, "refs.bib")
    assert [r.key for r in bibliography.references] == ["good"]
    assert not any(STOPPED in p.message for p in bibliography.problems)


def test_a_damaged_real_file_is_read_to_its_end() -> None:
    """As many broken entries as good ones, over several pieces: every good one read."""
    count = 3 * _CHUNK // 90
    text = "".join(
        f"@article{{g{i}, title = {{Title {i}}}, year = 2020}}\n@article{{b{i}, title = {{x\n"
        for i in range(count)
    )
    bibliography = parse_bibtex(text, "refs.bib")
    assert len(bibliography.references) == count
    assert not any(STOPPED in p.message for p in bibliography.problems)


@pytest.mark.parametrize("unit", ["@a{", "x", "@misc{k, title={" + "é" * 50 + "}} "])
def test_a_file_on_one_line_is_read_in_pieces(unit: str) -> None:
    """Cut before an "@type{" when no line starts one; never inside other text."""
    text = unit * (5 * _CHUNK // len(unit))
    pieces = list(_chunks(text))
    assert "".join(piece for piece, _ in pieces) == text
    if "@" in unit:
        assert len(pieces) >= 4 and all(len(p) <= 2 * _CHUNK for p, _ in pieces)
        assert all(p.startswith("@") for p, _ in pieces)
    else:
        assert len(pieces) == 1


class _Interrupted(Exception):
    """As a worker's soft time limit is: an Exception raised wherever the step is."""


def _raising_in_bibtexparser(error: BaseException) -> Callable[..., object]:
    """A trace function that raises `error` as bibtexparser's splitter starts."""

    def trace(frame: FrameType, event: str, arg: object) -> object:
        code = frame.f_code
        if event == "call" and code.co_name == "split" and "bibtexparser" in code.co_filename:
            raise error
        return None

    return trace


@pytest.mark.parametrize("error", [_Interrupted(), MemoryError()])
def test_a_time_limit_or_memory_error_inside_the_parser_is_not_swallowed(
    error: BaseException,
) -> None:
    """Only bibtexparser's own failures become a problem; a soft time limit caught there
    let the step run on to its hard limit (and MemoryError on past the ceiling)."""
    sys.settrace(_raising_in_bibtexparser(error))
    try:
        with pytest.raises(type(error)):
            parse_bibtex(GOOD, "refs.bib")
    finally:
        sys.settrace(None)


def test_a_parser_bug_is_a_problem() -> None:
    sys.settrace(_raising_in_bibtexparser(ValueError("a bug")))
    try:
        bibliography = parse_bibtex(GOOD, "refs.bib")
    finally:
        sys.settrace(None)
    assert [p.message for p in bibliography.problems] == ["the BibTeX parser gave up: a bug"]
