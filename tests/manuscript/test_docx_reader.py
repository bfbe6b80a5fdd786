from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from citeaudit.errors import InputError
from citeaudit.manuscript.docx import MAX_UNPACKED_BYTES, DocxReader
from citeaudit.manuscript.reading import read_manuscript

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def notes_part(kind: str, texts: list[str]) -> bytes:
    body = "".join(
        f'<w:{kind} w:id="{i}"><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:{kind}>'
        for i, t in enumerate(texts, start=1)
    )
    separator = (
        f'<w:{kind} w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
    )
    return f'<w:{kind}s xmlns:w="{W}">{separator}{body}</w:{kind}s>'.encode()


def build(
    path: Path, paragraphs: list[tuple[str | None, str]], extra: dict[str, bytes] | None = None
) -> Path:
    """A .docx from (style, text) pairs; `extra` parts are added to the ZIP as they are."""
    document = docx.Document()
    for style, text in paragraphs:
        if style == "table":
            table = document.add_table(rows=1, cols=2)
            table.rows[0].cells[0].text, table.rows[0].cells[1].text = text.split("|")
        elif style == "bold":
            document.add_paragraph().add_run(text).bold = True
        elif style:
            document.add_paragraph(text, style=style)
        else:
            document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer, "a") as archive:
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def test_example_docx(examples: Path) -> None:
    document = read_manuscript(examples / "docx" / "manuscript.docx")
    assert document.format == "docx"
    assert len(document.reference_entries) == 9
    assert document.reference_entries[0].text.startswith("Badan Pusat Statistik. (2023).")
    assert document.reference_heading is not None
    heading = document.reference_heading.line
    assert heading is not None
    assert [e.location.line for e in document.reference_entries] == list(
        range(heading + 1, heading + 10)
    )
    body = [line for line in document.lines if not line.file.endswith("#footnotes")]
    assert any(line.text.startswith("Appendix A") for line in body)  # the list ends at the appendix
    assert any(line.text == "Badan Pusat Statistik (2023)" for line in body)  # a table cell
    footnotes = [line for line in document.lines if line.file.endswith("#footnotes")]
    assert len(footnotes) == 1 and "Mahendra and Lim (2016)" in footnotes[0].text
    assert footnotes[0].number == 1


def test_paragraph_numbers_tables_and_notes(tmp_path: Path) -> None:
    path = build(
        tmp_path / "a.docx",
        [
            (None, "First (Smith, 2019)."),
            ("table", "cell one (Lee, 2020)|cell two"),
            ("Heading 1", "Bibliografía"),
            (None, "Smith, J. (2019). Title. Journal."),
            (None, "Lee, K. (2020). Book. Press."),
        ],
        {
            "word/footnotes.xml": notes_part("footnote", ["See Kim (2001).", "Also Wu (2002)."]),
            "word/endnotes.xml": notes_part("endnote", ["End (Ng, 2003)."]),
        },
    )
    document = DocxReader().read(path)
    body = [(line.number, line.text) for line in document.lines if line.file == str(path)]
    assert body == [(1, "First (Smith, 2019)."), (2, "cell one (Lee, 2020)"), (3, "cell two")]
    assert [e.location.line for e in document.reference_entries] == [5, 6]
    notes = [(line.file.rsplit("#", 1)[1], line.number, line.text) for line in document.lines[3:]]
    assert notes == [
        ("footnotes", 1, "See Kim (2001)."),
        ("footnotes", 2, "Also Wu (2002)."),
        ("endnotes", 1, "End (Ng, 2003)."),
    ]


def test_bold_paragraph_heading(tmp_path: Path) -> None:
    path = build(
        tmp_path / "b.docx",
        [
            (None, "Body."),
            ("bold", "Daftar Pustaka"),
            (None, "Ade, P. (2025). Judul. Jurnal."),
            ("bold", "Lampiran"),
            (None, "x"),
        ],
    )
    document = DocxReader().read(path)
    assert [e.text for e in document.reference_entries] == ["Ade, P. (2025). Judul. Jurnal."]
    assert [line.text for line in document.lines] == ["Body.", "Lampiran", "x"]


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(InputError, match=r"not a DOCX file: not a ZIP archive \(an old \.doc"):
        read_manuscript(path)


