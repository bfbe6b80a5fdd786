"""The numeric reader scans a page no more than its forms need.

A flood of one form (a bracket on every line of a 5 MB page) is read in passes, and
each pass scanned the page for every form again: flattened superscripts, Unicode
digits, joined lists -- twice, to keep none. A stream the first pass saw yield nothing
(or only forms the evidence refused) is not read again, and the word before a place
is read backwards (the forward search ran over the word from each of its letters).
These count work, never a clock.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import pytest

from citeaudit.manuscript.citations import numeric
from citeaudit.manuscript.citations.numeric_candidate import Candidate, word_before
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.model.location import Location


def _document(text: str, entries: int) -> Document:
    lines = tuple(Line("p.md", n, t) for n, t in enumerate(text.split("\n"), start=1))
    raws = tuple(
        RawEntry(f"Author{k} B. Paper {k}.", Location("p.md", 500 + k), f"{k}. Author{k} B.")
        for k in range(1, entries + 1)
    )
    return Document(path="p.md", format="markdown", lines=lines, reference_entries=raws)


def _counting(monkeypatch: pytest.MonkeyPatch, name: str) -> list[int]:
    """Count how often the numeric reader starts reading the stream `name`."""
    calls: list[int] = []
    original = getattr(numeric, name)

    def counted(text: str) -> Iterator[Candidate]:
        calls.append(1)
        yield from original(text)

    monkeypatch.setattr(numeric, name, counted)
    return calls


@pytest.mark.parametrize("entries", [0, 40])
def test_a_bracket_flood_is_scanned_once_for_flattened_forms(
    monkeypatch: pytest.MonkeyPatch, entries: int
) -> None:
    glued = _counting(monkeypatch, "_glued_plain")
    spaced = _counting(monkeypatch, "_spaced_plain")
    brackets = _counting(monkeypatch, "_bracketed")
    # past the held candidates: the later passes read the page again
    text = "Trees grow tall [3], as noted [4-6]. " * 700
    found = list(numeric.NumericExtractor().markers(_document(text, entries)))
    assert len(found) == 1_400
    # found nothing: never read again; with no list, never read at all (no weak form
    # is kept where the manuscript has no list: tests/test_perf_numeric_no_list.py)
    assert (len(glued), len(spaced)) == ((1, 1) if entries else (0, 0))
    if entries:
        assert len(brackets) >= 2  # the kept form is read again, as before
    else:
        assert len(brackets) == 1  # with no list the brackets are the one stream, read once


def test_a_kept_flattened_form_is_still_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    glued = _counting(monkeypatch, "_glued_plain")
    text = "Bark splits in frost.3 Sap rises late.4,5 " * 400 + "Roots spread.6"
    found = list(numeric.NumericExtractor().markers(_document(text, entries=8)))
    assert [m.numbers for m in found[:3]] == [(3,), (4, 5), (3,)]
    assert found[-1].numbers == (6,)
    assert len(glued) >= 2  # a flood of the kept form: read again in the later passes


_FORWARD = re.compile(r"([^\W\d_]+)\.?\s*$")


def test_the_word_read_backwards_is_the_forward_searchs() -> None:
    rng = random.Random(12)
    alphabet = "ab Zé_1².\n\t\u00a0,;:()[]-"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 50)))
        end = rng.randint(0, len(text))
        low = rng.randint(0, end)
        forward = _FORWARD.search(text, low, end)
        want = (forward.start(1), forward.group(1)) if forward else (-1, "")
        assert word_before(text, low, end) == want, (text, low, end)


def test_the_word_before_a_long_word_costs_its_length() -> None:
    # a page of one 100,000-letter word: read back once, not from each letter
    text = "a" * 100_000 + ". "
    assert word_before(text, 0, len(text)) == (0, "a" * 100_000)
