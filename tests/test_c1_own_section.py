"""A parenthesis naming the manuscript's own section is no citation (class ST).

Reporting checklists (TRIPOD, CONSORT, PRISMA) point each item to the section that
answers it: "Discussion (External Validation on EXS 2022)". A section's title with a
year in it, read as names and a year, was a missing citation. A parenthesis that
repeats a line of the manuscript word for word -- its heading -- points there.
Examples are made up.
"""

from __future__ import annotations

from pathlib import Path

from tests.verdicts import markdown_verdict

_LIST = (
    "## References\n\n"
    "Roe, A. (2001). Stock in depots. Example Press.\n\n"
    "Poe, B. (2004). Lean depots. Example Press.\n"
)


def test_checklist_cell_naming_a_dated_section(tmp_path: Path) -> None:
    text = (
        "# Methods\n\nDepots hold stock (Roe, 2001) and lean ones less (Poe, 2004).\n\n"
        "## 4.2 Validation on Harbour Cohort 2019\n\nThe model was validated later.\n\n"
        "### Follow-up Survey 2021 ###\n\nIt was repeated.\n\n"
        "# Checklist\n\n"
        "| Item | Topic | Section |\n|---|---|---|\n"
        "| 21 | Generalisability | Discussion (Validation on Harbour Cohort 2019) |\n"
        "| 22 | Follow-up | Results (follow-up survey 2021) |\n\n" + _LIST
    )
    assert markdown_verdict(tmp_path, text, 10) == (set(), set())


def test_a_citation_repeating_no_heading_is_still_missing(tmp_path: Path) -> None:
    text = (
        "# Methods\n\nDepots hold stock (Roe, 2001) and lean ones less (Poe, 2004).\n\n"
        "## Validation on Harbour Cohort 2019\n\nAs Harbour (2019) and (Cohort, 2019) say.\n\n"
        + _LIST
    )
    _, missing = markdown_verdict(tmp_path, text, 10)
    assert missing == {"(Cohort, 2019)"}


def test_a_table_cell_citing_a_work_does_not_hide_its_citation(tmp_path: Path) -> None:
    """A line that is itself a citation ("Roe and Lee 2019", a table's cell) is no
    title: the parenthesis repeating it still cites, and its missing work is said."""
    text = (
        "Depots hold stock (Roe, 2001) and lean ones less (Poe, 2004), as found "
        "(Roe and Lee 2019).\n\n| Study | n |\n|---|---|\n| Roe and Lee 2019 | 4 |\n\n"
        "Roe and Lee 2019\n\n" + _LIST
    )
    _, missing = markdown_verdict(tmp_path, text, 10)
    assert "(Roe and Lee 2019)" in missing
