"""An uploaded PDF is opened by the engine in a limited child process, never in the API's.

The upload check opens each PDF to refuse a damaged or encrypted one at once. Opening
reads the cross-reference table, and a cross-reference *stream* is inflated whole: a
1 MB upload whose one such stream inflates to 1,000 MB of zeros took the API process to
2 GB. The tests count the engine's documents opened in this (the API's) process -- none
-- and show the bomb refused by the child's memory limit, while a plain PDF still passes
and a damaged one is still refused with its reason.
"""

from __future__ import annotations

import zlib
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest

from tests.security.upload_site import Site, site

__all__ = ["site"]  # the fixture, imported for pytest


def _pdf(objects: list[bytes], xref_stream: bytes | None = None) -> bytes:
    out = bytearray(b"%PDF-1.5\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    if xref_stream is not None:  # the table as one deflated stream: what the bomb inflates
        at = len(out)
        out += (
            b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Filter /FlateDecode "
            b"/Length %d >>\nstream\n"
            % (len(objects) + 1, len(objects) + 2, len(xref_stream))
            + xref_stream
            + b"\nendstream\nendobj\n"
        )
        return bytes(out + b"startxref\n%d\n%%%%EOF\n" % at)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


PAGES = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
]


def _zeros(megabytes: int) -> bytes:
    deflate = zlib.compressobj(9)
    block = bytes(2**20)
    return b"".join(deflate.compress(block) for _ in range(megabytes)) + deflate.flush()


class _Counted(pdfium.PdfDocument):  # type: ignore[misc]
    opened = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        type(self).opened += 1
        super().__init__(*args, **kwargs)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> type[_Counted]:
    _Counted.opened = 0
    monkeypatch.setattr(pdfium, "PdfDocument", _Counted)
    return _Counted


def _post(site: Site, data: bytes) -> tuple[int, str]:
    response = site.client.post(
        "/api/v1/audits",
        files=[("manuscript", ("paper.pdf", data, "application/pdf"))],
        data={"offline": "true"},
        headers=site.auth,
    )
    return response.status_code, response.text


def test_a_cross_reference_bomb_is_refused_by_the_child_not_opened_here(
    site: Site, counted: type[_Counted], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CITEAUDIT_PDF_MEMORY_MB", "256")
    bomb = _pdf(PAGES, xref_stream=_zeros(400))
    assert len(bomb) < 2**20
    status, text = _post(site, bomb)
    assert status == 422, text
    assert "paper.pdf" in text and "256 MB" in text and "hostile" in text
    assert counted.opened == 0


def test_a_plain_pdf_still_passes_and_a_damaged_one_is_still_refused(
    site: Site, counted: type[_Counted]
) -> None:
    status, text = _post(site, _pdf(PAGES))
    assert status == 202, text
    status, text = _post(site, _pdf(PAGES)[:60] + b"\n%%EOF\n")
    assert status == 422 and "could not be opened" in text, text
    assert counted.opened == 0  # (the audit's own reading runs in pdf_isolated's child)
