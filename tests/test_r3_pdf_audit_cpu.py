"""One audit's PDFs share one allowance of the PDF engine's CPU seconds.

Each PDF is read by the engine in a child process held to its own CPU limit
(`CITEAUDIT_PDF_CPU_SECONDS`, 60 s by default). A form drawn ten times by a form drawn
ten times, eight deep, is a PDF of about a kilobyte that makes 10**8 draws: every such
file spends its child's whole limit and is refused. An upload may carry twenty
manuscripts, so twenty of them held a worker twenty limits long (past the parse task's
own time limit). Now the audit's PDF children share `Limits.audit_cpu_seconds`: each is
given at most what the others left, and a PDF that finds nothing left is refused
unread. Counted here by the CPU seconds the children are granted, never by a clock.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import citeaudit.manuscript.pdf_isolated as pdf_isolated
from citeaudit.audit import AuditInput, read_inputs
from tests.security.pdf_objects import pdf_from_objects


def _form(body: bytes, inner: int | None) -> bytes:
    xobject = b" /XObject << /X %d 0 R >>" % inner if inner else b""
    return (
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font"
        b" << /F1 5 0 R >>%s >> /Length %d >>\nstream\n"
        % (xobject, len(body))
        + body
        + b"\nendstream"
    )


def _fan_out_pdf() -> bytes:
    """One page drawing a form that draws the next ten times, eight forms deep."""
    shown = b"BT /F1 10 Tf 72 700 Td (Quorvex 2002) Tj ET /X Do"
    head = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> /XObject << /X 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(shown) + shown + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    forms = [
        _form(b" ".join([b"q /X Do Q"] * 10), 7 + depth)
        if depth < 7
        else _form(b"BT /F1 10 Tf 72 600 Td (x) Tj ET", None)
        for depth in range(8)
    ]
    return pdf_from_objects(head + forms)


def test_an_audits_pdfs_share_one_cpu_allowance(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CITEAUDIT_PDF_CPU_SECONDS", "1")
    allowance = pdf_isolated.limits().audit_cpu_seconds
    granted: list[int] = []
    run = pdf_isolated.run_module

    def spying(module: str, *arguments: str, **kwargs: object) -> object:
        granted.append(int(arguments[1]))  # memory MB, CPU seconds, source, name
        return run(module, *arguments, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_isolated, "run_module", spying)
    bombs = []
    for n in range(4):
        bomb = tmp_path / f"part{n}.pdf"
        bomb.write_bytes(_fan_out_pdf())
        bombs.append(bomb)
    data = read_inputs(AuditInput(tuple(bombs)))
    assert sum(granted) <= allowance  # before: one whole limit per file, 4 s of 2
    refused = [p for p in data.input_problems if ".pdf" in str(p.location.file)]
    assert len(refused) == len(bombs)  # each refused: at its limit, or unread
    assert any("no PDF engine time left" in p.message for p in refused)


def test_a_pdf_read_gives_back_what_it_did_not_use(tmp_path: Path) -> None:
    from tests.manuscript.test_pdf_builder import Column, Page, write_pdf

    pages = [Page([Column(["As Quorvex (2020) showed.", "References", "Quorvex, A. (2020). T."])])]
    paths = [write_pdf(tmp_path / f"ch{n}.pdf", pages) for n in range(3)]
    data = read_inputs(AuditInput(tuple(paths)))
    assert len(data.manuscripts) == 3  # real PDFs cost a fraction of the allowance
    assert not [p for p in data.input_problems if "engine time" in p.message]
