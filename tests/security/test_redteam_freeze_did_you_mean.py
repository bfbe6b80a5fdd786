"""A flood of missing keys against a large bibliography: "Did you mean" stays bounded.

missing-reference names the likely key for a missing one (a typo) by comparing it
with every entry's key: missing keys x entries fuzzy comparisons. An upload of a
``\\cite`` with 25,000 made-up keys (the findings cap) and a .bib of 100,000 entries
(the entries cap) asked for 2.5 billion of them, about 20 minutes of a worker. The
search now spends a fixed number of comparisons per audit; past them a missing key
gets the plain fix. Counted, not timed: the comparisons requested are summed (the
search is replaced by a counter), at a base size and 8x it (64x the pairs).
"""

from __future__ import annotations

from typing import Any

import pytest
from rapidfuzz import process

from citeaudit.model import CitationKind, CitationMatch
from citeaudit.rules.citations.missing_reference import MissingReference
from tests.rules_citations.conftest import cit, data, ref


def _compared(monkeypatch: pytest.MonkeyPatch, missing: int, entries: int) -> int:
    """Key comparisons the rule asks for with `missing` unknown keys and `entries` keys."""
    compared = 0

    def counting(query: str, choices: list[str], **_: Any) -> None:
        nonlocal compared
        compared += len(choices)
        return None

    monkeypatch.setattr(process, "extractOne", counting)
    refs = [ref(f"r{i}", "Smith", 2000, i, key=f"entry{i}") for i in range(entries)]
    cits = [
        cit(f"c{i}", f"\\cite{{gone{i}}}", 1, key=f"gone{i}", kind=CitationKind.KEY)
        for i in range(missing)
    ]
    found = list(MissingReference().check(data(refs, cits, [CitationMatch(c.id) for c in cits])))
    assert len(found) == missing  # every missing key is still reported
    return compared


def test_missing_key_suggestions_do_not_grow_with_keys_times_entries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    small = _compared(monkeypatch, 400, 4_000)  # 1.6 million pairs
    large = _compared(monkeypatch, 3_200, 32_000)  # 102 million pairs before the bound
    assert small > 0
    assert large <= 16 * small, (small, large)


def test_a_typo_among_a_few_missing_keys_still_gets_its_suggestion() -> None:
    refs = [ref(f"r{i}", "Smith", 2000, i, key=f"entry{i}") for i in range(2_000)]
    refs.append(ref("smith", "Smith", 2019, 9_999, key="smith2019"))
    cits = [cit("c1", r"\citep{smtih2019}", 3, key="smtih2019", kind=CitationKind.KEY)]
    found = list(MissingReference().check(data(refs, cits, [CitationMatch("c1")])))
    assert found[0].fix is not None and found[0].fix.replacement == "smith2019"


def test_suggestions_spend_about_a_second_at_most(monkeypatch: pytest.MonkeyPatch) -> None:
    # rapidfuzz's default scorer costs ~1.8 us a pair of real keys (2,000 missing keys x
    # 2,000 entries took 7 s of an audit): the audit's bound is one million pairs
    assert _compared(monkeypatch, 3_200, 32_000) <= 1_000_000
