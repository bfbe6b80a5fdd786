"""A PDF's optional content layer that viewers hide (set OFF in the document's default
configuration) holds text no reader sees: it is not read, and the audit says so.

pdfium's text layer gives every text object, in a hidden layer or not, and the
reader took them all: "(Smith, 2019)" in a layer switched off cited Smith's entry
(`manuscript.pdf_unseen`). A layer that is on is read as before. The PDFs are
written here byte by byte (reportlab writes no optional content).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit


def _pdf(path: Path, state: str) -> Path:
    def line(y: int, text: str) -> bytes:
        return b"BT /F1 10 Tf 56 %d Td (%s) Tj ET\n" % (y, text.encode())

    content = (
        line(760, r"Intro as shown \(Lee, 2001\).")
        + b"/OC /oc1 BDC "
        + line(740, r"As argued \(Smith, 2019\).")
        + b"EMC\n"
        + line(720, "Some more text that everybody sees here.")
        + line(690, "References")
        + line(674, "Lee, A. (2001). A work on things. Journal of Things, 1, 2-3.")
        + line(658, "Smith, B. (2019). Another work here. Journal of Things, 4, 5-6.")
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /OCProperties << /OCGs [5 0 R] /D << /Order [5 0 R] /"
        + state.encode()
        + b" [5 0 R] >> >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources "
        b"<< /Font << /F1 6 0 R >> /Properties << /oc1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /OCG /Name (Notes) >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
    ]
    out = bytearray(b"%PDF-1.5\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def _audit(path: Path) -> tuple[list[str], list[str]]:
    result = audit(AuditInput(manuscripts=(path,)))
    uncited = [f.message for f in result.findings if f.rule == "uncited-reference"]
    notes = [f.message for f in result.findings if f.rule == "unreadable-input"]
    return uncited, notes


def test_text_in_a_hidden_layer_cites_nothing_and_is_said(tmp_path: Path) -> None:
    uncited, notes = _audit(_pdf(tmp_path / "a.pdf", "OFF"))
    assert len(uncited) == 1 and "Smith" in uncited[0]
    assert any("in a layer the viewer hides" in n for n in notes)


@pytest.mark.parametrize("state", ["ON"])
def test_text_in_a_shown_layer_is_read(tmp_path: Path, state: str) -> None:
    uncited, notes = _audit(_pdf(tmp_path / "a.pdf", state))
    assert uncited == [] and notes == []
