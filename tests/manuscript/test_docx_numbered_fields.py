"""A numbered (Vancouver) list cited through a reference manager's fields: the fields
show numbers ("[1]", "2,3"), so the list is cited by number, and a name and year typed
by hand that fit no entry name a source the writer did not mean to list -- a possible
missing reference, never a missing one. Every document and work here is made up."""

from __future__ import annotations

from pathlib import Path

from tests.manuscript.test_docx_citation_fields import (
    complex_field,
    csl_code,
    csl_item,
    findings,
    manuscript,
    para,
    run,
)

NUMBERED = [
    "1. Quenby A, Marsh T. Glacier retreat in imaginary valleys. J Nowhere. 2015;3:1-10.",
    "2. Vasquez-Ortega L. Sediment budgets of a fictional delta. Delta Lett. 2018;7:11-19.",
    "3. Ibsen K. A made-up monograph on fjords. Oslo: Fjord Press; 2020.",
]
QUENBY = csl_item("Quenby", 2015, "Glacier retreat in imaginary valleys")
VASQUEZ = csl_item("Vasquez-Ortega", 2018, "Sediment budgets of a fictional delta")
IBSEN = csl_item("Ibsen", 2020, "A made-up monograph on fjords")


def _numbered_manuscript(tmp_path: Path, typed: str, superscript: bool = False) -> Path:
    props = '<w:vertAlign w:val="superscript"/>' if superscript else ""
    shown = ("1", "2,3") if superscript else ("[1]", "[2,3]")
    return manuscript(
        tmp_path,
        para(run("Ice shrank "), complex_field(csl_code([QUENBY]), shown[0], props=props)),
        para(
            run("Deltas moved "),
            complex_field(csl_code([VASQUEZ, IBSEN]), shown[1], props=props),
            run("."),
        ),
        para(run(typed)),
        entries=NUMBERED,
    )


def test_a_typed_name_and_year_beside_numbered_fields_is_a_possible_missing(
    tmp_path: Path,
) -> None:
    path = _numbered_manuscript(tmp_path, "Counts were made with a tool (Zorander, 2011).")
    assert [rule for rule, _ in findings(path)] == ["possible-missing-reference"]


def test_superscript_numbered_fields_count_as_numbers_too(tmp_path: Path) -> None:
    path = _numbered_manuscript(
        tmp_path, "Counts were made with a tool (Zorander, 2011).", superscript=True
    )
    assert [rule for rule, _ in findings(path)] == ["possible-missing-reference"]


def test_an_author_year_manuscript_with_fields_still_reports_missing(tmp_path: Path) -> None:
    # the fields show names and years: the list is cited by name, so an unlisted typed
    # citation is a missing reference as before (recall kept)
    path = manuscript(
        tmp_path,
        para(run("Ice shrank "), complex_field(csl_code([QUENBY]), "(Quenby and Marsh, 2015)")),
        para(
            run("Deltas moved "),
            complex_field(csl_code([VASQUEZ, IBSEN]), "(Vasquez-Ortega, 2018; Ibsen, 2020)"),
        ),
        para(run("Counts were made with a tool (Zorander, 2011).")),
    )
    assert [rule for rule, _ in findings(path)] == ["missing-reference"]


SIX = [
    f"{i}. Author{chr(64 + i)} A. Made-up title number {i}. J Nowhere. 2015;{i}:1-9."
    for i in range(1, 7)
]
SIX_ITEMS = [
    csl_item(f"Author{chr(64 + i)}", 2015, f"Made-up title number {i}") for i in range(1, 7)
]


def test_a_dash_typed_between_numbered_fields_cites_the_numbers_between(tmp_path: Path) -> None:
    # "[1,3–5]" written as fields "[1,", "3" and "5]" with the dash typed: 4 is cited,
    # 2 is not (recall), 6 is cited after an acronym
    path = manuscript(
        tmp_path,
        para(
            run("Ice shrank "),
            complex_field(csl_code([SIX_ITEMS[0]]), "[1,"),
            complex_field(csl_code([SIX_ITEMS[2]]), "3"),
            run("–"),
            complex_field(csl_code([SIX_ITEMS[4]]), "5]"),
            run(". So says ARPAE "),
            complex_field(csl_code([SIX_ITEMS[5]]), "[6]"),
            run("."),
        ),
        entries=SIX,
    )
    found = findings(path)
    assert [rule for rule, _ in found] == ["uncited-reference"]
    assert "AuthorB" in found[0][1]
