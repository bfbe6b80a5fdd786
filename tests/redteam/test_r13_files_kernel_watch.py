"""An upload whose parts are read by C code or by another process opens nothing of the
server's, watched by the kernel rather than by a Python audit hook.

The other confinement tests record opens with ``sys.addaudithook``: it sees what Python
opens in the test's own process, and nothing else. Two readers are out of its sight --
the PDF engine, which runs in a child process (the upload check's and the page
reading's), and libxml2, which opens a DTD, an external entity or an XInclude in C. So
here the folder of server files is watched with inotify (Linux): every open and read of
a file in it, and every listing of it, by any process, is an event. A PDF whose content,
image and font streams keep their data in an external file (``/F``), whose actions and
embedded files name the file, whose XFA form XIncludes it and whose XMP metadata loads it
as an external entity; and a Word package whose parts declare DTDs and XIncludes and
whose relationships point at it: audited through the API, reported and downloaded
fixed, none of it is opened.
"""

from __future__ import annotations

import ctypes
import io
import os
import struct
import sys
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.redteam.opens_watch import audited_through_api, scratch_server
from tests.security.pdf_objects import pdf_from_objects

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify")

MARK = "QZ8KERNELSECRET"
_IN_ACCESS, _IN_OPEN = 0x1, 0x20
_EVENT = struct.Struct("iIII")  # watch, mask, cookie, length of the name that follows


@contextmanager
def kernel_watch(folder: Path) -> Iterator[list[str]]:
    """The names in `folder` any process opens, reads or lists while the block runs."""
    libc = ctypes.CDLL(None, use_errno=True)
    handle = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
    if handle < 0:
        pytest.skip("inotify is not available here")
    seen: list[str] = []
    try:
        if libc.inotify_add_watch(handle, os.fsencode(folder), _IN_OPEN | _IN_ACCESS) < 0:
            pytest.skip("inotify cannot watch the folder here")
        yield seen
        try:
            data = os.read(handle, 1 << 20)
        except BlockingIOError:
            data = b""
        at = 0
        while at < len(data):
            _watch, _mask, _cookie, length = _EVENT.unpack_from(data, at)
            name = data[at + _EVENT.size : at + _EVENT.size + length].rstrip(b"\0")
            seen.append(os.fsdecode(name) or str(folder))
            at += _EVENT.size + length
    finally:
        os.close(handle)


def _pdf(secret: Path) -> bytes:
    path = str(secret).encode()
    spec = b"<< /Type /Filespec /F (" + path + b") /UF (" + path + b") >>"
    shown = b"BT /F1 12 Tf 72 720 Td (Okafor showed it in 2018.) Tj ET q /Im1 Do Q"
    xi = b'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="' + path + b'"/>'
    xfa = b'<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/">' + xi + b"</xdp:xdp>"
    xmp = b'<!DOCTYPE x [<!ENTITY e SYSTEM "' + secret.as_uri().encode() + b'">]><x>&e;</x>'
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F "
            + spec
            + b" >> /Names << /EmbeddedFiles << /Names [(a.txt) 11 0 R] >> >>"
            b" /AcroForm << /Fields [] /XFA 9 0 R >> /Metadata 10 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [4 0 R 12 0 R]"
            b" /Resources << /Font << /F1 5 0 R /F2 7 0 R >> /XObject << /Im1 8 0 R >> >>"
            b" /Annots [6 0 R] >>",
            b"<< /Length %d >>\nstream\n" % len(shown) + shown + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Type /Annot /Subtype /Link /Rect [72 700 300 730] /A << /S /GoToR /F "
            + spec
            + b" /D [0 /Fit] >> >>",
            b"<< /Type /Font /Subtype /TrueType /BaseFont /Hidden /FontDescriptor << /Type"
            b" /FontDescriptor /FontName /Hidden /Flags 32 /FontFile2 << /Length 0 /F "
            + spec
            + b" >> >> >>",
            b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray"
            b" /BitsPerComponent 8 /Length 0 /F " + spec + b" >>\nstream\n\nendstream",
            b"<< /Length %d >>\nstream\n" % len(xfa) + xfa + b"\nendstream",
            b"<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n" % len(xmp)
            + xmp
            + b"\nendstream",
            b"<< /Type /Filespec /F (" + path + b") /EF << /F 13 0 R >> >>",
            b"<< /Length 0 /F " + spec + b" >>\nstream\n\nendstream",  # the page's text
            b"<< /Type /EmbeddedFile /Length 0 /F " + spec + b" >>\nstream\n\nendstream",
        ]
    )


def _docx(secret: Path) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    uri = secret.as_uri()
    include = f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{secret}"/>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{w}" xmlns:r="{r}"><w:body>{include}<w:altChunk r:id="r1"/>'
            f'<w:p><w:fldSimple w:instr="INCLUDETEXT &quot;{secret}&quot;"/></w:p>'
            f'<w:p><w:fldSimple w:instr="LINK Word.Document.12 &quot;{secret}&quot;"/></w:p>'
            "<w:p><w:r><w:t>Okafor (2018) showed it.</w:t></w:r></w:p></w:body></w:document>",
        )
        entity = f'<!DOCTYPE s [<!ENTITY e SYSTEM "{uri}">]>'
        archive.writestr("word/styles.xml", f'{entity}<w:styles xmlns:w="{w}">&e;</w:styles>')
        archive.writestr(
            "word/footnotes.xml",
            f'<!DOCTYPE f SYSTEM "{uri}"><w:footnotes xmlns:w="{w}">{include}</w:footnotes>',
        )
        archive.writestr(
            "word/_rels/document.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="r1" Type="{r}/aFChunk" Target="{uri}" TargetMode="External"/>'
            f'<Relationship Id="r2" Type="{r}/subDocument" Target="{uri}"'
            ' TargetMode="External"/></Relationships>',
        )
        archive.writestr(
            "customXml/item1.xml", f'<!DOCTYPE b [<!ENTITY e SYSTEM "{uri}">]><b>&e;</b>'
        )
    return buffer.getvalue()


def test_no_process_opens_the_server_files_an_upload_names(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text(f"BT /F1 12 Tf 72 700 Td ({MARK}) Tj ET {MARK}\n", encoding="utf-8")
    latex = f"Okafor \\cite{{inside}}.\n\\input{{{secret}}}\n\\bibliography{{{outside}/x}}\n"
    uploads = [
        ("manuscript", ("paper.pdf", _pdf(secret), "application/pdf")),
        ("manuscript", ("paper.docx", _docx(secret), "application/octet-stream")),
        ("manuscript", ("main.tex", latex.encode(), "text/plain")),
        (
            "bibliography",
            (
                "refs.bib",
                b"@article{inside, author={Okafor, N.}, title={I}, journal={J}, year={2018},"
                b" doi={10.1000/"
                + str(secret).encode()
                + b"}, url={"
                + secret.as_uri().encode()
                + b"}}\n",
                "text/plain",
            ),
        ),
    ]
    with scratch_server(tmp_path, "kernel") as (client, auth), kernel_watch(outside) as seen:
        opened, shown = audited_through_api(client, auth, uploads)
    assert seen == [], f"a process opened or listed the server's files: {seen}"
    assert MARK not in "\n".join(shown)
    assert any(name.endswith("paper.pdf") for name in opened)  # the audit did read them
