"""Survey 12, class HL (benches/REAL_MANUSCRIPTS_12.md): a pandoc outline's Word output
puts its list in the "Bibliography" style with no heading; just above it a short
outline line ("Kettle studies") and two body paragraphs ending in citations. The walk
up from the styled entries took the short line for the list's heading and the two
cited paragraphs for entries: two false entries and four cited works "never cited".
The fix lies in the Word reader's list span (docx_field_list.field_list_span, owner
sv13): /work/helpers/sv12-outline-line-heads-no-list.diff. Made-up example; a guard
keeps a typed entry under a real "References" line."""

from __future__ import annotations

from pathlib import Path

from docx import Document as Docx
from docx.enum.style import WD_STYLE_TYPE

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import AuditResult

_ENTRIES = [
    "Quill, A. (1914). Sudden stops of made-up kettles. Heart of Steam, 4, 319-378.",
    "Rook, B., Vane, C., & Corr, D. (1973). Stress and the kettle. Science of Pots, 18, 834-836.",
    "Rook, B., Vane, C., & Tarn, E. (1977). Kettle mechanisms. Journal of Pots, 39, 890-902.",
    "Wren, F. (2008). The little brain of the kettle. Steam Physiology, 93, 1-9.",
]


def _audit(tmp_path: Path, above: list[str]) -> AuditResult:
    doc = Docx()
    style = doc.styles.add_style("Bibliography", WD_STYLE_TYPE.PARAGRAPH)
    doc.add_paragraph("Kettle studies: a made-up outline")
    doc.add_paragraph("Heating: the pathways are known (Wren, 2008).")
    for text in above:
        doc.add_paragraph(text)
    for text in _ENTRIES:
        doc.add_paragraph(text, style=style)
    path = tmp_path / "review.docx"
    doc.save(str(path))
    return audit(AuditInput.from_paths([path]))


def test_hl_short_outline_line_heads_no_list(tmp_path: Path) -> None:
    result = _audit(
        tmp_path,
        [
            "Kettle studies",
            "steam stimulation leads to stops (Quill, 1914; Rook, Vane, & Tarn, 1977)",
            "stress can also lead to stops (Rook, Vane, & Corr, 1973)",
        ],
    )
    assert len(result.data.references) == 4
    assert not [f for f in result.findings if f.code == "CIT001"]


def test_hl_guard_typed_entry_under_a_references_line_joins(tmp_path: Path) -> None:
    result = _audit(
        tmp_path,
        [
            "References",
            "Ash, G. (1999). A typed made-up entry above the field. Pot Review, 2, 3-4.",
        ],
    )
    assert any("Ash" in r.raw for r in result.data.references)
