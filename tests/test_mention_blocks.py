"""The mention window stops where the block of text does: a paragraph break, a
heading, a new list item, a table's next row (made-up manuscripts).

"... the samples came from Okafor.\\n\\n2017 was a wet year" names nobody's 2017 work:
the name ends one paragraph and the year opens the next. A wrapped line inside one
paragraph still carries the window ("Okafor, in her\\nsurvey of 2017")."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit

ENTRIES = (
    "Lee, A. (2014). A cited work. Journal of Things, 1, 1-2.\n\n"
    "Moreau, F. (2001). Cited one. Journal of Things, 6, 1-2.\n\n"
    "Nilsson, G. (2002). Cited two. Journal of Things, 7, 1-2.\n\n"
    "Park, H. (2003). Cited three. Journal of Things, 8, 1-2.\n\n"
    "Quist, J. (2004). Cited four. Journal of Things, 9, 1-2.\n\n"
    "Ruiz, K. (2005). Cited five. Journal of Things, 9, 3-4.\n\n"
    "Okafor, B. (2017). A survey of surveys. Journal of Things, 2, 3-4.\n\n"
    "Tanaka, D. (2011). Never named. Journal of Things, 4, 9-10.\n"
)
CITED = (
    "As Lee (2014) showed, rivers matter (Moreau, 2001; Nilsson, 2002; Park, 2003;"
    " Quist, 2004; Ruiz, 2005).\n\n"
)


def _uncited(tmp_path: Path, name: str, text: str) -> list[str]:
    paper = tmp_path / name
    heading = "# References" if name.endswith(".md") else "REFERENCES"
    paper.write_text(f"{CITED}{text}\n\n{heading}\n\n{ENTRIES}", encoding="utf-8")
    result = audit(AuditInput(manuscripts=(paper,)))
    raw = {r.id: r.raw for r in result.data.references}
    return sorted(
        raw[f.reference or ""].split(",")[0] for f in result.findings if f.code == "CIT001"
    )


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
