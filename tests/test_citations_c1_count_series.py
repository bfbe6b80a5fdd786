"""A one-line series of counts of one thing ("5 indicadores de saúde, 20 indicadores
sociais (2019)") is no flattened superscript read by the list's order
(`numeric_order.in_count_series`); a flattened superscript beside it still is.
Made-up text and entries."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.model.citation import CitationKind


def _entries(count: int) -> str:
    return "\n\n".join(
        f"{k}. Writer{chr(64 + k)}{k} Q. A made-up work {k}. J Nowhere. 2021;{k}:1-5."
        for k in range(1, count + 1)
    )


def _numbers(body: str) -> list[int]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "paper.md"
        path.write_text(f"# A paper\n\n{body}\n\n## References\n\n{_entries(9)}\n", "utf-8")
        data = read_inputs(AuditInput.from_paths([path]))
    return [c.number or 0 for c in data.citations if c.kind is CitationKind.NUMERIC]


_OPENING = "Tiles hold walls.^1^ Waste adds value.^2^ Glass is common.^3^ Kilns vary.^4^"
_CLOSING = " Drying is slow.^6^ Firing is hot.^7^"


@pytest.mark.parametrize(
    "series",
    [
        "O painel reuniu 5 indicadores de saúde, 20 indicadores sociais (2019).",
        "The panel held 5 health indicators and 12 social indicators (2019).",
        "El panel reunió 5 indicadores de salud, 14 indicadores sociales y 3 indicadores "
        "económicos.",
        "Il y avait 5 fours à bois, 8 fours électriques.",
    ],
)
def test_a_series_of_counts_is_no_citation(series: str) -> None:
    assert _numbers(f"{_OPENING} {series}{_CLOSING}") == [1, 2, 3, 4, 6, 7]


@pytest.mark.parametrize(
    "sentence",
    [
        "Glazes crack when cooled 5 since the 12 kilns were tested.",
        "Glazes crack when cooled 5 though 12 glazes did not.",
    ],
)
def test_a_flattened_superscript_beside_other_numbers_is_still_read(sentence: str) -> None:
    assert _numbers(f"{_OPENING} {sentence}{_CLOSING}") == [1, 2, 3, 4, 5, 6, 7]
