"""RIS continuation lines are joined once, not once per line.

rispy joins each continuation line of a single-value tag onto the whole value read so
far (``" ".join((value, line))``): a record whose abstract runs on for 320,000 lines
(5 MB) took 100 s, a 20 MB upload half an hour -- quadratic. The reader's parser (a
subclass of rispy's) collects them and joins once. Counted work, not time: the
characters rispy's own per-line joins copy.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import rispy

from citeaudit.bibliography.ris import parse_ris

LINES = 50_000


@pytest.fixture
def copied(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Characters rispy copies extending single values with continuation lines."""
    counted: list[int] = []
    original = rispy.RisParser._add_single_value

    def counting(
        self: Any, record: dict[str, Any], name: str, value: Any, is_multi: bool = False
    ) -> None:
        if is_multi and isinstance(record.get(name), str):
            counted.append(len(record[name]) + len(value))
        original(self, record, name, value, is_multi)

    monkeypatch.setattr(rispy.RisParser, "_add_single_value", counting)
    yield counted


def test_a_run_on_abstract_costs_its_length_once(copied: list[int]) -> None:
    text = (
        "TY  - JOUR\nAU  - Smith, J.\nPY  - 2020\nTI  - A title\nAB  - start\n"
        + "word word word\n" * LINES
        + "ER  - \n"
    )
    bib = parse_ris(text, "r.ris")
    (ref,) = bib.references
    assert (ref.title, ref.year, ref.authors[0].family) == ("A title", 2020, "Smith")
    abstract = dict(ref.extra).get("abstract", "")
    assert abstract.startswith("start word word word") and abstract.count("word") == 3 * LINES
    assert sum(copied) <= 2 * len(text)  # linear: was ~LINES**2 * 15 / 2 characters


def test_continuation_lines_read_as_rispy_reads_them(copied: list[int]) -> None:
    text = (
        "TY  - JOUR\nTI  - First part\n  second part\nAU  - Smith, J.\nAU  - Doe, A.\n"
        "T2  - Journal of\nthings\n\nPY  - 2020\nER  - \n"
    )
    (ref,) = parse_ris(text, "r.ris").references
    assert ref.title == "First part second part"
    assert ref.container and ref.container.split() == ["Journal", "of", "things"]
    assert [p.family for p in ref.authors] == ["Smith", "Doe"]
