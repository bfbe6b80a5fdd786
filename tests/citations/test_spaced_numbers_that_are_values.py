"""Numbers at a sentence's end that are the sentence's value, not flattened
superscripts, in a manuscript whose citations are spaced plain numbers (SciELO-style
text): "O pH da lama foi 11 ... foi 7. Desta forma", "Plot 1: Latitude" (issue 12;
found on the dev split of benches/real_articles.py)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.model.citation import CitationKind

ENTRIES = "\n\n".join(
    f"{k}. Writer{k} Q. A made-up work {k}. J Nowhere. 2021;{k}:1-5." for k in range(1, 13)
)
STYLE = "Walls hold tiles. 1 Waste adds value. 2,3 Studies report this. 4 Glass is common. 5,6 "


def _numbers(body: str) -> list[int]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "paper.md"
        path.write_text(f"# A paper\n\n{STYLE}{body}\n\n## References\n\n{ENTRIES}\n", "utf-8")
        data = read_inputs(AuditInput.from_paths([path]))
    return [c.number or 0 for c in data.citations if c.kind is CitationKind.NUMERIC]


def test_a_value_ending_its_sentence_is_no_citation() -> None:
    body = "O pH da lama foi 11, do vidro foi 8, e da referência foi 7. Desta forma, nada. "
    assert 7 not in _numbers(body)
    assert 9 not in _numbers("The mean pH was 9. Then it fell. ")


def test_a_label_before_a_colon_is_no_citation() -> None:
    assert 8 not in _numbers("Two plots were used (Plot 8: Latitude -0.8). Firing changes pores. ")
    assert 8 not in _numbers("Three plots were used. Plot 8: Latitude -0.8, and more. ")


def test_a_number_after_a_content_word_is_still_read() -> None:
    assert _numbers("Firing changes the pores 7. Then it cools.")[-1] == 7
