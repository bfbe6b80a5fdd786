"""Hostile Word files: each is a clear error or finding, never a traceback, hang or leak.

Every file is built here with `zipfile` (nothing large is committed). Outcomes: a
file nothing can be read from is an InputError (exit 2 from the CLI, naming the
file); a damaged side part (notes) is a problem and the body is still audited; what
a relationship or entity points at is never fetched nor read from disk. No clock:
a bound is asserted as its outcome (a refusal), or as counted work at a base size and
8 times it (tests/security/counted_work.py); benches/linearity.py prints the seconds.
"""

from __future__ import annotations

import json
import re
import socket
import struct
import tempfile
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from citeaudit.cli import main
from citeaudit.errors import InputError
from citeaudit.manuscript import docx
from citeaudit.manuscript.docx import MAX_UNPACKED_BYTES, DocxReader
from tests.security.counted_work import Case, assert_linear

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MARK = "QX7SECRETMARK"
BODY = (
    "<w:p><w:r><w:t>Rates rose (Okafor, 2018).</w:t></w:r></w:p>"
    '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>References</w:t></w:r></w:p>'
    "<w:p><w:r><w:t>Okafor, N. (2018). A made-up paper. Journal, 1, 1-9.</w:t></w:r></w:p>"
)


def document_xml(body: str = BODY, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
        f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}</w:body></w:document>'
    ).encode()


def write_docx(
    path: Path,
    document: bytes | None = None,
    extra: dict[str, bytes] | None = None,
    method: int = zipfile.ZIP_DEFLATED,
) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document or document_xml())
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def patch_central(path: Path, member: str, offset: int, fmt: str, value: int) -> None:
    """Overwrite a field of `member`'s central directory record (and local header)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    local = info.header_offset
    central = data.index(b"PK\x01\x02")
    while True:
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        name = bytes(data[central + 46 : central + 46 + name_len]).decode()
        if name == member:
            break
        central = data.index(b"PK\x01\x02", central + 4)
    struct.pack_into(fmt, data, central + offset, value)
    local_offsets = {6: 4, 8: 6, 10: 8, 24: 22}  # version, flags, method, uncompressed size
    if offset in local_offsets:
        struct.pack_into(fmt, data, local + local_offsets[offset], value)
    path.write_bytes(bytes(data))


def cli(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, str, str]:
    code = main(["check", str(path), "--offline", "--format", "json"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_refused(capsys: pytest.CaptureFixture[str], path: Path, words: str) -> None:
    with pytest.raises(InputError, match=words) as caught:
        DocxReader().read(path)
    assert caught.value.file == str(path)
    code, _out, err = cli(capsys, path)
    assert code == 2
    assert path.name in err and "Traceback" not in err


def test_corrupt_deflate_data(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_docx(tmp_path / "corrupt.docx", document_xml(BODY * 50))
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 10, start + info.compress_size - 10, 7):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    assert_refused(capsys, path, "damaged DOCX")


def test_unsupported_zip_version(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_docx(tmp_path / "version.docx")
    patch_central(path, "word/document.xml", 6, "<H", 99)  # version needed: 9.9
    assert_refused(capsys, path, "not a readable DOCX|not a DOCX")


@pytest.mark.parametrize("method", [99, zipfile.ZIP_BZIP2])
def test_unsupported_compression_method(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, method: int
) -> None:
    path = write_docx(tmp_path / f"method{method}.docx")
    patch_central(path, "word/document.xml", 10, "<H", method)
    assert_refused(capsys, path, "compression method")


def test_damaged_notes_part_keeps_the_body(tmp_path: Path) -> None:
    notes = f'<w:footnotes xmlns:w="{W}"><w:footnote w:id="1"><w:p/></w:footnote></w:footnotes>'
    path = write_docx(tmp_path / "notes.docx", extra={"word/footnotes.xml": notes.encode()})
    patch_central(path, "word/footnotes.xml", 10, "<H", 99)
    document, problems = DocxReader().read_with_problems(path)
    assert document.lines[0].text == "Rates rose (Okafor, 2018)."
    assert len(document.reference_entries) == 1
    assert any("footnotes.xml skipped" in p.message for p in problems)


def test_encrypted_member(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_docx(tmp_path / "locked.docx")
    patch_central(path, "word/document.xml", 8, "<H", 0x1)  # general purpose flag: encrypted
    assert_refused(capsys, path, "encrypted|damaged|not a")


def test_truncated_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    whole = write_docx(tmp_path / "whole.docx").read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(whole[: len(whole) // 2])
    assert_refused(capsys, path, "not a DOCX|damaged")


@pytest.mark.parametrize("value", ["²", "٣", "-1", "9", "1" * 5000, ""])
def test_outline_level_values(tmp_path: Path, value: str) -> None:
    body = (
        f'<w:p><w:pPr><w:outlineLvl w:val="{value}"/></w:pPr><w:r><w:t>Results</w:t></w:r></w:p>'
        + BODY
    )
    document = DocxReader().read(write_docx(tmp_path / "outline.docx", document_xml(body)))
    assert "Results" in [line.text for line in document.lines]
    assert len(document.reference_entries) == 1


def test_heading_style_name_with_odd_digits(tmp_path: Path) -> None:
    styles = (
        f'<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="H">'
        f'<w:name w:val="heading {"9" * 5000}²"/></w:style></w:styles>'
    )
    body = '<w:p><w:pPr><w:pStyle w:val="H"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>' + BODY
    path = write_docx(
        tmp_path / "style.docx", document_xml(body), {"word/styles.xml": styles.encode()}
    )
    assert DocxReader().read(path).lines[0].text == "x"


class Listener:
    """A loopback TCP listener that counts connections: the stand-in private service."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.contacts = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.server.accept()
            except OSError:
                continue
            self.contacts += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.server.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    found = Listener()
    yield found
    found.close()


