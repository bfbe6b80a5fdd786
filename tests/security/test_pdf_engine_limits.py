"""A PDF whose page content expands to hundreds of MB: the engine is stopped by the kernel
in its own process, the file is refused with one error, and the rest is still audited."""

from __future__ import annotations

import resource
import zlib
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, read_inputs
from tests.security.pdf_objects import pdf_from_objects


def _pdf_with_content(stream: bytes) -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_from_objects(objects)


def _text_bomb(expanded: int) -> bytes:
    """Page content of `expanded` bytes of text-drawing operators, deflated (~1:300)."""
    block = b"BT /F1 12 Tf 72 720 Td (A) Tj ET\n" * 30_000
    deflate = zlib.compressobj(6)
    parts = [deflate.compress(block) for _ in range(expanded // len(block))]
    return b"".join(parts) + deflate.flush()


def test_a_pdf_content_bomb_is_refused_by_the_engine_limits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CITEAUDIT_PDF_MEMORY_MB", "256")
    monkeypatch.setenv("CITEAUDIT_PDF_CPU_SECONDS", "20")
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(_pdf_with_content(_text_bomb(300 * 2**20)))
    assert bomb.stat().st_size < 3 * 2**20
    other = tmp_path / "paper.md"
    other.write_text("As Lee (2020) shows.\n\n## References\n\nLee, A. (2020). T. J.\n")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    data = read_inputs(AuditInput((bomb, other)))
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    refused = [p for p in data.input_problems if "bomb.pdf" in str(p.location.file)]
    assert len(refused) == 1, data.input_problems
    assert "limits: 256 MB" in refused[0].message and "hostile" in refused[0].message
    assert grown_mb < 100  # the engine's memory was the child's, not this process's
    assert [d.path for d in data.manuscripts] == [str(other)]
    assert len(data.citations) == 1  # the rest of the input was audited


def test_the_child_answers_exactly_what_the_engine_read(tmp_path: Path) -> None:
    from citeaudit.manuscript.pdf import _read_pages
    from citeaudit.manuscript.pdf_isolated import read_pages_isolated
    from tests.manuscript.test_pdf_builder import Column, Page, write_pdf

    left = ["As Smith (2020) showed, the effect holds [3].", "See https://example.org/a-"]
    right = ["long/path for more.", "References", "Smith, A. (2020). A title. J, 1, 2."]
    path = write_pdf(tmp_path / "two.pdf", [Page([Column(left), Column(right)])] * 2)
    assert read_pages_isolated(path, "two.pdf") == _read_pages(path, "two.pdf")
