"""CSL YAML: memory bounded by an item, not by the file; raw texts linear.

Composed whole, a YAML file became a tree of 100 to 250 bytes per character (a node
and two marks per scalar): a 50 MB upload took gigabytes. And every item of a flow
list on one line took that whole line as its raw text, cleaned once per item
(quadratic: 2 MB took 31 s). Memory is measured with tracemalloc (allocations, not
time) at a base size and at 4 or 8 times it (a whole tree grows as much, past the 2x
allowed); the raw texts are measured by their length.
"""

from __future__ import annotations

import tracemalloc

import pytest

from citeaudit.bibliography import csl_yaml
from citeaudit.bibliography.csl_yaml import parse_csl_yaml
from citeaudit.bibliography.interface import Bibliography


def _read(text: str) -> tuple[int, Bibliography]:
    """The peak of traced memory while reading `text`, and what was read."""
    tracemalloc.start()
    try:
        bibliography = parse_csl_yaml(text, "refs.yaml")
        return tracemalloc.get_traced_memory()[1], bibliography
    finally:
        tracemalloc.stop()


def _peak(text: str) -> int:
    return _read(text)[0]


def test_a_flood_of_non_items_costs_bounded_memory() -> None:
    """50,000 scalars where items belong: problems past the cap are counted, and no
    tree of the whole list is held."""
    small = _peak("- a\n" * 12_500)
    large = _peak("- a\n" * 50_000)
    assert large <= 2 * small + 1_000_000, f"peak {small:,} -> {large:,} bytes for 4x the file"


def test_one_huge_item_is_cut_not_composed(monkeypatch: pytest.MonkeyPatch) -> None:
    """One item of many values: its composition stops at a cap. The cap is lowered to
    20,000 events here (the same check, at a tenth of the cost: composing up to the
    real 200,000 under tracemalloc took 9 s a run)."""
    monkeypatch.setattr(csl_yaml, "_MAX_ITEM_EVENTS", 20_000)
    small, cut = _read("- {title: [" + "a," * 25_000 + "]}\n")
    large = _peak("- {title: [" + "a," * 200_000 + "]}\n")
    assert large <= 2 * small, f"peak {small:,} -> {large:,} bytes for 8x the item"
    assert any("more than 20,000 values" in p.message for p in cut.problems)


def test_items_of_one_line_flow_list_keep_their_own_text() -> None:
    """Each item's raw text is its own span, not the line every item shares."""
    text = "[" + ", ".join(f"{{id: k{i}, title: T{i}}}" for i in range(2_000)) + "]"
    bibliography = parse_csl_yaml(text, "refs.yaml")
    assert len(bibliography.references) == 2_000
    longest = max(len(r.raw) for r in bibliography.references)
    assert longest < 200, f"an item's raw text is {longest:,} characters"
    assert "k1999" in bibliography.references[-1].raw
