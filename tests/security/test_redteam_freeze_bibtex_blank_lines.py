"""A BibTeX field of many blank lines with an "@" after them is read in linear time.

A fast-read entry holding an "@" is checked for a block start first on a line inside
it (bibtexparser would end the block there). That check searched ``\\n\\s*@``: from
every line break of a run of them it walked the whole run, so a title of 200,000
blank lines and then "@x" (200 KB) took 49 s, and a 20 MB upload held a worker past
its time limit. Broken, the sizes below take 10-20 s; fixed, a few milliseconds.
"""

from __future__ import annotations

import time

import pytest

from citeaudit.bibliography.bibtex import parse_bibtex
from citeaudit.bibliography.bibtexparser_blocks import _INNER_BLOCK

N = 100_000


@pytest.mark.parametrize("blank", ["\n", "\n \t", "\r\n"])
def test_a_field_of_blank_lines_then_an_at_sign_is_read_in_linear_time(blank: str) -> None:
    text = "@article{k, title = {" + blank * N + "@x}, year = 2020}\n"
    started = time.perf_counter()
    bibliography = parse_bibtex(text, "refs.bib")
    took = time.perf_counter() - started
    assert [r.id for r in bibliography.references] == ["k"]
    assert took < 2.0, f"{took:.1f} s for {len(text):,} bytes"


def test_the_block_start_search_stops_at_the_last_line_break_before_the_at_sign() -> None:
    run = "\n \n\t" * N
    started = time.perf_counter()
    assert _INNER_BLOCK.search(run + "@x}") is None
    assert _INNER_BLOCK.search(run + "@book{") is not None  # a block start it must see
    assert time.perf_counter() - started < 0.5
    # the same answers as the unbounded search on the shapes it must tell apart
    for text in ("a\n  @b{", "a\n\n @misc (", "a\n@x}", "a @b{", "\n\x0c@c{", "\n\n"):
        old = __import__("re").search(r"\n\s*@\w*[ \t]*[{(]", text)
        assert (old is None) == (_INNER_BLOCK.search(text) is None), repr(text)
