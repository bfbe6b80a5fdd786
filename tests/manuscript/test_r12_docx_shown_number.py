"""A numbered Word field whose work the links place in no entry is cited by the number
it shows only when the entry so numbered holds that work (its first author and year,
or its title): a shown number alone may name another work (a list renumbered after an
entry was deleted), and a work the list lacks is reported missing under its own name.
Every document and work here is made up."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from tests.manuscript.test_docx_citation_fields import (
    complex_field,
    csl_code,
    csl_item,
    findings,
    manuscript,
    para,
    run,
)

SUP = '<w:vertAlign w:val="superscript"/>'
QUILL = csl_item("Quill", 2012, "Invented alloys of the north")
TAMSIN = csl_item("Tamsin", 2019, "A made-up survey of metals")
VANCE = csl_item("Vance", 2014, "A fictional study of glass")
QUILL_ENTRY = "1. Quill R, Marten S. Invented alloys of the north. J Nowhere. 2012;4:1-9."
TAMSIN_ENTRY = "3. Tamsin V. A made-up survey of metals. Met Lett. 2019;8:20-29."


def _editor_item(year: int = 2016) -> dict[str, object]:
    item = csl_item("Orlov", year, "unused")
    del item["itemData"]["title"]  # type: ignore[index]
    return item


def _three_fields(tmp_path: Path, entries: list[str], middle: dict[str, object]) -> Path:
    return manuscript(
        tmp_path,
        para(
            run("Alloys were studied."),
            complex_field(csl_code([QUILL]), "1", props=SUP),
            run(" Phases were drawn."),
            complex_field(csl_code([middle]), "2", props=SUP),
            run(" Metals were surveyed."),
            complex_field(csl_code([TAMSIN]), "3", props=SUP),
        ),
        entries=entries,
    )


def test_the_entry_the_number_names_holds_the_work_by_its_editor_and_year(
    tmp_path: Path,
) -> None:
    book = "2. Handbook of Imaginary Phases; Orlov P., Ed.; Fable Press: 2016; Vol. 2."
    path = _three_fields(tmp_path, [QUILL_ENTRY, book, TAMSIN_ENTRY], _editor_item())
    assert findings(path) == []


def test_a_renumbered_list_entry_of_another_work_is_not_taken_for_the_field_work(
    tmp_path: Path,
) -> None:
    # entry 2 is another work (the writer deleted Orlov's book and renumbered): the
    # work is missing and entry 2 uncited, not both hidden by the shown "2"
    other = "2. Vance B. A fictional study of glass. Glass Rev. 2014;2:5-9."
    path = _three_fields(tmp_path, [QUILL_ENTRY, other, TAMSIN_ENTRY], _editor_item())
    found = findings(path)
    assert sorted(rule for rule, _ in found) == ["missing-reference", "uncited-reference"]
    assert any("Orlov" in message for rule, message in found if rule == "missing-reference")


def test_the_same_editor_under_another_year_is_another_work(tmp_path: Path) -> None:
    book = "2. Handbook of Imaginary Phases; Orlov P., Ed.; Fable Press: 2009; Vol. 1."
    path = _three_fields(tmp_path, [QUILL_ENTRY, book, TAMSIN_ENTRY], _editor_item(2016))
    assert sorted(rule for rule, _ in findings(path)) == [
        "missing-reference",
        "uncited-reference",
    ]


def test_a_number_no_entry_carries_reports_the_work_by_its_name(tmp_path: Path) -> None:
    # entry 2 deleted by hand, the list keeping its numbers: the missing finding names
    # the work the field holds, not only the number
    path = _three_fields(tmp_path, [QUILL_ENTRY, TAMSIN_ENTRY], _editor_item())
    found = findings(path)
    assert [rule for rule, _ in found] == ["missing-reference"]
    assert "Orlov" in found[0][1]


def test_two_unlinked_works_of_one_field_each_take_the_entry_holding_it(
    tmp_path: Path,
) -> None:
    # the field's code lists the works in another order than its numbers: each is
    # cited by the entry that holds it, whatever the order
    atlas = csl_item("Brenner", 2013, "unused")
    del atlas["itemData"]["title"]  # type: ignore[index]
    entries = [
        "1. Atlas of Pretend Minerals; Brenner K., Ed.; Myth Press: 2013.",
        "2. Handbook of Imaginary Phases; Orlov P., Ed.; Fable Press: 2016; Vol. 2.",
        "3. Tamsin V. A made-up survey of metals. Met Lett. 2019;8:20-29.",
    ]
    path = manuscript(
        tmp_path,
        para(
            run("Phases and minerals were drawn."),
            complex_field(csl_code([_editor_item(), atlas]), "1,2", props=SUP),
            run(" Metals were surveyed."),
            complex_field(csl_code([TAMSIN]), "3", props=SUP),
        ),
        entries=entries,
    )
    data = audit(AuditInput.from_paths([path])).data
    entry_of = {r.id: r.raw[:1] for r in data.references}
    cited = {c.id: c for c in data.citations}
    pairs = sorted(
        (cited[m.citation_id].authors[0], entry_of[t])
        for m in data.matches
        for t in m.targets
        if cited[m.citation_id].authors
    )
    assert pairs == [("Brenner", "1"), ("Orlov", "2"), ("Tamsin", "3")]


def test_a_link_the_shown_number_contradicts_is_missing_when_that_number_names_no_entry(
    tmp_path: Path,
) -> None:
    # the field's work (Tamsin & Oduya 2019) was deleted from the list, entry 3 left
    # without it; the links found the author's other 2019 work (entry 4, "Tamsin V, et
    # al.": its coauthors unlisted), but the field shows "3", which names no entry
    entries = [
        "1. Quill R, Marten S. Invented alloys of the north. J Nowhere. 2012;4:1-9.",
        "2. Vance B. A fictional study of glass. Glass Rev. 2014;2:5-9.",
        "4. Tamsin V, et al. Imaginary furnaces compared. Met Lett. 2019;9:1-8.",
    ]
    deleted = csl_item("Tamsin", 2019, "unused", author=[{"family": "Tamsin"}, {"family": "Oduya"}])
    del deleted["itemData"]["title"]  # type: ignore[index]
    furnaces = csl_item("Tamsin", 2019, "unused")
    del furnaces["itemData"]["title"]  # type: ignore[index]
    path = manuscript(
        tmp_path,
        para(
            run("Alloys"),
            complex_field(csl_code([QUILL]), "1", props=SUP),
            run(" and glass"),
            complex_field(csl_code([VANCE]), "2", props=SUP),
            run(" were studied; metals were surveyed"),
            complex_field(csl_code([deleted]), "3", props=SUP),
            run(" and furnaces compared"),
            complex_field(csl_code([furnaces]), "4", props=SUP),
            run("."),
        ),
        entries=entries,
    )
    found = findings(path)
    assert [rule for rule, _ in found] == ["missing-reference"]
    assert "Oduya" in found[0][1]


def test_years_a_field_shows_are_no_numbers_naming_no_entry(tmp_path: Path) -> None:
    # an author-year field showing only its years after a typed name ("Quill et al.
    # (" field "2012" ")"): its link stands, though no entry is numbered 2012
    path = manuscript(
        tmp_path,
        para(
            run("Alloys were studied by Quill et al. ("),
            complex_field(csl_code([QUILL]), "2012"),
            run(") and metals by Tamsin ("),
            complex_field(csl_code([TAMSIN]), "2019"),
            run(")."),
        ),
        entries=[QUILL_ENTRY, TAMSIN_ENTRY],
    )
    assert findings(path) == []


def test_shown_numbers_that_are_not_the_lists_own_decide_nothing(tmp_path: Path) -> None:
    # a list numbered in another order than the text's numbers (sorted by name): the
    # field showing "1" is entry 2's work, "2" entry 1's; entry 3 (the work shown "3")
    # was deleted. Tamsin's field shows "3", which names no entry: its link stands
    entries = [
        "1. Quill R, Marten S. Invented alloys of the north. J Nowhere. 2012;4:1-9.",
        "2. Vance B. A fictional study of glass. Glass Rev. 2014;2:5-9.",
        "4. Tamsin V. A made-up survey of metals. Met Lett. 2019;8:20-29.",
    ]
    path = manuscript(
        tmp_path,
        para(
            run("Glass"),
            complex_field(csl_code([VANCE]), "1", props=SUP),
            run(" and alloys"),
            complex_field(csl_code([QUILL]), "2", props=SUP),
            run(" were studied; metals were surveyed"),
            complex_field(csl_code([TAMSIN]), "3", props=SUP),
            run("."),
        ),
        entries=entries,
    )
    assert findings(path) == []
