"""The project's example article (Indonesian, APA, 21 entries) printed to PDF in one
and in two columns, as Pandoc prints its Markdown (headings, paragraphs, a bulleted
reference list), with a running head and page numbers: the audit of the PDF must say
what the audit of the Markdown says -- 21 entries, only Yani et al. 2017 uncited,
nothing missing.

The article is not in this repository: it stands in the workplace's shared examples
(``../shared/examples`` beside the work tree, laid beside CI's clone too). Where it is
absent the test is skipped, never failed, and no other file is read."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

from citeaudit.audit import AuditInput, audit

EXAMPLE = Path(__file__).resolve().parents[3] / "shared" / "examples"
EXAMPLE = EXAMPLE / "balance-of-power-csto-nato.md"

BODY = ParagraphStyle("body", fontName="Times-Roman", fontSize=9.5, leading=12, spaceAfter=4)
HEAD = ParagraphStyle("head", fontName="Times-Bold", fontSize=12, leading=15, spaceAfter=4)
BULLET = ParagraphStyle(
    "bullet", fontName="Times-Roman", fontSize=8.5, leading=10.5, leftIndent=14,
    bulletIndent=2, spaceAfter=2,
)  # fmt: skip


def _inline(text: str) -> str:
    """Markdown's emphasis and autolinks as reportlab's markup."""
    text = html.escape(text, quote=False)
    text = re.sub(r"&lt;(https?://[^\s&]+)&gt;", r'<a href="\1">\1</a>', text)
    text = re.sub(r"\*\*\*(.+?)\*\*\*", r"<b><i>\1</i></b>", text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    return re.sub(r"\*(.+?)\*", r"<i>\1</i>", text)


def _story(source: str) -> list[Paragraph]:
    story: list[Paragraph] = []
    for block in re.split(r"\n\s*\n", source):
        block = block.strip()
        if not block:
            continue
        if block.startswith("#"):
            story.append(Paragraph(_inline(block.lstrip("#").strip()), HEAD))
            continue
        items = re.split(r"\n(?=- )", block)
        if items[0].startswith("- "):
            for item in items:
                story.append(Paragraph(_inline(" ".join(item[2:].split())), BULLET, bulletText="•"))
            continue
        story.append(Paragraph(_inline(" ".join(block.split())), BODY))
    return story


def _print(path: Path, columns: int) -> Path:
    width, height = A4
    margin, gap = 50.0, 18.0

    def furniture(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Times-Italic", 7.5)
        canvas.drawString(margin, height - 30, "Jurnal Kajian · Perimbangan Kekuatan")
        canvas.drawCentredString(width / 2, 25, str(doc.page))
        canvas.restoreState()

    column = (width - 2 * margin - gap * (columns - 1)) / columns
    frames = [
        Frame(margin + k * (column + gap), margin, column, height - 2 * margin)
        for k in range(columns)
    ]
    template = PageTemplate("page", frames=frames, onPage=furniture)
    document = BaseDocTemplate(str(path), pagesize=A4, pageTemplates=[template])
    document.build(_story(EXAMPLE.read_text(encoding="utf-8")))
    return path


@pytest.mark.skipif(not EXAMPLE.exists(), reason="the shared example article is not here")
@pytest.mark.parametrize("columns", [1, 2])
def test_example_article_as_pdf_has_21_entries_one_uncited_none_missing(
    tmp_path: Path, columns: int
) -> None:
    pdf = _print(tmp_path / f"example-{columns}.pdf", columns)
    result = audit(AuditInput.from_paths([pdf]))
    assert len(result.data.references) == 21
    uncited = [
        ref.raw
        for f in result.findings
        if f.code == "CIT001"
        for ref in result.data.references
        if ref.id == f.reference
    ]
    assert len(uncited) == 1
    assert uncited[0].lstrip("•-– ").startswith("Yani")
    assert [f.message for f in result.findings if f.code == "CIT002"] == []
