"""Years typed by hand right after a reference manager's field, inside its parenthesis:
"(" field "Quenby 2001" ", 2003, " field "Vasquez-Ortega 2018" ")" or "Quenby ("
field "2001" ", 2003)". The typed year cites another work of the field's author (or of
the name typed before the parenthesis); read with the fields blanked out it had no
name, and that work's entry was "uncited". Every document and work here is made up."""

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

ENTRIES = [
    "Quenby, A. (2001). Glacier retreat in imaginary valleys. Journal of Nowhere, 3, 1-10.",
    "Quenby, A. (2003). Moraines of a made-up range. Journal of Nowhere, 5, 11-19.",
    "Quenby, A. (2011). Ice of a fictional plateau. Journal of Nowhere, 9, 20-29.",
    "Vasquez-Ortega, L. (2018). Sediment budgets of a fictional delta. Delta Letters, 7, 11-19.",
]
Q2001 = csl_item("Quenby", 2001, "Glacier retreat in imaginary valleys")
Q2011 = csl_item("Quenby", 2011, "Ice of a fictional plateau")
VASQUEZ = csl_item("Vasquez-Ortega", 2018, "Sediment budgets of a fictional delta")
CITATION_RULES = {"uncited-reference", "missing-reference", "possible-missing-reference"}


def citation_findings(path: Path) -> list[tuple[str, str]]:
    return [(rule, message) for rule, message in findings(path) if rule in CITATION_RULES]


def test_a_year_typed_between_two_fields_cites_the_first_fields_author(tmp_path: Path) -> None:
    path = manuscript(
        tmp_path,
        para(
            run("Ice shrank ("),
            complex_field(csl_code([Q2001]), "Quenby 2001"),
            run(", 2003, "),
            complex_field(csl_code([VASQUEZ]), "Vasquez-Ortega 2018"),
            run("). Later (Quenby 2011)."),
        ),
        entries=ENTRIES,
    )
    assert citation_findings(path) == []


def test_a_year_typed_between_narrative_fields_cites_the_name_before(tmp_path: Path) -> None:
    path = manuscript(
        tmp_path,
        para(
            run("Ice shrank, as Quenby ("),
            complex_field(csl_code([Q2001]), "2001"),
            run(", 2003, "),
            complex_field(csl_code([Q2011]), "2011"),
            run(") showed, and (Vasquez-Ortega 2018)."),
        ),
        entries=ENTRIES,
    )
    assert citation_findings(path) == []


def test_a_typed_year_the_list_lacks_is_still_missing(tmp_path: Path) -> None:
    # recall: the typed year names a work of that author no entry holds
    path = manuscript(
        tmp_path,
        para(
            run("Ice shrank ("),
            complex_field(csl_code([Q2001]), "Quenby 2001"),
            run(", 2005, "),
            complex_field(csl_code([VASQUEZ]), "Vasquez-Ortega 2018"),
            run("). Later (Quenby 2003; Quenby 2011)."),
        ),
        entries=ENTRIES,
    )
    found = citation_findings(path)
    assert [rule for rule, _ in found] == ["missing-reference"]
    assert "Quenby 2005" in found[0][1]


SUFFIXED = [
    "Quenby, A. (2019a). Glacier retreat in imaginary valleys. Journal of Nowhere, 3, 1-10.",
    "Quenby, A. (2019b). Moraines of a made-up range. Journal of Nowhere, 5, 11-19.",
    "Vasquez-Ortega, L. (2018). Sediment budgets of a fictional delta. Delta Letters, 7, 11-19.",
]


def _untitled(family: str, year: int) -> dict[str, object]:
    item = csl_item(family, year, "untitled")
    del item["itemData"]["title"]  # the code cannot tell 2019a from 2019b
    return item


def test_a_letter_typed_after_a_fields_year_tells_the_work(tmp_path: Path) -> None:
    path = manuscript(
        tmp_path,
        para(
            run("Ice shrank ("),
            complex_field(csl_code([_untitled("Quenby", 2019)]), "Quenby 2019"),
            run("a). Later (Vasquez-Ortega 2018; Quenby 2019b)."),
        ),
        entries=SUFFIXED,
    )
    assert [rule for rule, _ in findings(path) if rule != "uncertain-reference-list"] == []


def test_the_typed_letter_leaves_the_other_work_uncited(tmp_path: Path) -> None:
    # recall: "2019" then "b" cites 2019b only; 2019a is cited nowhere
    path = manuscript(
        tmp_path,
        para(
            run("Ice shrank ("),
            complex_field(csl_code([_untitled("Quenby", 2019)]), "Quenby 2019"),
            run("b). Later (Vasquez-Ortega 2018)."),
        ),
        entries=SUFFIXED,
    )
    found = citation_findings(path)
    assert [rule for rule, _ in found] == ["uncited-reference"]
    assert "2019a" in found[0][1]
