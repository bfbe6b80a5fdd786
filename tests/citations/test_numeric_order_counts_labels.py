"""Bare numbers the list-order reader (`citeaudit.manuscript.citations.numeric_order`)
must not take for flattened superscripts: counts with their share or their whole
("36 (85,7%)", "8 out of 125", "há 26 trabalhos"), labels before a colon ("Research
question 5: How"), an inline enumeration's items ("a saber: 5. Na sua"). Each stands
where the list expects its next number, so only what is around it tells it apart.
Made-up text and entries."""

from __future__ import annotations

import tempfile
from pathlib import Path

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.manuscript.citations import numeric_order
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
_CLOSING = " Drying is slow.^5^ Firing is hot.^6^"


def test_a_count_with_its_share_is_no_citation() -> None:
    body = f"{_OPENING} Of the kilns, 5 (85,7%) were fired twice.{_CLOSING}"
    assert _numbers(body) == [1, 2, 3, 4, 5, 6]


def test_a_count_out_of_a_whole_is_no_citation() -> None:
    body = f"{_OPENING} We found that 5 out of 125 kilns cracked.{_CLOSING}"
    assert _numbers(body) == [1, 2, 3, 4, 5, 6]


def test_a_count_after_ha_is_no_citation() -> None:
    body = f"{_OPENING} Segundo a revisão, há 5 trabalhos sobre fornos.{_CLOSING}"
    assert _numbers(body) == [1, 2, 3, 4, 5, 6]


def test_a_label_before_a_colon_is_no_citation() -> None:
    body = f"{_OPENING}\n\nResearch question 5: How do kilns crack?{_CLOSING}"
    assert _numbers(body) == [1, 2, 3, 4, 5, 6]


def test_an_inline_enumeration_item_is_no_citation() -> None:
    body = f"{_OPENING} Três eixos, a saber: 5. Na queima; 6. Em secagem.{_CLOSING}"
    assert _numbers(body) == [1, 2, 3, 4, 5, 6]


def test_a_flattened_citation_before_a_full_stop_is_still_read() -> None:
    body = f"{_OPENING} Pores grow as the firing proceeds 5. Then cracks spread 6.^7^"
    assert _numbers(body) == [1, 2, 3, 4, 5, 6, 7]


def test_the_new_patterns_are_linear() -> None:
    hostile = " (" + "9" * 100_000
    assert numeric_order._SHARE_AFTER.match(hostile) is None
    assert numeric_order._LABEL_COLON.match(": " + "a" * 100_000) is None
