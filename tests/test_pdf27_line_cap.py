"""pdf27: the PDF engine reads at most `MAX_LINES` lines, not only `MAX_CHARS` characters.

The worker decodes the engine child's answer in its own process, outside the child's
memory limit, and pays ~1.3 KB for every line of it whatever the line holds. The
3,000,000-character cap let a PDF of lines two characters long answer with ~1,000,000
lines: a 280 KB PDF of 80,000 tiny lines (10 pages) took +101 MB of the worker's memory
to decode, and the character cap allowed over 1 GB. Now the child stops at
`MAX_LINES` lines (120,000: a 600-page book of dense two-column pages has ~60,000)
and says where it stopped.

The PDFs are written here: pages of tiny type, one short word a line, each word its
own (repeated text would be dropped as running heads).
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from citeaudit.manuscript import pdf_pages
from citeaudit.manuscript.pdf import PdfReader
from tests.security.pdf_objects import pdf_from_objects

_LEADING = 2.4  # points: type 2 pt high, one line under another


def _word(n: int) -> bytes:
    """`n` in letters ("a", "b", ... "ba"): no digits, which running-head matching drops."""
    out = b""
    while True:
        out += bytes([97 + n % 26])
        n //= 26
        if not n:
            return out


def tiny_lines_pdf(pages: int, per_page: int) -> bytes:
    """`pages` pages of `per_page` lines each, every line one short word in 2 pt type."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, written once the pages are
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    kids = []
    height = per_page * _LEADING + 20
    for page in range(pages):
        shown = b"".join(
            b"1 0 0 1 10 %.1f Tm (" % (10 + k * _LEADING) + _word(page * 100_000 + k) + b") Tj "
            for k in range(per_page)
        )
        packed = zlib.compress(b"BT /F1 2 Tf " + shown + b"ET")
        objects.append(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed)
            + packed
            + b"\nendstream"
        )
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 %d] /Contents %d 0 R"
            b" /Resources << /Font << /F1 3 0 R >> >> >>" % (height, len(objects))
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        pages,
    )
    return pdf_from_objects(objects)


def test_the_engine_stops_at_its_line_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    """In this process (the cap read at the call): 3 pages of 200 lines, cap 300."""
    monkeypatch.setattr(pdf_pages, "MAX_LINES", 300)
    read = pdf_pages.read_pages(tiny_lines_pdf(3, 200), "tiny.pdf")
    assert 250 <= len(read.lines) <= 300
    assert read.problems == ["text past page 2 not read: over 300 lines"]


def test_a_pdf_within_the_cap_says_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_pages, "MAX_LINES", 600)
    read = pdf_pages.read_pages(tiny_lines_pdf(3, 200), "tiny.pdf")
    assert len(read.lines) >= 550
    assert read.problems == []


def test_the_worker_decodes_no_more_than_the_cap(tmp_path: Path) -> None:
    """Through the engine child, at the real cap: 16 pages of 8,000 tiny lines (128,000
    lines, 450 KB) come back as `MAX_LINES` at most, and the reader says so."""
    path = tmp_path / "tiny.pdf"
    path.write_bytes(tiny_lines_pdf(16, 8000))
    document, problems = PdfReader().read_with_problems(path)
    assert len(document.lines) <= pdf_pages.MAX_LINES
    assert any(f"over {pdf_pages.MAX_LINES} lines" in p.message for p in problems)
