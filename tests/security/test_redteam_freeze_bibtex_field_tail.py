"""A BibTeX entry closed after a long run of spaces or blank lines is read in linear time.

A fast-read entry (`bibtexparser_blocks`) is matched whole, then its fields were
taken by ``_FIELD.findall`` over the body. After the last field's comma comes the
closing run (``\\s*}``), and findall tries a field from every character of it: each
try reads the name (the rest of the run) and finds no "=" -- quadratic inside the
regex engine. ``@misc{k, title = {x},`` then 80,000 spaces and ``}`` took 8 s, a
20 MB upload hours (found by benches/redos_scan.py: _FIELD, x16 for 4x). The fields
are now matched one after another, each where the one before ended.

No clock (benches/linearity.py prints seconds). The backtracking is inside the regex
engine, which counted work does not see (tests/security/counted_work.py, its blind
spot), so the test holds the reading to what keeps it linear: the field pattern is
only ever matched at one position (``match``), never searched for from every
position (``findall``, ``finditer``, ``search``) -- and reads the same fields.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest
from bibtexparser.model import Entry

import citeaudit.bibliography.bibtexparser_blocks as blocks
from citeaudit.bibliography.bibtex import parse_bibtex

N = 200_000
TAILS = {"spaces": " ", "blank lines": "\n", "CRLF": "\r\n", "tabs and spaces": " \t"}


class _Anchored:
    """The field pattern, recording how it is used."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.used: set[str] = set()

    def __getattr__(self, name: str) -> Any:
        self.used.add(name)
        return getattr(self.pattern, name)


@pytest.mark.parametrize("tail", TAILS.values(), ids=TAILS)
def test_the_fields_are_matched_where_the_last_ended_never_searched(
    tail: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    anchored = _Anchored(blocks._FIELD)
    monkeypatch.setattr(blocks, "_FIELD", anchored)
    text = "@misc{k, title = {x}, year = 2020," + tail * 1_000 + "}\n"
    (ref,) = parse_bibtex(text, "refs.bib").references
    assert ref.year == 2020
    assert anchored.used == {"match"}


@pytest.mark.parametrize("tail", TAILS.values(), ids=TAILS)
def test_an_entry_closed_after_a_long_run_is_one_entry_with_its_fields(tail: str) -> None:
    text = "@misc{k, title = {x}, year = 2020," + tail * N + "}\n@misc{j, year = 2021}\n"
    refs = parse_bibtex(text, "refs.bib").references
    assert [(r.id, r.year, r.title) for r in refs] == [("k", 2020, "x"), ("j", 2021, None)]


def _fields(text: str) -> list[tuple[str, str]]:
    start = blocks._BLOCK_START.search(text)
    assert start is not None
    found = blocks._fast_block(text, start, len(text), blocks._Lines(text))
    assert found is not None
    entry = found[0]
    assert isinstance(entry, Entry)
    return [(f.key, f.value) for f in entry.fields]


# The whole body as the reader once matched it before taking its fields (findall over
# it): the oracle the field-by-field reading must agree with.
_FIELDS = f"(?:{blocks._NAME}={blocks._VALUE},)*+"
_BODY = re.compile(_FIELDS + f"(?:{blocks._NAME}={blocks._VALUE}\\}}|\\s*+\\}})")


def test_the_fields_read_are_those_findall_found() -> None:
    rng = random.Random(7)
    names = ["title", "year", "author", "note", "a-b", "x"]
    spaces = ["", " ", "\n", " \t"]
    values = ["{x}", '"q"', "2020", "{a {b} c}", "{\n}", "m # n", "{}", '""', " {y} "]
    for _ in range(500):
        fields = [
            f"{rng.choice(spaces)}{name}{rng.choice(spaces)}={rng.choice(values)}"
            for name in rng.sample(names, rng.randint(1, 5))  # each once: one Entry
        ]
        close = rng.choice(["}", ",}", ",\n }", ", \n\n}"])
        text = "@misc{k," + ",".join(fields) + close + "\n"
        head = blocks._HEAD.match(text, text.index("{") + 1)
        assert head is not None
        body = _BODY.match(text, head.end())
        if body is None:
            continue
        region = text[head.end() : body.end()]
        expected = [(name.strip(), value.strip()) for name, value in blocks._FIELD.findall(region)]
        assert _fields(text) == expected, text
