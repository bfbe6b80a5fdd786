"""rt36z: a run of a converter's link syntax with no blank and no ")" is read in linear time.

The numeric reader takes "[3](#ref-3)" (and "[[3]](#r3)", the linked range
"[2](#b2)-[4](#b4)", and "[3](url)" as no citation) by reading a link target to the
next blank or ")". A line of "[1](#" with neither read the rest of the line from every
"[1]": quadratic -- "[1](#" x 4,000 (20 KB on one line) took 11 s in one upload's
numeric reader, x 64,000 (320 KB) would take about 45 minutes. A target now never
runs past a "[", so each unit is read once.

The bound is on growth (CPU time of 8 times the input over the base, best of three, as
the other ReDoS tests judge it), never on seconds: linear work grows 8x, quadratic 64x.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.citations.numeric import _BRACKETED, _SUB_BRACKETED
from citeaudit.manuscript.reading import read_manuscript
from tests.security.growth import growth_at

SCALE = 8
MAX_GROWTH = 20.0  # linear 8, quadratic 64
growth = growth_at(SCALE)


UNITS = [
    "[1](#",  # a numbered citation linked to its entry, never closed
    "[[1]](",  # ... in its own bracket
    "[[1](#",  # the first half of a range linked in its own bracket
    "[1](",  # a bracket before a link target (no citation): the lookahead
]
# linear before too (a blank, or a target closed in the next unit, ends each read): kept
HELD = ["[see 4](", "[1](#a)-[2](#", "\\[[1](#a)\\]-\\[[2](#"]


def _all_bracketed(text: str) -> int:
    return sum(1 for _ in _BRACKETED.finditer(text)) + sum(1 for _ in _SUB_BRACKETED.finditer(text))


@pytest.mark.parametrize("unit", UNITS)
def test_a_run_of_open_link_targets_is_read_in_linear_time(unit: str) -> None:
    build: Callable[[int], str] = lambda n: "See " + unit * n + "\n"  # noqa: E731
    assert growth(build, _all_bracketed, 400) < MAX_GROWTH


@pytest.mark.parametrize("unit", HELD)
def test_runs_with_blanks_or_closed_halves_stay_linear(unit: str) -> None:
    build: Callable[[int], str] = lambda n: "See " + unit * n + "\n"  # noqa: E731
    assert growth(build, _all_bracketed, 400) < MAX_GROWTH


def _audit_citations(text: str) -> int:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "paper.md"
        path.write_text(text, encoding="utf-8")
        document = read_manuscript(path)
    return len(extract_citations(document))


def test_a_manuscript_of_open_linked_numbers_is_read_in_linear_time() -> None:
    listed = "\n\n# References\n\n1. Smith J. A work. J Chem. 2001;1:2.\n2. Lee K. B. J. 2002.\n"

    def build(n: int) -> str:
        return "Shown [1] and [2].\n\nSee " + "[1](#" * n + listed

    assert growth(build, _audit_citations, 200) < MAX_GROWTH


def test_closed_links_and_ranges_read_as_before() -> None:
    """What the targets mean is kept: a linked number cites, a linked range cites the
    works between, a bracket before a web address does not, a note's anchor does not."""
    found = [m.group(0) for m in _BRACKETED.finditer("a [2](#b2)-[4](#b4) b")]
    assert found == ["[2](#b2)-[4](#b4)"]
    assert [m.group("linked") for m in _BRACKETED.finditer("x [3](#ref-3) y")] == ["3"]
    assert [m.group("wrapped") for m in _BRACKETED.finditer("x [[3]](#r3) y")] == ["3"]
    assert list(_BRACKETED.finditer("x [3](http://a.example/b) y")) == []
    assert list(_BRACKETED.finditer('x [3](http://a.example/b "t") y')) == []
    assert list(_BRACKETED.finditer("x [1](#fn1) y")) == []
