"""A Word part's tree is judged by every node it will hold, in the encoding it is read in.

The reader refuses a part before lxml builds its tree by counting "<" in its bytes
(`docx.MAX_TAGS`, the package's and the audit's budgets). Two things passed that count
(rt38z): attributes -- nodes of their own, twice an element's memory, any number on one
element (a 620 KB upload of 6.4 million held a worker 16 CPU s and 1.4 GB) -- and a part
declaring UTF-7, which libxml2 reads through iconv and where "<" is written "+ADw-": a
tree of any size behind a byte count of one. The tests shrink the caps (the counting is
what is tested) and count what every parse is handed; they fail before the fix.
"""

from __future__ import annotations

import base64
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree  # type: ignore[import-untyped]

from citeaudit.errors import InputError
from citeaudit.manuscript import docx
from citeaudit.manuscript.docx import DocxReader
from citeaudit.manuscript.docx_xml_size import XmlSize, xml_size

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CITING = "<w:p><w:r><w:t>Rates rose (Okafor, 2018).</w:t></w:r></w:p>"


def _attributes(count: int) -> str:
    """Empty paragraphs carrying `count` attributes in all, 50 an element."""
    names = [f'x:a{i}="1"' for i in range(50)]
    return f'<w:p xmlns:x="urn:x" {" ".join(names)}/>' * (count // 50)


def _package(body: str, parts: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
        )
        for name, data in (parts or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _utf7(text: str) -> bytes:
    """`text` as UTF-7 writes it with every character encoded: no "<" byte at all."""
    encoded = base64.b64encode(text.encode("utf-16-be")).rstrip(b"=")
    return b'<?xml version="1.0" encoding="UTF-7"?>+' + encoded + b"-"


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The bytes every parse is handed (each part whose tree was built)."""
    handed: list[int] = []
    build = etree.fromstring

    def counted(data: bytes, *args: Any, **kwargs: Any) -> Any:
        handed.append(len(data))
        return build(data, *args, **kwargs)

    monkeypatch.setattr(etree, "fromstring", counted)
    return handed


def test_a_body_of_attributes_past_the_cap_is_refused_unbuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parsed: list[int]
) -> None:
    monkeypatch.setattr(docx, "MAX_ATTRIBUTES", 10_000, raising=False)
    path = tmp_path / "paper.docx"
    path.write_bytes(_package(CITING + _attributes(20_000)))  # 400 "<": no tag cap met
    with pytest.raises(InputError) as refused:
        DocxReader().read_with_problems(path)
    assert "attributes" in str(refused.value) and "paper.docx" in str(refused.value)
    assert parsed == []  # no tree was built


def test_a_part_of_attributes_past_the_package_budget_is_skipped_and_the_body_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parsed: list[int]
) -> None:
    monkeypatch.setattr(docx, "MAX_PACKAGE_ATTRIBUTES", 10_000, raising=False)
    styles = f'<w:styles xmlns:w="{W}">{_attributes(20_000)}</w:styles>'.encode()
    path = tmp_path / "paper.docx"
    path.write_bytes(_package(CITING, {"word/styles.xml": styles}))
    document, problems = DocxReader().read_with_problems(path)
    assert any("Okafor" in line.text for line in document.lines)  # the rest is read
    skipped = [p.message for p in problems if "word/styles.xml skipped" in p.message]
    assert skipped and "attributes" in skipped[0], problems
    assert len(parsed) == 1  # the body alone was built


def test_the_audits_budget_is_charged_the_attributes_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """Twenty bodies under the per-file caps each were parsed in turn; the audit's one
    budget of what its Word files hand the parser now counts their attributes."""
    import tempfile

    from citeaudit import input_scope
    from citeaudit.service.inputs import read_files
    from citeaudit.store.views import StoredFile

    monkeypatch.setattr(input_scope, "DEFAULT_MAX_XML_TAGS", 25_000, raising=False)
    package = _package(CITING + _attributes(10_000))
    files = [
        StoredFile("manuscript", f"p{i}.docx", "docx", len(package), package) for i in range(4)
    ]
    with tempfile.TemporaryDirectory() as folder:
        monkeypatch.setattr(tempfile, "tempdir", folder)
        data = read_files(files)
    assert len(data.manuscripts) == 2  # 10,000 attributes and 200 tags each: two fit
    refused = [p.message for p in data.input_problems if "one audit parses" in p.message]
    assert len(refused) == 2, data.input_problems


def test_a_body_declared_utf7_is_refused_unbuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parsed: list[int]
) -> None:
    monkeypatch.setattr(docx, "MAX_TAGS", 1_000)
    body = f'<w:document xmlns:w="{W}"><w:body>{CITING}{"<w:p/>" * 5_000}</w:body></w:document>'
    hidden = _utf7(body)
    assert hidden.count(b"<") == 1  # the declaration's alone: 5,000 paragraphs unseen
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", hidden)
    path = tmp_path / "paper.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(InputError) as refused:
        DocxReader().read_with_problems(path)
    assert "UTF-7" in str(refused.value) and "word/document.xml" in str(refused.value)
    assert parsed == []


def test_a_notes_part_declared_utf7_is_skipped_and_the_body_read(
    tmp_path: Path, parsed: list[int]
) -> None:
    notes = _utf7(
        f'<w:footnotes xmlns:w="{W}"><w:footnote w:id="1">{CITING}</w:footnote></w:footnotes>'
    )
    path = tmp_path / "paper.docx"
    path.write_bytes(_package(CITING, {"word/footnotes.xml": notes}))
    document, problems = DocxReader().read_with_problems(path)
    assert any("Okafor" in line.text for line in document.lines)
    assert any(
        "word/footnotes.xml skipped" in p.message and "UTF-7" in p.message for p in problems
    ), problems
    assert len(parsed) == 1


@pytest.mark.parametrize(
    ("head", "counted"),
    [
        (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', True),
        (b"<?xml version='1.0' encoding='utf-8'?>", True),
        (b'\xef\xbb\xbf<?xml version="1.0" encoding="windows-1252"?>', True),
        (b'<?xml version="1.0" encoding="Shift_JIS"?>', True),
        (b'<?xml version="1.0"?>', True),
        (b"", True),
        (b'<?xml version="1.0" encoding="UTF-7"?>', False),
        (b'<?xml version="1.0" encoding = "utf-7" ?>', False),
        (b'<?xml version="1.0" encoding="csUnicode11UTF7"?>', False),
        (b'<?xml version="1.0" encoding="UTF-7//IGNORE"?>', False),
        (b'<?xml version="1.0"' + b" " * 10_000 + b'encoding="UTF-7"?>', False),
        (b'\xef\xbb\xbf<?xml version="1.0" encoding="UTF-7"?>', False),
    ],
)
def test_which_declared_encodings_keep_the_count(head: bytes, counted: bool) -> None:
    size = xml_size(head + b'<a x="1"><b/></a>')
    assert isinstance(size, XmlSize) is counted, size
    if isinstance(size, XmlSize):
        assert size.tags >= 3 and size.attributes >= 1


def test_a_utf16_part_is_counted_and_read(tmp_path: Path) -> None:
    """UTF-16 (what Word writes in some custom XML parts) keeps "<" and "=" bytes: its
    counts hold, and a body so written is read as before."""
    body = f'<w:document xmlns:w="{W}"><w:body>{CITING}</w:body></w:document>'
    data = b"\xff\xfe" + ('<?xml version="1.0" encoding="UTF-16"?>' + body).encode("utf-16-le")
    size = xml_size(data)
    assert isinstance(size, XmlSize) and size.tags == body.count("<") + 1
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", data)
    path = tmp_path / "paper.docx"
    path.write_bytes(buffer.getvalue())
    document, _ = DocxReader().read_with_problems(path)
    assert any("Okafor" in line.text for line in document.lines)


def test_a_real_word_document_is_read_as_before() -> None:
    path = Path(__file__).resolve().parents[1] / "references/examples/docx/manuscript.docx"
    document, problems = DocxReader().read_with_problems(path)
    assert document.lines and not [p for p in problems if "attributes" in p.message]


def test_a_body_nested_past_the_parsers_depth_says_where_and_why(tmp_path: Path) -> None:
    """libxml2 builds no tree nested past 256 elements: the upload was "damaged DOCX:
    word/document.xml is not readable XML", saying neither where nor why (rt38z)."""
    nest = "<w:sdt><w:sdtContent>" * 200 + CITING + "</w:sdtContent></w:sdt>" * 200
    path = tmp_path / "paper.docx"
    path.write_bytes(_package(nest))
    with pytest.raises(InputError) as refused:
        DocxReader().read_with_problems(path)
    said = str(refused.value)
    assert "word/document.xml" in said and "line 1, column" in said, said
    assert "nested more than 256 deep" in said and "XML_PARSE_HUGE" not in said


def test_a_damaged_part_says_its_line_and_the_rest_is_read(tmp_path: Path) -> None:
    styles = f'<w:styles xmlns:w="{W}">\n<w:style>\n</w:styles>'.encode()
    path = tmp_path / "paper.docx"
    path.write_bytes(_package(CITING, {"word/styles.xml": styles}))
    document, problems = DocxReader().read_with_problems(path)
    assert any("Okafor" in line.text for line in document.lines)
    said = [p.message for p in problems if "word/styles.xml" in p.message]
    assert said and "is damaged (line 3, column" in said[0] and "mismatch" in said[0], problems
