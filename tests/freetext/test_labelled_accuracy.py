"""The accuracy goals on the repository's labelled set (references/labelled/freetext.jsonl)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from citeaudit.bibliography.freetext_eval import score_rows

LABELLED = Path(__file__).resolve().parents[2] / "references" / "labelled" / "freetext.jsonl"
GOALS = {"first_family": 0.95, "all_families": 0.95, "year": 0.95, "title": 0.98}


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    return [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def scored(rows: list[dict[str, object]]) -> Any:
    """The set parsed and scored once for every goal below (each parse took ~0.5 s)."""
    return score_rows(rows)


def test_labelled_set_is_large_and_varied(rows: list[dict[str, object]]) -> None:
    assert len(rows) >= 300
    styles = {r["style"] for r in rows}
    assert {"apa", "harvard", "chicago", "mla", "ieee", "vancouver"} <= styles
    assert len({r["language"] for r in rows}) >= 5
    assert sum(r.get("source") == "handwritten" for r in rows) >= 60


@pytest.mark.parametrize(("field", "goal"), sorted(GOALS.items()))
def test_accuracy_goal(scored: Any, field: str, goal: float) -> None:
    overall, _, results = scored
    acc = overall.accuracy(field)
    assert acc is not None
    failing = [r["text"] for r, _, res in results if not res[field]][:5]
    assert acc >= goal, f"{field}: {acc:.3f} < {goal}; e.g. {failing}"


def test_every_example_entry_gets_first_author_and_year(scored: Any) -> None:
    _, groups, _ = scored
    for style, score in groups.items():
        acc = score.accuracy("first_family")
        assert acc is not None and acc >= 0.9, style
