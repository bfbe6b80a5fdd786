"""Word files whose citation lists have only their separators set superscript
("since 1940 12,13." with the comma raised, "produtivo 3),(4." with the brackets and
comma raised), as Word files made from publishers' XML hold them. Made-up text."""

from __future__ import annotations

import tempfile
from pathlib import Path

import docx

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.model.citation import CitationKind

# (text, superscript) runs of the body's one paragraph
_RUNS = [
    ("Tiles hold walls.", False),
    ("1", True),
    (" Waste adds value.", False),
    ("2", True),
    (" Census counts began in 1940 3", False),
    (",", True),
    ("4. Firms add waste 5", False),
    ("),(", True),
    ("6. Glass draws attention 7", False),
    (")-(", True),
    ("9. Of the studies, 10", False),
    (",", True),
    ("1 1", False),
    (",", True),
    ("12 agree. The kiln reached 10", False),
    (",", False),
    ("5 degrees.", False),
]


def _numbers(runs: list[tuple[str, bool]]) -> list[int]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "paper.docx"
        document = docx.Document()
        paragraph = document.add_paragraph()
        for text, superscript in runs:
            paragraph.add_run(text).font.superscript = superscript
        document.add_heading("References", level=1)
        for k in range(1, 13):
            document.add_paragraph(
                f"{k}. Writer{k} Q. A made-up work {k}. J Nowhere. 2021;{k}:1-5."
            )
        document.save(str(path))
        data = read_inputs(AuditInput.from_paths([path]))
    return [c.number or 0 for c in data.citations if c.kind is CitationKind.NUMERIC]


def test_lists_joined_by_superscript_separators_are_read() -> None:
    assert _numbers(_RUNS) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 12]


def test_a_decimal_comma_set_plain_is_no_list() -> None:
    # "10,5 degrees": the comma is not raised, the number follows "reached"
    assert 5 not in _numbers(_RUNS)[9:]
