"""The mention window stops where the block of text does: a paragraph break, a
heading, a new list item, a table's next row (made-up manuscripts).

"... the samples came from Okafor.\\n\\n2017 was a wet year" names nobody's 2017 work:
the name ends one paragraph and the year opens the next. A wrapped line inside one
paragraph still carries the window ("Okafor, in her\\nsurvey of 2017")."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.mention_paper import CITED, OKAFOR, TANAKA, entries, uncited


def _uncited(tmp_path: Path, name: str, text: str) -> list[str]:
    heading = "# References" if name.endswith(".md") else "REFERENCES"
    document = f"{CITED}\n\n{text}\n\n{heading}\n\n{entries(OKAFOR, TANAKA)}"
    return uncited(tmp_path, document, name)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("paper.md", "The cores were lent by Okafor.\n\n2017 was a wet year."),
        ("paper.txt", "The cores were lent by Okafor.\n\n2017 was a wet year."),
        ("paper.md", "The cores were lent by Okafor\n\n## 2017 in the field\n\nRain fell."),
        ("paper.md", "## Cores lent by Okafor\n2017 was a wet year."),
        ("paper.md", "Cores\n=====\nlent by Okafor\n\nSummary\n-------\n2017 was wet."),
        ("paper.md", "Lenders:\n\n- the cores, Okafor\n- 2017: a wet year"),
        ("paper.md", "Steps:\n\n1. cores lent by Okafor\n2. 2017 was a wet year"),
        ("paper.md", "| Lender |\n| --- |\n| Okafor |\n| 2017 |"),
        ("paper.md", "The cores came from Okafor:\n> 2017 was a wet year."),
    ],
    ids=[
        "paragraph",
        "text-paragraph",
        "heading-after",
        "heading-before",
        "setext",
        "bullets",
        "numbered",
        "table-rows",
        "quote",
    ],
)
def test_a_block_boundary_stops_the_window(tmp_path: Path, name: str, text: str) -> None:
    assert _uncited(tmp_path, name, text) == ["Okafor", "Tanaka"]


@pytest.mark.parametrize(
    "text",
    [
        "The cores were lent by Okafor, who\nsampled them in 2017.",
        "The cores were lent by Okafor in her\n2017. survey of rivers.",
        "- the cores lent by Okafor in\n  2017 were wet",
        "| Okafor | 2017 | cores |",
    ],
    ids=["wrapped", "wrapped-year-and-stop", "list-item-continued", "one-row"],
)
def test_inside_one_block_the_window_runs_on(tmp_path: Path, text: str) -> None:
    assert _uncited(tmp_path, "paper.md", text) == ["Tanaka"]
