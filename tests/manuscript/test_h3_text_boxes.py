"""Text boxes in a Word manuscript's body (a review's "Box 1", a sidebar, a caption
drawn in a shape): Word shows their text, so their citations are the paper's. Left out,
the only citation of an entry inside a box made that entry "uncited". Word writes a
shape twice (``mc:Choice`` for new Word, ``mc:Fallback`` VML for old): it is read once.
Every document and work here is made up."""

from __future__ import annotations

import zipfile
from pathlib import Path

from citeaudit.manuscript.docx import DocxReader
from tests.manuscript.test_docx_citation_fields import (
    complex_field,
    csl_code,
    csl_item,
    rules,
    run,
)
from tests.manuscript.test_docx_reader import para

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
ENTRIES = [
    "Okafor, N. (2018). Quiet rivers of a made-up delta. Delta Letters, 7, 11-19.",
    "Quenby, A. (2015). Glacier retreat in imaginary valleys. Journal of Nowhere, 3, 1-10.",
    "Vidal, R. (2019). Another made-up paper. Journal of Things, 4, 1-2.",
]


def boxed(*paragraphs: str) -> str:
    """A run holding a shape with a text box, as Word 2010+ writes it: the DrawingML
    shape, and the same text again in the VML fallback."""
    content = "".join(paragraphs)
    return (
        "<w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:shape><v:textbox>"
        f"<w:txbxContent>{content}</w:txbxContent>"
        "</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def document(tmp_path: Path, *body: str, entries: list[str] = ENTRIES) -> Path:
    content = "".join(body) + para(run("References"), style="Heading1")
    content += "".join(para(run(e)) for e in entries)
    path = tmp_path / "boxed.docx"
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<w:document {NAMESPACES}><w:body>{content}</w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return path


def test_a_citation_typed_in_a_text_box_is_read_once(tmp_path: Path) -> None:
    path = document(
        tmp_path,
        para(run("Rivers are quiet (Quenby, 2015; Vidal, 2019)."), boxed()),
        para(
            run("Box 1 says more."),
            boxed(para(run("Box 1. Deltas silt up (Okafor, 2018).")), para(run("See above."))),
            run(" The text goes on."),
        ),
    )
    read = DocxReader().read(path)
    text = "\n".join(line.text for line in read.lines)
    assert text.count("Deltas silt up (Okafor, 2018).") == 1
    assert "Box 1 says more. The text goes on." in text  # the anchor's own text stays whole
    assert len(read.reference_entries) == 3
    assert rules(path) == []  # Okafor was "uncited": its only citation is in the box


def test_a_citation_field_in_a_text_box_and_one_after_it_are_both_read(tmp_path: Path) -> None:
    okafor = csl_item("Okafor", 2018, "Quiet rivers of a made-up delta")
    quenby = csl_item("Quenby", 2015, "Glacier retreat in imaginary valleys")
    vidal = csl_item("Vidal", 2019, "Another made-up paper")
    path = document(
        tmp_path,
        para(
            run("Ice retreats "),
            complex_field(csl_code([quenby]), "(Quenby, 2015)"),
            boxed(para(run("Silt "), complex_field(csl_code([okafor]), "(Okafor, 2018)"))),
            run(" and things change "),
            complex_field(csl_code([vidal]), "(Vidal, 2019)"),
            run("."),
        ),
    )
    fields = DocxReader().read(path).citation_fields
    assert sorted(f.shown for f in fields) == ["(Okafor, 2018)", "(Quenby, 2015)", "(Vidal, 2019)"]
    assert rules(path) == []


def test_a_text_box_in_a_reference_list_field_is_no_entry(tmp_path: Path) -> None:
    bibliography = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> ADDIN ZOTERO_BIBL {} CSL_BIBLIOGRAPHY '
        '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    path = tmp_path / "list.docx"
    body = (
        para(run("Rivers (Okafor, 2018; Quenby, 2015; Vidal, 2019)."))
        + para(run("References"), style="Heading1")
        + para(bibliography, run(ENTRIES[0]), boxed(para(run("Logo of the made-up press"))))
        + para(run(ENTRIES[1]))
        + para(run(ENTRIES[2]), end)
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<w:document {NAMESPACES}><w:body>{body}</w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    read = DocxReader().read(path)
    assert [e.text.split(",")[0] for e in read.reference_entries] == ["Okafor", "Quenby", "Vidal"]
    assert rules(path) == []


def test_a_footnotes_text_box_is_read_once_and_a_deleted_box_not_at_all(tmp_path: Path) -> None:
    deleted = (
        '<w:del w:id="9" w:author="A"><w:r><w:pict><v:shape><v:textbox><w:txbxContent>'
        + para(run("Struck out (Vidal, 2019)."))
        + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:del>"
    )
    notes = (
        f'<w:footnotes {NAMESPACES}><w:footnote w:id="1">'
        + para(run("A note."), boxed(para(run("Noted in a box (Okafor, 2018)."))))
        + "</w:footnote></w:footnotes>"
    ).encode()
    path = document(tmp_path, para(run("Ice (Quenby, 2015)."), deleted))
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("word/footnotes.xml", notes)
    read = DocxReader().read(path)
    text = "\n".join(line.text for line in read.lines)
    assert text.count("Noted in a box (Okafor, 2018).") == 1
    assert "Struck out" not in text
    # Vidal: cited only in a deletion, a tracked change not accepted -- said once
    assert rules(path) == ["uncited-reference", "unreadable-input"]
