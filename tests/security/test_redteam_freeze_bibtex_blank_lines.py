"""A BibTeX field of many blank lines with an "@" after them is read in linear time.

A fast-read entry holding an "@" is checked for a block start first on a line inside
it (bibtexparser would end the block there). That check searched ``\\n\\s*@``: from
every line break of a run of them it walked the whole run, so a title of 200,000
blank lines and then "@x" (200 KB) took 49 s, and a 20 MB upload held a worker past
its time limit. No clock here (benches/linearity.py prints the seconds, shape
bib-blank-lines-then-at). The backtracking was inside the regex engine, which counted
work does not see (tests/security/counted_work.py, its blind spot), so the search is
held to the property that makes it linear: a match begun at a line break never crosses
the next one, so each line is walked once. The whole read is also counted at a base
size and 8 times it, against a loop in Python re-searching the run.
"""

from __future__ import annotations

import re

import pytest

from citeaudit.bibliography.bibtex import parse_bibtex
from citeaudit.bibliography.bibtexparser_blocks import _INNER_BLOCK
from tests.security.counted_work import Case, assert_linear

N = 100_000
BLANKS = {"newlines": "\n", "newline, space, tab": "\n \t", "CRLF": "\r\n"}


def _entry(blank: str) -> Case:
    return Case(
        lambda n: "@article{k, title = {" + blank * n + "@x}, year = 2020}\n",
        lambda text: parse_bibtex(text, "refs.bib"),
        2_000,
    )


def _searches(run: str) -> None:
    _INNER_BLOCK.search(run + "@x}")
    _INNER_BLOCK.search(run + "@book{")


CASES = {
    **{f"entry: {name}": _entry(blank) for name, blank in BLANKS.items()},
    "block-start search": Case(lambda n: "\n \n\t" * n, _searches, 2_000),
}


@pytest.mark.parametrize("name", CASES)
def test_a_field_of_blank_lines_then_an_at_sign_is_read_in_linear_time(name: str) -> None:
    assert_linear(__name__, name)


@pytest.mark.parametrize("blank", BLANKS.values())
def test_a_field_of_blank_lines_then_an_at_sign_is_one_entry(blank: str) -> None:
    text = "@article{k, title = {" + blank * N + "@x}, year = 2020}\n"
    assert [r.id for r in parse_bibtex(text, "refs.bib").references] == ["k"]


@pytest.mark.parametrize("inside", ["", " ", "\t", " \t ", "\r"])
def test_a_block_start_match_never_crosses_a_second_line_break(inside: str) -> None:
    # the unbounded search matched here, so from every break of a run it walked the run
    assert _INNER_BLOCK.match("\n" + inside + "\n@book{") is None
    assert _INNER_BLOCK.match("\n" + inside + "@book{") is not None


def test_the_block_start_search_stops_at_the_last_line_break_before_the_at_sign() -> None:
    run = "\n \n\t" * N
    assert _INNER_BLOCK.search(run + "@x}") is None
    assert _INNER_BLOCK.search(run + "@book{") is not None  # a block start it must see
    # the same answers as the unbounded search on the shapes it must tell apart
    for text in ("a\n  @b{", "a\n\n @misc (", "a\n@x}", "a @b{", "\n\x0c@c{", "\n\n"):
        old = re.search(r"\n\s*@\w*[ \t]*[{(]", text)
        assert (old is None) == (_INNER_BLOCK.search(text) is None), repr(text)
