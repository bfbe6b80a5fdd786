"""A numeric range whose two ends a converter linked each ("[2](#b2)-[4](#b4)"): the
works between the ends are cited. Read as two links, entry 3 was "never cited"."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.listed_paper import audit_listed, citation_codes

ENTRIES = [
    "1\\. Roe A. Exercise and glucose. Diabetes Care 2004;27:58-62.",
    "2\\. Doe C. Sleep and glucose. Diabetes Care 2010;33:62-9.",
    "3\\. Fox D. Diet and weight. Lancet 2001;344:1343-50.",
    "4\\. Lee E. Stress and sleep. BMJ 2012;10:1-9.",
    "5\\. Kim F. Walking and mood. BMJ 2015;11:3-8.",
]


@pytest.mark.parametrize(
    "cited",
    [
        "[2](#b2)-[4](#b4)",
        "<sup>[2](#b2)–[4](#b4)</sup>",
        "^[2](#b2)-[4](#b4)^",
        "([2](#B2)-[4](#B4))",
        "[[2](#r2)]–[[4](#r4)]",
        "[[2]](#r2)-[[4]](#r4)",
        "\\[[2](#b2)\\]-\\[[4](#b4)\\]",
        "\\[[2](#b2)-\n[4](#b4)\\]",
    ],
)
def test_linked_range_cites_the_works_between(tmp_path: Path, cited: str) -> None:
    body = f"Sleep matters {cited}. Exercise helps [[1](#b1)], and so does walking [[5](#b5)]."
    result = audit_listed(tmp_path, body, ENTRIES)
    assert len(result.data.references) == 5
    assert citation_codes(result) == []


def test_linked_note_marks_are_no_range(tmp_path: Path) -> None:
    # footnote anchors are notes' marks, not citations, joined by a dash or not
    body = "Sleep matters [2](#fn2)-[4](#fn4). Exercise helps [[1](#b1)], walking [[5](#b5)]."
    result = audit_listed(tmp_path, body, ENTRIES)
    assert citation_codes(result).count("CIT001") == 3