def test_zip_without_document(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match=r"no word/document\.xml") as caught:
        read_manuscript(path)
    assert caught.value.file == str(path)


def test_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<x/>")
        archive.writestr("word/padding.bin", b"\x00" * (MAX_UNPACKED_BYTES // 8))
    with pytest.raises(InputError, match="ZIP bomb"):
        DocxReader().read(path)


def test_damaged_document_xml(tmp_path: Path) -> None:
    path = build(tmp_path / "ok.docx", [(None, "x")])
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(broken, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, b"<w:document><unclosed" if name == "word/document.xml" else data)
    with pytest.raises(InputError, match=r"damaged DOCX"):
        DocxReader().read(broken)


def test_damaged_footnotes_are_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = build(tmp_path / "f.docx", [(None, "Body.")], {"word/footnotes.xml": b"<w:footnotes"})
    document, problems = DocxReader().read_with_problems(path)
    assert [line.text for line in document.lines] == ["Body."]
    assert len(problems) == 1 and "footnotes.xml is damaged" in problems[0].message


# -- Word files as Word and reference managers write them ----------------------------


def raw_docx(path: Path, body: str, extra: dict[str, bytes] | None = None) -> Path:
    """A minimal .docx whose body is the given WordprocessingML paragraphs."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def run(text: str, props: str = "") -> str:
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


SUP = '<w:vertAlign w:val="superscript"/>'


def para(*runs: str, style: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def test_superscript_runs_are_recorded_as_spans(tmp_path: Path) -> None:
    path = raw_docx(
        tmp_path / "s.docx",
        para(run("Rates rose sharply"), run("3,4", SUP), run(" and fell"), run("5", SUP), run(".")),
    )
    line = DocxReader().read(path).lines[0]
    assert line.text == "Rates rose sharply3,4 and fell5."
    assert [line.text[a:b] for a, b in line.superscripts] == ["3,4", "5"]


def test_superscript_character_style(tmp_path: Path) -> None:
    styles = (
        f'<w:styles xmlns:w="{W}"><w:style w:type="character" w:styleId="CiteSup">'
        f'<w:name w:val="Cite Sup"/><w:rPr>{SUP}</w:rPr></w:style></w:styles>'
    )
    path = raw_docx(
        tmp_path / "c.docx",
        para(run("Known"), run("12", '<w:rStyle w:val="CiteSup"/>'), run(" since.")),
        {"word/styles.xml": styles.encode()},
    )
    line = DocxReader().read(path).lines[0]
    assert [line.text[a:b] for a, b in line.superscripts] == ["12"]


ZOTERO_JSON = '{"citationID":"a1","citationItems":[{"itemData":{"title":"Never shown"}}]}'


def complex_field(instruction: str, result_runs: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{instruction}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{result_runs}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def test_zotero_fields_give_their_visible_result_not_the_code(tmp_path: Path) -> None:
    body = para(
        run("As found before "),
        complex_field(f"ADDIN ZOTERO_ITEM CSL_CITATION {ZOTERO_JSON}", run("(Okafor, 2018)")),
        run(" and "),
        '<w:fldSimple w:instr="ADDIN ZOTERO_ITEM CSL_CITATION {}">'
        f"{run('(Berg, 2020)')}</w:fldSimple>",
        run("."),
    )
    text = DocxReader().read(raw_docx(tmp_path / "z.docx", body)).lines[0].text
    assert text == "As found before (Okafor, 2018) and (Berg, 2020)."
    assert "citationID" not in text and "Never shown" not in text


def test_field_bibliography_without_heading_is_the_reference_list(tmp_path: Path) -> None:
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> ADDIN ZOTERO_BIBL {"uncited":[]} '
        "CSL_BIBLIOGRAPHY </w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    body = (
        para(run("Body citing (Okafor, 2018) and (Berg, 2020)."))
        + para(run("Bibliography"))
        + f"<w:p>{begin}{run('Berg, L. (2020). A made-up book. Press.')}</w:p>"
        + para(run("Okafor, N. (2018). A made-up paper. Journal, 1, 1-9."))
        + f"<w:p>{run('Tan, W. (2001). Uncited. Press.')}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        + para(run("Appendix text after the field."))
    )
    document = DocxReader().read(raw_docx(tmp_path / "b.docx", body))
    assert [e.text[:5] for e in document.reference_entries] == ["Berg,", "Okafo", "Tan, "]
    assert [e.location.line for e in document.reference_entries] == [3, 4, 5]
    assert all(e.location.unit == "paragraph" for e in document.reference_entries)
    body_texts = [line.text for line in document.lines]
    assert "Appendix text after the field." in body_texts
    assert not any(t.startswith("Berg, L.") for t in body_texts)


def test_mendeley_bibliography_control(tmp_path: Path) -> None:
    body = para(run("Text (Okafor, 2018).")) + (
        '<w:sdt><w:sdtPr><w:tag w:val="MENDELEY_BIBLIOGRAPHY"/></w:sdtPr><w:sdtContent>'
        + para(run("Okafor, N. (2018). A made-up paper. Journal, 1, 1-9."))
        + "</w:sdtContent></w:sdt>"
    )
    document = DocxReader().read(raw_docx(tmp_path / "m.docx", body))
    assert [e.text[:7] for e in document.reference_entries] == ["Okafor,"]


def test_deleted_hidden_and_text_box_text_is_left_out(tmp_path: Path) -> None:
    body = para(
        run("Kept "),
        f"<w:del>{run('(Gone, 2001) ')}</w:del>",
        run("(Hidden, 2002) ", "<w:vanish/>"),
        run("(Shown, 2003)"),
    )
    text = DocxReader().read(raw_docx(tmp_path / "d.docx", body)).lines[0].text
    assert text == "Kept (Shown, 2003)"


def test_locations_are_paragraphs_with_the_sentence_quoted(tmp_path: Path) -> None:
    body = para(run("Intro.")) + para(
        run("First sentence here. Rates differ across regions (Okafor, 2018). Last one.")
    )
    document = DocxReader().read(raw_docx(tmp_path / "l.docx", body))
    offset = document.text.index("(Okafor")
    location = document.location_at(offset)
    assert (location.line, location.unit) == (2, "paragraph")
    assert location.excerpt == "Rates differ across regions (Okafor, 2018)."
    assert str(location).endswith("paragraph 2 “Rates differ across regions (Okafor, 2018).”")


def test_superscript_citations_end_to_end(tmp_path: Path) -> None:
    from citeaudit.audit import AuditInput, audit

    refs = [f"{n}. Author{n} A. A made-up title {n}. J Made Up. 2019;{n}:1-9." for n in range(1, 6)]
    body = (
        para(run("Obesity is common"), run("1,2", SUP), run(" and rising"), run("3", SUP), run("."))
        + para(run("Costs grow"), run("4", SUP), run(" in 5 m"), run("2", SUP), run(" plots."))
        + para(run("References"), style="Heading1")
        + "".join(para(run(r)) for r in refs)
    )
    styles = (
        f'<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="Heading1">'
        '<w:name w:val="heading 1"/></w:style></w:styles>'
    )
    path = raw_docx(tmp_path / "v.docx", body, {"word/styles.xml": styles.encode()})
    result = audit(AuditInput.from_paths([path]))
    uncited = [f for f in result.findings if f.rule == "uncited-reference"]
    assert [f.location.line for f in uncited] == [8]  # entry 5, paragraph 8
    assert not [f for f in result.findings if f.rule == "missing-reference"]


def test_bibliography_style_paragraphs_are_the_list_without_a_heading(tmp_path: Path) -> None:
    """Pandoc (R Markdown, Quarto) writes the list last, headless, in "Bibliography" style."""
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    if "Bibliography" not in [s.name for s in document.styles]:
        document.styles.add_style("Bibliography", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Results", style="Heading 1")
    document.add_paragraph("Rodents breed fast (Okafor and Mbeki 2007; Tanaka 2019).")
    document.add_paragraph("Supplementary material", style="Heading 2")
    document.add_paragraph("Table S1 lists the sites.")
    document.add_paragraph("Reference", style="Bibliography")  # its title, same style
    document.add_paragraph(
        "Okafor, Ada, and Ben Mbeki. 2007. “Fast Rodents.” Field Notes 3: 1–9.",
        style="Bibliography",
    )
    document.add_paragraph(
        "Tanaka, Hiro. 2019. Slow Rodents. Kyoto: Mouse Press.", style="Bibliography"
    )
    path = tmp_path / "pandoc.docx"
    document.save(str(path))
    read = read_manuscript(path)
    assert [e.text[:6] for e in read.reference_entries] == ["Okafor", "Tanaka"]
    body = " ".join(line.text for line in read.lines)
    assert "Table S1 lists the sites." in body and "Mouse Press" not in body


def test_back_matter_closing_a_bibliography_field_is_no_entry(tmp_path: Path) -> None:
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> ADDIN EN.REFLIST </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    body = (
        para(run("Body citing [1] and [2]."))
        + para(run("References"))
        + f"<w:p>{begin}{run('1. Berg, L. A made-up book. Press: 2020.')}</w:p>"
        + para(run("2. Okafor, N. A made-up paper. Journal 2018, 1, 1-9."))
        + '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + run("Disclaimer/Publisher’s Note: The statements are solely those of the authors.")
        + "</w:p>"
    )
    document = DocxReader().read(raw_docx(tmp_path / "d.docx", body))
    assert [e.text[:8] for e in document.reference_entries] == ["1. Berg,", "2. Okafo"]
    assert any(line.text.startswith("Disclaimer/") for line in document.lines)


def test_an_entry_split_over_word_paragraphs_is_one_entry(tmp_path: Path) -> None:
    path = build(
        tmp_path / "split.docx",
        [
            (None, "Text citing (Okafor, 2018), (Berg et al., 2020) and (Tan, 2001)."),
            ("Heading 1", "References"),
            (None, "Berg, L., Marr, T., & Ash, P. (2020)."),
            (
                None,
                "Second-order tides: Made-up rigor in harbours. Harbour Letters, 13 (3), e12.",
            ),
            (None, "Okafor, N. (2018). A made-up paper on quiet rivers."),
            (None, "Advances in Made-up Studies, 2515245918. doi:10.1234/made.up"),
            (None, "Tan, W. (2001). A made-up book (2nd ed.)."),
            (None, "Boca Nueva: Lantern Press."),
            (None, "Vidal, R. (2019). Another made-up paper. Journal of Things, 4, 1-2."),
            (None, "Figure 1. A map of the made-up harbour."),
        ],
    )
    document = DocxReader().read(path)
    assert [e.text.split(",")[0] for e in document.reference_entries] == [
        "Berg",
        "Okafor",
        "Tan",
        "Vidal",
    ]
    assert "Boca Nueva: Lantern Press." in document.reference_entries[2].text
    assert any(line.text.startswith("Figure 1.") for line in document.lines)


def test_a_text_box_in_a_footnote_is_read(tmp_path: Path) -> None:
    box = (
        "<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>Boxed (Kim, 2001).</w:t></w:r></w:p>"
        "</w:txbxContent></w:pict></w:r>"
    )
    notes = (
        f'<w:footnotes xmlns:w="{W}"><w:footnote w:id="1"><w:p>'
        f"<w:r><w:t>Note (Wu, 2002).</w:t></w:r>{box}</w:p></w:footnote></w:footnotes>"
    ).encode()
    path = build(tmp_path / "t.docx", [(None, "Body.")], {"word/footnotes.xml": notes})
    document = DocxReader().read(path)
    text = " ".join(line.text for line in document.lines if line.file.endswith("#footnotes"))
    assert "Note (Wu, 2002)." in text and "Boxed (Kim, 2001)." in text
    assert text.count("Kim") == 1  # read once, not once per paragraph holding it
