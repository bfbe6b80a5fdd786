"""A citation field's work that no entry holds is left to the shown text when that
text cites a name and year but never the work's first author: the reader follows what
Word shows ("(LMG 2012)", the group's entry), and a work whose data names its book's
editors as authors was reported missing under the editors' names. A work the shown
text names itself is still missing when its entry is gone. Every document and work
here is made up."""

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
    "Lantern Moss Group (LMG) (2012) A made-up classification of mosses. In: Orlov P, "
    "Tamsin V (Eds) Proceedings of an Imaginary Congress. Fable Press, 1–9.",
    "Quill R (2010) Invented alloys of the north. Journal of Nowhere 4: 1–9.",
]


def _editors_item() -> dict[str, object]:
    item = csl_item("Orlov", 2012, "unused")
    del item["itemData"]["title"]  # type: ignore[index]
    item["itemData"]["author"].append({"family": "Tamsin", "given": "V."})  # type: ignore[index]
    return item


def test_a_field_whose_text_names_another_than_its_data_follows_the_text(
    tmp_path: Path,
) -> None:
    quill = csl_item("Quill", 2010, "Invented alloys of the north")
    path = manuscript(
        tmp_path,
        para(
            run("Mosses belong to a tribe "),
            complex_field(csl_code([_editors_item()]), "(LMG 2012)"),
            run(" and a subtribe "),
            complex_field(csl_code([quill, _editors_item()]), "(Quill 2010, LMG 2012)"),
            run(" and alloys to none "),
            complex_field(csl_code([quill]), "(Quill 2010)"),
            run("."),
        ),
        entries=ENTRIES,
    )
    assert findings(path) == []


def test_a_work_the_shown_text_names_is_still_missing(tmp_path: Path) -> None:
    gone = csl_item("Vance", 2014, "A fictional study of glass")
    path = manuscript(
        tmp_path,
        para(
            run("Glass flows "),
            complex_field(csl_code([gone]), "(Vance 2014)"),
            run(", mosses grow (LMG 2012) and alloys rust (Quill 2010)."),
        ),
        entries=ENTRIES,
    )
    assert sorted(rule for rule, _ in findings(path)) == ["missing-reference"]


def test_a_work_whose_name_the_shown_text_misspells_is_still_missing(tmp_path: Path) -> None:
    gone = csl_item("Gardner", 2002, "The made-up genus in New Guinea")
    path = manuscript(
        tmp_path,
        para(
            run("Species differ (15 spp.: "),
            complex_field(csl_code([gone]), "Garner 2002"),
            run("), mosses grow (LMG 2012) and alloys rust (Quill 2010)."),
        ),
        entries=ENTRIES,
    )
    found = findings(path)
    assert [rule for rule, _ in found] == ["missing-reference"]
    assert "Gardner" in found[0][1]  # named by the work, as the code has it
