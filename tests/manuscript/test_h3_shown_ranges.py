"""Whether a document's numbered fields show their list's own numbers is judged field
by field: a field agrees when every number it shows labels an entry its works are
linked to. A field showing the start of a range ("14") with the range's end typed after
it ("−23") names more works than it shows; counted work by work, its eight unshown works
"disagreed" and the document was taken for a list numbered in another order, so a book
entry opening with its title (cited by the number alone) was "uncited" and its work
"missing". Every document and work here is made up."""

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

SUP = '<w:vertAlign w:val="superscript"/>'
NAMES = ["Quill", "Tamsin", "Vance", "Wexler", "Yardley", "Zorn", "Abbot", "Brill"]
ITEMS = [
    csl_item(n, 2010 + k, f"Made-up study number {k + 1} of alloys") for k, n in enumerate(NAMES)
]
ENTRIES = [
    f"{k + 1}. {n} R. Made-up study number {k + 1} of alloys. J Nowhere. {2010 + k};4:1-9."
    for k, n in enumerate(NAMES)
]
BOOK_ENTRY = "9. Handbook of Imaginary Phases; Orlov P., Ed.; Fable Press: 2016; Vol. 2."


def _editor_item() -> dict[str, object]:
    item = csl_item("Orlov", 2016, "unused")
    del item["itemData"]["title"]  # type: ignore[index]
    return item


def test_a_field_showing_a_range_start_agrees_with_the_list(tmp_path: Path) -> None:
    path = manuscript(
        tmp_path,
        para(
            run("Alloys were studied."),
            complex_field(csl_code([ITEMS[0]]), "1", props=SUP),
            run(" and surveyed"),
            complex_field(csl_code([ITEMS[1]]), "2", props=SUP),
            run(". Many followed"),
            complex_field(csl_code(ITEMS[2:8]), "3", props=SUP),
            run("\u22128", props=SUP),
            run(". Phases were drawn."),
            complex_field(csl_code([_editor_item()]), "9", props=SUP),
        ),
        entries=[*ENTRIES, BOOK_ENTRY],
    )
    assert findings(path) == []


def test_a_list_in_another_order_than_the_shown_numbers_still_disagrees(tmp_path: Path) -> None:
    # the list is sorted by name: the fields show citation order, not the labels
    order = sorted(range(8), key=lambda k: NAMES[k])
    entries = [
        f"{rank + 1}. {NAMES[k]} R. Made-up study number {k + 1} of alloys. J Nowhere. "
        f"{2010 + k};4:1-9."
        for rank, k in enumerate(order)
    ]
    body = [run("Alloys were studied.")]
    for k in range(8):
        body += [complex_field(csl_code([ITEMS[k]]), str(k + 1), props=SUP), run(" and ")]
    # a field showing 9 whose work the list lacks: 9 names no entry
    body += [complex_field(csl_code([_editor_item()]), "9", props=SUP), run(".")]
    path = manuscript(tmp_path, para(*body), entries=entries)
    rules = sorted(rule for rule, _ in findings(path))
    assert rules == ["missing-reference"]
