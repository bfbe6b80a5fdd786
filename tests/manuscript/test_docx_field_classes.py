"""Word citation fields: classes of wrong links and messages found on the real-article
bench's DOCX rendering, each rebuilt here from made-up works in the shapes Zotero writes."""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.docx import DocxReader
from tests.manuscript.test_docx_citation_fields import (
    complex_field,
    csl_code,
    csl_item,
    findings,
    manuscript,
    para,
    people,
    run,
)


def test_a_field_year_mismatch_quotes_the_shown_text_not_an_internal_key(
    tmp_path: Path,
) -> None:
    # the field links Quenby 2015 (internally "ref-1"); the reader sees "(Quenby 2016)"
    quenby = csl_item("Quenby", 2015, "Glacier retreat in imaginary valleys")
    path = manuscript(
        tmp_path,
        para(run("Ice shrank "), complex_field(csl_code([quenby]), "(Quenby 2016)")),
        para(run("More (Vasquez-Ortega, 2018; Ibsen, 2020).")),
    )
    found = findings(path)
    assert [rule for rule, _ in found] == ["citation-year-mismatch"]
    message = found[0][1]
    assert "(Quenby 2016)" in message
    assert "ref-" not in message and "key" not in message


def test_a_second_author_never_leads_an_entry_without_initials(tmp_path: Path) -> None:
    # the list's only Marsh work is Quenby & Marsh's; Marsh's own 2015 book is not
    # listed: "Quenby & Marsh" must not be read as led by Marsh
    entries = [
        "Quenby & Marsh (2015). Glacier retreat in imaginary valleys. Journal of Nowhere, 3.",
        "Vasquez-Ortega, L. (2018). Sediment budgets of a fictional delta. Delta Letters, 7.",
    ]
    quenby = csl_item("Quenby", 2015, "", author=people("Quenby", "Marsh"))
    marsh = csl_item("Marsh", 2015, "")
    path = manuscript(
        tmp_path,
        para(run("Ice "), complex_field(csl_code([quenby]), "(Quenby & Marsh, 2015)")),
        para(run("Snow "), complex_field(csl_code([marsh]), "(Marsh, 2015)")),
        para(run("More (Vasquez-Ortega, 2018).")),
        entries=entries,
    )
    fields = DocxReader().read(path).citation_fields
    assert [i.entry for f in fields for i in f.items] == [1, None]
    assert [rule for rule, _ in findings(path)] == ["missing-reference"]


def test_an_organisation_whose_name_holds_and_still_leads_its_entry(tmp_path: Path) -> None:
    entries = [
        "Fen and Moorland Survey Bureau (2019). Peat depths of a made-up county. Report 4.",
        "Vasquez-Ortega, L. (2018). Sediment budgets of a fictional delta. Delta Letters, 7.",
    ]
    bureau = csl_item("", 2019, "", author=[{"literal": "Fen and Moorland Survey Bureau"}])
    path = manuscript(
        tmp_path,
        para(run("Peat "), complex_field(csl_code([bureau]), "(Fen and Moorland Survey, 2019)")),
        para(run("More (Vasquez-Ortega, 2018).")),
        entries=entries,
    )
    fields = DocxReader().read(path).citation_fields
    assert [i.entry for f in fields for i in f.items] == [1]
