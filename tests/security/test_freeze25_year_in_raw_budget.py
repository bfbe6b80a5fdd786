"""freeze25: the matcher's scoring budget counts its looks into entries' texts.

The class: a citation whose year fits none of its author's entries has every entry of
that name searched for the cited year written otherwise (`years.year_in_raw`: other
calendars, spans, editions, slash pairs -- a dozen patterns over the entry). The
matcher bounds citations x entries by a budget of 500,000 scorings
(`author_index._SCORED`), charged one unit a pair: the cost of comparing names
(~5 us), while the look into the text that follows costs ~20 us more, uncharged. n
entries of one surname in years 1900-1999, cited n times in years 2000-2019 with
letters (260 distinct citations): 0.8 s at 50, 25 s at 500 (30 KB), 68 s at 5,000 on
a loaded 2-CPU machine. Each look now charged its cost: 0.9 s, 12 s, 30 s (the budget
spent in a fifth of the looks; the rest is reading the entries).

Work is counted, never timed: with the budget lowered so a small list spends it, the
looks stay a fraction of it (before: as many looks as the budget has units).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import Phase
from citeaudit.matching import author_index

_FOLDER = Path(tempfile.mkdtemp(prefix="citeaudit-freeze25-"))
_BUDGET = 20_000
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _audit(n: int) -> object:
    entries = "\n".join(
        f"Smith, J. ({1900 + i % 100}{_LETTERS[i // 100 % 26]}). Work {i}. J. Things."
        for i in range(n)
    )
    cites = " ".join(f"(Smith, {2000 + i % 20}{_LETTERS[i % 26]})" for i in range(n))
    paper = _FOLDER / "paper.md"
    paper.write_text(f"Text {cites}.\n\n# References\n\n{entries}\n", encoding="utf-8")
    return audit(
        AuditInput((paper,), ()),
        skipped={Phase.RESOLUTION: "offline", Phase.LINKS: "offline"},
    )


@pytest.fixture
def looks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Calls of `year_in_raw` from the matcher, with the budget lowered."""
    counted = [0]
    year_in_raw = author_index.year_in_raw

    def counting(citation: object, reference: object) -> bool:
        counted[0] += 1
        return year_in_raw(citation, reference)  # type: ignore[arg-type]

    monkeypatch.setattr(author_index, "year_in_raw", counting)
    monkeypatch.setattr(author_index, "_SCORED", _BUDGET, raising=False)
    yield counted


def test_looks_into_entries_are_charged_to_the_budget(looks: list[int]) -> None:
    _audit(200)  # 200 Smith entries, 200 distinct citations: 80,000 looks unbounded
    assert 0 < looks[0] <= _BUDGET // 3, f"{looks[0]} looks under a budget of {_BUDGET}"


def test_a_year_written_otherwise_still_matches() -> None:
    """Below the budget nothing changes: "(Smith, 1991)" beside an entry whose list
    year was read from its volume, "Smith, J. (1991) ... Things (1989)", is linked."""
    paper = _FOLDER / "paper.md"
    paper.write_text(
        "Text (Smith, 1991).\n\n# References\n\nSmith, J. (1991) A work. J. Things (1989).\n",
        encoding="utf-8",
    )
    result = audit(
        AuditInput((paper,), ()), skipped={Phase.RESOLUTION: "offline", Phase.LINKS: "offline"}
    )
    rules = [f.rule for f in result.findings]  # type: ignore[attr-defined]
    assert "missing-reference" not in rules and "uncited-reference" not in rules
