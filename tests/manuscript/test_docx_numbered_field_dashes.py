"""Numbered citation fields joined by a dash the writer typed: whichever dash the
typesetting gave it (en dash, hyphen or the minus sign U+2212 some chemistry styles
print between superscript numbers), the numbers between are cited. Every document
and work here is made up."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.manuscript.test_docx_citation_fields import (
    complex_field,
    csl_code,
    csl_item,
    findings,
    manuscript,
    para,
    run,
)

FIVE = [
    f"{i}. Writer{chr(64 + i)} Q. An invented study, part {i}. J Elsewhere. 2011;{i}:2-8."
    for i in range(1, 6)
]
ITEMS = [
    csl_item(f"Writer{chr(64 + i)}", 2011, f"An invented study, part {i}") for i in range(1, 6)
]
SUP = '<w:vertAlign w:val="superscript"/>'


@pytest.mark.parametrize("dash", ["\u2212", "\u2013", "-"])
def test_a_typed_dash_between_superscript_fields_cites_the_numbers_between(
    tmp_path: Path, dash: str
) -> None:
    # "resonance.1−4": fields "1" and "4" with the dash typed between them in the
    # superscript: 2 and 3 are cited; 5 is never cited
    path = manuscript(
        tmp_path,
        para(
            run("Shifts were seen in the solid state."),
            complex_field(csl_code([ITEMS[0]]), "1", props=SUP),
            run(dash, props=SUP),
            complex_field(csl_code([ITEMS[3]]), "4", props=SUP),
            run(" Nothing else."),
        ),
        entries=FIVE,
    )
    found = findings(path)
    assert [rule for rule, _ in found] == ["uncited-reference"]
    assert "WriterE" in found[0][1]


# A numbered list whose second entry opens with its book's title, its editor after:
# the field's work (named by its editor and year only) is linked to no entry.
EDITED = [
    "1. Quill R, Marten S. Invented alloys of the north. J Nowhere. 2012;4:1-9.",
    "2. Handbook of Imaginary Phases; Orlov P., Ed.; Fable Press: 2016; Vol. 2.",
    "3. Tamsin V. A made-up survey of metals. Met Lett. 2019;8:20-29.",
]
QUILL = csl_item("Quill", 2012, "Invented alloys of the north")
TAMSIN = csl_item("Tamsin", 2019, "A made-up survey of metals")


def _editor_item() -> dict[str, object]:
    item = csl_item("Orlov", 2016, "unused")
    del item["itemData"]["title"]  # type: ignore[index]
    return item


def _cited_by_fields(tmp_path: Path, entries: list[str]) -> list[tuple[str, str]]:
    path = manuscript(
        tmp_path,
        para(
            run("Alloys were studied."),
            complex_field(csl_code([QUILL]), "1", props=SUP),
            run(" Phases were drawn."),
            complex_field(csl_code([_editor_item()]), "2", props=SUP),
            run(" Metals were surveyed."),
            complex_field(csl_code([TAMSIN]), "3", props=SUP),
        ),
        entries=entries,
    )
    return findings(path)


def test_a_numbered_field_whose_work_links_to_no_entry_cites_the_number_shown(
    tmp_path: Path,
) -> None:
    # the field shows "2" and the list's entry 2 is the work: neither uncited nor missing
    assert _cited_by_fields(tmp_path, EDITED) == []


def test_the_number_shown_names_no_entry_when_the_entry_was_taken_out(tmp_path: Path) -> None:
    # entry 2 deleted by hand (the list keeps its numbers 1 and 3): still missing
    found = _cited_by_fields(tmp_path, [EDITED[0], EDITED[2]])
    assert [rule for rule, _ in found] == ["missing-reference"]