def test_external_relationships_are_never_followed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, listener: Listener
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(f"Hidden (Secret, 2001). {MARK}\n", encoding="utf-8")
    url = f"http://127.0.0.1:{listener.port}/x.docx"
    rels = (
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{R}/subDocument" Target="{secret.as_uri()}" '
        'TargetMode="External"/>'
        f'<Relationship Id="rId2" Type="{R}/attachedTemplate" Target="{url}" '
        'TargetMode="External"/>'
        f'<Relationship Id="rId3" Type="{R}/aFChunk" Target="{secret}" TargetMode="External"/>'
        f'<Relationship Id="rId4" Type="{R}/image" Target="{url}" TargetMode="External"/>'
        "</Relationships>"
    )
    body = (
        '<w:p><w:subDoc r:id="rId1"/></w:p><w:altChunk r:id="rId3"/>'
        f'<w:p><w:fldSimple w:instr="INCLUDETEXT &quot;{secret}&quot;">'
        "<w:r><w:t>[included text]</w:t></w:r></w:fldSimple></w:p>" + BODY
    )
    path = write_docx(
        tmp_path / "external.docx",
        document_xml(body),
        {"word/_rels/document.xml.rels": rels.encode(), "word/settings.xml": b"<x/>"},
    )
    code, out, err = cli(capsys, path)
    assert code in (0, 1) and "Traceback" not in err
    assert MARK not in out and "Secret" not in out
    report = json.loads(out)
    assert report["summary"]["citations"] == 1
    time.sleep(0.3)
    assert listener.contacts == 0


def test_zip_bomb_by_ratio_and_by_declared_size(tmp_path: Path) -> None:
    bomb = write_docx(tmp_path / "ratio.docx", extra={"word/media/a.bin": b"\0" * (4 << 20)})
    with pytest.raises(InputError, match="ZIP bomb"):
        DocxReader().read(bomb)
    lying = write_docx(tmp_path / "declared.docx")
    patch_central(lying, "word/document.xml", 24, "<I", MAX_UNPACKED_BYTES + 1)
    with pytest.raises(InputError, match="would unpack to"):
        DocxReader().read(lying)


def test_size_understated_in_the_header_stops_at_the_header(tmp_path: Path) -> None:
    """A member claiming 2 KB but inflating to 8 MB is read no further than 2 KB."""
    big = document_xml("<w:p><w:r><w:t>" + " " * (8 << 20) + "</w:t></w:r></w:p>")
    path = write_docx(tmp_path / "understated.docx", big)
    patch_central(path, "word/document.xml", 24, "<I", 2048)
    with pytest.raises(InputError, match="damaged DOCX"):
        DocxReader().read(path)


BILLION_LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + "]>"
)


