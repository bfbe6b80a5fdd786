"""acc21: a citation field whose shown text gives its work's first author another year
than the field's data, a year another entry of those authors holds: the reader follows
the text ("(Jahn and Kusber 2012)" with Zotero's data naming Jahn & Kusber 2004, the
list holding both works). Made-up documents built here; no binaries committed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.docx import DocxReader
from tests.manuscript.test_docx_reader import para, raw_docx
from tests.manuscript.test_docx_reader import run as raw_run

ENTRIES = [
    "Orlanda R, Pressel W-H (2004) Algae of a made-up collection. Imaginary Botany 34: 577-595.",
    "Orlanda R, Pressel W-H (Eds) Made-up algae database. http://example.org/algae "
    "[accessed 30.10.2012]",
    "Quenby A (2015) Glacier retreat in imaginary valleys. Journal of Nowhere 3: 1-10.",
]


def run(text: str) -> str:
    return raw_run(escape(text))


def zotero(items: list[tuple[list[str], int]], shown: str) -> str:
    data: dict[str, Any] = {
        "citationID": "abc",
        "properties": {"formattedCitation": shown, "plainCitation": shown, "noteIndex": 0},
        "citationItems": [
            {
                "id": k,
                "uris": [f"http://zotero.org/users/local/x/items/{k}"],
                "itemData": {
                    "id": k,
                    "type": "article-journal",
                    "author": [{"family": n} for n in names],
                    "issued": {"date-parts": [[year]]},
                },
            }
            for k, (names, year) in enumerate(items, start=1)
        ],
    }
    code = " ADDIN ZOTERO_ITEM CSL_CITATION " + json.dumps(data) + " "
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{escape(code)}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run(shown)
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def manuscript(tmp_path: Path, shown: str) -> Path:
    body = para(
        run("Ehrenberg's algae were typified by "),
        zotero([(["Orlanda", "Pressel"], 2004)], "Orlanda and Pressel (2004)"),
        run("."),
    )
    body += para(
        run("Names follow the database "),
        zotero([(["Orlanda", "Pressel"], 2004)], shown),
        run(" and ice "),
        zotero([(["Quenby"], 2015)], "(Quenby 2015)"),
        run("."),
    )
    body += para(run("References"), style="Heading1")
    body += "".join(para(run(e)) for e in ENTRIES)
    return raw_docx(tmp_path / "m.docx", body)


def findings(path: Path) -> list[tuple[str, str]]:
    return [
        (f.rule, f.message)
        for f in audit(AuditInput.from_paths([path])).findings
        if f.rule in ("uncited-reference", "missing-reference", "citation-year-mismatch")
    ]


def test_the_shown_year_of_another_entry_of_the_authors_cites_that_entry(tmp_path: Path) -> None:
    assert findings(manuscript(tmp_path, "(Orlanda and Pressel 2012)")) == []


def test_a_shown_year_no_entry_holds_leaves_the_fields_link(tmp_path: Path) -> None:
    # 2013 is no year of any Orlanda entry: the field's work stands (a year slip)
    path = manuscript(tmp_path, "(Orlanda and Pressel 2013)")
    fields = DocxReader().read(path).citation_fields
    assert [i.entry for f in fields for i in f.items] == [1, 1, 3]


def test_the_shown_year_relinks_the_field(tmp_path: Path) -> None:
    path = manuscript(tmp_path, "(Orlanda and Pressel 2012)")
    fields = DocxReader().read(path).citation_fields
    assert [i.entry for f in fields for i in f.items] == [1, 2, 3]


PAIR_ENTRIES = [
    "Schumer MC, Bolduin IT (2012) Asking a made-up ecosystem. Imaginary Press, Cambridge.",
    "Schumer MC, Bartelt K, Bolduin IT (2012) Made-up volatiles as defenses. Fjord Letters 1: 7.",
]


def pair_manuscript(tmp_path: Path) -> Path:
    three = (["Schumer", "Bartelt", "Bolduin"], 2012)
    body = para(
        run("Reviewed in "), zotero([three], "(Schumer and Bolduin 2012)"), run(", and shown ")
    )
    body += para(run("in the field "), zotero([three], "(Schumer et al. 2012)"), run("."))
    body += para(run("References"), style="Heading1")
    body += "".join(para(run(e)) for e in PAIR_ENTRIES)
    return raw_docx(tmp_path / "p.docx", body)


def test_two_names_shown_for_a_three_author_work_cite_the_two_author_entry(
    tmp_path: Path,
) -> None:
    path = pair_manuscript(tmp_path)
    fields = DocxReader().read(path).citation_fields
    assert [i.entry for f in fields for i in f.items] == [1, 2]
    assert findings(path) == []


def test_another_works_pair_in_the_same_field_leaves_the_link(tmp_path: Path) -> None:
    # "Schumer and Bolduin, 2009" is another work's piece of the field: the three-author
    # 2012 work keeps its own entry
    entries = [
        "Schumer MC, Bolduin IT (2009) A made-up review. Imaginary Press, Cambridge.",
        PAIR_ENTRIES[1],
    ]
    three = (["Schumer", "Bartelt", "Bolduin"], 2012)
    body = para(
        run("Volatiles "),
        zotero(
            [(["Schumer", "Bolduin"], 2009), three],
            "(Schumer and Bolduin, 2009; Schumer et al., 2012)",
        ),
        run("."),
    )
    body += para(run("References"), style="Heading1") + "".join(para(run(e)) for e in entries)
    path = raw_docx(tmp_path / "q.docx", body)
    fields = DocxReader().read(path).citation_fields
    assert [i.entry for f in fields for i in f.items] == [1, 2]
