"""Word's own CITATION fields (sources in customXml) and Citavi's placeholders as the
citations' source: the work each names is linked to its entry, whatever Word shows.
Every document and work here is made up, in the shapes Word and Citavi write."""

from __future__ import annotations

import base64
import json
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from citeaudit.manuscript.docx import DocxReader
from tests.manuscript.test_docx_citation_fields import (
    ENTRIES,
    complex_field,
    findings,
    rules,
    run,
)
from tests.manuscript.test_docx_reader import W, para

BIB = "http://schemas.openxmlformats.org/officeDocument/2006/bibliography"


def source(tag: str, year: str, title: str, *last: str, corporate: str = "", doi: str = "") -> str:
    if corporate:
        people = f"<b:Corporate>{escape(corporate)}</b:Corporate>"
    else:
        names = "".join(
            f"<b:Person><b:Last>{escape(n)}</b:Last><b:First>A</b:First></b:Person>" for n in last
        )
        people = f"<b:NameList>{names}</b:NameList>"
    return (
        f"<b:Source><b:Tag>{escape(tag)}</b:Tag><b:SourceType>JournalArticle</b:SourceType>"
        f"<b:Author><b:Author>{people}</b:Author></b:Author><b:Title>{escape(title)}</b:Title>"
        f"<b:Year>{year}</b:Year>"
        + (f"<b:DOI>{escape(doi)}</b:DOI>" if doi else "")
        + "</b:Source>"
    )


def sources_part(*sources: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="no"?><b:Sources SelectedStyle="APA" '
        f'xmlns:b="{BIB}" xmlns="{BIB}">{"".join(sources)}</b:Sources>'
    ).encode()


QUENBY = source("Que15", "2015", "Glacier retreat in imaginary valleys", "Quenby", "Marsh")
VASQUEZ = source("Vas18", "2018", "Sediment budgets of a fictional delta", "Vasquez-Ortega")
ABSENT = source("Zor01", "2001", "A book the list forgot", "Zorander")


def document(
    tmp_path: Path, body: str, parts: dict[str, bytes], entries: list[str] = ENTRIES
) -> Path:
    content = body + para(run("References"), style="Heading1")
    content += "".join(para(run(e)) for e in entries)
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}"><w:body>{content}</w:body></w:document>'
    )
    path = tmp_path / "m.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def sdt(inner: str, tag: str = "") -> str:
    """An inline content control, as Word and Citavi wrap their citations."""
    props = f'<w:tag w:val="{escape(tag)}"/>' if tag else "<w:citation/>"
    return f"<w:sdt><w:sdtPr>{props}</w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>"


# -- Word -------------------------------------------------------------------------------


def test_word_citation_fields_link_their_sources_whatever_the_text_says(tmp_path: Path) -> None:
    # the shown text was edited: names misspelt, a year wrong; one field names two sources
    path = document(
        tmp_path,
        para(
            run("Ice shrank "),
            sdt(complex_field(" CITATION Que15 \\l 1033  \\m Vas18", "(Quenbi 2016; Vaskez 2018)")),
        )
        + para(run("And a third one, cited by hand (Ibsen, 2020).")),
        {"customXml/item1.xml": sources_part(QUENBY, VASQUEZ)},
    )
    fields = DocxReader().read(path).citation_fields
    assert [(f.manager, [i.entry for i in f.items]) for f in fields] == [("Word", [1, 2])]
    assert rules(path) == []


def test_a_word_source_the_list_lacks_is_missing_and_named(tmp_path: Path) -> None:
    path = document(
        tmp_path,
        para(run("Ice "), sdt(complex_field(" CITATION Zor01 \\l 1033 ", "(Zorander, 2001)")))
        + para(run("More (Quenby & Marsh, 2015; Vasquez-Ortega, 2018; Ibsen, 2020).")),
        {
            "customXml/item1.xml": b"<ds:datastoreItem xmlns:ds='urn:x'/>",  # another custom part
            "customXml/item2.xml": sources_part(QUENBY, VASQUEZ, ABSENT),
        },
    )
    found = findings(path)
    assert [rule for rule, _ in found] == ["missing-reference"]
    assert "Zorander 2001" in found[0][1] and "A book the list forgot" in found[0][1]


def test_a_word_tag_without_a_source_is_read_from_its_text(tmp_path: Path) -> None:
    # no sources part at all (a copy pasted from another document): the text decides
    path = document(
        tmp_path,
        para(run("Ice "), sdt(complex_field(" CITATION Que15 \\l 1033 ", "(Quenby & Marsh, 2015)")))
        + para(run("More (Vasquez-Ortega, 2018; Ibsen, 2020).")),
        {},
    )
    assert [f.items for f in DocxReader().read(path).citation_fields] == [()]
    assert rules(path) == []


