"""A long raised citation list outnumbers the words on its line: "isolated from total
genomic DNA.^9,10,11,...,21,^" / "^22,...,27^ The method ...". Sized by its median
glyph, the line was taken as set in the raised type: its numbers were no
superscripts, the size change broke the paragraph before and after it, and the list's
two halves were read apart -- each entry it cites was called never cited. Each PDF is
drawn here with reportlab (made-up text)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.reading import read_manuscript
from tests.manuscript.test_pdf_builder import Column, Page, write_pdf

ENTRIES: list[str | tuple[float, str]] = [
    f"{n}. Author{n} J. A made-up study. J Stuff. 2019;{n}:1-9." for n in range(1, 16)
]
FIRST = ",".join(str(n) for n in range(1, 12)) + ","
SECOND = ",".join(str(n) for n in range(12, 16))


def _path(tmp_path: Path) -> Path:
    body: list[str | tuple[float, str]] = [
        "Introduction",
        "The whole locus is isolated from total",
        "genomic DNA.^{" + FIRST + "}",
        "^{" + SECOND + "} The method exploits a high rate of",
        "recombination between the locus and its vector.",
        "",
        "References",
    ]
    return write_pdf(tmp_path / "raised.pdf", [Page([Column(body), Column(ENTRIES)])])


def test_a_line_mostly_raised_numbers_keeps_them_raised(tmp_path: Path) -> None:
    lines = [line for line in read_manuscript(_path(tmp_path)).lines]
    at = next(k for k, line in enumerate(lines) if line.text.startswith("genomic DNA."))
    assert lines[at].superscripts
    assert lines[at - 1].text and lines[at + 1].text  # no paragraph break around it


def test_every_entry_of_the_cut_raised_list_is_cited(tmp_path: Path) -> None:
    result = audit(AuditInput.from_paths([_path(tmp_path)]))
    assert not [f.message for f in result.findings if f.code in ("CIT001", "CIT002")]
