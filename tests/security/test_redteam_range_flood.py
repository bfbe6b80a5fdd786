"""Numeric ranges: a few bytes that are many citations, all held before the cap.

``[1–50] `` is seven characters and fifty citations. An audit keeps
`MAX_CITATIONS` (audit.py), but `extract_citations` builds every marker's citations
before anything is kept: a 140 KB upload of them was a million citations, 5.1 s and
358 MB, so 2 MB would be some 14 million (gigabytes) before the cap applied. Now
extraction takes the cap (`extract_at_most`): numeric markers hold their numbers and
make citations only when kept, and the markers past the cap are counted, not expanded.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from citeaudit.audit import AuditInput, read_inputs


def _peak(folder: Path, markers: int) -> int:
    text = folder / f"paper{markers}.md"
    listed = "".join(f"{i}. Name, A. (2001). Title {i}. Press.\n" for i in range(1, 21))
    text.write_text(
        "# Paper\n\nText " + "[1–20] " * markers + "\n\n## References\n\n" + listed,
        encoding="utf-8",
    )
    tracemalloc.start()
    try:
        data = read_inputs(AuditInput((text,)), max_citations=500)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(data.citations) == 500
    return peak


def test_memory_while_reading_stays_near_the_cap(tmp_path: Path) -> None:
    """Each range past the cap costs its span (held until the merge), not its twenty
    citations: expanded, each cost some 7,000 bytes."""
    small, large = _peak(tmp_path, 250), _peak(tmp_path, 2_000)
    per_range = (large - small) / 1_750
    assert per_range < 1_000, f"peak {small:,} -> {large:,} bytes for 8x the ranges"


def test_the_ranges_past_the_cap_are_counted(tmp_path: Path) -> None:
    text = tmp_path / "paper.md"
    listed = "".join(f"{i}. Name, A. (2001). Title {i}. Press.\n" for i in range(1, 21))
    text.write_text(
        "# Paper\n\nText " + "[1–20] " * 30 + "\n\n## References\n\n" + listed, encoding="utf-8"
    )
    data = read_inputs(AuditInput((text,)), max_citations=50)
    assert [c.number for c in data.citations[-10:]] == list(range(1, 11))
    (problem,) = data.input_problems
    assert problem.message.startswith("550 citations from here on were not read")
    assert (problem.location.line, problem.location.column) == (3, 6 + 7 * 2)