def test_hostile_sources_parts_are_passed_over(tmp_path: Path) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE b:Sources [<!ENTITY x SYSTEM "file:///etc/passwd">'
        b"<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;'>]>"
        + f'<b:Sources xmlns:b="{BIB}">'.encode()
        + b"<b:Source><b:Tag>Que15</b:Tag><b:Title>&x;&b;</b:Title></b:Source></b:Sources>"
    )
    many = sources_part(*(source(f"T{n}", "2015", "x", "Quenby") for n in range(12_000)))
    path = document(
        tmp_path,
        para(run("Ice "), sdt(complex_field(" CITATION Que15 \\l 1033 ", "(Quenby & Marsh, 2015)")))
        + para(run("More (Vasquez-Ortega, 2018; Ibsen, 2020)."))
        + para(run("Bad "), complex_field(' CITATION "" \\l 1033', "(Quenby, 2015)")),
        {
            "customXml/item1.xml": bomb,
            "customXml/item2.xml": b"<b:Sources",  # damaged
            "customXml/item3.xml": many,
        },
    )
    found = findings(path)
    assert "missing-reference" not in [rule for rule, _ in found]
    assert not any("passwd" in message or "root:" in message for _, message in found)


def test_a_word_organisation_source_links_its_entry(tmp_path: Path) -> None:
    entries = [*ENTRIES, "Fictional Glacier Board. (2019). Annual ice report. Board Press."]
    board = source("Fic19", "2019", "Annual ice report", corporate="Fictional Glacier Board")
    path = document(
        tmp_path,
        para(run("Ice "), sdt(complex_field(" CITATION Fic19 \\l 2057 ", "(FGB, 2019)")))
        + para(run("More (Quenby & Marsh, 2015; Vasquez-Ortega, 2018; Ibsen, 2020).")),
        {"customXml/item1.xml": sources_part(board)},
        entries=entries,
    )
    fields = DocxReader().read(path).citation_fields
    assert [i.entry for i in fields[0].items] == [4]
    assert rules(path) == []


# -- Citavi -----------------------------------------------------------------------------


def citavi_code(*references: dict[str, Any]) -> str:
    """A placeholder's code as Citavi writes it: base64 of Json.NET's JSON, with
    "$id" on each object and "$ref" for one met before."""
    entries = [
        {"$id": str(10 + n), "Id": f"e{n}", "ReferenceId": f"r{n}", "Reference": reference}
        for n, reference in enumerate(references)
    ]
    data = {
        "$id": "1",
        "$type": "SwissAcademic.Citavi.Citations.WordPlaceholder, SwissAcademic.Citavi",
        "Entries": entries,
        "Tag": "CitaviPlaceholder#0a1b",
        "Text": "",
    }
    payload = base64.b64encode(json.dumps(data).encode("utf-8-sig")).decode()
    return f" ADDIN CitaviPlaceholder{{{payload}}}"


def reference(ref_id: str, year: str, title: str, *last: str, doi: str = "") -> dict[str, Any]:
    return {
        "$id": ref_id,
        "$type": "SwissAcademic.Citavi.Reference, SwissAcademic.Citavi",
        "Authors": [
            {"$id": f"{ref_id}p{n}", "FirstName": "A.", "LastName": name}
            for n, name in enumerate(last)
        ],
        "Year": year,
        "Title": title,
        "Doi": doi,
    }


def test_a_citavi_placeholder_links_its_works(tmp_path: Path) -> None:
    quenby = reference("2", "2015", "Glacier retreat in imaginary valleys", "Quenby", "Marsh")
    vasquez = reference("3", "2018", "Sediment budgets of a fictional delta", "Vasquez-Ortega")
    again = {"$ref": "3"}  # Json.NET: the same reference met before
    code = citavi_code(quenby, vasquez, again)
    path = document(
        tmp_path,
        para(
            run("Ice shrank "),
            sdt(
                complex_field(code, "(Quenbi 2016; Vaskez 2018)", pieces=7),
                "CitaviPlaceholder#0a1b",
            ),
        )
        + para(run("And a third one, cited by hand (Ibsen, 2020).")),
        {},
    )
    fields = DocxReader().read(path).citation_fields
    assert [(f.manager, [i.entry for i in f.items]) for f in fields] == [("Citavi", [1, 2, 2])]
    assert rules(path) == []


def test_a_citavi_work_the_list_lacks_is_missing(tmp_path: Path) -> None:
    absent = reference("2", "2015", "Moraines of a fictional plateau", "Quenby", "Ortega")
    path = document(
        tmp_path,
        para(run("Ice "), sdt(complex_field(citavi_code(absent), "(Quenby & Ortega 2015)")))
        + para(run("More (Quenby & Marsh, 2015; Vasquez-Ortega, 2018; Ibsen, 2020).")),
        {},
    )
    found = findings(path)
    assert [rule for rule, _ in found] == ["missing-reference"]
    assert "Quenby & Ortega 2015" in found[0][1]


def test_damaged_citavi_codes_fall_back_to_the_text(tmp_path: Path) -> None:
    deep = base64.b64encode(b'{"Entries": ' + b"[" * 100_000 + b"]}").decode()
    path = document(
        tmp_path,
        para(run("A "), complex_field(" ADDIN CitaviPlaceholder{!!not base64}", "(Quenby, 2015)"))
        + para(run("B "), complex_field(f" ADDIN CitaviPlaceholder{{{deep}}}", "(Ibsen, 2020)"))
        + para(run("More (Vasquez-Ortega, 2018).")),
        {},
    )
    found = findings(path)
    problems = [message for rule, message in found if rule == "unreadable-input"]
    assert len(problems) == 1 and "Citavi" in problems[0] and "1 more" in problems[0]
    assert "missing-reference" not in [rule for rule, _ in found]
