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
