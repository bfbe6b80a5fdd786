"""Citation extraction holds what the audit's cap keeps, not every marker of the page.

The cap (`Settings.max_citations`) bounded what an audit kept, but the extractors
made every marker -- a Citation, its Location and quoted text, ~600 bytes -- and the
driver held them all until it sorted them: a 2 MB upload of ``[@a] `` (400,000
citations) cost 251 MB during extraction whatever the cap, and 20 MB of ``@a `` went
past a worker's 3 GB memory ceiling. Now the extractors yield markers as they find
them and the driver holds only those still among the first `most` citations (a heap
on their start), counting the rest. Measured: the traced peak of extraction on a page
4 times as long stays within a small margin, where it grew 4-fold.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from citeaudit.manuscript.citations import extract_at_most
from citeaudit.manuscript.document import Document
from citeaudit.manuscript.reading import read_manuscript

CAP = 100
SMALL = 600  # past the cap; a held marker shows in kilobytes, the bound's noise is ~1 KB
LARGE = 4 * SMALL


def _page(tmp_path: Path, unit: str, n: int) -> Document:
    latex = unit.startswith("\\")
    path = tmp_path / f"flood-{n}.{'tex' if latex else 'md'}"
    head = "\\documentclass{article}\n\\begin{document}\n" if latex else ""
    path.write_text(head + "Text " + unit * n + "\n", encoding="utf-8")
    document = read_manuscript(path)
    assert document.text  # read (and joined) before measuring
    return document


def _peak(run: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# What a page may cost per character it grows by: the page's own byte maps and text
# copies (a few bytes a character: the pandoc extractor's measure ~4). A marker held
# costs ~600 bytes (a Citation, its Location and quoted text), 45-150 bytes a
# character for these units, so the bound fails any extractor that holds markers,
# while leaving twice the margin the byte maps need (4 bytes a character was once
# exceeded by 1 KB of noise in a long run: the limit must not sit on a measured value).
BYTES_PER_CHARACTER = 8


@pytest.mark.parametrize(
    "unit",
    [
        "[@a] ",
        "@a ",
        "[see @a; @b] ",
        "[smith2019] ",
        "(Smith, 2020) ",
        "Smith 2020 ",
        "\\cite{a} ",
        "[1] ",
        "[1-50] ",
    ],
)
def test_extraction_memory_stays_flat_past_the_cap(tmp_path: Path, unit: str) -> None:
    small, large = _page(tmp_path, unit, SMALL), _page(tmp_path, unit, LARGE)
    # a first run of each page compiles patterns and fills caches once, outside the
    # measure: a one-off cost caught in one of the two peaks is not growth (what the
    # larger page's first run adds depends on what earlier tests of the process left: a
    # CI run measured 13.5 bytes a character with only the small page run first, where
    # the file alone measures under 8)
    extract_at_most(small, CAP)
    extract_at_most(large, CAP)
    kept: list[int] = []
    peaks = [
        _peak(lambda d=d: kept.append(len(extract_at_most(d, CAP).citations)))  # type: ignore[misc]
        for d in (small, large)
    ]
    assert kept == [CAP, CAP]
    # growth between two sizes past the cap: the page's byte maps grow with it, the
    # markers may not
    grown = peaks[1] - peaks[0]
    assert grown < BYTES_PER_CHARACTER * (len(large.text) - len(small.text)), (unit, peaks)


def test_the_cap_keeps_the_first_citations_in_text_order_and_counts_the_rest(
    tmp_path: Path,
) -> None:
    """Extractors run one after another, so a later one finds earlier markers: the held
    markers are the earliest whatever the order they came in."""
    path = tmp_path / "mixed.md"
    # pandoc keys (first extractor) late in the line, numeric ones (later) early
    path.write_text("Text " + "[1] " * 30 + "[@a] " * 30 + "\n", encoding="utf-8")
    document = read_manuscript(path)
    extraction = extract_at_most(document, 40)
    assert [c.item for c in extraction.citations] == ["1"] * 30 + ["a"] * 10
    assert extraction.unread == 20
    assert extraction.first_unread is not None
    assert extraction.first_unread.column == len("Text ") + 4 * 30 + 5 * 10 + 1
    everything = extract_at_most(document, None)
    assert (len(everything.citations), everything.unread) == (60, 0)


def test_a_page_of_code_spans_holds_them_compactly(tmp_path: Path) -> None:
    """`` `a` `` repeated is a code span every four characters, nothing inside a
    citation: the extractors held each span as a pair of Python ints (~55 bytes a
    character, 1.6 MB: +87 MB); as arrays of offsets it is ~11 bytes a character
    (a few extractors each index the spans, beside the page's byte maps)."""
    unit = "`a` "
    small, large = _page(tmp_path, unit, SMALL), _page(tmp_path, unit, LARGE)
    extract_at_most(small, CAP)
    peaks = [_peak(lambda d=d: extract_at_most(d, CAP)) for d in (small, large)]  # type: ignore[misc]
    grown = peaks[1] - peaks[0]
    assert grown < 2 * BYTES_PER_CHARACTER * (len(large.text) - len(small.text)), peaks
