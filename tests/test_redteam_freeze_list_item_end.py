"""Red team (freeze): an HTML list item's closing tag is taken off without a search from
every position.

A Markdown reference list written as HTML (`<ol>`, `<li>Smith, J. ...</li>`) had each
item's end taken off by the pattern "blanks, </li>, blanks, end" searched over the
item: on a run of blanks with no "</li>" after it, every blank started a try that ran
to the run's end. One item padded with 80,000 blanks took 10.5 CPU s of the audit
(20,000: 0.7 s; a 1 MB upload, half an hour). The test compares CPU growth at 4x the
size (linear 4x, quadratic 16x; fails past 10x), as tests/security/test_redos_*.py do,
and checks what is read stays the same.
"""

from __future__ import annotations

from citeaudit.manuscript import reference_section
from citeaudit.manuscript.document import Line
from tests.security.growth import growth_at

MAX_GROWTH = 10.0
growth = growth_at(4)


def _items(texts: list[str]) -> list[str]:
    lines = [Line("paper.md", n, text) for n, text in enumerate(texts, 1)]
    return [line.text for line in reference_section._html_items(lines)]


def test_an_item_padded_with_blanks_costs_linear_time() -> None:
    def build(n: int) -> str:
        return "<li>Smith, J. (2020). Tides." + " " * n + "x"

    ratio = growth(build, lambda text: _items(["<ol>", text, "</ol>"]), 5_000)
    assert ratio < MAX_GROWTH, ratio


def test_items_read_as_before() -> None:
    got = _items(
        [
            "<ol>",
            "<li>Smith, J. (2020). Tides.</li>",
            "  <LI class='x'>Lee, K. (2019). Rain. </Li>  ",
            "<li>Osei, A. (2021). Open item",
            "<li>Mensah, K. (2018). Spaced.   \t",
            "</ol>",
        ]
    )
    assert got == [
        "<ol>",
        "1. Smith, J. (2020). Tides.",
        "2. Lee, K. (2019). Rain.",
        "3. Osei, A. (2021). Open item",
        "4. Mensah, K. (2018). Spaced.   \t",
        "</ol>",
    ]
