"""A number past the list's end read only as a flattened superscript ("disorders.26"
in a 25-entry list) is weak evidence, a count or a page as often as a citation: it
never makes a missing reference on its own. A marked superscript or a bracket past
the end still does. Made-up text and entries."""

from __future__ import annotations

import tempfile
from pathlib import Path

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.model.citation import CitationKind


def _entries(count: int) -> str:
    return "\n\n".join(
        f"{k}. Writer{chr(64 + k % 26 or 26)}{k} Q. A made-up work {k}. J Nowhere. 2021;{k}:1-5."
        for k in range(1, count + 1)
    )


def _numbers(body: str, count: int = 25) -> list[int]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "paper.md"
        path.write_text(f"# A paper\n\n{body}\n\n## References\n\n{_entries(count)}\n", "utf-8")
        data = read_inputs(AuditInput.from_paths([path]))
    return [c.number or 0 for c in data.citations if c.kind is CitationKind.NUMERIC]


# a paper whose superscripts mostly lost their markup: numbers glued after the full
# stop, a few still marked
_FLATTENED = " ".join(
    f"Clay holds walls.^{k}^" if k % 3 == 0 else f"Clay holds walls.{k}" for k in range(1, 26)
)


def test_a_flattened_number_past_the_end_is_not_a_citation() -> None:
    body = f"{_FLATTENED} The kilns of the region fire bricks.26 Then they cool."
    numbers = _numbers(body)
    assert 26 not in numbers and numbers == list(range(1, 26))


def test_a_marked_superscript_past_the_end_still_is() -> None:
    body = f"{_FLATTENED} The kilns of the region fire bricks.^26^ Then they cool."
    assert 26 in _numbers(body)


def test_a_flattened_number_past_the_end_beside_a_marked_one_is_read() -> None:
    body = f"{_FLATTENED} Kilns fire bricks.^26^ Then they cool, as bricks do there.26"
    assert _numbers(body).count(26) == 2


def test_a_bracket_past_the_end_still_is() -> None:
    body = " ".join(f"Clay holds walls [{k}]." for k in range(1, 26))
    assert 26 in _numbers(f"{body} Kilns fire bricks [26].")
