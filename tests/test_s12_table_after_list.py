"""A table set straight after the list, with no caption or heading, ends the list.

Why: a submission puts its tables after the references. A Markdown pipe table there
(its header row, the rule under it, its rows) was read as part of the list: its rows
became the rest of the last entry, or -- when its cells held years, as data often do --
an "entry" of their own, never cited. A list kept in a table (Pandoc's rendering of a
Word list in a table) starts under the heading and stays a list. Examples are made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.manuscript.reading import read_manuscript

LEE = "Lee, A. (2001). Title one. Journal A, 1, 1-2."
KIM = "Kim, C. (2005). Title three. Journal C, 3, 5-6."
PAZ = "Paz, D. (2009). Title four. Journal D, 4, 7-8."

TABLES = {
    "dated cells": "| Group | N | Year |\n|---|---|---|\n| A | 12 | 2005 |\n| B | 15 | 2001 |",
    "no dates": "| Group | N | Mean |\n|:------|--:|-----:|\n| A | 12 | 3.4 |\n| B | 15 | 2.9 |",
    "one row": "| Site | Visits |\n| --- | --- |\n| North, 2009 | 4 |",
}


def _paper(tmp_path: Path, table: str, entries: list[str]) -> Path:
    body = "# Introduction\n\nEarlier work (Lee, 2001; Kim, 2005; Paz, 2009).\n\n# References\n\n"
    path = tmp_path / "paper.md"
    path.write_text(body + "\n\n".join(entries) + "\n\n" + table + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(TABLES))
def test_a_table_after_hanging_entries(tmp_path: Path, name: str) -> None:
    document = read_manuscript(_paper(tmp_path, TABLES[name], [LEE, KIM, PAZ]))
    assert [e.text for e in document.reference_entries] == [LEE, KIM, PAZ]


@pytest.mark.parametrize("name", sorted(TABLES))
def test_a_table_after_a_numbered_list(tmp_path: Path, name: str) -> None:
    entries = [f"{n}. {text}" for n, text in enumerate([LEE, KIM, PAZ], start=1)]
    document = read_manuscript(_paper(tmp_path, TABLES[name], ["\n".join(entries)]))
    assert [e.text for e in document.reference_entries] == entries


def test_a_list_kept_in_a_table_stays_a_list(tmp_path: Path) -> None:
    table = "\n".join(
        ["| No. | Reference |", "|---|---|"]
        + [f"| {n} | {text} |" for n, text in enumerate([LEE, KIM, PAZ], start=1)]
    )
    document = read_manuscript(_paper(tmp_path, table, []))
    assert [e.text for e in document.reference_entries] == [
        f"{n}. {text}" for n, text in enumerate([LEE, KIM, PAZ], start=1)
    ]
