"""A manuscript's reference list is parsed within a budget of characters, not only of
entries.

The free-text parser costs about 10 microseconds a character with its tagger (4
without), and the list's only caps were 20,000 entries of at most 10,000 characters
each: a 20 MB upload of long entries asked for some 200 CPU seconds of parsing --
linear, but a worker held to the parse stage's time limit, and the audit failed. Now
the tagger reads a list's first `MODEL_CHARS` characters, the rules alone read on to
`MAX_LIST_CHARS`, and entries past that are not read, with one problem saying so.
Counted work, not time: the characters each kind of parse was handed.
"""

from __future__ import annotations

import pytest

from citeaudit.bibliography import embedded
from citeaudit.manuscript.document import RawEntry
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference


def _entries(count: int, size: int) -> list[RawEntry]:
    text = ("Okafor, A. (2020). " + "Vol. 1, No. 2, " * size)[: size * 15]
    return [RawEntry(text, Location("paper.md", i + 1), text) for i in range(count)]


@pytest.fixture
def handed(monkeypatch: pytest.MonkeyPatch) -> dict[bool, int]:
    """Characters handed to the parser, with the tagger (True) and without (False)."""
    seen = {True: 0, False: 0}
    real = embedded.parse_reference

    def counting(text: str, **kwargs: object) -> Reference:
        seen[bool(kwargs.get("use_model", True))] += len(text)
        return real("Okafor, A. (2020). T.", **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(embedded, "parse_reference", counting)
    return seen


def test_the_tagger_reads_a_bounded_share_of_a_long_list(handed: dict[bool, int]) -> None:
    entries = _entries(1_000, 600)  # 1,000 entries of 9,000 characters: 9 MB
    bib = embedded.bibliography_from_entries("paper.md", entries)
    longest = max(len(e.text) for e in entries)
    assert handed[True] <= embedded.MODEL_CHARS + longest
    assert handed[True] + handed[False] <= embedded.MAX_LIST_CHARS + longest
    assert len(bib.references) < len(entries)
    said = [p.message for p in bib.problems if "characters" in p.message]
    assert any("not read" in m for m in said), said


def test_an_ordinary_list_is_read_whole_with_the_tagger(handed: dict[bool, int]) -> None:
    entries = _entries(300, 20)  # 300 entries of 300 characters
    bib = embedded.bibliography_from_entries("paper.md", entries)
    assert handed[False] == 0
    assert handed[True] == sum(len(e.text) for e in entries)
    assert len(bib.references) == 300
    assert not bib.problems


def test_the_budgets_fit_every_real_list() -> None:
    """The largest lists of the real-article corpora stay under 600,000 characters
    (a 2,000-entry review at 300 a piece): both budgets lie well past them."""
    assert embedded.MODEL_CHARS >= 1_000_000
    assert embedded.MAX_LIST_CHARS >= 3 * embedded.MODEL_CHARS