def test_entity_expansion_bomb(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    body = "<w:p><w:r><w:t>&j;</w:t></w:r></w:p>"
    path = write_docx(tmp_path / "laughs.docx", document_xml(body, BILLION_LAUGHS))
    # refused unread: the bound is the refusal (nothing expanded), not a time
    assert_refused(capsys, path, "refused DOCX: word/document.xml declares a document type")


def test_external_entity(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, listener: Listener
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(MARK, encoding="utf-8")
    prolog = (
        f'<!DOCTYPE w:document [<!ENTITY s SYSTEM "{secret.as_uri()}">'
        f'<!ENTITY n SYSTEM "http://127.0.0.1:{listener.port}/e">]>'
    )
    body = "<w:p><w:r><w:t>&s;&n;</w:t></w:r></w:p>"
    path = write_docx(tmp_path / "xxe.docx", document_xml(body, prolog))
    assert_refused(capsys, path, "refused DOCX: word/document.xml declares a document type")
    # the same DTD in UTF-16, which a byte search for "<!DOCTYPE" would miss
    text = document_xml(body, prolog).decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    wide = write_docx(tmp_path / "xxe16.docx", text.encode("utf-16"))
    assert_refused(capsys, wide, "refused DOCX: word/document.xml declares a document type")
    notes = (
        f'<?xml version="1.0"?>{prolog}<w:footnotes xmlns:w="{W}">'
        '<w:footnote w:id="1"><w:p><w:r><w:t>&s;</w:t></w:r></w:p></w:footnote></w:footnotes>'
    )
    with_notes = write_docx(
        tmp_path / "xxenotes.docx", extra={"word/footnotes.xml": notes.encode()}
    )
    document, problems = DocxReader().read_with_problems(with_notes)
    assert MARK not in document.text
    assert [p.message for p in problems] == [
        "word/footnotes.xml declares a document type (DTD), which Word never writes -- "
        "refused unread (entity bombs and external entities live there); notes skipped"
    ]
    assert document.lines[0].text == "Rates rose (Okafor, 2018)."
    time.sleep(0.3)
    assert listener.contacts == 0


def test_deep_nesting(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    depth = 20_000
    body = "<w:sdt><w:sdtContent>" * depth + BODY + "</w:sdtContent></w:sdt>" * depth
    path = write_docx(tmp_path / "deep.docx", document_xml(body))
    try:
        document = DocxReader().read(path)
    except InputError as error:
        assert "damaged DOCX" in str(error)
    else:
        assert len(document.reference_entries) == 1


def test_member_names_over_255_bytes(tmp_path: Path) -> None:
    long_name = "word/" + "é" * 200 + ".xml"  # 405 bytes in UTF-8
    path = write_docx(tmp_path / "names.docx", extra={long_name: b"<x/>"})
    assert len(DocxReader().read(path).reference_entries) == 1


def test_manuscript_path_over_255_bytes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / ("n" * 300 + ".docx")
    code, _out, err = cli(capsys, path)
    assert code == 2 and "Traceback" not in err


def field_in_pieces(n: int) -> bytes:
    """One field whose code is cut into `n` runs, then its result and a reference list."""
    pieces = '<w:r><w:instrText xml:space="preserve">x</w:instrText></w:r>' * n
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f"{pieces}"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>(Okafor, 2018)</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    return document_xml(f"<w:p>{field}</w:p>" + BODY)


def read_docx(document: bytes) -> Any:
    with tempfile.TemporaryDirectory(prefix="citeaudit-test-") as folder:
        return DocxReader().read(write_docx(Path(folder) / "pieces.docx", document))


CASES = {"field code in pieces": Case(field_in_pieces, read_docx, 2_000)}


def test_field_code_in_many_pieces_is_linear() -> None:
    """A field whose code is cut into many pieces: judged once, not per piece."""
    assert_linear(__name__, "field code in pieces")


class _Handed:
    """A pattern that adds up the characters handed to it (a join judged at every
    piece hands it the whole code so far each time: quadratic here)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.characters = pattern, 0

    def match(self, text: str, *args: Any) -> Any:
        self.characters += len(text)
        return self.pattern.match(text, *args)


def test_field_code_in_many_pieces_is_judged_once(monkeypatch: pytest.MonkeyPatch) -> None:
    handed = []
    for n in (2_000, 16_000):
        counter = _Handed(docx._BIBLIOGRAPHY_FIELD)
        monkeypatch.setattr(docx, "_BIBLIOGRAPHY_FIELD", counter)
        document = read_docx(field_in_pieces(n))
        monkeypatch.undo()
        assert document.lines[0].text == "(Okafor, 2018)"
        handed.append(counter.characters)
    assert handed[1] <= 2 * handed[0] + 1_000, handed  # bounded, not 8x, let alone 64x
