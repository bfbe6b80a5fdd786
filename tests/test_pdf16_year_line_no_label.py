"""An entry's last line that is a year alone ("2012.") is no lone list label.

Found by printing the dev corpus in two columns (benches/pdf.py): in a numbered list,
an entry of the left column ended with a line "2012." on the baseline of the first
line of an entry in the right column ("48. Man WD, ..."). The label pairing (labels
set in a column of their own, off their entry's baseline: pdf_label_column) took
"2012." for a lone label and set it before that line: "2012. 48. Man WD, ..." no
longer opened an entry, entry 48 was run into entry 47, and every citation of [48]
was reported as a missing reference. A label stands beside its entry, not a column
away, and a line that opens with its own label takes no other.

Made-up entries; the PDF is printed here."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from tests.manuscript.test_pdf_builder import Column, Page, write_pdf

_IN = 14.0

LEFT: list[str | tuple[float, str]] = [
    "Introduction",
    "Rivers were gauged by hand [1], by floats [2],",
    "by radar [3], with nets [4], weirs [5] and dyes",
    "[6]; sondes [7] and drones [8] came last.",
    "",
    "References",
    "1. Abbott J. Gauging by hand. Hydrol Rev.",
    (_IN, "1999."),
    "2. Cole L. A manual of gauging. Amherst, MA:",
    (_IN, "University of Made-up Press;"),
    (_IN, "2012."),
]
RIGHT: list[str | tuple[float, str]] = []
for k, name in zip(range(3, 9), ("Dunn", "Ernst", "Frey", "Gale", "Hale", "Ives"), strict=True):
    RIGHT += [f"{k}. {name} M. Gauging study {k}. J Made-up", (_IN, f"Hydrol. 2010;{k}:1-9.")]


def test_a_year_line_is_not_set_before_the_next_columns_entry(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "two.pdf", [Page([Column(LEFT), Column(RIGHT)])])
    result = audit(AuditInput.from_paths([path]))
    texts = [r.raw.replace("\n", " ") for r in result.data.references]
    assert len(texts) == 8, texts
    assert texts[7].startswith("8. Ives"), texts[7]
    assert not any("2012. 8." in t or "1999. " in t[5:] for t in texts), texts
    codes = [f.code for f in result.findings if f.code in ("CIT001", "CIT002")]
    assert codes == []
